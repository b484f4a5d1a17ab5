import { jsonTree } from './jsonTree';
import type { ParsedTree } from './positionedTree';
import { yamlTree } from './yamlTree';

/** JSON for `.json`/`.jsonc` (or text starting with `{`), YAML otherwise. */
export function parseSchemaDocument(text: string, filePath: string): ParsedTree {
  const json = /\.jsonc?$/i.test(filePath) || (!/\.ya?ml$/i.test(filePath) && /^\uFEFF?\s*\{/.test(text));
  return json ? jsonTree(text) : yamlTree(text);
}
