import { crossBorderSignal } from '../disposition/crossBorder';
import { declarationDiagnostic } from './declarationDiagnostic';
import { declarationKey, groupBy } from './locations';
import type { Rule } from './model';
import { pick } from './template';

/** `pi/cross-border-transfer`: a recipient that looks outside the mainland, with no Art. 38 mechanism. */
export const crossBorderTransfer: Rule = {
  meta: {
    id: 'pi/cross-border-transfer',
    defaultSeverity: 'warning',
    anchor: 'pi-cross-border-transfer',
    title: { en: 'Cross-border transfer without an Art. 38 mechanism', zh: '向境外转移未声明出境条件' },
    doc: {
      en: 'Reports a `transfer` whose recipient looks outside the mainland and that declares no PIPL Art. 38 mechanism (`mechanism=security-assessment`, `certification` or `standard-contract`). Art. 38 requires one of these before PI is provided abroad, and Art. 39 notice of the foreign recipient and separate consent; a PIA is due beforehand (Art. 55). The check is a heuristic on `to` and `contact`: places outside the mainland (Hong Kong, Macau, Taiwan, Singapore, US, UK, Japan, EU countries… in English or Chinese), foreign company forms (Inc, LLC, GmbH, Pte, AG, 株式会社; `Ltd`/`Limited` only when nothing names the mainland), foreign country-code domains and dialling codes. Generic domains such as `.com` do not count. Silence a false positive by declaring the mechanism or with `rules: { "pi/cross-border-transfer": off }`.',
      zh: '报告接收方疑似位于境外、但未声明《个人信息保护法》第三十八条出境条件（`mechanism=security-assessment`、`certification` 或 `standard-contract`，即安全评估、认证、标准合同）的 `transfer` 处置。第三十八条要求向境外提供个人信息前满足其中之一，第三十九条要求告知境外接收方并取得单独同意，事前还须进行个人信息保护影响评估（第五十五条）。判断依据 `to` 和 `contact` 的启发式规则：境外地名（香港、澳门、台湾、新加坡、美国、英国、日本、欧盟国家等，中英文均可）、境外公司形式（Inc、LLC、GmbH、Pte、AG、株式会社；`Ltd`/`Limited` 仅在未提及内地时计入）、境外国家/地区域名和国际区号；`.com` 等通用域名不计。误报可通过声明出境条件或设置 `rules: { "pi/cross-border-transfer": off }` 消除。',
    },
    messages: {
      abroad: {
        en: '{field}: the recipient looks outside the mainland ({reason}: "{matched}", heuristic) and no PIPL Art. 38 mechanism is declared (mechanism=security-assessment | certification | standard-contract); Art. 39 also requires notice and separate consent',
        zh: '{field}：接收方疑似位于境外（{reason}：“{matched}”，启发式判断），且未声明《个人信息保护法》第三十八条规定的出境条件（mechanism=安全评估 | 认证 | 标准合同）；第三十九条另要求告知并取得单独同意',
      },
    },
  },
  check(context) {
    const offending = context.personal.filter(({ disposition: d }) => d?.action === 'transfer' && !d.mechanism && crossBorderSignal(d.to, d.contact) !== null);
    return groupBy(offending, (f) => (f.disposition ? declarationKey(f.disposition) : null)).map((group) => {
      const d = group[0].disposition;
      const signal = crossBorderSignal(d?.to, d?.contact);
      const params = { reason: signal ? pick(signal.reason, context.lang) : '', matched: signal?.matched ?? '' };
      return declarationDiagnostic(crossBorderTransfer.meta.id, context, group, 'abroad', params, context.severity(crossBorderTransfer.meta.defaultSeverity));
    });
  },
};
