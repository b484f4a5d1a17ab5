import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity, ExtractedField } from '../model';
import { CommentIndex } from './commentIndex';
import { makeEntity, makeField } from './entityParts';
import { ormTypeText } from './ormType';
import { plainComments, type SourceFile } from './sourceFile';
import { callArguments, calleeOf, literalValue, stringValue } from './syntax';

/** A Sequelize model; `className` is set for `Class.init(…)` so it can be merged with the class's own declaration. */
export interface SequelizeModel {
  entity: ExtractedEntity;
  className?: string;
}

/** The methods a model is declared with. */
const MODEL_METHODS = ['define', 'createTable', 'init'];

/**
 * Whether the text can hold a call `readSequelizeModels` reads: a callee's name is written in the
 * text as it is compared. Without one the reader would look at every call of the file (the
 * decorators of an entity class, the calls of a service) and find nothing.
 */
export function mayCallSequelize(text: string): boolean {
  return MODEL_METHODS.some((method) => text.includes(method));
}

/**
 * Sequelize models: `sequelize.define('Member', { … }, { tableName })` and
 * `class Member extends Model {}` + `Member.init({ … }, { sequelize, tableName, modelName })`
 * (also `this.init(…)` inside a static method of the class), and the tables of migrations
 * (`queryInterface.createTable('t', { … })`).
 */
export function readSequelizeModels(file: SourceFile): SequelizeModel[] {
  const models: SequelizeModel[] = [];
  for (const node of file.syntax.ofType('call_expression')) {
    const callee = calleeOf(node);
    if (callee.name === 'define' && callee.receiver) {
      const model = readDefine(file, node, callee.receiver);
      if (model) models.push(model);
    } else if (callee.name === 'createTable' && callee.receiver) {
      const table = readCreateTable(file, node);
      if (table) models.push(table);
    } else if (callee.name === 'init' && callee.receiver) {
      const model = readInit(file, node, callee.receiver);
      if (model) models.push(model);
    }
  }
  return models;
}

function readDefine(file: SourceFile, call: Node, receiver: Node): SequelizeModel | undefined {
  const [nameArg, attributesArg, optionsArg] = callArguments(call);
  const modelName = stringValue(nameArg);
  if (modelName === undefined || !attributesArg) return undefined;
  const attributes = file.bindings.objectLiteral(attributesArg);
  if (!attributes) {
    // Other libraries have a `define(name, x)` too (custom elements, DI containers): only
    // a call on something named like a Sequelize instance is worth a problem.
    if (!receiver.text.toLowerCase().includes('sequelize')) return undefined;
    file.problem(`Sequelize model ${modelName}: its attributes are not an object literal in this file, so its fields were not read.`, attributesArg);
    return undefined;
  }
  const options = file.bindings.objectLiteral(optionsArg);
  const leading = file.declarationComments(call);
  const entity = makeEntity({
    name: modelName,
    kind: 'model',
    aliases: [stringValue(file.objects.value(options, 'tableName')), assignedName(call)],
    description: stringValue(file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(leading),
    comments: plainComments(leading),
    at: file.position(nameArg),
  });
  entity.fields.push(...readAttributes(file, entity.name, attributes));
  return { entity };
}

/** A migration: `queryInterface.createTable('t_member', { xm: { type: Sequelize.STRING, comment } })`. */
function readCreateTable(file: SourceFile, call: Node): SequelizeModel | undefined {
  const [nameArg, attributesArg] = callArguments(call);
  const tableName = stringValue(nameArg) ?? stringValue(file.objects.value(nameArg, 'tableName'));
  const attributes = file.bindings.objectLiteral(attributesArg);
  if (tableName === undefined || !nameArg || !attributes) return undefined;
  const leading = file.declarationComments(call);
  const entity = makeEntity({
    name: tableName,
    kind: 'table',
    description: CommentIndex.docDescription(leading),
    comments: plainComments(leading),
    at: file.position(nameArg),
  });
  entity.fields.push(...readAttributes(file, entity.name, attributes));
  return { entity };
}

function readInit(file: SourceFile, call: Node, receiver: Node): SequelizeModel | undefined {
  const [attributesArg, optionsArg] = callArguments(call);
  const classNode = receiver.type === 'this' ? enclosingClass(call) : receiver.type === 'identifier' ? file.bindings.classNamed(receiver.text) : undefined;
  const className = receiver.type === 'this' ? classNode?.childForFieldName('name')?.text : receiver.type === 'identifier' ? receiver.text : undefined;
  if (!className || !attributesArg) return undefined;
  const options = file.bindings.objectLiteral(optionsArg);
  // Many classes have an `init()`: only a Model subclass, or Sequelize's options, make it a model.
  const heritage = classNode?.namedChildren.find((child) => child?.type === 'class_heritage');
  const extendsModel = !!heritage?.text.includes('Model');
  const looksLikeSequelize = ['sequelize', 'tableName', 'modelName'].some((key) => file.objects.hasKey(options, key));
  if (!extendsModel && !looksLikeSequelize) return undefined;

  const attributes = file.bindings.objectLiteral(attributesArg);
  if (!attributes) {
    file.problem(`Sequelize model ${className}: its attributes are not an object literal in this file, so its fields were not read.`, attributesArg);
    return undefined;
  }
  const classOuter = classNode?.parent?.type === 'export_statement' ? classNode.parent : classNode;
  const leading = [...(classOuter ? file.declarationComments(classOuter) : []), ...file.declarationComments(call)];
  const entity = makeEntity({
    name: className,
    kind: 'model',
    aliases: [stringValue(file.objects.value(options, 'tableName')), stringValue(file.objects.value(options, 'modelName'))],
    description: stringValue(file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(leading),
    comments: plainComments(leading),
    at: file.position(classNode?.childForFieldName('name') ?? receiver),
  });
  entity.fields.push(...readAttributes(file, entity.name, attributes));
  return { entity, className };
}

function readAttributes(file: SourceFile, modelName: string, attributes: Node, seen = new Set<number>()): ExtractedField[] {
  seen.add(attributes.id);
  const fields: ExtractedField[] = [];
  for (const entry of file.objects.entries(attributes)) {
    if (entry.kind === 'spread') {
      const spread = file.bindings.objectLiteral(entry.value);
      if (spread && !seen.has(spread.id)) fields.push(...readAttributes(file, modelName, spread, seen));
      else if (!spread) file.problem(`Sequelize model ${modelName}: a spread attribute set is not declared in this file; its fields were not read.`, entry.node);
      continue;
    }
    if (entry.kind === 'method') continue;
    if (entry.key === undefined || !entry.keyNode || !entry.value) {
      file.problem(`Sequelize model ${modelName}: an attribute with a computed name was not read.`, entry.node);
      continue;
    }
    fields.push(readAttribute(file, entry.node, entry.keyNode, entry.key, entry.value));
  }
  return fields;
}

/** `name: DataTypes.STRING` or `name: { type, field, comment, defaultValue }`. */
function readAttribute(file: SourceFile, entry: Node, keyNode: Node, name: string, value: Node): ExtractedField {
  const comments = file.fieldComments(entry);
  const options = value.type === 'object' ? value : undefined;
  return makeField({
    name,
    aliases: [stringValue(file.objects.value(options, 'field'))],
    type: ormTypeText(options ? file.objects.value(options, 'type') : value),
    description: stringValue(file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(comments),
    comments: plainComments(comments),
    defaultValue: literalValue(file.objects.value(options, 'defaultValue')),
    at: file.position(keyNode),
  });
}

/** `const Member = sequelize.define(…)` → `Member`. */
function assignedName(call: Node): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  return undefined;
}

function enclosingClass(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'class_declaration' || current.type === 'abstract_class_declaration' || current.type === 'class') return current;
  }
  return undefined;
}
