import { RetentionDutyMatcher, type ApplicableDuty } from '../disposition/retention';
import { declarationDiagnostic } from './declarationDiagnostic';
import { declarationKey, groupBy } from './locations';
import type { AssessedField, Lang, Rule } from './model';
import { pick } from './template';

/** `pi/retention-conflict`: deleting what a law still requires to keep, or keeping it for too short. */
export const retentionConflict: Rule = {
  meta: {
    id: 'pi/retention-conflict',
    defaultSeverity: 'warning',
    anchor: 'pi-retention-conflict',
    title: { en: 'Disposition conflicts with a statutory retention period', zh: '处置与法定保存期限冲突' },
    doc: {
      en: 'Reports `delete` or `destroy` declared for records that another law still requires to be kept, and `retain` periods shorter than that minimum. PIPL Art. 47 para. 2: where a statutory retention period has not ended, stop all processing except storage and security measures instead of deleting. The retention table follows shared legal facts: accounting vouchers and ledgers 30 years (会计档案管理办法 Art. 14–15), bank statements 10 years, tax records 10 years (税收征收管理法实施细则 Art. 29), AML customer data 10 years (反洗钱法 Art. 34), e-commerce transactions 3 years (电子商务法 Art. 31), network logs 6 months (网络安全法 Art. 21(3); Art. 23 after the 2025 amendment — numbering unverified), PIA reports 3 years (PIPL Art. 56), terminated labour contracts 2 years (劳动合同法 Art. 50), wage payment records 2 years (工资支付暂行规定 Art. 6), migrant-worker wage ledgers 3 years. Which records a field belongs to is a heuristic on its category (property.payment → e-commerce transactions; property.income → wage and tax records; online.activity → network logs) and on the words of its entity and field (voucher/凭证, ledger/账簿, invoice/发票, tax/税, salary/工资, log/日志, 劳动合同…); some duties bind only certain businesses (platform operators, financial institutions, network operators), so check the message before acting.',
      zh: '报告对其他法律仍要求保存的记录声明了 `delete` 或 `destroy`，或 `retain` 期限短于法定最低期限的情况。《个人信息保护法》第四十七条第二款：法律、行政法规规定的保存期限未届满的，应当停止除存储和采取必要的安全保护措施之外的处理，而不是删除。保存期限表依据共享的法律事实：会计凭证、账簿 30 年（《会计档案管理办法》第十四、十五条），银行对账单 10 年，涉税资料 10 年（《税收征收管理法实施细则》第二十九条），反洗钱客户身份资料 10 年（《反洗钱法》第三十四条），电子商务交易信息 3 年（《电子商务法》第三十一条），网络日志 6 个月（《网络安全法》第二十一条第（三）项；2025 年修正后为第二十三条——条文序号未经核实），个人信息保护影响评估报告 3 年（《个人信息保护法》第五十六条），已终止的劳动合同文本 2 年（《劳动合同法》第五十条），工资支付记录 2 年（《工资支付暂行规定》第六条），农民工工资支付台账 3 年。字段属于哪类记录依启发式判断：依其类别（property.payment → 电子商务交易信息；property.income → 工资和涉税记录；online.activity → 网络日志）以及实体和字段中的词（voucher/凭证、ledger/账簿、invoice/发票、tax/税、salary/工资、log/日志、劳动合同等）；部分义务只约束特定主体（电商平台经营者、金融机构、网络运营者），处理前请核对提示内容。',
    },
    messages: {
      deletes: {
        en: '{field}: {action} declared, but {record} must be kept at least {minimum} ({source}{scope}; matched "{because}") — PIPL Art. 47 para. 2: keep it, stop all other processing, and delete it when the period ends',
        zh: '{field}：声明了 {action}，但{record}依法至少保存{minimum}（{source}{scope}；匹配“{because}”）——《个人信息保护法》第四十七条第二款：保存期限未届满的，停止除存储和必要安全保护措施之外的处理，期满后删除',
      },
      tooShort: {
        en: '{field}: retain {period} is shorter than the {minimum} that {record} must be kept ({source}{scope}; matched "{because}")',
        zh: '{field}：保存期限 {period} 短于{record}的法定最低保存期限{minimum}（{source}{scope}；匹配“{because}”）',
      },
    },
  },
  check(context) {
    const conflicts: { field: AssessedField; duty: ApplicableDuty; variant: 'deletes' | 'tooShort' }[] = [];
    const duties = new RetentionDutyMatcher();
    for (const field of context.personal) {
      const d = field.disposition;
      if (!d) continue;
      const longest = duties.dutiesFor(field.finding)[0];
      if (longest === undefined) continue;
      if (d.action === 'delete' || d.action === 'destroy') conflicts.push({ field, duty: longest, variant: 'deletes' });
      else if (d.action === 'retain' && d.period && d.period.months < longest.duty.minimum.months) conflicts.push({ field, duty: longest, variant: 'tooShort' });
    }
    return groupBy(conflicts, (c) => (c.field.disposition ? `${declarationKey(c.field.disposition)}|${c.duty.duty.id}` : null)).map((group) => {
      const { duty, variant } = group[0];
      const d = group[0].field.disposition;
      const scope = duty.duty.scope ? `; ${pick(duty.duty.scope, context.lang)}` : '';
      const params = {
        action: d?.action ?? '',
        period: d?.period?.text ?? '',
        record: pick(duty.duty.record, context.lang),
        minimum: spell(duty.duty.minimum.months, context.lang),
        source: pick(duty.duty.source, context.lang),
        scope,
        because: duty.because,
      };
      return declarationDiagnostic(retentionConflict.meta.id, context, group.map((c) => c.field), variant, params, context.severity(retentionConflict.meta.defaultSeverity));
    });
  },
};

/** `30 years` / `30年`, `6 months` / `6个月`. */
function spell(months: number, lang: Lang): string {
  if (months % 12 === 0) return lang === 'zh-CN' ? `${months / 12}年` : `${months / 12} year${months === 12 ? '' : 's'}`;
  return lang === 'zh-CN' ? `${months}个月` : `${months} month${months === 1 ? '' : 's'}`;
}
