/** C# model files: EF Core / data-annotation entities, JSON / Mongo DTOs, records and structs. */
import type { ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { extractWithTreeSitter } from '../treeSitter/syntaxHelpers';
import { CONSTANT_DECLARATIONS, fileConstants } from './csharpSyntax';
import { CSHARP_TYPE_DECLARATIONS, readCSharpTypes } from './csharpTypeReader';
import { applyFluentConfiguration, FLUENT_CALLS } from './fluentConfiguration';

/** Fluent configuration is read only from a file that calls one of its methods. */
const CONFIGURES_FLUENTLY = /\.(HasComment|HasColumnName|HasElementName|ToTable|ToCollection)\b/;

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
    const fluent = CONFIGURES_FLUENTLY.test(text);
    const nodeTypes = [...CONSTANT_DECLARATIONS, ...CSHARP_TYPE_DECLARATIONS, ...(fluent ? FLUENT_CALLS : [])];
    const setup = { loader: this.loader, grammar: 'c_sharp', format: this.format, commentTypes: ['comment'], nodeTypes } as const;
    return extractWithTreeSitter(setup, text, (context) => {
      const constants = fileConstants(context.nodes);
      const entities = readCSharpTypes(context, constants);
      if (fluent) applyFluentConfiguration(context.nodes, entities, constants);
      return entities;
    });
  }
}
