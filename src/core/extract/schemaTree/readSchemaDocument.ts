import type { ExtractedEntity, ExtractionProblem } from '../model';
import { parseSchemaDocument } from './parseSchemaDocument';
import type { TreeNode } from './positionedTree';
import { SchemaWalker } from './schemaWalk';

/**
 * Parses a JSON or YAML schema document and hands each of its roots to `readRoot`, which names
 * the entities to walk. Never throws: what cannot be read is a problem, and what was read stays.
 */
export function readSchemaDocument(text: string, filePath: string, kind: string, readRoot: (root: TreeNode, walker: SchemaWalker) => void): { entities: ExtractedEntity[]; problems: ExtractionProblem[] } {
  const problems: ExtractionProblem[] = [];
  try {
    const tree = parseSchemaDocument(text, filePath);
    problems.push(...tree.problems);
    const walker = new SchemaWalker(problems);
    for (const root of tree.roots) readRoot(root, walker);
    return { entities: walker.entities, problems };
  } catch (error) {
    problems.push({ message: `${kind} extractor failed: ${String(error)}`, line: 1, column: 1 });
    return { entities: [], problems };
  }
}
