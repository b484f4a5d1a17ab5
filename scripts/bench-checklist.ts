/**
 * Times checklist generation and merge for 5,000 PI fields (target: under 2 s each on a 2-core
 * machine). Run: npx tsx scripts/bench-checklist.ts [fields]
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateChecklist } from '../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../src/core/checklist/mergeChecklist';
import type { ChecklistInput, ChecklistItemInput } from '../src/core/checklist/model';

const FIELD_NAMES = ['xm', 'sfzh', 'sjhm', 'jtdz', 'email', 'bank_card_no', 'birthday', 'gender'];
const CATEGORIES: [string, string, string, boolean][] = [
  ['basic.name', '姓名', 'Name', false],
  ['identity.id_number', '身份证号', 'Resident ID number', true],
  ['basic.phone', '电话号码', 'Phone number', false],
  ['basic.address', '住址 / 通讯地址 / 邮编', 'Address / postal code', false],
  ['basic.email', '电子邮件地址', 'E-mail address', false],
  ['property.bank_account', '银行账户 / 卡号', 'Bank account / card number', true],
  ['basic.birth', '出生日期 / 生日', 'Date of birth', false],
  ['basic.gender', '性别', 'Gender', false],
];

function benchInput(fields: number, shift: number): ChecklistInput {
  const systems = ['crm', 'hr-system', 'order-service', 'payroll'];
  return {
    legalEntity: { name: '上海示例信息技术有限公司', creditCode: '91310115MA1H7GH2X4', deregistration: 'general', date: '2025-12-31' },
    systems: systems.map((name, s) => {
      const items: ChecklistItemInput[] = [];
      for (let i = s; i < fields; i += systems.length) {
        const kind = i % FIELD_NAMES.length;
        const table = `t_table_${Math.floor(i / 40)}`;
        const file = `db/migrations/V${Math.floor(i / 400)}__schema.sql`;
        const [category, zh, en, sensitive] = CATEGORIES[kind];
        const field = `${FIELD_NAMES[kind]}_${i}`;
        items.push({
          finding: { id: `${file}#${table}.${field}`, file, line: (i % 400) + 3 + shift, column: 3, entity: table, field, category, sensitive, isPI: true },
          disposition: i % 3 === 0
            ? { action: 'retain', period: { text: '30y', months: 360 }, basis: '会计档案管理办法 第14条', extra: {}, source: 'annotation', declaredAt: { file, line: i % 400 + 2, column: 5 } }
            : null,
          evidence: i % 5 === 0 ? [`DELETE FROM ${table} (jobs/purge.sql:${i % 90 + 1})`] : [],
          labelZh: zh,
          labelEn: en,
        });
      }
      return { name, items };
    }),
  };
}

/** Wall time, and CPU time of this process (the machine is shared, so wall time alone misleads). */
function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - start;
  console.log(`${label.padEnd(34)} ${wall.toFixed(0).padStart(6)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms cpu`);
  return result;
}

const fields = Number(process.argv[2] ?? 5000);
const first = benchInput(fields, 0);
// Code moved on: every field two lines lower, some new dispositions.
const second = benchInput(fields, 2);
const text = time(`generate (${fields} fields)`, () => generateChecklist(first));
console.log(`${'checklist size'.padEnd(34)} ${(text.length / 1024 / 1024).toFixed(1).padStart(6)} MB, ${text.split('\n').length} lines`);
const merged = time('merge, nothing changed', () => mergeChecklist(text, first));
time('merge, every location moved', () => mergeChecklist(merged, second));
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
