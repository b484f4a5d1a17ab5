import * as path from 'node:path';
import type { ExtractionResult, Extractor } from '../model';
import { looksLikeJsonSchema } from './detect';
import { memberOf, stringAt, type TreeNode } from './positionedTree';
import { readSchemaDocument } from './readSchemaDocument';
import type { SchemaName } from './schemaWalk';

/**
 * JSON Schema files, in JSON or YAML: the root schema is an entity named by its `title` (else
 * its `$id`, else the file name), and each `$defs` / `definitions` entry one named by its key.
 */
export class JsonSchemaExtractor implements Extractor {
  readonly format = 'json-schema' as const;

  accepts(filePath: string, head: string): boolean {
    return looksLikeJsonSchema(filePath, head);
  }

  extract(text: string, filePath: string): Promise<ExtractionResult> {
    const entities = readSchemaDocument(text, filePath, 'JSON Schema', (root, walker) => walker.entity(rootName(root, filePath), root));
    return Promise.resolve({ format: this.format, ...entities });
  }
}

function rootName(root: TreeNode, filePath: string): SchemaName {
  const title = memberOf(root, 'title');
  const titleText = stringAt(root, 'title')?.trim();
  const id = idName(stringAt(root, '$id') ?? stringAt(root, 'id'));
  const name = titleText || id || baseName(filePath);
  return {
    name,
    aliases: id && id !== name ? [id] : [],
    position: titleText && title ? title.keyPosition : root.position,
    comments: [],
  };
}

/** `https://example.com/schemas/employee-onboarding.schema.json` → `employee-onboarding`. */
function idName(id: string | undefined): string | undefined {
  const last = id?.split(/[/#:]/).filter(Boolean).pop();
  return last ? stripSchemaExtension(last) : undefined;
}

function baseName(filePath: string): string {
  return stripSchemaExtension(path.basename(filePath));
}

function stripSchemaExtension(name: string): string {
  return name.replace(/(\.schema)?\.(jsonc?|ya?ml)$/i, '') || name;
}
