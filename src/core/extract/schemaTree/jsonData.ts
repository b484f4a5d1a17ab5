import type { ExtractedEntity, ExtractedField, ExtractionResult, Extractor } from '../model';
import { looksLikeJsonSchema, looksLikeOpenApi } from './detect';
import { jsonTree } from './jsonTree';
import type { ObjectNode, TreeNode } from './positionedTree';

/** How many values per field are kept as samples for value-based classification. */
const SAMPLES_PER_FIELD = 5;
/** Fixtures nest rarely; deeper objects are data, not record shapes. */
const MAX_DEPTH = 8;

/**
 * JSON data files (API fixtures, seed data, mock responses): every key whose value is an object
 * or an array of objects is a record shape, an entity named by its key, whose fields are the union
 * of the objects' keys. A few scalar values per field are kept as samples so a column of ID numbers
 * is recognised by its values; they are never reported whole.
 * Runs after the JSON Schema and OpenAPI extractors, which claim their files first.
 */
export class JsonDataExtractor implements Extractor {
  readonly format = 'json-data' as const;

  accepts(filePath: string, head: string): boolean {
    return /\.json$/i.test(filePath) && !looksLikeJsonSchema(filePath, head) && !looksLikeOpenApi(filePath, head) && !/(^|\/)(package(-lock)?|tsconfig|jsconfig|composer|\.eslintrc)\.json$/i.test(filePath);
  }

  extract(text: string, filePath: string): Promise<ExtractionResult> {
    const tree = jsonTree(text);
    const entities: ExtractedEntity[] = [];
    const rootName = filePath.replace(/^.*\//, '').replace(/\.json$/i, '');
    for (const root of tree.roots) {
      const records = recordsOf(root);
      if (records.length > 0 && root.kind === 'array') collect(rootName, records, undefined, entities, 0);
      else if (root.kind === 'object') collect(rootName, [root], undefined, entities, 0, true);
    }
    return Promise.resolve({ format: this.format, entities, problems: tree.problems });
  }
}

function recordsOf(node: TreeNode): ObjectNode[] {
  if (node.kind === 'object') return [node];
  if (node.kind === 'array') return node.items.filter((item): item is ObjectNode => item.kind === 'object');
  return [];
}

/** Adds the entity made of `records` (unless it is only a container) and recurses into nested shapes. */
function collect(name: string, records: ObjectNode[], parent: string | undefined, out: ExtractedEntity[], depth: number, containerOnly = false): void {
  if (depth > MAX_DEPTH || records.length === 0) return;
  const fields = new Map<string, ExtractedField>();
  const nested = new Map<string, ObjectNode[]>();
  for (const record of records) {
    for (const member of record.members) {
      const children = recordsOf(member.value);
      if (children.length > 0) {
        nested.set(member.key, [...(nested.get(member.key) ?? []), ...children]);
        continue;
      }
      let field = fields.get(member.key);
      if (!field) {
        field = { name: member.key, aliases: [], comments: member.comments, line: member.keyPosition.line, column: member.keyPosition.column, sampleValues: [] };
        fields.set(member.key, field);
      }
      const value = member.value;
      if (value.kind === 'scalar' && value.value !== null && field.sampleValues!.length < SAMPLES_PER_FIELD) {
        field.sampleValues!.push(String(value.value));
        field.type ??= typeof value.value;
      }
    }
  }
  if (!containerOnly || fields.size > 0) {
    const first = records[0];
    out.push({ name, aliases: [], kind: 'object', comments: [], parent, line: first.position.line, column: first.position.column, fields: [...fields.values()] });
  }
  for (const [key, children] of nested) collect(key, children, containerOnly && fields.size === 0 ? parent : name, out, depth + 1);
}
