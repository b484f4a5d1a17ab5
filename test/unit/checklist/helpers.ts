import Ajv from 'ajv';
import { parse, parseDocument } from 'yaml';
import checklistSchema from '../../../schemas/pi-disposition.schema.json';
import { EditedDocument } from '../../../src/core/checklist/editedDocument';
import { mergeDocument } from '../../../src/core/checklist/mergeDocument';
import type { ChecklistInput, ChecklistItemInput } from '../../../src/core/checklist/model';
import { parseChecklist } from '../../../src/core/checklist/parseChecklist';
import { printWhole } from '../../../src/core/checklist/printChecklist';
import type { Disposition, DispositionAction } from '../../../src/core/disposition/model';

/** Labels as the lead's categories table has them (passed in, as the scanner will). */
export const LABELS: Record<string, [string, string, boolean]> = {
  'basic.name': ['姓名', 'Name', false],
  'basic.phone': ['电话号码', 'Phone number', false],
  'basic.address': ['住址 / 通讯地址 / 邮编', 'Address / postal code', false],
  'basic.email': ['电子邮件地址', 'E-mail address', false],
  'identity.id_number': ['身份证号', 'Resident ID number', true],
  'property.bank_account': ['银行账户 / 卡号', 'Bank account / card number', true],
  'property.income': ['收入 / 工资', 'Income / salary', true],
  'network.credential': ['密码 / 口令 / 密保 / 会话凭据', 'Password / credential / session token', true],
  'health.record': ['病历 / 诊疗 / 用药 / 过敏', 'Medical record / treatment / allergy', true],
  'business.secret': ['商业秘密 (价格 / 成本 / 合同金额)', 'Trade secret (prices, costs, contract amounts)', false],
};

/** A PI field as the scanner reports it. */
export function field(
  file: string, line: number, entity: string, name: string, category: string,
  options: { disposition?: Disposition | null; evidence?: string[]; isPI?: boolean } = {},
): ChecklistItemInput {
  const [zh, en, sensitive] = LABELS[category] ?? [category, category, false];
  return {
    finding: {
      id: `${file}#${entity}.${name}`, file, line, column: 3, entity, field: name, category, sensitive,
      isPI: options.isPI ?? !category.startsWith('business.'),
    },
    disposition: options.disposition ?? null,
    evidence: options.evidence ?? [],
    labelZh: zh,
    labelEn: en,
  };
}

/** A disposition declared by an `@pi` annotation in the code. */
export function annotated(action: DispositionAction, extra: Partial<Disposition> = {}, line = 1): Disposition {
  return { action, extra: {}, source: 'annotation', declaredAt: { file: 'db/schema.sql', line, column: 5 }, ...extra };
}

/** A disposition coming from a policy in `.piaudit.yaml`. */
export function fromPolicy(action: DispositionAction, extra: Partial<Disposition> = {}): Disposition {
  return { action, extra: {}, source: 'policy', declaredAt: { policy: '.piaudit.yaml:12' }, ...extra };
}

export const LEGAL_ENTITY = {
  name: '上海示例信息技术有限公司',
  creditCode: '91310115MA1H7GH2X4',
  deregistration: 'general',
  date: '2025-12-31',
  successor: '上海示例集团有限公司',
  successorContact: 'privacy@example-group.cn',
};

/** An HR system and a CRM, with pinyin-initial and English column names. */
export function sampleInput(): ChecklistInput {
  return {
    legalEntity: { ...LEGAL_ENTITY },
    systems: [
      {
        name: 'hr-system',
        items: [
          field('db/schema.sql', 14, 't_employee', 'sfzh', 'identity.id_number'),
          field('db/schema.sql', 13, 't_employee', 'xm', 'basic.name'),
          field('db/schema.sql', 15, 't_employee', 'sjhm', 'basic.phone', {
            disposition: annotated('transfer', { to: '上海示例集团有限公司', contact: 'privacy@example-group.cn' }, 15),
          }),
          field('db/schema.sql', 31, 't_salary', 'gz', 'property.income', {
            disposition: annotated('retain', { period: { text: '10y', months: 120 }, basis: '税收征收管理法实施细则 第29条' }, 30),
            evidence: ['定时清理任务 purge_salary (jobs/purge.sql:8)'],
          }),
          field('src/main/java/com/example/hr/Employee.java', 22, 'Employee', 'bankCardNo', 'property.bank_account'),
        ],
      },
      {
        name: 'crm',
        items: [
          field('prisma/schema.prisma', 9, 'Customer', 'email', 'basic.email', { disposition: fromPolicy('delete') }),
          field('prisma/schema.prisma', 8, 'Customer', 'name', 'basic.name'),
          field('prisma/schema.prisma', 20, 'Contract', 'amount', 'business.secret'),
        ],
      },
    ],
  };
}

/** Its own ajv, independent of the project's validation code; compiled once for all tests. */
const validateChecklist = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(checklistSchema);

/** Schema errors of a checklist text, as `instancePath message`. */
export function schemaErrors(text: string): string[] {
  return validateChecklist(parse(text)) ? [] : (validateChecklist.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Deterministic PRNG (mulberry32), so a failing property run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The merge as it was before values were written back in place: the merged document printed
 * whole. Reference for `renderChecklist`'s shortcut.
 */
export function mergedPrintingWhole(text: string, input: ChecklistInput): string {
  const parsed = parseChecklist(text, 'pi-disposition.yaml');
  const edited = new EditedDocument(parsed.doc);
  mergeDocument(edited, parsed.data, input);
  return printWhole(edited.doc);
}

/** The text as the tool prints a document (people's layout normalised, comments kept). */
export function reprinted(text: string): string {
  return printWhole(parseDocument(text));
}

/** The tool prints this text exactly so (parsing and printing it gives it back). */
export function isCanonical(text: string): boolean {
  return reprinted(text) === text;
}
