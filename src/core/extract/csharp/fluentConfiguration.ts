/**
 * EF Core fluent configuration in the same file as the entity:
 * `builder.ToTable("t_member")`, `builder.Property(m => m.IdCardNo).HasColumnName("sfzh").HasComment("身份证号")`,
 * inside `modelBuilder.Entity<Member>(…)` or `IEntityTypeConfiguration<Member>.Configure(EntityTypeBuilder<Member> builder)`.
 */
import type { Node } from 'web-tree-sitter';
import type { ExtractedEntity } from '../model';
import { addAliases, joinDescriptions, namedChildrenOf } from '../treeSitter/syntaxHelpers';
import type { SyntaxIndex } from '../treeSitter/syntaxIndex';
import { csharpString, simpleName, type CSharpConstants } from './csharpSyntax';

const CONFIGURING_METHODS = new Set(['ToTable', 'ToCollection', 'HasComment', 'HasColumnName', 'HasElementName']);
const BUILDER_TYPES = new Set(['EntityTypeBuilder', 'OwnedNavigationBuilder']);
/** Node types `applyFluentConfiguration` looks for. */
export const FLUENT_CALLS = ['invocation_expression'];

interface FluentSetting {
  entity: string;
  property?: string;
  method: string;
  value: string;
}

/** Applies the fluent settings of the file to the entities read from it. */
export function applyFluentConfiguration(nodes: SyntaxIndex, entities: readonly ExtractedEntity[], constants: CSharpConstants): void {
  for (const setting of fluentSettings(nodes, constants)) {
    const entity = entities.find((candidate) => candidate.name === setting.entity);
    if (!entity) continue;
    if (setting.property === undefined) {
      if (setting.method === 'HasComment') entity.description = withDescription(entity.description, setting.value);
      else if (setting.method === 'ToTable' || setting.method === 'ToCollection') addAliases(entity.aliases, entity.name, [setting.value]);
      continue;
    }
    const field = entity.fields.find((candidate) => candidate.name === setting.property);
    if (!field) continue;
    if (setting.method === 'HasComment') field.description = withDescription(field.description, setting.value);
    else if (setting.method === 'HasColumnName' || setting.method === 'HasElementName') addAliases(field.aliases, field.name, [setting.value]);
  }
}

/** Adds a description unless the one already read (from attributes or docs) says it. */
function withDescription(current: string | undefined, added: string): string | undefined {
  return current?.includes(added) ? current : joinDescriptions([current, added]);
}

function fluentSettings(nodes: SyntaxIndex, constants: CSharpConstants): FluentSetting[] {
  const settings: FluentSetting[] = [];
  for (const invocation of nodes.of(FLUENT_CALLS)) {
    const method = invokedMethod(invocation);
    if (!method || !CONFIGURING_METHODS.has(method)) continue;
    const value = csharpString(firstArgument(invocation), constants);
    const receiver = receiverOf(invocation);
    if (value === undefined || !receiver) continue;
    const target = chainTarget(receiver);
    if (target.entity === undefined) continue;
    const setting: FluentSetting = { entity: target.entity, method, value };
    if (target.property !== undefined) setting.property = target.property;
    settings.push(setting);
  }
  return settings;
}

/** `x.Method(…)` / `x.Method<T>(…)` → `Method`. */
function invokedMethod(invocation: Node): string | undefined {
  const callee = invocation.childForFieldName('function');
  return callee?.type === 'member_access_expression' ? simpleName(callee.childForFieldName('name')) : undefined;
}

function receiverOf(invocation: Node): Node | null {
  const callee = invocation.childForFieldName('function');
  return callee?.type === 'member_access_expression' ? callee.childForFieldName('expression') : null;
}

function firstArgument(invocation: Node): Node | null {
  return invocation.childForFieldName('arguments')?.namedChild(0)?.namedChild(0) ?? null;
}

/** Walks a call chain down to its root, picking up `.Property(x => x.Name)` and `.Entity<T>()`. */
function chainTarget(start: Node): { entity?: string; property?: string } {
  const target: { entity?: string; property?: string } = {};
  for (let current: Node | null = start; current; ) {
    if (current.type === 'invocation_expression') {
      const method = invokedMethod(current);
      if (method === 'Property' && target.property === undefined) target.property = propertyName(firstArgument(current));
      if (method === 'Entity' || method === 'OwnsOne' || method === 'OwnsMany') target.entity ??= genericArgument(current);
      current = receiverOf(current);
    } else if (current.type === 'member_access_expression') {
      current = current.childForFieldName('expression');
    } else {
      if (current.type === 'identifier') target.entity ??= builderEntity(current);
      current = null;
    }
  }
  return target;
}

/** `m => m.IdCardNo`, `"IdCardNo"` or `nameof(Member.IdCardNo)`. */
function propertyName(argument: Node | null): string | undefined {
  if (argument?.type === 'lambda_expression') {
    const body = argument.childForFieldName('body');
    return body?.type === 'member_access_expression' ? simpleName(body.childForFieldName('name')) : undefined;
  }
  return csharpString(argument, new Map());
}

function genericArgument(invocation: Node): string | undefined {
  const name = invocation.childForFieldName('function')?.childForFieldName('name');
  const typeArguments = name?.type === 'generic_name' ? namedChildrenOf(name).find((child) => child.type === 'type_argument_list') : undefined;
  return simpleName(typeArguments?.namedChild(0));
}

/** The entity a builder variable configures: a lambda parameter of `Entity<T>(b => …)` or an `EntityTypeBuilder<T>` parameter. */
function builderEntity(identifier: Node): string | undefined {
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    if (scope.type === 'lambda_expression' && lambdaParameters(scope).includes(identifier.text)) {
      const invocation = scope.parent?.parent?.parent;
      return invocation?.type === 'invocation_expression' ? chainTarget(invocation).entity : undefined;
    }
    const parameters = scope.childForFieldName('parameters');
    if (parameters?.type === 'parameter_list' && scope.type !== 'lambda_expression') {
      for (const parameter of namedChildrenOf(parameters)) {
        if (parameter.childForFieldName('name')?.text !== identifier.text) continue;
        const type = parameter.childForFieldName('type');
        if (type?.type === 'generic_name' && BUILDER_TYPES.has(simpleName(type) ?? '')) {
          return simpleName(namedChildrenOf(type).find((child) => child.type === 'type_argument_list')?.namedChild(0));
        }
        return undefined;
      }
    }
  }
  return undefined;
}

function lambdaParameters(lambda: Node): string[] {
  const first = lambda.namedChild(0);
  if (first?.type === 'identifier') return [first.text];
  if (first?.type === 'parameter_list') {
    return namedChildrenOf(first)
      .map((parameter) => parameter.childForFieldName('name')?.text)
      .filter((name): name is string => name !== undefined);
  }
  return [];
}
