import { evidenceForField } from '../disposition/evidence/collect';
import { categoryParams, evidenceKindLabel, evidenceLocations, fieldName } from './locations';
import type { Diagnostic, Rule } from './model';

/** `pi/missing-disposition`: a PI field whose retention or deletion handling nobody declared. */
export const missingDisposition: Rule = {
  meta: {
    id: 'pi/missing-disposition',
    defaultSeverity: 'error',
    anchor: 'pi-missing-disposition',
    title: { en: 'PI field without a declared disposition', zh: '个人信息字段未声明处置' },
    doc: {
      en: 'Reports every personal-information field for which no disposition is declared: no `@pi` annotation on the field or its entity, no entry in the checklist and no matching policy in `.piaudit.yaml`. Before the company is deregistered each such field must be deleted (PIPL Art. 47), anonymized (Art. 73), transferred to a named recipient (Art. 22) or kept because another law requires it (Art. 47 para. 2) and destroyed afterwards. Sensitive personal information (Art. 28) is an error by default, other PI a warning; a severity set in `rules` applies to both. Evidence found in the code (TTL indexes, purge jobs, DELETE statements) is shown as related locations but does not replace the decision: declare it with `@pi delete`, `@pi retain 30y basis="…"`, etc., or record it in the checklist.',
      zh: '报告所有未声明处置方式的个人信息字段：字段及其实体上没有 `@pi` 注解，处置清单中没有条目，`.piaudit.yaml` 中也没有匹配的策略。公司注销前，每个此类字段都须删除（《个人信息保护法》第四十七条）、匿名化（第七十三条）、转移给告知了名称和联系方式的接收方（第二十二条），或因其他法律要求而保存（第四十七条第二款）并在期满后销毁。敏感个人信息（第二十八条）默认为错误，其他个人信息为警告；在 `rules` 中设置的严重级别对两者同时生效。代码中发现的处置迹象（TTL 索引、定时清理任务、DELETE 语句）作为相关位置显示，但不能代替处置决定：请用 `@pi delete`、`@pi retain 30y basis="…"` 等注解声明，或记入处置清单。',
    },
    messages: {
      sensitive: {
        en: '{field}: {label} ({category}), sensitive — PIPL Art. 28: no retention or deletion handling declared{hint}',
        zh: '{field}：{label}（{category}），敏感个人信息 —《个人信息保护法》第二十八条：未声明保存或删除处置{hint}',
      },
      plain: {
        en: '{field}: {label} ({category}): no retention or deletion handling declared{hint}',
        zh: '{field}：{label}（{category}）：未声明保存或删除处置{hint}',
      },
      evidenceHint: {
        en: ' (the code shows {kinds}: declare the decision with @pi or in the checklist)',
        zh: '（代码中有{kinds}迹象：请用 @pi 注解或在处置清单中声明处置决定）',
      },
    },
  },
  check(context) {
    const diagnostics: Diagnostic[] = [];
    const zh = context.lang === 'zh-CN';
    for (const { finding, disposition, evidence } of context.personal) {
      if (disposition !== null) continue;
      // Most fields have no evidence: spare filtering and labelling nothing.
      const own = evidence.length === 0 ? [] : evidenceForField(evidence, [finding.field, ...finding.fieldAliases]);
      const kinds = own.length === 0 ? [] : [...new Set(own.map((e) => evidenceKindLabel(e.kind, context.lang)))];
      const hint = kinds.length === 0 ? '' : context.message('evidenceHint', { kinds: kinds.join(zh ? '、' : ', ') });
      const { label, category } = categoryParams(finding, context.categoryLabel, context.lang);
      const diagnostic: Diagnostic = {
        rule: missingDisposition.meta.id,
        severity: context.severity(finding.sensitive ? 'error' : 'warning'),
        file: finding.file,
        line: finding.line,
        column: finding.column,
        message: context.message(finding.sensitive ? 'sensitive' : 'plain', { field: fieldName(finding), label, category, hint }),
        fieldId: finding.id,
      };
      if (own.length > 0) diagnostic.related = evidenceLocations(own, context.lang);
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  },
};
