import type { Disposition } from '../disposition/model';
import { declarationLabel, declarationSite, fieldLocations, fieldName } from './locations';
import type { AssessedField, Diagnostic, DiagnosticSeverity, RuleContext } from './model';

/** `member.sfzh`, or `member.sfzh and 3 more fields` / `member.sfzh 等 4 个字段` for a shared declaration. */
export function fieldsLabel(group: readonly AssessedField[], lang: RuleContext['lang']): string {
  const first = fieldName(group[0].finding);
  if (group.length === 1) return first;
  return lang === 'zh-CN' ? `${first} 等 ${group.length} 个字段` : `${first} and ${group.length - 1} more field${group.length > 2 ? 's' : ''}`;
}

/**
 * One diagnostic about one declaration (an annotation, checklist entry or policy) covering the
 * fields of `group`: placed on the declaration when it is in a file, on the first field otherwise,
 * with the covered fields as related locations when they are elsewhere. `{field}` in the message
 * names the fields and the declaration.
 */
export function declarationDiagnostic(
  ruleId: string,
  context: RuleContext,
  group: readonly AssessedField[],
  variant: string,
  params: Record<string, string | number>,
  severity: DiagnosticSeverity,
): Diagnostic {
  const first = group[0];
  const disposition = first.disposition as Disposition;
  const site = declarationSite(disposition, first.finding);
  const onField = site.file === first.finding.file && site.line === first.finding.line && group.length === 1;
  const related = onField ? [] : fieldLocations(group.map((g) => g.finding), context.lang);
  return {
    rule: ruleId,
    severity,
    ...site,
    message: context.message(variant, { ...params, field: `${fieldsLabel(group, context.lang)}${declarationLabel(disposition, context.lang)}` }),
    fieldId: first.finding.id,
    ...(related.length > 0 ? { related } : {}),
  };
}
