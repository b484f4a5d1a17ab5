import { declarationDiagnostic } from './declarationDiagnostic';
import { declarationKey, groupBy } from './locations';
import type { Rule } from './model';

/** `pi/transfer-without-recipient`: a transfer that does not name the recipient and its contact (PIPL Art. 22). */
export const transferWithoutRecipient: Rule = {
  meta: {
    id: 'pi/transfer-without-recipient',
    defaultSeverity: 'error',
    anchor: 'pi-transfer-without-recipient',
    title: { en: 'Transfer without the recipient’s name and contact', zh: '转移未写明接收方名称和联系方式' },
    doc: {
      en: 'Reports a `transfer` disposition that does not give the recipient’s name (`to="…"`) and contact (`contact="…"`). When personal information moves to another processor because of a merger, division, dissolution or bankruptcy, PIPL Art. 22 requires telling every individual the recipient’s name and contact; the recipient takes over the processor’s obligations, and a changed purpose needs fresh consent. The checklist uses these values for the notice, so both must be declared.',
      zh: '报告未写明接收方名称（`to="…"`）或联系方式（`contact="…"`）的 `transfer` 处置。因合并、分立、解散、被宣告破产等原因需要转移个人信息的，《个人信息保护法》第二十二条要求向个人告知接收方的名称或者姓名和联系方式；接收方继续履行个人信息处理者的义务，变更处理目的的须重新取得同意。处置清单用这两项生成告知内容，因此两者都须声明。',
    },
    messages: {
      missing: {
        en: '{field}: transfer declared without the recipient’s {missing} — PIPL Art. 22: individuals must be told the recipient’s name and contact',
        zh: '{field}：声明了转移，但缺少接收方的{missing}——《个人信息保护法》第二十二条：应当向个人告知接收方的名称或者姓名和联系方式',
      },
    },
  },
  check(context) {
    const offending = context.personal.filter(({ disposition: d }) => d?.action === 'transfer' && (!d.to?.trim() || !d.contact?.trim()));
    return groupBy(offending, (f) => (f.disposition ? declarationKey(f.disposition) : null)).map((group) => {
      const d = group[0].disposition;
      const noName = !d?.to?.trim();
      const noContact = !d?.contact?.trim();
      const zh = context.lang === 'zh-CN';
      const missing =
        noName && noContact ? (zh ? '名称（to=）和联系方式（contact=）' : 'name (to=) and contact (contact=)')
        : noName ? (zh ? '名称（to=）' : 'name (to=)')
        : zh ? '联系方式（contact=）' : 'contact (contact=)';
      return declarationDiagnostic(transferWithoutRecipient.meta.id, context, group, 'missing', { missing }, context.severity(transferWithoutRecipient.meta.defaultSeverity));
    });
  },
};
