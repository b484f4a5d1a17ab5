import { declarationKey, groupBy } from './locations';
import { declarationDiagnostic } from './declarationDiagnostic';
import type { Rule } from './model';

/** `pi/retain-without-basis`: `retain` without a period (or end date) or without a legal basis. */
export const retainWithoutBasis: Rule = {
  meta: {
    id: 'pi/retain-without-basis',
    defaultSeverity: 'warning',
    anchor: 'pi-retain-without-basis',
    title: { en: 'Retention without a period or legal basis', zh: '保存处置缺少期限或法律依据' },
    doc: {
      en: 'Reports a `retain` disposition that names no retention period (`30y`, `6m`, or `until=YYYY-MM-DD`) or no legal basis (`basis="会计档案管理办法 第十四条"`). Personal information may outlive the end of the business only where a law still requires it to be kept (PIPL Art. 47 para. 2), and then only for the period that law sets (Art. 19: the shortest time necessary); after that it must be destroyed (`then=destroy`). One diagnostic is reported per declaration, on the annotation, checklist entry or first field of the policy.',
      zh: '报告未写保存期限（`30y`、`6m` 或 `until=YYYY-MM-DD`）或未写法律依据（`basis="会计档案管理办法 第十四条"`）的 `retain` 处置。业务终止后，个人信息只有在其他法律仍要求保存时才可保留（《个人信息保护法》第四十七条第二款），且仅限该法律规定的期限（第十九条：实现处理目的所必要的最短时间）；期满后须销毁（`then=destroy`）。每个声明只报告一次，位置为注解、清单条目或策略涉及的第一个字段。',
    },
    messages: {
      noPeriod: {
        en: '{field}: retain declared without a period or end date (e.g. 30y, 6m or until=YYYY-MM-DD) — PIPL Art. 19: keep PI only as long as necessary',
        zh: '{field}：声明了保存，但未写保存期限或截止日期（如 30y、6m 或 until=YYYY-MM-DD）——《个人信息保护法》第十九条：保存期限应为必要的最短时间',
      },
      noBasis: {
        en: '{field}: retain {period} declared without a legal basis (basis="…") — PIPL Art. 47 para. 2: PI is kept past deletion only where a law requires it',
        zh: '{field}：声明保存 {period}，但未写法律依据（basis="…"）——《个人信息保护法》第四十七条第二款：仅在法律规定的保存期限未届满时方可不删除',
      },
      neither: {
        en: '{field}: retain declared without a period or a legal basis (e.g. @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy)',
        zh: '{field}：声明了保存，但既无保存期限也无法律依据（例如 @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy）',
      },
    },
  },
  check(context) {
    const offending = context.personal.filter(({ disposition: d }) => d?.action === 'retain' && (!hasPeriod(d) || !d.basis?.trim()));
    return groupBy(offending, (f) => (f.disposition ? declarationKey(f.disposition) : null)).map((group) => {
      const d = group[0].disposition;
      const variant = !hasPeriod(d) && !d?.basis?.trim() ? 'neither' : !hasPeriod(d) ? 'noPeriod' : 'noBasis';
      const period = d?.period?.text ?? (d?.until ? `until=${d.until}` : '');
      return declarationDiagnostic(retainWithoutBasis.meta.id, context, group, variant, { period }, context.severity(retainWithoutBasis.meta.defaultSeverity));
    });
  },
};

function hasPeriod(d: { period?: unknown; until?: string } | null): boolean {
  return d !== null && (d.period !== undefined || Boolean(d.until));
}
