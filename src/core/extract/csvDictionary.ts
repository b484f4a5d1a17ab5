/**
 * CSV data-dictionary extractor: a spreadsheet export with one row per column, such as
 * `表名,字段名,类型,说明` or `table,column,type,comment`. The header row is found by its
 * synonyms (Chinese and English), rows are grouped by table into entities, and the 说明 /
 * 注释 / comment column (with 中文名 when there is one) becomes the field description.
 * Tolerates a BOM, title rows above the header, a table name written only on the first row
 * of its group, and `;` or tab separators. csv-parse reads the records; line numbers come
 * from the info it passes with each record, columns from the record's line.
 */
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { LineIndex } from './lineIndex';
import type { ExtractedEntity, ExtractedField, ExtractionProblem, ExtractionResult, Extractor } from './model';

type Role = 'table' | 'tableDescription' | 'column' | 'chineseName' | 'type' | 'description' | 'remark' | 'defaultValue';

/**
 * Header synonyms, normalized (lower case, no spaces, `_` or `-`, no bracketed notes), in order
 * of preference. Roles are assigned in this order, so `字段名称` is the column when nothing
 * better is there and the Chinese name when `字段代码` is.
 */
const ROLE_SYNONYMS: Array<[Role, string[]]> = [
  ['table', ['表名', '表英文名', '表代码', '表编码', '物理表名', '数据表', '数据表名', '表', 'table', 'tablename', 'tablecode', 'entity']],
  ['column', ['字段名', '字段英文名', '字段代码', '字段编码', '列名', '英文名', '物理字段名', '字段', '列', 'column', 'columnname', 'field', 'fieldname', 'columncode', '字段名称']],
  ['type', ['类型', '字段类型', '数据类型', '列类型', '类型长度', '数据类型长度', 'type', 'datatype', 'columntype', 'fieldtype']],
  ['description', ['说明', '字段说明', '注释', '字段注释', '描述', '字段描述', '含义', '字段含义', '解释', 'comment', 'comments', 'description', 'desc', 'columncomment', '备注']],
  ['chineseName', ['中文名', '中文名称', '字段中文名', '字段中文名称', '列中文名', '字段名称', '名称', 'label', 'displayname', 'chinesename']],
  ['tableDescription', ['表中文名', '表中文名称', '表说明', '表描述', '表注释', '表备注', '表含义', 'tablecomment', 'tabledescription', 'tablelabel']],
  ['remark', ['备注', 'remark', 'remarks', 'note', 'notes', 'memo']],
  ['defaultValue', ['默认值', '缺省值', 'default', 'defaultvalue']],
];

/** Records searched for the header row (title rows may sit above it). */
const HEADER_SEARCH_ROWS = 20;

type Layout = Partial<Record<Role, number>>;

export class CsvDictionaryExtractor implements Extractor {
  readonly format = 'csv-dictionary' as const;

  accepts(filePath: string, head: string): boolean {
    if (!/\.(?:csv|tsv)$/i.test(filePath)) return false;
    const delimiter = sniffDelimiter(head);
    return stripBom(head)
      .split(/\r\n|\r|\n/)
      .slice(0, HEADER_SEARCH_ROWS)
      .some((line) => detectLayout(line.split(delimiter)) !== undefined);
  }

  extract(text: string, filePath: string): Promise<ExtractionResult> {
    const problems: ExtractionProblem[] = [];
    let entities: ExtractedEntity[] = [];
    try {
      entities = readDictionary(stripBom(text), filePath, problems);
    } catch (error) {
      problems.push({ message: `CSV dictionary extractor failed: ${error instanceof Error ? error.message : String(error)}`, line: 1, column: 1 });
    }
    return Promise.resolve({ format: this.format, entities, problems });
  }
}

interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

function readDictionary(text: string, filePath: string, problems: ExtractionProblem[]): ExtractedEntity[] {
  const lines = new LineIndex(text);
  const delimiter = sniffDelimiter(text);
  const records = readRecords(text, delimiter, problems);

  const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => detectLayout(record.cells) !== undefined);
  if (headerIndex < 0) {
    problems.push({ message: 'No data-dictionary header row (表名/字段名/类型/说明 or table/column/type/comment) in the first rows.', line: 1, column: 1 });
    return [];
  }
  const header = records[headerIndex];
  const layout = detectLayout(header.cells)!;
  const cell = (record: CsvRecord, role: Role): string => {
    const index = layout[role];
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  const position = (record: CsvRecord, role: Role) => cellPosition(text, lines, record.line, layout[role] ?? 0, delimiter);

  const entities = new Map<string, ExtractedEntity>();
  const fileEntity = path.basename(filePath).replace(/\.[^.]+$/, '');
  let currentTable: string | undefined = layout.table === undefined ? fileEntity : undefined;
  const headerColumn = cell(header, 'column');

  for (const record of records.slice(headerIndex + 1)) {
    const tableCell = cell(record, 'table');
    if (tableCell !== '') currentTable = tableCell;
    const column = cell(record, 'column');
    if (currentTable === undefined || column === headerColumn) continue;
    // A row with a table name and no column opens the table's group (and may describe it).
    if (column === '' && tableCell === '') continue;

    const { name, aliases, note } = splitTableName(currentTable);
    let entity = entities.get(currentTable.toLowerCase());
    if (!entity) {
      entity = { name, aliases, kind: 'table', comments: [], fields: [], ...(tableCell !== '' ? position(record, 'table') : position(record, 'column')) };
      if (note) entity.description = note;
      entities.set(currentTable.toLowerCase(), entity);
    }
    const tableDescription = cell(record, 'tableDescription');
    if (tableDescription !== '' && entity.description === undefined) entity.description = tableDescription;
    if (column !== '') entity.fields.push(readField(record, column, cell, position));
  }
  return [...entities.values()];
}

function readField(
  record: CsvRecord,
  column: string,
  cell: (record: CsvRecord, role: Role) => string,
  position: (record: CsvRecord, role: Role) => { line: number; column: number },
): ExtractedField {
  const descriptionParts = unique([cell(record, 'chineseName'), cell(record, 'description')].filter(Boolean));
  const field: ExtractedField = { name: column, aliases: [], comments: [], ...position(record, 'column') };
  const type = cell(record, 'type');
  if (type !== '') field.type = type;
  if (descriptionParts.length > 0) field.description = descriptionParts.join('; ');
  const defaultValue = cell(record, 'defaultValue');
  if (defaultValue !== '') field.defaultValue = defaultValue;
  const remark = cell(record, 'remark');
  // A 备注 cell is where people write notes such as `@pi retain 30y`, so it is kept as a comment.
  if (remark !== '' && !descriptionParts.includes(remark)) field.comments.push({ text: remark, ...position(record, 'remark') });
  return field;
}

/** All records with the line each starts on; records lost to a malformed quote are reported. */
function readRecords(text: string, delimiter: string, problems: ExtractionProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  // Line ends are unified for the parser only: line numbers stay the same, and columns are read from `text`.
  const unified = text.replace(/\r\n?/g, '\n');
  try {
    parse(unified, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) problems.push({ message: `CSV: ${error.message}`, line: records.length > 0 ? records[records.length - 1].line + 1 : 1, column: 1 });
        return undefined;
      },
      // The record's info (csv-parse's `info`) tells the line the record ends on; embedded line
      // breaks move its start up. Records are collected here so that those read before a fatal
      // error (an unclosed quote) are kept.
      on_record: (record, info) => {
        const embedded = record.reduce((count, value) => count + (value.match(/\n/g)?.length ?? 0), 0);
        records.push({ cells: record, line: info.lines - embedded });
        return null;
      },
    });
  } catch (error) {
    problems.push({ message: `CSV: ${error instanceof Error ? error.message : String(error)}`, line: records.length > 0 ? records[records.length - 1].line + 1 : 1, column: 1 });
  }
  return records;
}

/** Maps header cells to roles; undefined unless there is a column role and one more that a dictionary has. */
function detectLayout(cells: string[]): Layout | undefined {
  const normalized = cells.map(normalizeHeader);
  const layout: Layout = {};
  const taken = new Set<number>();
  for (const [role, synonyms] of ROLE_SYNONYMS) {
    for (const synonym of synonyms) {
      const index = normalized.findIndex((cell, i) => cell === synonym && !taken.has(i));
      if (index >= 0) {
        layout[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  const supporting = [layout.table, layout.type, layout.description, layout.chineseName].some((index) => index !== undefined);
  return layout.column !== undefined && supporting ? layout : undefined;
}

function normalizeHeader(cell: string): string {
  return stripBom(cell)
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-:：*]/g, '')
    .toLowerCase();
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator used on the first non-empty line: comma, tab or semicolon. */
function sniffDelimiter(text: string): string {
  const firstLines = stripBom(text).split(/\r\n|\r|\n/, HEADER_SEARCH_ROWS).filter((line) => line.trim() !== '');
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  for (const line of firstLines) {
    for (const delimiter of counts.keys()) counts.set(delimiter, counts.get(delimiter)! + line.split(delimiter).length - 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Position of cell `index` on the record's first line (inside the quotes when quoted). */
function cellPosition(text: string, lines: LineIndex, line: number, index: number, delimiter: string): { line: number; column: number } {
  let offset = lines.lineStart(line);
  let quoted = false;
  for (let cell = 0; cell < index && offset < text.length; offset++) {
    const ch = text[offset];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === delimiter) cell++;
  }
  if (text[offset] === '"') offset++;
  return lines.position(offset);
}

/** `t_user（用户表）` → name `t_user`, note `用户表`; `ods.t_user` → name `t_user`, alias `ods.t_user`. */
function splitTableName(raw: string): { name: string; aliases: string[]; note?: string } {
  const match = /^([^(（]+)[(（](.*)[)）]\s*$/.exec(raw);
  const qualified = (match ? match[1] : raw).trim();
  const name = qualified.slice(qualified.lastIndexOf('.') + 1) || qualified;
  return { name, aliases: name !== qualified ? [qualified] : [], note: match?.[2].trim() || undefined };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
