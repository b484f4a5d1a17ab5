/**
 * What every extractor produces: the entities (tables, models, classes, messages, objects)
 * declared in one file, with their fields. Positions are 1-based lines and columns, in
 * UTF-16 code units of the decoded text (what editors use).
 */

/** The file formats the engine can read. One extractor per id. */
export type FormatId =
  | 'sql'
  | 'prisma'
  | 'typescript'
  | 'python'
  | 'java'
  | 'go'
  | 'csharp'
  | 'protobuf'
  | 'graphql'
  | 'json-schema'
  | 'openapi'
  | 'mybatis-xml'
  | 'csv-dictionary'
  | 'json-data';

export type EntityKind = 'table' | 'model' | 'class' | 'struct' | 'message' | 'type' | 'object';

/** A comment as written in the source, without its comment markers (`--`, `//`, `#`, `/* *\/`, `///`). */
export interface SourceComment {
  text: string;
  line: number;
  column: number;
}

export interface ExtractedField {
  /** The property or column name as declared (the class property, the SQL column). */
  name: string;
  /** Other names of the same field: `@Column({name})`, `db_column`, `@map`, json/gorm tags, `column=`. */
  aliases: string[];
  /** The declared type as written (`VARCHAR(18)`, `String?`, `models.BooleanField`, `bool`). */
  type?: string;
  /**
   * Human description from the schema itself: SQL COMMENT, `verbose_name`, `"""` descriptions,
   * JSON Schema `title`/`description`, javadoc, `///` docs, a CSV 说明 column.
   */
  description?: string;
  /** Raw comments on the field's line or just above it (where `@pi` annotations live). */
  comments: SourceComment[];
  /** Literal default value if declared (never reported whole: it may be PI). */
  defaultValue?: string;
  /** A few values seen in data for this field (INSERT rows, fixtures); never reported whole. */
  sampleValues?: string[];
  line: number;
  column: number;
}

export interface ExtractedEntity {
  /** The entity name as declared (class / model / table / message / object key). */
  name: string;
  /** Other names: `@@map`, `@Table(name)`, `db_table`, `__tablename__`, `TableName()`. */
  aliases: string[];
  kind: EntityKind;
  description?: string;
  comments: SourceComment[];
  /** Name of the enclosing entity for nested messages, subdocuments and nested objects. */
  parent?: string;
  line: number;
  column: number;
  fields: ExtractedField[];
}

/** Something the extractor could not read; extraction goes on past it. */
export interface ExtractionProblem {
  message: string;
  line: number;
  column: number;
}

export interface ExtractionResult {
  format: FormatId;
  entities: ExtractedEntity[];
  problems: ExtractionProblem[];
}

/**
 * One extractor per format. `extract` must never throw: a half-written or dialect-specific
 * file yields what can be read, and the rest goes into `problems`.
 */
export interface Extractor {
  readonly format: FormatId;
  /** Cheap test on the path and the first few KB of text: can this file hold this format? */
  accepts(filePath: string, head: string): boolean;
  extract(text: string, filePath: string): Promise<ExtractionResult>;
}
