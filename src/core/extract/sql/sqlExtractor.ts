/**
 * SQL DDL extractor: tables and columns from MySQL/MariaDB, PostgreSQL, SQLite, SQL Server,
 * Oracle and Hive scripts, with their COMMENT strings, defaults and `--` / `#` / `/* *\/` comments.
 *
 * Why a hand-written tokenizer and statement scanner rather than a SQL parser from npm: the
 * files this tool reads are dumps and migrations as people keep them — dialects mixed in one
 * file (MySQL backticks next to PostgreSQL `COMMENT ON`), half-written or truncated scripts,
 * vendor syntax (`ENGINE=… COMMENT='…'`, `DELIMITER $$`, `GO`, Hive `STORED AS`). The SQL
 * parsers on npm each accept one dialect, reject the whole file at the first statement they do
 * not know, and give no source positions for COMMENT strings or comments, which are exactly what
 * the classifier and the `@pi` annotations need. A tolerant scanner that reads the DDL it
 * understands and skips everything else (a 10k-row INSERT by a plain character scan) does.
 */
import type { Extractor, ExtractionResult } from '../model';
import { scanSql, type SqlScanOptions } from './sqlScanner';

const SQL_EXTENSIONS = /\.(?:sql|ddl)$/i;
/** A CREATE TABLE statement at the start of a line, as in a script (not inside code). */
const CREATE_TABLE_LINE = /^[ \t]*CREATE\s+(?:(?:OR\s+REPLACE|GLOBAL|LOCAL|TEMPORARY|TEMP|UNLOGGED|EXTERNAL)\s+)*TABLE\b/im;

export class SqlExtractor implements Extractor {
  readonly format = 'sql' as const;

  constructor(private readonly options: SqlScanOptions = {}) {}

  accepts(filePath: string, head: string): boolean {
    return SQL_EXTENSIONS.test(filePath) || CREATE_TABLE_LINE.test(head);
  }

  extract(text: string, _filePath: string): Promise<ExtractionResult> {
    try {
      const { entities, problems } = scanSql(text, this.options);
      return Promise.resolve({ format: this.format, entities, problems });
    } catch (error) {
      // A defect in the scanner must not take the whole scan down: report it on the file.
      const message = error instanceof Error ? error.message : String(error);
      return Promise.resolve({ format: this.format, entities: [], problems: [{ message: `SQL extractor failed: ${message}`, line: 1, column: 1 }] });
    }
  }
}
