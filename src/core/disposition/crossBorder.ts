/**
 * Is a transfer recipient outside the mainland? A deliberately simple heuristic on the `to` and
 * `contact` values of a transfer, for PIPL Art. 38 (a recipient abroad needs a security
 * assessment, certification or the standard contract):
 *
 * - strong signs, always enough: a place outside the mainland (Hong Kong, Macau, Taiwan,
 *   Singapore, US, UK, Japan, Korea, Germany, France, Netherlands, Switzerland, Australia,
 *   Canada, EU… in English or Chinese), a foreign company form that mainland companies do not
 *   use (Inc, LLC, GmbH, Pte, AG, B.V., S.A., K.K., 株式会社), a foreign country-code domain
 *   (.hk .sg .us .uk .de .jp .tw .mo .kr .fr .nl .ch .au .ca .eu …), or a foreign dialling code;
 * - weak signs, enough only when nothing says "mainland": `Ltd` / `Limited` (mainland companies
 *   write "Co., Ltd." too);
 * - mainland signs: 中国/China/PRC, a mainland city or province name, `.cn`, `+86`, 有限公司.
 * Generic domains (.com, .net, .org) say nothing either way.
 */

/** A reason in English and Chinese. */
export interface Reason {
  en: string;
  zh: string;
}

const STRONG: readonly [RegExp, Reason][] = [
  [/hong\s*kong|\bHKSAR\b|香港/i, { en: 'Hong Kong', zh: '香港' }],
  [/\bmaca[ou]\b|澳门/i, { en: 'Macau', zh: '澳门' }],
  [/\btaiwan\b|台湾|臺灣/i, { en: 'Taiwan', zh: '台湾' }],
  [/\bsingapore\b|新加坡/i, { en: 'Singapore', zh: '新加坡' }],
  [/\bUSA\b|\bU\.S\.A?\b|united\s+states|\bamerica\b|美国/i, { en: 'United States', zh: '美国' }],
  [/united\s+kingdom|\bU\.?K\.?(?=\s|$|,)|\bengland\b|\blondon\b|英国/i, { en: 'United Kingdom', zh: '英国' }],
  [/\bjapan\b|\btokyo\b|日本/i, { en: 'Japan', zh: '日本' }],
  [/\bkorea\b|\bseoul\b|韩国/i, { en: 'Korea', zh: '韩国' }],
  [/\bgermany\b|\bdeutschland\b|德国/i, { en: 'Germany', zh: '德国' }],
  [/\bfrance\b|\bparis\b|法国/i, { en: 'France', zh: '法国' }],
  [/\bnetherlands\b|\bamsterdam\b|荷兰/i, { en: 'Netherlands', zh: '荷兰' }],
  [/\bswitzerland\b|瑞士/i, { en: 'Switzerland', zh: '瑞士' }],
  [/\bireland\b|\bdublin\b|爱尔兰/i, { en: 'Ireland', zh: '爱尔兰' }],
  [/\baustralia\b|澳大利亚|澳洲/i, { en: 'Australia', zh: '澳大利亚' }],
  [/\bcanada\b|加拿大/i, { en: 'Canada', zh: '加拿大' }],
  [/\beuropean\s+union\b|欧盟/i, { en: 'European Union', zh: '欧盟' }],
  [/\b(?:Inc|LLC|L\.L\.C|GmbH|Pte|AG|B\.V|N\.V|S\.A|S\.A\.S|K\.K|PLC|Pty)\b\.?/, { en: 'foreign company form', zh: '境外公司形式' }],
  [/株式会社/, { en: 'foreign company form', zh: '境外公司形式' }],
  [/\.(?:hk|sg|us|uk|de|jp|tw|mo|kr|fr|nl|ch|ie|au|ca|eu|in|my|th|vn|ru)(?=$|[\s/:>),;])/i, { en: 'foreign domain', zh: '境外域名' }],
  [/(?:^|[\s(])(?:\+|00)(?:852|853|886|65|1|44|49|81|82|33|31|41|353|61)[\s-]?\d/, { en: 'foreign phone number', zh: '境外电话号码' }],
];

const WEAK = /\b(?:Ltd|Limited)\b\.?/i;

const MAINLAND = /中国(?!香港|澳门|台湾)|\bChina\b(?!\s*\(?\s*(?:Hong|Macau|Macao|Taiwan))|\bPRC\b|\bmainland\b|内地|大陆|有限公司|上海|北京|天津|重庆|广州|深圳|杭州|南京|苏州|成都|武汉|\b(?:shanghai|beijing|tianjin|chongqing|guangzhou|shenzhen|hangzhou|nanjing|suzhou|chengdu|wuhan)\b|\.cn\b|\+86|(?:^|\s)0086/i;

export interface CrossBorderSignal {
  /** Why the recipient looks foreign: `Hong Kong`, `foreign company form`, `foreign domain`… */
  reason: Reason;
  /** The text that matched (never a whole contact value: at most the matched fragment). */
  matched: string;
}

/** Why a transfer recipient looks outside the mainland, or null when nothing suggests it. */
export function crossBorderSignal(to: string | undefined, contact: string | undefined): CrossBorderSignal | null {
  const text = [to ?? '', contact ?? ''].join('\n');
  for (const [pattern, reason] of STRONG) {
    const match = pattern.exec(text);
    if (match) return { reason, matched: match[0].trim() };
  }
  const weak = WEAK.exec(text);
  if (weak && !MAINLAND.test(text)) return { reason: { en: 'foreign company form', zh: '境外公司形式' }, matched: weak[0] };
  return null;
}
