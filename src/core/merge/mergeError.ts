/**
 * An input `pi-audit merge` cannot use: not a pi-audit report or checklist, unreadable, or a
 * system given twice. Nothing is written; the message names the file (and line, when known).
 */
export class MergeError extends Error {
  override readonly name = 'MergeError';

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}
