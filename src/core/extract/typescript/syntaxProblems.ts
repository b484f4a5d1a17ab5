import type { Node } from 'web-tree-sitter';
import type { SourceFile } from './sourceFile';
import { namedChildrenOf, walk } from './syntax';

/** Enough to point the user at a broken file without flooding the report. */
const MAX_REPORTED = 10;

/**
 * Records the parser's error-recovery spots (ERROR and MISSING nodes) as problems. The messages
 * never quote the source text: it may hold personal information.
 */
export function reportSyntaxErrors(file: SourceFile): void {
  if (!file.root.hasError) return;
  const broken: Node[] = [];
  walk(file.root, (node) => {
    if (node.isError || node.isMissing) {
      broken.push(node);
      return false;
    }
    return node.hasError;
  });
  for (const node of broken.slice(0, MAX_REPORTED)) {
    if (node.isMissing) {
      file.problem(`Syntax error: missing "${node.type}"; declarations after this point may be incomplete.`, node);
      continue;
    }
    const first = file.position(node).line;
    const last = file.lines.position(node.endIndex).line;
    if (first === last) {
      file.problem('Syntax error: this part of the file could not be parsed; models declared in it may be missing.', node);
    } else {
      // A large ERROR region (often a truncated file) starts far before the break: point at its last piece.
      const children = namedChildrenOf(node);
      file.problem(
        `Syntax error: lines ${first}-${last} could not be parsed as a whole; what was read from them may be incomplete.`,
        children[children.length - 1] ?? node,
      );
    }
  }
  if (broken.length > MAX_REPORTED) {
    file.problem(`${broken.length - MAX_REPORTED} more syntax errors were not listed.`, broken[MAX_REPORTED]);
  }
}
