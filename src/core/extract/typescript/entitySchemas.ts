import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import { CommentIndex } from './commentIndex';
import { makeEntity, makeField } from './entityParts';
import { ormTypeText } from './ormType';
import { plainComments, type SourceFile } from './sourceFile';
import { callArguments, calleeOf, literalValue, stringValue } from './syntax';

/** Whether the text can hold a `new EntitySchema(…)`: a callee's name is written in the text as it is compared. */
export function mayDeclareEntitySchemas(text: string): boolean {
  return text.includes('EntitySchema');
}

/**
 * TypeORM entities declared without decorators, as plain JavaScript usually does:
 * `new EntitySchema({ name, tableName, columns: { xm: { type, name, comment } }, relations })`.
 */
export function readEntitySchemas(file: SourceFile): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  for (const node of file.syntax.ofType('new_expression')) {
    if (calleeOf(node).name !== 'EntitySchema') continue;
    const options = file.bindings.objectLiteral(callArguments(node)[0]);
    const nameNode = file.objects.value(options, 'name');
    const name = stringValue(nameNode) ?? stringValue(file.objects.value(options, 'target'));
    if (!options || name === undefined) {
      file.problem('A TypeORM EntitySchema without a literal name and options object was not read.', node);
      continue;
    }
    const leading = file.declarationComments(node);
    const entity = makeEntity({
      name,
      kind: 'model',
      aliases: [stringValue(file.objects.value(options, 'tableName'))],
      description: stringValue(file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(leading),
      comments: plainComments(leading),
      at: file.position(nameNode ?? node),
    });
    const columns = file.bindings.objectLiteral(file.objects.value(options, 'columns'));
    if (columns) entity.fields.push(...readMembers(file, columns, readColumn));
    const relations = file.bindings.objectLiteral(file.objects.value(options, 'relations'));
    if (relations) entity.fields.push(...readMembers(file, relations, readRelation));
    entities.push(entity);
  }
  return entities;
}

type MemberReader = (file: SourceFile, entry: Node, keyNode: Node, name: string, options: Node | undefined) => ExtractedField;

function readMembers(file: SourceFile, object: Node, read: MemberReader): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const entry of file.objects.entries(object)) {
    if (entry.kind !== 'pair' && entry.kind !== 'shorthand') continue;
    if (entry.key === undefined || !entry.keyNode) {
      file.problem('An EntitySchema column with a computed name was not read.', entry.node);
      continue;
    }
    fields.push(read(file, entry.node, entry.keyNode, entry.key, file.bindings.objectLiteral(entry.value)));
  }
  return fields;
}

/** `xm: { type: 'varchar', length: 50, name: 'xm_col', comment: '姓名', default: '' }`. */
const readColumn: MemberReader = (file, entry, keyNode, name, options) => {
  const comments = file.fieldComments(entry);
  const length = literalValue(file.objects.value(options, 'length'));
  let type = ormTypeText(file.objects.value(options, 'type'));
  if (type && length !== undefined && !type.includes('(')) type = `${type}(${length})`;
  return makeField({
    name,
    aliases: [stringValue(file.objects.value(options, 'name'))],
    type,
    description: stringValue(file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    defaultValue: literalValue(file.objects.value(options, 'default')),
    at: file.position(keyNode),
  });
};

/** `store: { type: 'many-to-one', target: 'Store', joinColumn: { name: 'store_id' } }`. */
const readRelation: MemberReader = (file, entry, keyNode, name, options) => {
  const comments = file.fieldComments(entry);
  const joinColumn = file.objects.value(options, 'joinColumn');
  return makeField({
    name,
    aliases: [stringValue(file.objects.value(joinColumn, 'name'))],
    type: stringValue(file.objects.value(options, 'target')) ?? file.objects.value(options, 'target')?.text,
    description: CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    at: file.position(keyNode),
  });
};
