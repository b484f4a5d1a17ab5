import type { Lang } from '../classify/categories';
import type { PiAuditConfig, Severity } from '../config/model';
import type { AssessedField } from '../disposition/model';

export type { AssessedField, Lang };

/** A severity a diagnostic can carry (`off` only ever disables a rule). */
export type DiagnosticSeverity = Exclude<Severity, 'off'>;

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One finding of one rule, ready for the editor, the text/JSON report and SARIF. */
export interface Diagnostic {
  rule: string;
  severity: DiagnosticSeverity;
  file: string;
  line: number;
  column: number;
  message: string;
  /** The field it is about (the first one when a declaration covers several). */
  fieldId: string;
  /** Evidence locations, the declaration, or the other fields a declaration covers. */
  related?: RelatedLocation[];
}


export interface Bilingual {
  en: string;
  zh: string;
}

/** What the README, SARIF and the editor show about a rule. */
export interface RuleMeta {
  /** Stable id, `pi/…`. */
  id: string;
  defaultSeverity: DiagnosticSeverity;
  /** Anchor of the rule's section in README.md (`<a id="…">`). */
  anchor: string;
  title: Bilingual;
  /** One paragraph for the README and SARIF help. */
  doc: Bilingual;
  /** Message templates by variant; `{name}` placeholders. */
  messages: Record<string, Bilingual>;
}

/** What a rule's check gets: the fields, the configuration and message helpers in the chosen language. */
export interface RuleContext {
  fields: readonly AssessedField[];
  /** The PI fields the rules judge (PI, not business, at or above the minimum confidence). */
  personal: readonly AssessedField[];
  config: PiAuditConfig;
  lang: Lang;
  categoryLabel: (id: string) => string;
  /** The configured severity of this rule, or `fallback` when the configuration does not set one. */
  severity: (fallback: DiagnosticSeverity) => DiagnosticSeverity;
  message: (variant: string, params: Record<string, string | number>) => string;
}

export interface Rule {
  meta: RuleMeta;
  /** Absent for rules raised elsewhere (`pi/checklist-stale` by the checklist module). */
  check?(context: RuleContext): Diagnostic[];
}
