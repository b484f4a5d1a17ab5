/**
 * Times checklist generation and merge for 5,000 PI fields (target: well under 2 s CPU each on a
 * 2-core machine). Run: npm run bench:checklist [-- fields [runs]], or
 * npx tsx scripts/bench-checklist.ts [fields] [runs]. Prints wall and CPU time of every run and
 * the load average, because the machine is shared.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkChecklist } from '../src/core/checklist/checkChecklist';
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

/** Wall and CPU time of this process for each run (the machine is shared, so wall time alone misleads). */
function time<T>(label: string, runs: number, run: () => T): T {
  let result: T | undefined;
  const figures: string[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    result = run();
    const cpu = process.cpuUsage(cpuStart);
    figures.push(`${(performance.now() - start).toFixed(0)}/${((cpu.user + cpu.system) / 1000).toFixed(0)}`);
  }
  console.log(`${label.padEnd(40)} ${figures.join('  ')}`);
  return result as T;
}

const fields = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 3);
const first = benchInput(fields, 0);
// Code moved on: every field two lines lower.
const second = benchInput(fields, 2);
// One more field: the structure changes (items that did not change are still copied from the text).
const third = benchInput(fields, 0);
third.systems[0].items.push({ ...third.systems[0].items[0], finding: { ...third.systems[0].items[0].finding, id: 'db/new.sql#t_new.xm', file: 'db/new.sql', field: 'xm' } });

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores; ms wall/cpu of each of ${runs} runs`);
const text = time(`generate (${fields} fields)`, runs, () => generateChecklist(first));
console.log(`${'checklist size'.padEnd(40)} ${(text.length / 1024 / 1024).toFixed(1)} MB, ${text.split('\n').length} lines`);
const same = time('merge, nothing changed', runs, () => mergeChecklist(text, first));
if (same !== text) throw new Error('merging an up-to-date checklist changed it');
time('merge, every location moved', runs, () => mergeChecklist(text, second));
time('merge, one field added', runs, () => mergeChecklist(text, third));
// Every field decided, so the check finds nothing and goes on to the staleness test (a merge).
const decided: ChecklistInput = { ...first, systems: first.systems.map((system) => ({ ...system, items: system.items.map((item) => ({ ...item, disposition: item.disposition ?? { action: 'delete', extra: {}, source: 'policy', declaredAt: { policy: '.piaudit.yaml:3' } } })) })) };
const decidedText = generateChecklist(decided);
const problems = time('check (--check), up to date', runs, () => checkChecklist(decidedText, decided));
if (problems.length !== 0) throw new Error(`an up-to-date checklist has ${problems.length} problems`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
