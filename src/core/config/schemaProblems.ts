import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateChecklist, validateConfig } from './compiledSchemas';
import { splitJsonPointer, type KeyPath } from './keyPath';

/** A schema violation, as a key path into the value and a message a person can act on. */
export interface SchemaProblem {
  path: KeyPath;
  /** Point at the key rather than its value (unknown keys). */
  atKey: boolean;
  message: string;
}

/*
 * The project's schemas (`schemas/*.json`), compiled into code at build time
 * (scripts/compile-schemas.mjs: ajv standalone, `allErrors` so one run reports every mistake,
 * `verbose` so messages can quote a schema's `examples`). Compiling at run time cost tens of
 * milliseconds per process.
 */
export const configValidator = validateConfig as ValidateFunction;
export const checklistValidator = validateChecklist as ValidateFunction;

/** Validates `value` and returns the problems, most specific first, one per key and message. */
export function validateWithSchema(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter((error) => !WRAPPER_KEYWORDS.has(error.keyword));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const problem = toProblem(error, value);
    const dedupeKey = `${JSON.stringify(problem.path)} ${problem.message}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    problems.push(problem);
  }
  return problems;
}

/** Keywords whose own error only repeats what their sub-schemas already said. */
const WRAPPER_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', '$ref']);

function toProblem(error: ErrorObject, root: unknown): SchemaProblem {
  const path = typedPath(splitJsonPointer(error.instancePath), root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(propertiesOf(error.parentSchema));
      const hint = known.length > 0 ? `; expected one of ${known.join(', ')}` : '';
      return { path: [...path, key], atKey: true, message: `unknown key${hint}` };
    }
    case 'required':
      return { path, atKey: false, message: `missing required key "${String(params.missingProperty)}"` };
    case 'enum':
      return { path, atKey: false, message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'type':
      return { path, atKey: false, message: `must be ${typeName(params.type)}` };
    case 'pattern': {
      const examples = examplesOf(error.parentSchema);
      return { path, atKey: false, message: examples ? `must look like ${examples}` : `must match ${String(params.pattern)}` };
    }
    case 'minLength':
      return { path, atKey: false, message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, atKey: false, message: `must be ${String(params.comparison)} ${String(params.limit)}` };
    case 'propertyNames':
      return { path, atKey: false, message: `has an invalid key "${String(params.propertyName)}"` };
    default:
      return { path, atKey: false, message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Sequence indices become numbers so the path prints as `items[3]`. */
function typedPath(segments: string[], root: unknown): KeyPath {
  const path: (string | number)[] = [];
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false',
    array: 'a list', object: 'a mapping (key: value)', null: 'empty (null)',
  };
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  return types.map((t) => names[t] ?? t).join(' or ');
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null) return {};
  const properties = (schema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

function examplesOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const examples = (schema as { examples?: unknown }).examples;
  return Array.isArray(examples) && examples.length > 0 ? examples.map(String).join(', ') : undefined;
}
