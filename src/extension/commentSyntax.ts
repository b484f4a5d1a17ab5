import * as path from 'node:path';

/** How a file writes a one-line comment, so that a `@pi` annotation can be inserted in it. */
export type CommentSyntax = { kind: 'line'; prefix: string } | { kind: 'block'; open: string; close: string };

const BY_EXTENSION: Record<string, CommentSyntax> = {
  '.sql': { kind: 'line', prefix: '--' },
  '.ddl': { kind: 'line', prefix: '--' },
  '.py': { kind: 'line', prefix: '#' },
  '.yaml': { kind: 'line', prefix: '#' },
  '.yml': { kind: 'line', prefix: '#' },
  '.graphql': { kind: 'line', prefix: '#' },
  '.gql': { kind: 'line', prefix: '#' },
  '.xml': { kind: 'block', open: '<!--', close: '-->' },
};
for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.java', '.go', '.cs', '.prisma', '.proto']) {
  BY_EXTENSION[ext] = { kind: 'line', prefix: '//' };
}

const BY_LANGUAGE: Record<string, string> = {
  sql: '.sql', python: '.py', yaml: '.yaml', graphql: '.graphql', xml: '.xml', typescript: '.ts', typescriptreact: '.tsx',
  javascript: '.js', javascriptreact: '.jsx', java: '.java', go: '.go', csharp: '.cs', prisma: '.prisma', proto: '.proto', proto3: '.proto',
};

/**
 * The comment syntax of a file, by its extension (what the engine goes by) and else its VS Code
 * language id. Null for formats without comments the engine reads annotations from (JSON, CSV):
 * their decisions go to the checklist instead.
 */
export function commentSyntaxFor(fileName: string, languageId?: string): CommentSyntax | null {
  const byExtension = BY_EXTENSION[path.extname(fileName).toLowerCase()];
  if (byExtension) return byExtension;
  const ext = languageId === undefined ? undefined : BY_LANGUAGE[languageId];
  return ext === undefined ? null : BY_EXTENSION[ext];
}

/**
 * A whole comment line holding `annotation`: `-- @pi delete`, `<!-- @pi delete -->`. Null when
 * the annotation cannot be written in that syntax (an XML comment may not contain `--`).
 */
export function commentLine(syntax: CommentSyntax, annotation: string): string | null {
  if (/[\r\n]/.test(annotation)) return null;
  if (syntax.kind === 'line') return `${syntax.prefix} ${annotation}`;
  if (annotation.includes('--') || annotation.includes(syntax.close)) return null;
  return `${syntax.open} ${annotation} ${syntax.close}`;
}
