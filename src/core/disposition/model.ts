import type { SourceComment } from '../extract/model';
import type { FieldFinding } from '../scan/model';
import type { AnnotationProblem } from './annotationMessages';

/** What must happen to a PI field before the company closes (PIPL Art. 47, 73, 22; Art. 47 para. 2). */
export type DispositionAction = 'delete' | 'anonymize' | 'transfer' | 'retain' | 'destroy' | 'ignore';

export const DISPOSITION_ACTIONS: readonly DispositionAction[] = ['delete', 'anonymize', 'transfer', 'retain', 'destroy', 'ignore'];

/** Where the disposition in force was declared, in resolution order (first wins). */
export type DispositionSource = 'annotation' | 'checklist' | 'policy';

/** A retention period such as `30y`, `6m`, `10y`, `90d`. */
export interface RetentionPeriod {
  /** As written, e.g. `30y`. */
  text: string;
  /** Length in months (days are rounded up to whole months) so periods compare. */
  months: number;
}

export interface Disposition {
  action: DispositionAction;
  period?: RetentionPeriod;
  /** Legal basis as written, e.g. `会计档案管理办法 第十四条`. */
  basis?: string;
  /** ISO date until which data is kept. */
  until?: string;
  /** What happens after retention, e.g. `destroy`. */
  then?: string;
  /** Recipient (transfer). */
  to?: string;
  contact?: string;
  method?: string;
  reason?: string;
  owner?: string;
  /** Art. 38 mechanism for a recipient abroad: `security-assessment`, `certification`, `standard-contract`. */
  mechanism?: string;
  /** Any other key=value pairs, kept as written. */
  extra: Record<string, string>;
  source: DispositionSource;
  /** Where it was declared: file and line for annotations and checklist entries, the rule for policies. */
  declaredAt: { file: string; line: number; column: number } | { policy: string };
}

/** A parsed `@pi` annotation, or why it could not be parsed. */
export type AnnotationParse =
  | { ok: true; disposition: Omit<Disposition, 'source' | 'declaredAt'>; comment: SourceComment }
  | {
      ok: false;
      /** In English; `problem` renders it in another language (`annotationProblemMessage`). */
      message: string;
      comment: SourceComment;
      column: number;
      problem?: AnnotationProblem;
    };

/**
 * What kind of handling the code shows for an entity (heuristic search over the scanned text).
 * Evidence informs the reviewer; it never stands in for a declared disposition.
 */
export type EvidenceKind =
  /** A TTL index or TTL clause: the store deletes rows/documents by itself. */
  | 'ttl'
  /** `ON DELETE CASCADE` or an ORM cascade: rows go when their parent goes. */
  | 'cascade'
  /** A scheduled job (cron, `@Scheduled`, `setInterval`…) with a delete in it. */
  | 'purge-job'
  /** `DELETE FROM`, `TRUNCATE` or an ORM delete naming the entity. */
  | 'delete-statement'
  /** Hashing, masking, nulling or encrypting a PI column. */
  | 'anonymize'
  /** A soft-delete flag or soft-delete call, and nothing that purges the entity. */
  | 'soft-delete';

export interface Evidence {
  kind: EvidenceKind;
  file: string;
  line: number;
  column: number;
  /** What was found, at most 80 characters, values masked: `DELETE FROM t_member`. */
  text: string;
  /** The field it concerns (as declared), when it concerns one column only. */
  field?: string;
  /** For `cascade`: the parent entity as named in the code, when it could be read. */
  parent?: string;
}

/** A field with everything the rules look at: the disposition in force and the evidence found. */
export interface AssessedField {
  finding: FieldFinding;
  disposition: Disposition | null;
  /** Malformed or superfluous `@pi` annotations seen on the field or its entity. */
  invalid: AnnotationParse[];
  /** Evidence for the field's entity: entity-wide items and the ones about this field. */
  evidence: Evidence[];
}
