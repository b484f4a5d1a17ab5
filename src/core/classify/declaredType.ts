/** Reads declared column and property types across SQL, ORMs and languages (lower-cased input). */

export function isBooleanType(type: string): boolean {
  return /^(bool|boolean|tinyint\(1\)|bit(\(1\))?|models\.booleanfield|booleanfield|nullbooleanfield)$/.test(type.replace(/\s+/g, '')) || /\bbool(ean)?\b/.test(type);
}

export function isIntegerType(type: string): boolean {
  return /\b(int|integer|bigint|smallint|int32|int64|uint32|uint64|long|serial|bigserial|bigautofield|autofield|foreignkey|integerfield|biginteger)\b|^(int|bigint|integer)\(/.test(type);
}
