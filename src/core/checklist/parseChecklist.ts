import { isAlias, type Document, type LineCounter } from 'yaml';
import { formatKeyPath, type KeyPath } from '../config/keyPath';
import { checklistValidator, validateWithSchema } from '../config/schemaProblems';
import { nodeAtPath, offsetOfPath, parseYamlSource } from '../config/yamlSource';
import { ChecklistError, type ChecklistProblem } from './checklistError';
import type { ChecklistData } from './model';

/** A checklist of 5,000 fields is about 3 MB; far more than this is not a checklist. */
export const MAX_CHECKLIST_BYTES = 64 * 1024 * 1024;

/** People may reuse a decision with an anchor (`&acct` … `*acct`); bombs are refused. */
const MAX_CHECKLIST_ALIAS_COUNT = 1000;


export interface ParsedChecklist {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: ChecklistData;
  /** Line and column (1-based) of the node at a key path. */
  locate(path: KeyPath, atKey?: boolean): { line: number; column: number };
  /** The text parsed, for writing back unchanged parts byte for byte (node ranges point into it). */
  text: string;
}

/**
 * Parses and validates a checklist, keeping the YAML document (comments, order, positions) for
 * an in-place merge. Throws `ChecklistError` with file, line and reason for every problem. The
 * result serves one merge: merging edits its document.
 */
export function parseChecklist(text: string, file: string): ParsedChecklist {
  const fail = (problems: ChecklistProblem[]): never => {
    throw new ChecklistError(problems);
  };
  if (text.length > MAX_CHECKLIST_BYTES) {
    fail([{ kind: 'invalid', file, line: 1, column: 1, message: `is larger than ${MAX_CHECKLIST_BYTES} bytes` }]);
  }
  const source = parseYamlSource(text, { maxAliasCount: MAX_CHECKLIST_ALIAS_COUNT });
  const errors = source.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    fail(errors.map((p) => ({ kind: 'invalid', file, line: p.line, column: p.column, message: p.message })));
  }
  const locate = (path: KeyPath, atKey = false): { line: number; column: number } => {
    const pos = source.lineCounter.linePos(offsetOfPath(source.doc, path, atKey));
    return { line: pos.line, column: pos.col };
  };
  const problem = (path: KeyPath, atKey: boolean, message: string): ChecklistProblem => ({
    kind: 'invalid', file, ...locate(path, atKey), key: formatKeyPath(path) || undefined, message,
  });

  const schemaProblems = validateWithSchema(checklistValidator, source.value);
  if (schemaProblems.length > 0) {
    fail(sortByLine(schemaProblems.map((p) => problem(p.path, p.atKey, p.message))));
  }
  const data = source.value as ChecklistData;
  const aliased = aliasedEntries(source.doc, data).map((path) => problem(path, false,
    'an alias (*name) cannot stand for a whole system, item or step; write it out so it can be updated'));
  if (aliased.length > 0) fail(aliased);
  const duplicates = duplicateIds(data).map((d) => problem(d.path, false, d.message));
  if (duplicates.length > 0) fail(sortByLine(duplicates));
  return { doc: source.doc, lineCounter: source.lineCounter, data, locate, text };
}

/** Systems, items and steps are edited in place, so each must be its own mapping. */
function aliasedEntries(doc: Document, data: ChecklistData): KeyPath[] {
  const paths: KeyPath[] = [];
  const check = (path: KeyPath): void => {
    if (isAlias(nodeAtPath(doc, path).node)) paths.push(path);
  };
  data.systems.forEach((system, s) => {
    check(['systems', s]);
    system.items.forEach((_, i) => check(['systems', s, 'items', i]));
  });
  (data.steps ?? []).forEach((_, i) => check(['steps', i]));
  return paths;
}

/** Ids must be unique (per system for items), or a merge could not tell which entry is which. */
function duplicateIds(data: ChecklistData): { path: KeyPath; message: string }[] {
  const found: { path: KeyPath; message: string }[] = [];
  const systemIndex = new Map<string, number>();
  data.systems.forEach((system, s) => {
    const first = systemIndex.get(system.name);
    if (first !== undefined) found.push({ path: ['systems', s, 'name'], message: `system "${system.name}" is listed twice (first as systems[${first}])` });
    else systemIndex.set(system.name, s);
    const itemIndex = new Map<string, number>();
    system.items.forEach((item, i) => {
      const earlier = itemIndex.get(item.id);
      if (earlier !== undefined) found.push({ path: ['systems', s, 'items', i, 'id'], message: `id "${item.id}" is listed twice in this system (first as items[${earlier}])` });
      else itemIndex.set(item.id, i);
    });
  });
  const stepIndex = new Map<string, number>();
  (data.steps ?? []).forEach((step, i) => {
    const earlier = stepIndex.get(step.id);
    if (earlier !== undefined) found.push({ path: ['steps', i, 'id'], message: `step "${step.id}" is listed twice (first as steps[${earlier}])` });
    else stepIndex.set(step.id, i);
  });
  return found;
}

function sortByLine(problems: ChecklistProblem[]): ChecklistProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
