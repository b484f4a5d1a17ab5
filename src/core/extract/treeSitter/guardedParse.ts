import type { Parser, Tree } from 'web-tree-sitter';

/**
 * A parse whose furthest position has not moved for this long is stuck in error recovery:
 * the TSX grammar, given a kilobyte of random bytes, loops at the end of the text for ever.
 */
export const PARSE_STALL_MS = 2000;
/**
 * Healthy parses run at 0.3–2.3 ms per KB (measured on every grammar, 2 MB files). Error recovery
 * in a damaged file can be quadratic (100 KB of an unterminated Go tag string: 7.5 s, 500 KB: 134 s),
 * so a parse gets 2 s plus 5 ms per KB, twice the slowest healthy rate, and is stopped after that.
 */
const PARSE_BASE_MS = 2000;
const PARSE_MS_PER_KB = 5;
/** And never more than this, whatever the size: no file may hold up a scan or the editor longer. */
const PARSE_MAX_MS = 30_000;

export interface GuardedParse {
  tree: Tree | null;
  /** Why the parse was stopped, if it was. */
  stopped?: 'stalled' | 'too-slow';
  ms: number;
}

/**
 * `parser.parse(text)`, stopped when it makes no headway for `PARSE_STALL_MS` or runs past its
 * size-based deadline (at most `PARSE_MAX_MS`). Bounds the work the editor does on a damaged
 * buffer even where no per-file budget of a scan applies.
 */
export function parseGuarded(parser: Parser, text: string): GuardedParse {
  const started = Date.now();
  const deadline = started + Math.min(PARSE_MAX_MS, PARSE_BASE_MS + PARSE_MS_PER_KB * (text.length / 1024));
  let furthest = -1;
  let movedAt = started;
  let stopped: GuardedParse['stopped'];
  const tree = parser.parse(text, null, {
    // Returning true cancels the parse (web-tree-sitter 0.25; the typings say void).
    progressCallback: (state): boolean => {
      const now = Date.now();
      if (state.currentOffset > furthest) {
        furthest = state.currentOffset;
        movedAt = now;
      } else if (now - movedAt > PARSE_STALL_MS) {
        stopped = 'stalled';
      }
      if (now > deadline) stopped ??= 'too-slow';
      return stopped !== undefined;
    },
  });
  return { tree, stopped, ms: Date.now() - started };
}

/** The problem recorded for a parse that was stopped. */
export function stoppedMessage(grammar: string, parse: GuardedParse): string {
  const seconds = (parse.ms / 1000).toFixed(1);
  return parse.stopped === 'stalled'
    ? `the ${grammar} parser made no progress and was stopped after ${seconds} s; the file is not read`
    : `the ${grammar} parser was stopped after ${seconds} s (error recovery in a damaged file); the file is not read`;
}
