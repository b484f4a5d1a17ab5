import * as path from 'node:path';
import type { GrammarName } from '../treeSitter/grammarLoader';

const GRAMMAR_BY_EXTENSION: Record<string, GrammarName> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
};

/** The grammar for a file name, or undefined when it is not a TypeScript/JavaScript source. */
export function grammarFor(filePath: string): GrammarName | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (base.endsWith('.min.js')) return undefined; // bundles: no hand-written models, slow to parse
  return GRAMMAR_BY_EXTENSION[path.extname(base)];
}

/** Words that only appear in files using one of the ORMs / ODMs we read. */
const LIBRARY_NAMES = ['typeorm', 'sequelize', 'mongoose', '@mikro-orm']; // any case: imports, `Sequelize`
const ORM_MARKERS = ['@Entity', '@Table', 'DataTypes', 'Schema('];

/** `interface X {` / `class X … {` / `type X = {` followed somewhere by a typed property `name?: Type`. */
const DECLARED_SHAPE = /\b(?:interface|class)\s+[A-Za-z_$][\w$]*[^{;]*\{|\btype\s+[A-Za-z_$][\w$]*(?:<[^>]*>)?\s*=\s*\{/;
const TYPED_PROPERTY = /(?:^|[{;,])\s*(?:(?:public|private|protected|readonly|declare|abstract|override)\s+)*['"]?[A-Za-z_$][\w$]*['"]?[?!]?\s*:\s*[A-Za-z_$[{('"]/m;

/**
 * Cheap test on the first KB of a file: does it mention an ORM we read, or declare a class,
 * interface or object type with typed properties? The syntax tree decides the rest.
 */
export function headLooksLikeModels(head: string): boolean {
  const lower = head.toLowerCase();
  if (LIBRARY_NAMES.some((name) => lower.includes(name)) || ORM_MARKERS.some((marker) => head.includes(marker))) return true;
  return DECLARED_SHAPE.test(head) && TYPED_PROPERTY.test(head);
}
