import { Classifier } from './classify/classifier';
import type { PiAuditConfig } from './config/model';
import type { Extractor } from './extract/model';
import { createExtractors } from './extract/registry';
import { GrammarLoader } from './extract/treeSitter/grammarLoader';
import { analyzeFile, pickExtractor, type FileAnalysis } from './scan/analyzeFile';
import { detectValues } from './values/detectValues';

/**
 * The detection engine for one configuration: extractors, grammars and lexicons are built once
 * here and reused for every file. The CLI and the extension each hold one per workspace folder.
 */
export class Engine {
  readonly extractors: readonly Extractor[];
  readonly classifier: Classifier;

  constructor(readonly config: PiAuditConfig, grammars = new GrammarLoader()) {
    this.extractors = createExtractors(grammars);
    this.classifier = new Classifier({
      sensitiveIdReading: config.sensitiveIdReading,
      minConfidence: config.minConfidence,
      valueKinds: (samples) => samples.flatMap((sample) => detectValues(sample).map((hit) => hit.kind)),
    });
  }

  /** One file's text (from disk or an editor buffer); `file` is relative to the root, forward slashes. */
  analyze(file: string, text: string): Promise<FileAnalysis> {
    return analyzeFile(file, text, { extractor: pickExtractor(this.extractors, file, text), classifier: this.classifier, detectValues: true });
  }
}
