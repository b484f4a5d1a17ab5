import { annotationProblemMessage } from '../disposition/annotationMessages';
import type { Diagnostic, Rule } from './model';

/** `pi/invalid-annotation`: a `@pi` annotation the parser rejected (it declares nothing). */
export const invalidAnnotation: Rule = {
  meta: {
    id: 'pi/invalid-annotation',
    defaultSeverity: 'error',
    anchor: 'pi-invalid-annotation',
    title: { en: 'Malformed @pi annotation', zh: '@pi 注解格式错误' },
    doc: {
      en: 'Reports a `@pi` annotation that cannot be read, at the exact column of the problem: an unknown action or key, an unterminated quote, a malformed period (`30y`, `6m`, `90d`, `30年`, `6个月`), a period after an action other than `retain`, a duplicate key, a bad `until` date or `mechanism`, or a second annotation on the same field or entity. Grammar: `@pi <action> [period] [key=value | key="quoted value"]…` with actions delete, anonymize, transfer, retain, destroy, ignore and keys basis, until, then, to, contact, method, reason, owner, mechanism (own keys start with `x-`). A malformed annotation declares nothing, so the field also counts as undeclared.',
      zh: '报告无法解析的 `@pi` 注解，并指出问题所在的列：未知的动作或键、引号未闭合、保存期限格式错误（`30y`、`6m`、`90d`、`30年`、`6个月`）、在 `retain` 以外的动作后写了期限、键重复、`until` 日期或 `mechanism` 无效，或同一字段或实体上有第二条注解。语法：`@pi <动作> [期限] [key=value | key="带引号的值"]…`，动作为 delete、anonymize、transfer、retain、destroy、ignore，键为 basis、until、then、to、contact、method、reason、owner、mechanism（自定义键以 `x-` 开头）。格式错误的注解不声明任何处置，因此该字段仍按未声明处理。',
    },
    messages: {
      invalid: {
        en: 'invalid @pi annotation: {detail}',
        zh: '@pi 注解无效：{detail}',
      },
    },
  },
  check(context) {
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    // Every field of an entity carries the entity's annotations: report each one once.
    for (const { finding, invalid } of context.fields) {
      for (const parse of invalid) {
        if (parse.ok) continue;
        const detail = parse.problem ? annotationProblemMessage(parse.problem, context.lang) : parse.message;
        const key = `${finding.file}:${parse.comment.line}:${parse.column}:${detail}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push({
          rule: invalidAnnotation.meta.id,
          severity: context.severity(invalidAnnotation.meta.defaultSeverity),
          file: finding.file,
          line: parse.comment.line,
          column: parse.column,
          message: context.message('invalid', { detail }),
          fieldId: finding.id,
        });
      }
    }
    return diagnostics;
  },
};
