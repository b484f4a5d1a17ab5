import type { DispositionAction } from '../disposition/model';
import { categoryParams, fieldName } from './locations';
import type { Diagnostic, Rule } from './model';

/** Dispositions that end the exposure (or declare the field not PI). */
const HANDLED: ReadonlySet<DispositionAction> = new Set<DispositionAction>(['anonymize', 'delete', 'destroy', 'ignore']);

/** `pi/sensitive-unprotected`: sensitive PI stored in the clear, and not going to be anonymized or deleted. */
export const sensitiveUnprotected: Rule = {
  meta: {
    id: 'pi/sensitive-unprotected',
    defaultSeverity: 'warning',
    anchor: 'pi-sensitive-unprotected',
    title: { en: 'Sensitive PI without encryption or masking', zh: '敏感个人信息未加密或脱敏' },
    doc: {
      en: 'Reports a sensitive personal-information field (PIPL Art. 28: biometrics, specific identity, medical health, financial accounts, whereabouts, all PI of children under 14…) that shows no sign of encryption, hashing or masking in its name, type or description, and whose disposition is neither `anonymize` nor `delete`/`destroy`. Art. 51 requires measures such as encryption and de-identification; data that is kept for a statutory period or handed to a successor stays exposed until then. Encrypt or hash the column, or declare it to be anonymized or deleted.',
      zh: '报告敏感个人信息字段（《个人信息保护法》第二十八条：生物识别、特定身份、医疗健康、金融账户、行踪轨迹、不满十四周岁未成年人的信息等）在名称、类型或说明中看不出加密、哈希或脱敏，且处置方式既不是 `anonymize` 也不是 `delete`/`destroy` 的情况。第五十一条要求采取加密、去标识化等安全技术措施；依法保存或移交给承继方的数据在此之前一直处于暴露状态。请对该列加密或哈希，或声明匿名化或删除处置。',
    },
    messages: {
      unprotected: {
        en: '{field}: sensitive PI ({label}, {category}) with no sign of encryption or masking and no anonymize or delete disposition — PIPL Art. 51: encryption, de-identification',
        zh: '{field}：敏感个人信息（{label}，{category}）未见加密或脱敏，且未声明匿名化或删除处置——《个人信息保护法》第五十一条：加密、去标识化',
      },
    },
  },
  check(context) {
    const diagnostics: Diagnostic[] = [];
    for (const { finding, disposition } of context.personal) {
      if (!finding.sensitive || finding.protected) continue;
      if (disposition && HANDLED.has(disposition.action)) continue;
      const { label, category } = categoryParams(finding, context.categoryLabel, context.lang);
      diagnostics.push({
        rule: sensitiveUnprotected.meta.id,
        severity: context.severity(sensitiveUnprotected.meta.defaultSeverity),
        file: finding.file,
        line: finding.line,
        column: finding.column,
        message: context.message('unprotected', { field: fieldName(finding), label, category }),
        fieldId: finding.id,
      });
    }
    return diagnostics;
  },
};
