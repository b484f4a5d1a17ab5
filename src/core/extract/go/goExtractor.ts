/** Go model files: structs with gorm / json / db / bson / xorm tags and `TableName()` methods. */
import type { ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { extractWithTreeSitter } from '../treeSitter/syntaxHelpers';
import { goNodeTypes, readGoStructs } from './goStructReader';

export class GoExtractor implements Extractor {
  readonly format = 'go' as const;

  constructor(private readonly loader: GrammarLoader) {}

  accepts(filePath: string, head: string): boolean {
    return /\.go$/i.test(filePath) && /\bstruct\b/.test(head);
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    const setup = { loader: this.loader, grammar: 'go', format: this.format, commentTypes: ['comment'], nodeTypes: goNodeTypes(text) } as const;
    return extractWithTreeSitter(setup, text, readGoStructs);
  }
}
