/** C# model files: EF Core / data-annotation entities, JSON / Mongo DTOs, records and structs. */
import type { ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { extractWithTreeSitter } from '../treeSitter/syntaxHelpers';
import { fileConstants } from './csharpSyntax';
import { readCSharpTypes } from './csharpTypeReader';
import { applyFluentConfiguration } from './fluentConfiguration';

export class CSharpExtractor implements Extractor {
  readonly format = 'csharp' as const;

  constructor(private readonly loader: GrammarLoader) {}

  /** A type declaration together with something that looks like data: properties, a record, mapping attributes. */
  accepts(filePath: string, head: string): boolean {
    return (
      /\.cs$/i.test(filePath) &&
      /\b(class|record|struct)\b/.test(head) &&
      /\{\s*get\b|\brecord\b|\[\s*(Table|Column|Key)\b|\bpublic\s+[\w.<>?,[\]]+\s+\w+\s*[;=]/.test(head)
    );
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    const setup = { loader: this.loader, grammar: 'c_sharp', format: this.format, commentTypes: ['comment'] } as const;
    return extractWithTreeSitter(setup, text, (context) => {
      const constants = fileConstants(context.root);
      const entities = readCSharpTypes(context, constants);
      if (/\.(HasComment|HasColumnName|HasElementName|ToTable|ToCollection)\b/.test(text)) {
        applyFluentConfiguration(context.root, entities, constants);
      }
      return entities;
    });
  }
}
