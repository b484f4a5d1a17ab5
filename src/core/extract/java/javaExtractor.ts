/** Java model files: JPA / Hibernate entities, MyBatis-Plus models, Swagger DTOs, records and plain classes. */
import type { ExtractionResult, Extractor } from '../model';
import type { GrammarLoader } from '../treeSitter/grammarLoader';
import { extractWithTreeSitter } from '../treeSitter/syntaxHelpers';
import { JAVA_NODE_TYPES, readJavaTypes } from './javaTypeReader';

export class JavaExtractor implements Extractor {
  readonly format = 'java' as const;

  constructor(private readonly loader: GrammarLoader) {}

  /** Any Java source that declares a class or record may hold fields. */
  accepts(filePath: string, head: string): boolean {
    return /\.java$/i.test(filePath) && /\b(class|record)\b|@Entity\b|@Table(Name)?\b/.test(head);
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    const setup = { loader: this.loader, grammar: 'java', format: this.format, commentTypes: ['line_comment', 'block_comment'], nodeTypes: JAVA_NODE_TYPES } as const;
    return extractWithTreeSitter(setup, text, readJavaTypes);
  }
}
