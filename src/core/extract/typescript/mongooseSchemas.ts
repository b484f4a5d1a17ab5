import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity } from '../model';
import type { IndexedComment } from './commentIndex';
import { CommentIndex } from './commentIndex';
import { distinctAliases, makeEntity, makeField, mergeComments } from './entityParts';
import { plainComments, type SourceFile } from './sourceFile';
import type { ObjectLiterals } from './objectLiterals';
import { callArguments, calleeOf, collapseWhitespace, literalValue, namedChildrenOf, propertyName, stringValue } from './syntax';

/** A `new Schema({ … }, { … })` (or `new mongoose.Schema`, `Schema(…)`) and the name it is stored under. */
interface SchemaSite {
  node: Node;
  definition?: Node;
  options?: Node;
  variable?: { name: string; node: Node };
}

/** A `mongoose.model('Name', schema, 'collection')` call. */
interface ModelCall {
  name: string;
  collection?: string;
  assignedTo?: string;
}

/** `key: otherSchema` inside a schema: the sub-schema becomes a nested entity of the schema using it. */
interface SubSchemaUse {
  variable: string;
  parent: string;
  key: string;
  comments: IndexedComment[];
}

/**
 * Mongoose schemas. Each schema is an entity named after its model (`mongoose.model('Name',
 * schema)`), or else after its variable without the `Schema` suffix; the variable and the
 * `collection` option are aliases. Nested plain objects, arrays of objects and sub-schemas are
 * entities of their own, named by their key, with `parent` set.
 */
export function readMongooseSchemas(file: SourceFile): ExtractedEntity[] {
  return new MongooseReader(file).read();
}

/**
 * Whether the text can hold a schema `readMongooseSchemas` reads: every entity comes from a call
 * or `new` of `Schema`, a callee's name is written in the text as it is compared, and without a
 * schema the reader finds nothing (model calls alone name no entity).
 */
export function mayDeclareMongooseSchemas(text: string): boolean {
  return text.includes('Schema');
}

class MongooseReader {
  private readonly sites: SchemaSite[] = [];
  private readonly siteByNode = new Map<number, SchemaSite>();
  private readonly schemaVariables = new Set<string>();
  private readonly modelByVariable = new Map<string, ModelCall>();
  private readonly modelByNode = new Map<number, ModelCall>();
  private readonly consumed = new Set<number>();
  private readonly uses: SubSchemaUse[] = [];
  private readonly entities: ExtractedEntity[] = [];
  private readonly entityByVariable = new Map<string, { entity: ExtractedEntity; hasModel: boolean }>();

  constructor(private readonly file: SourceFile) {}

  read(): ExtractedEntity[] {
    this.findSitesAndModels();
    for (const site of this.sites) {
      if (!this.consumed.has(site.node.id)) this.readTopLevel(site);
    }
    this.attachSubSchemas();
    return this.entities;
  }

  private findSitesAndModels(): void {
    const modelCalls: Node[] = [];
    for (const node of this.file.syntax.ofType('new_expression', 'call_expression')) {
      const callee = calleeOf(node);
      if (callee.name === 'Schema' && node.parent?.type !== 'decorator') this.addSite(node); // not @nestjs/mongoose's @Schema()
      else if (callee.name === 'model' && node.type === 'call_expression') modelCalls.push(node);
    }
    for (const call of modelCalls) this.addModelCall(call);
  }

  private addSite(node: Node): void {
    const [definition, options] = callArguments(node);
    const site: SchemaSite = { node, definition, options, variable: storedUnder(node) };
    this.sites.push(site);
    this.siteByNode.set(node.id, site);
    // Only real variables can be referred to by name from another schema.
    if (site.variable && site.variable.node.type === 'identifier') this.schemaVariables.add(site.variable.name);
  }

  private addModelCall(call: Node): void {
    const [nameArg, schemaArg, collectionArg] = callArguments(call);
    const name = stringValue(nameArg);
    if (name === undefined || !schemaArg) return;
    const model: ModelCall = { name, collection: stringValue(collectionArg), assignedTo: storedUnder(call)?.name };
    if (schemaArg.type === 'identifier') {
      if (!this.modelByVariable.has(schemaArg.text)) this.modelByVariable.set(schemaArg.text, model);
    } else {
      this.modelByNode.set(schemaArg.id, model);
    }
  }

  private readTopLevel(site: SchemaSite): void {
    const variable = site.variable;
    const model = this.modelByNode.get(site.node.id) ?? (variable ? this.modelByVariable.get(variable.name) : undefined);
    const leading = this.file.declarationComments(site.node);
    const options = this.file.bindings.objectLiteral(site.options);
    const entity = makeEntity({
      name: model?.name ?? (variable ? withoutSchemaSuffix(variable.name) : this.file.baseName),
      kind: 'model',
      aliases: [variable?.name, stringValue(this.file.objects.value(options, 'collection')), model?.collection, model?.assignedTo],
      description: CommentIndex.docDescription(leading),
      comments: plainComments(leading),
      at: this.file.position(variable?.node ?? site.node),
    });
    this.entities.push(entity);
    if (variable && !this.entityByVariable.has(variable.name)) this.entityByVariable.set(variable.name, { entity, hasModel: !!model });
    this.readSiteDefinition(site, entity);
  }

  private readSiteDefinition(site: SchemaSite, entity: ExtractedEntity): void {
    this.consumed.add(site.node.id);
    if (!site.definition) return; // `new Schema()` filled later with `.add()`: nothing declared here
    const definition = this.file.bindings.objectLiteral(site.definition);
    if (definition) this.readDefinition(entity, definition, new Set());
    else this.file.problem(`Mongoose schema ${entity.name}: its definition is not an object literal in this file, so its fields were not read.`, site.definition);
  }

  private readDefinition(entity: ExtractedEntity, definition: Node, seen: Set<number>): void {
    seen.add(definition.id);
    for (const entry of this.file.objects.entries(definition)) {
      if (entry.kind === 'spread') {
        const spread = this.file.bindings.objectLiteral(entry.value);
        if (spread && !seen.has(spread.id)) this.readDefinition(entity, spread, seen);
        else if (!spread) this.file.problem(`Mongoose schema ${entity.name}: a spread path set is not declared in this file; its fields were not read.`, entry.node);
        continue;
      }
      if (entry.kind === 'method' || entry.kind === 'other') continue;
      if (entry.key === undefined || !entry.keyNode || !entry.value) {
        this.file.problem(`Mongoose schema ${entity.name}: a path with a computed name was not read.`, entry.node);
        continue;
      }
      this.readPath(entity, entry.node, entry.keyNode, entry.key, entry.value);
    }
  }

  /** One `key: value` of a schema definition: a field, a nested entity, or the use of a sub-schema. */
  private readPath(entity: ExtractedEntity, entry: Node, keyNode: Node, key: string, value: Node): void {
    if (this.isSubSchema(value) || this.siteByNode.has(value.id)) {
      this.readNested(entity, entry, keyNode, key, value);
      return;
    }
    if (value.type === 'array') {
      const element = arrayElement(value);
      if (element && (this.isSubSchema(element) || this.siteByNode.has(element.id) || isNestedObject(this.file.objects, element))) {
        this.readNested(entity, entry, keyNode, key, element);
      } else {
        this.pushField(entity, entry, keyNode, key, element && isFieldOptions(this.file.objects, element) ? `[${typeText(this.file.objects.value(element, 'type'))}]` : typeText(value));
      }
      return;
    }
    if (value.type === 'object') {
      if (isNestedObject(this.file.objects, value)) {
        this.readNested(entity, entry, keyNode, key, value);
        return;
      }
      const type = this.file.objects.value(value, 'type');
      if (type && this.isComposite(type)) {
        this.readPath(entity, entry, keyNode, key, type);
        return;
      }
      this.pushField(entity, entry, keyNode, key, type ? typeText(type) : '{}', value);
      return;
    }
    this.pushField(entity, entry, keyNode, key, typeText(value));
  }

  /** A `type:` that holds a schema, an inline object or an array of those, not a scalar type. */
  private isComposite(type: Node): boolean {
    if (this.isSubSchema(type) || this.siteByNode.has(type.id)) return true;
    if (type.type === 'object') return this.file.objects.entries(type).length > 0;
    if (type.type !== 'array') return false;
    const element = arrayElement(type);
    return !!element && (this.isSubSchema(element) || this.siteByNode.has(element.id) || isNestedObject(this.file.objects, element));
  }

  private isSubSchema(node: Node): boolean {
    return node.type === 'identifier' && this.schemaVariables.has(node.text);
  }

  /** `key: subSchema`, `key: new Schema({…})`, `key: { … }` or `key: [{ … }]`: a nested entity named `key`. */
  private readNested(parent: ExtractedEntity, entry: Node, keyNode: Node, key: string, value: Node): void {
    const comments = this.file.nestedObjectComments(entry, keyNode);
    if (this.isSubSchema(value)) {
      this.uses.push({ variable: value.text, parent: parent.name, key, comments });
      return;
    }
    const entity = makeEntity({
      name: key,
      kind: 'object',
      description: CommentIndex.docDescription(comments),
      comments: plainComments(comments),
      parent: parent.name,
      at: this.file.position(keyNode),
    });
    this.entities.push(entity);
    const site = this.siteByNode.get(value.id);
    if (site) this.readSiteDefinition(site, entity);
    else this.readDefinition(entity, value, new Set());
  }

  private pushField(entity: ExtractedEntity, entry: Node, keyNode: Node, key: string, type: string, options?: Node): void {
    const comments = this.file.fieldComments(entry);
    entity.fields.push(makeField({
      name: key,
      aliases: [stringValue(this.file.objects.value(options, 'alias'))],
      type,
      description: stringValue(this.file.objects.value(options, 'description') ?? this.file.objects.value(options, 'comment')) ?? CommentIndex.docDescription(comments),
      comments: plainComments(comments),
      defaultValue: literalValue(this.file.objects.value(options, 'default')),
      at: this.file.position(keyNode),
    }));
  }

  /** A sub-schema used under a key belongs to the schema using it (unless it is a model of its own). */
  private attachSubSchemas(): void {
    for (const use of this.uses) {
      const child = this.entityByVariable.get(use.variable);
      if (!child) continue;
      if (!child.hasModel) {
        child.entity.parent ??= use.parent;
        child.entity.aliases = distinctAliases(child.entity.name, [...child.entity.aliases, use.key]);
      }
      child.entity.comments = mergeComments(child.entity.comments, plainComments(use.comments));
    }
  }
}

/**
 * A plain object that Mongoose reads as nested paths rather than as field options: it has no
 * `type` key, or its `type` is itself an object with a `type` key (`location: { type: { type: String } }`).
 */
function isNestedObject(objects: ObjectLiterals, node: Node): boolean {
  if (node.type !== 'object' || objects.entries(node).length === 0) return false;
  const type = objects.value(node, 'type');
  return !type || (type.type === 'object' && objects.hasKey(type, 'type'));
}

function isFieldOptions(objects: ObjectLiterals, node: Node): boolean {
  return node.type === 'object' && objects.hasKey(node, 'type') && !isNestedObject(objects, node);
}

function arrayElement(array: Node): Node | undefined {
  return namedChildrenOf(array).find((child) => child.type !== 'comment');
}

function typeText(node: Node | undefined): string {
  return node ? collapseWhitespace(node.text) : '';
}

/** The name a value is stored under: `const x = …`, `exports.x = …`, `{ x: … }`. */
function storedUnder(node: Node): { name: string; node: Node } | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  let target: Node | null = null;
  if (parent.type === 'variable_declarator') target = parent.childForFieldName('name');
  else if (parent.type === 'assignment_expression') target = parent.childForFieldName('left');
  else if (parent.type === 'pair') target = parent.childForFieldName('key');
  if (target?.type === 'member_expression') target = target.childForFieldName('property');
  const name = propertyName(target);
  return target && name ? { name, node: target } : undefined;
}

/** `userEventSchema` → `userEvent`, `address_schema` → `address`. */
function withoutSchemaSuffix(name: string): string {
  const lower = name.toLowerCase();
  if (!lower.endsWith('schema') || name.length <= 'schema'.length) return name;
  const stem = name.slice(0, -'schema'.length).replace(/_+$/, '');
  return stem.length > 0 ? stem : name;
}
