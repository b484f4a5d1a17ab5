import { placeComment, type PlacedComment } from './commentPlacement';
import type { LineIndex } from './lineIndex';

/**
 * What `graphql`'s parser does not give: the `#` comments (it skips them) and, for a file it
 * rejects, where each top-level definition starts, so the rest can be parsed one by one.
 */
export interface GraphqlSourceScan {
  comments: PlacedComment[];
  /** Offsets where top-level definitions start (at their description when they have one). */
  definitionStarts: number[];
}

const DEFINITION_KEYWORDS = new Set([
  'type', 'input', 'interface', 'extend', 'enum', 'union', 'scalar', 'schema', 'directive',
  'query', 'mutation', 'subscription', 'fragment',
]);
const NAME_START = /[_A-Za-z]/;
const NAME_PART = /[_0-9A-Za-z]/;

/** One pass over the source that knows strings, block strings and comments; it never fails. */
export function scanGraphqlSource(text: string, index: LineIndex): GraphqlSourceScan {
  const comments: PlacedComment[] = [];
  const definitionStarts: number[] = [];
  let depth = 0;
  let previousWord = '';
  /** Start of a top-level string that may be the description of the next definition. */
  let description = -1;

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = lineEnd(text, i);
      comments.push(placeComment(text, index, i, end));
      i = end;
    } else if (c === '"') {
      const end = text.startsWith('"""', i) ? blockStringEnd(text, i) : stringEnd(text, i);
      if (depth === 0) description = i;
      previousWord = '';
      i = end;
    } else if (NAME_START.test(c)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end])) end++;
      const word = text.slice(i, end);
      if (depth === 0 && DEFINITION_KEYWORDS.has(word) && previousWord !== 'extend') {
        definitionStarts.push(description >= 0 ? description : i);
      }
      previousWord = word;
      description = -1;
      i = end;
    } else {
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
      if (!/[\s,\uFEFF]/.test(c)) {
        description = -1;
        previousWord = '';
      }
      i++;
    }
  }
  return { comments, definitionStarts };
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** `"…"` ends at its closing quote or, unterminated, at the end of the line. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
    else if (c === '\n' || c === '\r') return i;
  }
  return text.length;
}

/** `"""…"""` (where `\"""` is escaped) ends after its closing quotes, or at the end of the file. */
function blockStringEnd(text: string, start: number): number {
  for (let i = start + 3; i < text.length; i++) {
    if (text.startsWith('\\"""', i)) i += 3;
    else if (text.startsWith('"""', i)) return i + 3;
  }
  return text.length;
}
