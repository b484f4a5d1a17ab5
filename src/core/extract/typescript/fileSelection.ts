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

/**
 * Words that only appear in files using one of the ORMs / ODMs we read, in any case (imports,
 * `Sequelize`): `typeorm`, `sequelize`, `mongoose`, `@mikro-orm` in the text lowered by
 * `toLowerCase`. Matched without making the lowered copy of the whole text: `/i` folds ASCII
 * letters only, and the one other character that `toLowerCase` turns into one of these letters is
 * the Kelvin sign (`K` → `k`).
 */
const LIBRARY_NAME = /typeorm|sequelize|mongoose|@mi[k\u212A]ro-orm/i;
const ORM_MARKERS = ['@Entity', '@Table', 'DataTypes', 'Schema('];

/** `interface X {` / `class X … {` / `type X = {`: the file declares a shape the readers look into. */
const DECLARED_SHAPE = /\b(?:interface|class)\s+[A-Za-z_$][\w$]*[^{;]*\{|\btype\s+[A-Za-z_$][\w$]*(?:<[^>]*>)?\s*=\s*\{/;
/** `name?: Type` after `{`, `;`, `,` or at a line start: a typed property or parameter, somewhere. */
const TYPED_PROPERTY = /(?:^|[{;,])\s*(?:(?:public|private|protected|readonly|declare|abstract|override)\s+)*['"]?[A-Za-z_$][\w$]*['"]?[?!]?\s*:\s*[A-Za-z_$[{('"]/m;

/**
 * Cheap test on the first KB of a file: does it mention an ORM we read, or declare a class,
 * interface or object type with typed properties? `textDeclaresModels` then looks at the whole
 * text, and the syntax tree decides the rest.
 */
export function headLooksLikeModels(head: string): boolean {
  return mentionsLibrary(head) || (DECLARED_SHAPE.test(head) && TYPED_PROPERTY.test(head));
}

const DECORATOR = String.raw`@[\w$.]+(?:\((?:[^()\n]|\([^()\n]*\))*\))?`;
const MODIFIERS = String.raw`(?:(?:public|private|protected|readonly|declare|abstract|override|static)\s+)*`;
/** A name, quoted or not, or a computed one (`[Symbol.toStringTag]`: the readers report it as unreadable). */
const PROPERTY_NAME = String.raw`(?:['"]?[A-Za-z_$][\w$]*['"]?|\[[^\]\n]+\])[?!]?`;
const TYPE_START = String.raw`[A-Za-z_$[{('"]`;
/**
 * A property as a class, interface or object type declares it, on a line of its own
 * (`  @Column() readonly name?: string;`), or decorated without a type (`  @Prop()\n  name = ''`).
 */
const MEMBER_LINE = new RegExp(String.raw`^[ \t]*(?:(?:${DECORATOR}\s+)*${MODIFIERS}${PROPERTY_NAME}[ \t]*:[ \t]*${TYPE_START}|(?:${DECORATOR}\s+)+${MODIFIERS}${PROPERTY_NAME}\s*[;=])`, 'm');
/** The first property right after the brace that opens a declaration: `interface A { name: string }`, `type A = B & { name: string }`. */
const FIRST_MEMBER = new RegExp(String.raw`(?:\b(?:class|interface)\s+[A-Za-z_$][\w$]*[^{;]*|[=&|]\s*)\{\s*(?:${DECORATOR}\s+)*${MODIFIERS}${PROPERTY_NAME}\s*:\s*${TYPE_START}`);

/**
 * Whether a whole text can hold a model the readers take: it mentions an ORM we read, or it
 * declares a class, interface or object type and somewhere a property as a member declares
 * it (on a line of its own, or right after the declaration's `{`). Typed parameters
 * (`constructor(private repo: Repo)`, `find(options: { page?: number })`) and object literals
 * inside expressions do not count: service and controller files are full of them and hold no
 * model. A text that fails this is not parsed.
 */
export function textDeclaresModels(text: string): boolean {
  return mentionsLibrary(text) || (DECLARED_SHAPE.test(text) && (MEMBER_LINE.test(text) || FIRST_MEMBER.test(text)));
}

function mentionsLibrary(text: string): boolean {
  return LIBRARY_NAME.test(text) || ORM_MARKERS.some((marker) => text.includes(marker));
}
