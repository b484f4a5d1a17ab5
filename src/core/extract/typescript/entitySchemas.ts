import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import { CommentIndex } from './commentIndex';
import { makeEntity, makeField } from './entityParts';
import { ormTypeText } from './ormType';
import { plainComments, type SourceFile } from './sourceFile';
import { callArguments, calleeOf, literalValue, objectEntries, objectValue, stringValue } from './syntax';

/**
 * TypeORM entities declared without decorators, as plain JavaScript usually does:
 * `new EntitySchema({ name, tableName, columns: { xm: { type, name, comment } }, relations })`.
 */
export function readEntitySchemas(file: SourceFile): ExtractedEntity[] {
  const entities: ExtractedEntity[] = [];
  for (const node of file.syntax.ofType('new_expression')) {
    if (calleeOf(node).name !== 'EntitySchema') continue;
    const options = file.bindings.objectLiteral(callArguments(node)[0]);
    const nameNode = objectValue(options, 'name');
    const name = stringValue(nameNode) ?? stringValue(objectValue(options, 'target'));
    if (!options || name === undefined) {
      file.problem('A TypeORM EntitySchema without a literal name and options object was not read.', node);
      continue;
    }
    const leading = file.declarationComments(node);
    const entity = makeEntity({
      name,
      kind: 'model',
      aliases: [stringValue(objectValue(options, 'tableName'))],
      description: stringValue(objectValue(options, 'comment')) ?? CommentIndex.docDescription(leading),
      comments: plainComments(leading),
      at: file.position(nameNode ?? node),
    });
    const columns = file.bindings.objectLiteral(objectValue(options, 'columns'));
    if (columns) entity.fields.push(...readMembers(file, columns, readColumn));
    const relations = file.bindings.objectLiteral(objectValue(options, 'relations'));
    if (relations) entity.fields.push(...readMembers(file, relations, readRelation));
    entities.push(entity);
  }
  return entities;
}

type MemberReader = (file: SourceFile, entry: Node, keyNode: Node, name: string, options: Node | undefined) => ExtractedField;

function readMembers(file: SourceFile, object: Node, read: MemberReader): ExtractedField[] {
  const fields: ExtractedField[] = [];
  for (const entry of objectEntries(object)) {
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
  const length = literalValue(objectValue(options, 'length'));
  let type = ormTypeText(objectValue(options, 'type'));
  if (type && length !== undefined && !type.includes('(')) type = `${type}(${length})`;
  return makeField({
    name,
    aliases: [stringValue(objectValue(options, 'name'))],
    type,
    description: stringValue(objectValue(options, 'comment')) ?? CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    defaultValue: literalValue(objectValue(options, 'default')),
    at: file.position(keyNode),
  });
};

/** `store: { type: 'many-to-one', target: 'Store', joinColumn: { name: 'store_id' } }`. */
const readRelation: MemberReader = (file, entry, keyNode, name, options) => {
  const comments = file.fieldComments(entry);
  const joinColumn = objectValue(options, 'joinColumn');
  return makeField({
    name,
    aliases: [stringValue(objectValue(joinColumn, 'name'))],
    type: stringValue(objectValue(options, 'target')) ?? objectValue(options, 'target')?.text,
    description: CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    at: file.position(keyNode),
  });
};
