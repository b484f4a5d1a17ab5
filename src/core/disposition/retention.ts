import type { FieldFinding } from '../scan/model';
import { withoutAnnotations } from './annotation';
import type { RetentionPeriod } from './model';
import { wordTokens } from './names';

/**
 * Retention duties that override deletion (PIPL Art. 47 para. 2), from shared/spec/legal.md.
 * Which records a field belongs to is a heuristic on its category and on the words of its
 * entity and field (names, aliases, description, comments):
 *
 * | duty | minimum | matched by |
 * |---|---|---|
 * | accounting vouchers, ledgers, journals | 30y | voucher, ledger, accounting, bookkeeping, 会计凭证/记账凭证/原始凭证, 账簿, 总账, 明细账, 日记账, 会计档案 |
 * | bank statements and reconciliations | 10y | reconciliation, bank + statement, 对账单, 余额调节表 |
 * | tax records (books, vouchers, invoices, payroll withholding) | 10y | category property.income; tax, invoice, fapiao, withholding, 税, 发票 |
 * | AML customer identity and transaction records | 10y | aml, kyc, cdd, money laundering, due diligence, 反洗钱, 尽职调查, 客户身份识别 |
 * | e-commerce transaction information | 3y | category property.payment; order, transaction, txn, dingdan, jiaoyi, 订单, 交易 |
 * | network logs | 6m | category online.activity; log, 日志 |
 * | PIA reports and processing records | 3y | pia, dpia, impact assessment, processing records, 影响评估, 处理记录 |
 * | terminated labour contracts | 2y | labour/labor/employment contract, ldht, 劳动合同, contract/合同 with employee/staff/hr/员工/职工/人事 |
 * | wage payment records | 2y | category property.income; salary, wage, payroll, payslip, gongzi, xinzi, 工资, 薪资, 薪酬, 薪水 |
 * | migrant-worker wage ledger | 3y | 农民工, migrant + worker/wage |
 *
 * Financial reports (10 years / permanent) and issued-invoice stubs (5 years, covered by the
 * 10-year tax duty) hold no field-level PI of their own and are left out. Credentials
 * (`network.credential`) are never a record a law requires to keep.
 */

export interface Bilingual {
  en: string;
  zh: string;
}

export interface RetentionDuty {
  id: string;
  record: Bilingual;
  minimum: RetentionPeriod;
  /** Law and article, as cited in shared/spec/legal.md. */
  source: Bilingual;
  /** Who the duty binds and from when the period runs, when that narrows it. */
  scope?: Bilingual;
}

/** A duty that applies to a field, and what made it apply. */
export interface ApplicableDuty {
  duty: RetentionDuty;
  /** The category or word that matched: `property.payment`, `voucher`, `工资`. */
  because: string;
}

/** Each inner list is a group: a condition holds when every group has a needle present. */
type Condition = readonly (readonly string[])[];

interface DutyRule {
  duty: RetentionDuty;
  categories?: readonly string[];
  conditions: readonly Condition[];
}

const months = (text: string, count: number): RetentionPeriod => ({ text, months: count });

const RULES: readonly DutyRule[] = [
  {
    duty: {
      id: 'accounting-vouchers',
      record: { en: 'accounting vouchers, ledgers and journals', zh: '会计凭证、会计账簿' },
      minimum: months('30y', 360),
      source: { en: '会计档案管理办法 (Accounting Archives Measures, 2015) Art. 14–15, Schedule 1 items 1–5, 7', zh: '《会计档案管理办法》（2015）第十四条、第十五条，附表1 第1–5、7项' },
    },
    conditions: [[['voucher', 'vouchers', 'ledger', 'ledgers', 'accounting', 'bookkeeping', '会计凭证', '记账凭证', '原始凭证', '凭证号', '账簿', '总账', '明细账', '日记账', '会计档案']]],
  },
  {
    duty: {
      id: 'bank-statements',
      record: { en: 'bank statements and reconciliations', zh: '银行对账单、银行存款余额调节表' },
      minimum: months('10y', 120),
      source: { en: '会计档案管理办法 (Accounting Archives Measures, 2015) Schedule 1 items 10–12', zh: '《会计档案管理办法》（2015）附表1 第10–12项' },
    },
    conditions: [[['reconciliation', '对账单', '余额调节表']], [['bank'], ['statement', 'statements']]],
  },
  {
    duty: {
      id: 'tax-records',
      record: { en: 'tax records (books, vouchers, invoices, payroll withholding)', zh: '涉税资料（账簿、凭证、发票、代扣代缴记录）' },
      minimum: months('10y', 120),
      source: { en: '税收征收管理法实施细则 (Tax Collection Law Implementing Rules) Art. 29', zh: '《税收征收管理法实施细则》第二十九条' },
    },
    categories: ['property.income'],
    conditions: [[['tax', 'taxes', 'invoice', 'invoices', 'fapiao', 'withholding', 'shuiwu', '税', '发票']]],
  },
  {
    duty: {
      id: 'aml-customer-data',
      record: { en: 'AML customer identity data and transaction records', zh: '反洗钱客户身份资料和交易记录' },
      minimum: months('10y', 120),
      source: { en: '反洗钱法 (Anti-Money Laundering Law, 2024 revision, in force 2025-01-01) Art. 34', zh: '《反洗钱法》（2024年修订，2025年1月1日施行）第三十四条' },
      scope: { en: 'financial institutions and designated businesses; 10 years after the relationship ends', zh: '金融机构和特定非金融机构；业务关系结束后至少十年' },
    },
    conditions: [[['aml', 'kyc', 'cdd', '反洗钱', '尽职调查', '客户身份识别']], [['money'], ['laundering']], [['due'], ['diligence']]],
  },
  {
    duty: {
      id: 'ecommerce-transactions',
      record: { en: 'e-commerce goods, service and transaction information', zh: '电子商务商品和服务信息、交易信息' },
      minimum: months('3y', 36),
      source: { en: '电子商务法 (E-Commerce Law) Art. 31', zh: '《电子商务法》第三十一条' },
      scope: { en: 'platform operators; 3 years after the transaction', zh: '电子商务平台经营者；自交易完成之日起不少于三年' },
    },
    categories: ['property.payment'],
    conditions: [[['order', 'orders', 'transaction', 'transactions', 'txn', 'dingdan', 'jiaoyi', '订单', '交易']]],
  },
  {
    duty: {
      id: 'network-logs',
      record: { en: 'network logs', zh: '网络日志' },
      minimum: months('6m', 6),
      source: {
        en: '网络安全法 (Cybersecurity Law) Art. 21(3) (Art. 23 after the 2025 amendment — numbering unverified)',
        zh: '《网络安全法》第二十一条第（三）项（2025年修正后为第二十三条——条文序号未经核实）',
      },
      scope: { en: 'network operators', zh: '网络运营者' },
    },
    categories: ['online.activity'],
    conditions: [[['log', 'logs', '日志']]],
  },
  {
    duty: {
      id: 'pia-records',
      record: { en: 'PI impact assessment reports and processing records', zh: '个人信息保护影响评估报告和处理情况记录' },
      minimum: months('3y', 36),
      source: { en: 'PIPL Art. 56', zh: '《个人信息保护法》第五十六条' },
    },
    conditions: [[['pia', 'dpia', '影响评估', '处理记录']], [['impact'], ['assessment']], [['processing'], ['record', 'records']]],
  },
  {
    duty: {
      id: 'labour-contracts',
      record: { en: 'texts of terminated labour contracts', zh: '已解除或者终止的劳动合同文本' },
      minimum: months('2y', 24),
      source: { en: '劳动合同法 (Labour Contract Law) Art. 50 para. 3', zh: '《劳动合同法》第五十条第三款' },
    },
    conditions: [
      [['ldht', '劳动合同']],
      [['labor', 'labour', 'employment'], ['contract', 'contracts']],
      [['contract', 'contracts', '合同'], ['employee', 'employees', 'staff', 'emp', 'hr', 'personnel', 'worker', '员工', '职工', '人事', '雇员']],
    ],
  },
  {
    duty: {
      id: 'wage-records',
      record: { en: 'wage payment records', zh: '工资支付记录' },
      minimum: months('2y', 24),
      source: { en: '工资支付暂行规定 (Interim Provisions on Wage Payment) Art. 6', zh: '《工资支付暂行规定》第六条' },
    },
    categories: ['property.income'],
    conditions: [[['salary', 'salaries', 'wage', 'wages', 'payroll', 'payslip', 'gongzi', 'xinzi', '工资', '薪资', '薪酬', '薪水']]],
  },
  {
    duty: {
      id: 'migrant-wage-ledger',
      record: { en: 'migrant-worker wage ledger', zh: '农民工工资支付台账' },
      minimum: months('3y', 36),
      source: { en: '保障农民工工资支付条例 (Regulations on Migrant Workers’ Wages) Art. 15', zh: '《保障农民工工资支付条例》第十五条' },
    },
    conditions: [[['农民工']], [['migrant'], ['worker', 'workers', 'wage', 'wages']]],
  },
];

/** Every duty in the table, longest minimum first. */
export const RETENTION_DUTIES: readonly RetentionDuty[] = [...RULES].map((rule) => rule.duty).sort((a, b) => b.minimum.months - a.minimum.months);

const CJK = /[\u3400-\u9fff]/;

/** Every needle of the table: words are matched as whole tokens, Chinese terms as substrings. */
const NEEDLES = RULES.flatMap((rule) => rule.conditions.flat(2));
const WORD_NEEDLES: ReadonlySet<string> = new Set(NEEDLES.filter((needle) => !CJK.test(needle)));
const CJK_NEEDLES: readonly string[] = [...new Set(NEEDLES.filter((needle) => CJK.test(needle)))];
const NONE: readonly string[] = [];

/** The retention duties that may apply to a field, longest minimum first. */
export function retentionDutiesFor(finding: FieldFinding): ApplicableDuty[] {
  return new RetentionDutyMatcher().dutiesFor(finding);
}

/**
 * `retentionDutiesFor` for many fields: the needles found in each name and comment are kept, so
 * the names and comments the fields of one audit share (an entity's, `mobile` in a thousand
 * tables) are tokenized once. Use one per audit.
 */
export class RetentionDutyMatcher {
  private readonly inNames = new Map<string, readonly string[]>();
  private readonly inProse = new Map<string, readonly string[]>();

  /** The retention duties that may apply to a field, longest minimum first. */
  dutiesFor(finding: FieldFinding): ApplicableDuty[] {
    if (finding.category === 'network.credential') return [];
    // A needle is present when any one name or comment holds it: no Chinese term holds a line
    // break (so none spans two of them joined), and words are tokens of one of them.
    const present: string[] = [];
    const add = (needles: readonly string[]): void => {
      for (const needle of needles) present.push(needle);
    };
    add(this.needlesIn(finding.entity, false));
    for (const alias of finding.entityAliases) add(this.needlesIn(alias, false));
    add(this.needlesIn(finding.field, false));
    for (const alias of finding.fieldAliases) add(this.needlesIn(alias, false));
    add(this.needlesIn(finding.description ?? '', true));
    for (const comment of finding.fieldComments) add(this.needlesIn(comment.text, true));
    for (const comment of finding.entityComments) add(this.needlesIn(comment.text, true));
    const found: ApplicableDuty[] = [];
    for (const rule of RULES) {
      const category = finding.category;
      const byCategory = category !== null && rule.categories?.find((c) => category === c || category.startsWith(`${c}.`));
      if (byCategory) {
        found.push({ duty: rule.duty, because: byCategory });
        continue;
      }
      const because = matchedCondition(rule.conditions, present);
      if (because !== undefined) found.push({ duty: rule.duty, because });
    }
    return found.sort((a, b) => b.duty.minimum.months - a.duty.minimum.months);
  }

  /** The needles one name (or comment, without its `@pi` annotations) holds. */
  private needlesIn(text: string, prose: boolean): readonly string[] {
    const cache = prose ? this.inProse : this.inNames;
    let needles = cache.get(text);
    if (needles === undefined) {
      const words = prose ? withoutAnnotations(text) : text;
      const found = wordTokens(words).filter((token) => WORD_NEEDLES.has(token));
      if (CJK.test(words)) found.push(...CJK_NEEDLES.filter((needle) => words.includes(needle)));
      needles = found.length === 0 ? NONE : found;
      cache.set(text, needles);
    }
    return needles;
  }
}

/** What made the first condition that holds hold (`bank + statement`), or undefined. */
function matchedCondition(conditions: readonly Condition[], present: readonly string[]): string | undefined {
  for (const condition of conditions) {
    const matched: string[] = [];
    for (const group of condition) {
      const needle = group.find((n) => present.includes(n));
      if (needle === undefined) break;
      matched.push(needle);
    }
    if (matched.length === condition.length) return matched.join(' + ');
  }
  return undefined;
}
