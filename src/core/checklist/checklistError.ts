/** What `checklist --check` (or reading the file) found wrong. */
export type ChecklistProblemKind =
  /** The file does not parse or does not match the schema. */
  | 'invalid'
  /** The file does not exist. */
  | 'absent'
  /** A PI field in the code has no item in the checklist. */
  | 'missing'
  /** A field gone from the code whose item is still open. */
  | 'gone-open'
  /** A PI field with no decision anywhere (annotation, checklist or policy). */
  | 'undecided'
  /** A decision taken in the checklist differs from the `@pi` annotation, which wins. */
  | 'conflict'
  /** Regenerating would change the file. */
  | 'stale';

export interface ChecklistProblem {
  kind: ChecklistProblemKind;
  /** The checklist, or for `missing` the source file of the field. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** Key path inside the checklist, e.g. `systems[0].items[3].status`. */
  key?: string;
  fieldId?: string;
  system?: string;
}

export function formatChecklistProblem(problem: ChecklistProblem): string {
  const key = problem.key ? `${problem.key}: ` : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${key}${problem.message}`;
}

/**
 * The checklist cannot be read safely (does not parse, does not match the schema, repeats an id).
 * Whoever catches it must leave the file exactly as it is.
 */
export class ChecklistError extends Error {
  override readonly name = 'ChecklistError';
  readonly problems: readonly ChecklistProblem[];

  constructor(problems: readonly ChecklistProblem[]) {
    super(problems.map(formatChecklistProblem).join('\n'));
    this.problems = problems;
  }

  get file(): string { return this.problems[0]?.file ?? ''; }
  get line(): number { return this.problems[0]?.line ?? 1; }
}
