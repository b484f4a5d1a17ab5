import type { PolicyRule } from '../config/model';
import type { SourceComment } from '../extract/model';
import type { FieldFinding } from '../scan/model';
import { parseAnnotations, type AnnotationReader } from './annotation';
import { annotationProblemMessage, type AnnotationProblem } from './annotationMessages';
import type { AnnotationParse, Disposition } from './model';
import { matchPolicy, type PolicyProblem, type PolicySet } from './policy';

export interface ResolveContext {
  /** Dispositions recorded in the checklist, by field id. */
  checklist?: ReadonlyMap<string, Disposition>;
  /** Policy rules from the configuration, in order (the first match wins). */
  policies?: readonly PolicyRule[];
  /** The same rules with their globs compiled (`assessFields` compiles them once per call). */
  compiledPolicies?: PolicySet;
  /** The system (repository) name, the first segment of the `system/entity.field` policy path. */
  system: string;
  /** Reads `@pi` annotations, each text parsed once (`assessFields` makes one per call). */
  annotations?: AnnotationReader;
}

export interface ResolvedDisposition {
  disposition: Disposition | null;
  /** Annotations that could not be parsed, and extra annotations that were not applied. */
  invalid: AnnotationParse[];
  /** Policy rules that matched but could not be applied as written. */
  problems: PolicyProblem[];
}

type ParsedAnnotation = Extract<AnnotationParse, { ok: true }>;

/**
 * The disposition in force for a field, first found wins:
 * 1. a `@pi` annotation on or just above the field (its comments, then its description — the
 *    SQL `COMMENT '…'` string or docstring);
 * 2. a `@pi` annotation above the entity (for all its fields);
 * 3. the checklist entry for the field id;
 * 4. the first matching policy rule from the configuration.
 * Malformed annotations never stop resolution: they are returned in `invalid`.
 */
export function resolveDisposition(finding: FieldFinding, context: ResolveContext): ResolvedDisposition {
  const invalid: AnnotationParse[] = [];
  const fieldLevel = annotationsOf(finding.fieldComments, finding.description, finding, context.annotations, invalid);
  const entityLevel = annotationsOf(finding.entityComments, undefined, finding, context.annotations, invalid);
  const annotated = fieldLevel.length > 0 ? fromLevel('field', fieldLevel, finding, invalid) : entityLevel.length > 0 ? fromLevel('entity', entityLevel, finding, invalid) : undefined;
  if (annotated) return annotated;
  const recorded = context.checklist?.get(finding.id);
  if (recorded) return { disposition: recorded, invalid, problems: [] };
  const policy = matchPolicy(finding, context.compiledPolicies ?? context.policies ?? [], context.system);
  if (policy) return { disposition: policy.disposition, invalid, problems: policy.problems };
  return { disposition: null, invalid, problems: [] };
}

/** The first annotation of a level is in force; any other one there is reported as invalid. */
function fromLevel(level: 'field' | 'entity', parses: readonly ParsedAnnotation[], finding: FieldFinding, invalid: AnnotationParse[]): ResolvedDisposition {
  const [chosen, ...others] = parses;
  for (const other of others) {
    const problem: AnnotationProblem = { code: 'second-annotation', params: { level, line: String(chosen.comment.line) } };
    invalid.push({ ok: false, message: annotationProblemMessage(problem, 'en'), comment: other.comment, column: other.comment.column, problem });
  }
  return { disposition: fromAnnotation(chosen, finding.file), invalid, problems: [] };
}

/** No annotation: shared, never changed. */
const NO_ANNOTATIONS: readonly ParsedAnnotation[] = [];

function annotationsOf(
  comments: readonly SourceComment[],
  description: string | undefined,
  finding: FieldFinding,
  reader: AnnotationReader | undefined,
  invalid: AnnotationParse[],
): readonly ParsedAnnotation[] {
  // Every annotation starts with `@`: most fields have none, and need no parsing.
  if (!mayAnnotate(comments) && !description?.includes('@')) return NO_ANNOTATIONS;
  const read = (comment: SourceComment, exact?: boolean): AnnotationParse[] => (reader ? reader.read(comment, exact) : parseAnnotations(comment, exact));
  const parses = comments.flatMap((comment) => read(comment));
  if (description !== undefined) {
    // The description has no position of its own: its annotation is placed on the field.
    const fromDescription = read({ text: description, line: finding.line, column: finding.column }, false);
    // An extractor may report the same text as comment and description; count it once.
    const seen = new Set(parses.map((parse) => parse.comment.text));
    parses.push(...fromDescription.filter((parse) => !seen.has(parse.comment.text)));
  }
  const valid: ParsedAnnotation[] = [];
  for (const parse of parses) {
    if (parse.ok) valid.push(parse);
    else invalid.push(parse);
  }
  return valid;
}

/** Whether a comment holds an `@` (a loop: this runs for every field of an audit). */
function mayAnnotate(comments: readonly SourceComment[]): boolean {
  for (let i = 0; i < comments.length; i++) if (comments[i].text.includes('@')) return true;
  return false;
}

function fromAnnotation(parse: ParsedAnnotation, file: string): Disposition {
  // Object.assign rather than a spread: V8 (Node 20) gives each object built as
  // `{ ...disposition, … }` a hidden class of its own, which slows every rule that reads it.
  return Object.assign({}, parse.disposition, {
    source: 'annotation' as const,
    declaredAt: { file, line: parse.comment.line, column: parse.comment.column },
  });
}
