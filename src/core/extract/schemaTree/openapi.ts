import type { ExtractionResult, Extractor } from '../model';
import { looksLikeOpenApi } from './detect';
import { isObject, valueOf, type TreeNode } from './positionedTree';
import { readSchemaDocument } from './readSchemaDocument';
import type { SchemaWalker } from './schemaWalk';

/**
 * OpenAPI 3 (`components.schemas`) and Swagger 2 (`definitions`) documents, in YAML or JSON:
 * each named schema is an entity named by its key. Inline schemas under `paths` have no name
 * of their own and are not read.
 */
export class OpenApiExtractor implements Extractor {
  readonly format = 'openapi' as const;

  accepts(filePath: string, head: string): boolean {
    return looksLikeOpenApi(filePath, head);
  }

  extract(text: string, filePath: string): Promise<ExtractionResult> {
    return Promise.resolve({ format: this.format, ...readSchemaDocument(text, filePath, 'OpenAPI', readNamedSchemas) });
  }
}

function readNamedSchemas(root: TreeNode, walker: SchemaWalker): void {
  for (const schemas of [valueOf(valueOf(root, 'components'), 'schemas'), valueOf(root, 'definitions')]) {
    if (!isObject(schemas)) continue;
    for (const entry of schemas.members) {
      walker.entity({ name: entry.key, aliases: [], position: entry.keyPosition, comments: entry.comments }, entry.value);
    }
  }
}
