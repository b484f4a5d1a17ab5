/**
 * Go struct tags: `gorm:"column:id_card;comment:身份证号" json:"idCard,omitempty"`. Parsed with the
 * same rules as the standard library's reflect.StructTag, then read per library.
 */
import { unquoteStringLiteral } from '../treeSitter/syntaxHelpers';

/** Keys whose first comma-separated item names the field in another representation. */
const NAMING_KEYS = ['json', 'db', 'bson', 'yaml', 'xml', 'form', 'mapstructure', 'msgpack', 'toml', 'bun', 'pg', 'ch', 'query', 'csv', 'firestore', 'dynamodbav'];

export interface TagFacts {
  aliases: string[];
  description?: string;
  defaultValue?: string;
  /** `bun:"table:users"` on an embedded `bun.BaseModel`: the table of the enclosing struct. */
  table?: string;
}

/** Key/value pairs of a struct tag, in order; parsing stops at the first malformed pair as Go does. */
export function parseStructTag(tag: string): Map<string, string> {
  const pairs = new Map<string, string>();
  let rest = tag;
  for (;;) {
    rest = rest.replace(/^ +/, '');
    if (rest === '') break;
    let i = 0;
    while (i < rest.length && rest.charCodeAt(i) > 32 && rest[i] !== ':' && rest[i] !== '"' && rest.charCodeAt(i) !== 0x7f) i++;
    if (i === 0 || i + 1 >= rest.length || rest[i] !== ':' || rest[i + 1] !== '"') break;
    const key = rest.slice(0, i);
    rest = rest.slice(i + 1);
    let end = 1;
    while (end < rest.length && rest[end] !== '"') end += rest[end] === '\\' ? 2 : 1;
    if (end >= rest.length) break;
    if (!pairs.has(key)) pairs.set(key, unquoteStringLiteral(rest.slice(0, end + 1)));
    rest = rest.slice(end + 1);
  }
  return pairs;
}

/** GORM settings: `column:id_card;size:18;comment:身份证号` (keys are case-insensitive, `\;` escapes). */
export function parseGormSettings(value: string): Map<string, string> {
  const settings = new Map<string, string>();
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\' && value[i + 1] === ';') {
      current += ';';
      i++;
    } else if (value[i] === ';') {
      parts.push(current);
      current = '';
    } else {
      current += value[i];
    }
  }
  parts.push(current);
  for (const part of parts) {
    const colon = part.indexOf(':');
    const key = (colon >= 0 ? part.slice(0, colon) : part).trim().toLowerCase();
    if (key !== '' && !settings.has(key)) settings.set(key, colon >= 0 ? stripQuotes(part.slice(colon + 1).trim()) : '');
  }
  return settings;
}

/** What the tag of one field says: other names, a comment, a default. */
export function readTagFacts(tagLiteral: string): TagFacts {
  const pairs = parseStructTag(unquoteStringLiteral(tagLiteral));
  const facts: TagFacts = { aliases: [] };
  const gorm = pairs.get('gorm');
  if (gorm !== undefined && gorm !== '-') {
    const settings = parseGormSettings(gorm);
    pushName(facts.aliases, settings.get('column'));
    facts.description = nonEmpty(settings.get('comment'));
    facts.defaultValue = settings.get('default');
  }
  const xorm = pairs.get('xorm');
  if (xorm !== undefined) readXorm(xorm, facts);
  for (const key of NAMING_KEYS) {
    const value = pairs.get(key);
    if (value === undefined) continue;
    const first = value.split(',')[0].trim();
    if (key === 'bun' && first.startsWith('table:')) facts.table = nonEmpty(first.slice('table:'.length));
    else if (!first.includes(':') && !first.includes('=')) pushName(facts.aliases, first);
  }
  const protobuf = pairs.get('protobuf');
  for (const option of protobuf?.split(',') ?? []) {
    if (option.startsWith('name=') || option.startsWith('json=')) pushName(facts.aliases, option.slice(option.indexOf('=') + 1));
  }
  facts.description ??= nonEmpty(pairs.get('comment')) ?? nonEmpty(pairs.get('description'));
  facts.defaultValue ??= pairs.get('default');
  if (facts.description === undefined) delete facts.description;
  if (facts.defaultValue === undefined) delete facts.defaultValue;
  return facts;
}

/** xorm: `xorm:"varchar(18) notnull 'id_card' comment('身份证号')"`. */
function readXorm(value: string, facts: TagFacts): void {
  const comment = /\bcomment\(\s*'((?:[^'\\]|\\.)*)'\s*\)/i.exec(value) ?? /\bcomment\(\s*([^)]*)\)/i.exec(value);
  if (comment) facts.description ??= nonEmpty(comment[1]);
  const withoutComment = comment ? value.replace(comment[0], ' ') : value;
  const column = /(?:^|\s)'([^']+)'(?:\s|$)/.exec(withoutComment);
  if (column) pushName(facts.aliases, column[1]);
  const defaultValue = /\bdefault\s*\(?\s*'?([^'\s)]+)/i.exec(withoutComment);
  if (defaultValue) facts.defaultValue ??= defaultValue[1];
}

function pushName(aliases: string[], name: string | undefined): void {
  const trimmed = name?.trim();
  if (trimmed && trimmed !== '-' && !aliases.includes(trimmed)) aliases.push(trimmed);
}

function stripQuotes(value: string): string {
  return value.length >= 2 && (value[0] === "'" || value[0] === '"') && value.endsWith(value[0]) ? value.slice(1, -1) : value;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
