import { categoryLabel as defaultCategoryLabel } from '../classify/categories';
import type { PiAuditConfig, Severity } from '../config/model';
import type { AssessedField, Diagnostic, DiagnosticSeverity, Lang, RuleContext } from './model';
import { RULES } from './registry';
import { compileTemplate, pick } from './template';

export interface RunRulesOptions {
  /** Category label lookup; defaults to the categories table (`身份证号` / `Resident ID number`). */
  categoryLabel?: (id: string, lang: Lang) => string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];

/**
 * Runs every enabled rule over the assessed fields. A rule set to `off` in `config.rules` does
 * not run; any other configured severity replaces the rule's default. Diagnostics come sorted
 * by file, line, column and rule.
 */
export function runRules(fields: readonly AssessedField[], config: PiAuditConfig, lang: Lang, options: RunRulesOptions = {}): Diagnostic[] {
  const label = options.categoryLabel ?? defaultCategoryLabel;
  const personal = fields.filter((f) => isJudged(f, config));
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    if (!rule.check) continue;
    const configured = configuredSeverity(config, rule.meta.id);
    if (configured === 'off') continue;
    const templates = new Map<string, ReturnType<typeof compileTemplate>>();
    const context: RuleContext = {
      fields,
      personal,
      config,
      lang,
      categoryLabel: (id) => label(id, lang),
      severity: (fallback) => configured ?? fallback,
      message: (variant, params) => {
        let fill = templates.get(variant);
        if (!fill) {
          const template = rule.meta.messages[variant];
          if (!template) throw new Error(`no message "${variant}" for rule ${rule.meta.id}`);
          fill = compileTemplate(pick(template, lang));
          templates.set(variant, fill);
        }
        return fill(params);
      },
    };
    // A loop, not `push(...list)`: spreading a list of thousands of diagnostics is slow.
    for (const diagnostic of rule.check(context)) diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}

/** The order diagnostics are reported in: file, line, column, rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** The severity `config.rules` sets for a rule, if it sets a valid one. */
export function configuredSeverity(config: Pick<PiAuditConfig, 'rules'>, id: string): Severity | undefined {
  const value = config.rules?.[id];
  return value !== undefined && SEVERITIES.includes(value) ? value : undefined;
}

/** The rule's severity in force: configured, or its default. Null when the rule is off. */
export function effectiveSeverity(config: Pick<PiAuditConfig, 'rules'>, id: string, fallback: DiagnosticSeverity): DiagnosticSeverity | null {
  const configured = configuredSeverity(config, id);
  if (configured === 'off') return null;
  return configured ?? fallback;
}

/**
 * The fields the rules judge: personal information (not business data), at or above the
 * configured minimum confidence, and not declared `ignore` (not PI / accepted).
 */
function isJudged(field: AssessedField, config: PiAuditConfig): boolean {
  const { finding, disposition } = field;
  if (!finding.isPI || finding.category?.startsWith('business.')) return false;
  if (finding.confidence < (config.minConfidence ?? 0)) return false;
  return disposition?.action !== 'ignore';
}
