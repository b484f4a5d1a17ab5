import type { PiAuditConfig } from '../config/model';
import type { LineEvidence } from '../disposition/evidence/lineEvidence';
import type { Disposition } from '../disposition/model';
import type { Engine } from '../engine';
import type { Lang } from '../i18n/localizer';
import { pickExtractor, type FileAnalysis } from './analyzeFile';
import { AuditCache } from './auditCache';
import { auditFields, type Audit } from './auditFields';
import type { SkippedFile } from './model';
import type { ScanResult } from './scanResult';

/**
 * What an editor needs to re-audit a folder after one document changed: the latest analysis
 * and text of every file of the folder (from disk after a scan, from the buffer for open
 * documents). Re-auditing runs `auditFields` over all of them, because evidence in one file
 * (a purge job, a DELETE statement) decides diagnostics in another; only the changed document
 * is analysed again, and only its text is searched for evidence again and judged by the rules
 * again (`AuditCache`).
 */
export class FolderIndex {
  private readonly analyses = new Map<string, FileAnalysis>();
  private readonly texts = new Map<string, string>();
  private readonly cache = new AuditCache();

  /**
   * Records (or replaces) one file's analysis and the text it was made from; `lines`, the
   * evidence line scan of that text when it was made alongside the analysis, saves scanning it here.
   */
  set(analysis: FileAnalysis, text: string, lines?: readonly LineEvidence[]): void {
    this.analyses.set(analysis.file, analysis);
    this.texts.set(analysis.file, text);
    if (lines) this.cache.assess.lines.remember(analysis.file, text, lines);
  }

  delete(file: string): boolean {
    this.texts.delete(file);
    return this.analyses.delete(file);
  }

  has(file: string): boolean {
    return this.analyses.has(file);
  }

  analysis(file: string): FileAnalysis | undefined {
    return this.analyses.get(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** The files known, relative paths. */
  files(): string[] {
    return [...this.analyses.keys()];
  }

  get size(): number {
    return this.analyses.size;
  }

  /** Replaces everything with another index's content (a finished workspace scan). */
  replaceWith(other: FolderIndex): void {
    this.analyses.clear();
    this.texts.clear();
    for (const [file, analysis] of other.analyses) this.set(analysis, other.texts.get(file) ?? '');
    this.cache.assess.lines.takeFrom(other.cache.assess.lines);
  }

  /** Resolves dispositions, collects evidence and runs the rules over every file known. */
  audit(options: { config: PiAuditConfig; lang: Lang; system: string; checklist?: ReadonlyMap<string, Disposition> }): Audit {
    return auditFields({ analyses: [...this.analyses.values()], texts: this.texts, ...options, cache: this.cache });
  }

  /** The index and an audit of it as the engine's single result type (for SARIF and reports). */
  scanResult(audit: Audit, scan: { root: string; skipped: readonly SkippedFile[]; ms: number }): ScanResult {
    const analyses = [...this.analyses.values()].sort((a, b) => a.file.localeCompare(b.file));
    let bytes = 0;
    for (const text of this.texts.values()) bytes += Buffer.byteLength(text, 'utf8');
    return {
      root: scan.root,
      files: analyses.length,
      bytes,
      ms: scan.ms,
      skipped: [...scan.skipped],
      fields: audit.fields,
      values: analyses.flatMap((a) => a.values),
      diagnostics: audit.diagnostics,
      assessed: audit.assessed,
      problems: [
        ...analyses.flatMap((a) => a.problems.map((p) => ({ file: a.file, ...p }))),
        ...audit.policyProblems.map((p) => ({ file: '.piaudit.yaml', line: 1, column: 1, message: `${p.policy}: ${p.message}` })),
      ],
    };
  }
}

/**
 * The engine as `scanWorkspace` sees it, telling `onAnalyzed` about every file it analyses, so
 * that a workspace scan also fills a `FolderIndex` without reading the files twice.
 */
export function recordingEngine(engine: Engine, onAnalyzed: (analysis: FileAnalysis, text: string) => void): Engine {
  return {
    config: engine.config,
    extractors: engine.extractors,
    classifier: engine.classifier,
    analyze: async (file: string, text: string): Promise<FileAnalysis> => {
      const analysis = await engine.analyze(file, text);
      onAnalyzed(analysis, text);
      return analysis;
    },
  };
}

/** True when one of the engine's extractors reads this file (its path and first few KB decide). */
export function engineReads(engine: Engine, file: string, text: string): boolean {
  return pickExtractor(engine.extractors, file, text) !== undefined;
}
