/** Javadoc as a human description: markers, HTML and block tags removed. */
import { descriptionFromComment, stripCommentMarkers } from '../treeSitter/syntaxHelpers';

/** True for `/** … *\/` (but not the empty block comment `/**\/`). */
export function isJavadoc(raw: string): boolean {
  return raw.startsWith('/**') && raw !== '/**/';
}

/** The main text of a javadoc, without `@author`-style block tags (and their continuation lines) or `@pi` annotations. */
export function javadocDescription(raw: string): string | undefined {
  const kept: string[] = [];
  let inBlockTag = false;
  for (const line of stripCommentMarkers(raw).split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) inBlockTag = true;
    else if (trimmed === '') inBlockTag = false;
    else if (!inBlockTag) kept.push(trimmed);
  }
  return descriptionFromComment(plainText(kept.join('\n')));
}

/** `@param name text` entries: records document their components this way. */
export function javadocParameters(raw: string): Map<string, string> {
  const parameters = new Map<string, string>();
  let current: { name: string; lines: string[] } | undefined;
  const flush = (): void => {
    const text = current ? descriptionFromComment(plainText(current.lines.join('\n'))) : undefined;
    if (current && text) parameters.set(current.name, text);
    current = undefined;
  };
  for (const line of stripCommentMarkers(raw).split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) {
      flush();
      const [tag, name, ...rest] = trimmed.split(/\s+/);
      if (tag === '@param' && name) current = { name, lines: [rest.join(' ')] };
    } else if (current) {
      current.lines.push(trimmed);
    }
  }
  flush();
  return parameters;
}

/** `{@link Member}` → `Member`, `<p>` → nothing, `&lt;` → `<`. */
function plainText(text: string): string {
  return text
    .replace(/\{@\w+\s+([^}]*)\}/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
