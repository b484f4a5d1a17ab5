import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ChecklistError } from '../../../src/core/checklist/checklistError';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import type { ChecklistData, ChecklistInput, ChecklistItemData } from '../../../src/core/checklist/model';
import { annotated, field, sampleInput, schemaErrors } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/checklist');
const EDITED = readFileSync(path.join(FIXTURES, 'edited.yaml'), 'utf8');

function items(text: string, system: string): Map<string, ChecklistItemData> {
  const data = parse(text) as ChecklistData;
  const found = data.systems.find((s) => s.name === system);
  return new Map((found?.items ?? []).map((item) => [item.id, item]));
}

/** The HR system after the code moved on: lines shifted, a column added, one removed, an annotation changed. */
function movedOn(): ChecklistInput {
  const input = sampleInput();
  const hr = input.systems[0];
  hr.items = [
    field('db/schema.sql', 15, 't_employee', 'xm', 'basic.name'),
    field('db/schema.sql', 16, 't_employee', 'sfzh', 'identity.id_number'),
    field('db/schema.sql', 17, 't_employee', 'sjhm', 'basic.phone', {
      disposition: annotated('transfer', { to: '上海示例集团有限公司', contact: 'privacy@example-group.cn' }, 17),
    }),
    field('db/schema.sql', 18, 't_employee', 'jtdz', 'basic.address'),
    field('db/schema.sql', 33, 't_salary', 'gz', 'property.income', {
      disposition: annotated('retain', { period: { text: '30y', months: 360 }, basis: '会计档案管理办法 第14条' }, 32),
      evidence: ['定时清理任务 purge_salary (jobs/purge.sql:8)', 'TTL 索引 expire_after (db/ttl.sql:3)'],
    }),
  ];
  input.legalEntity = { name: '上海示例信息技术有限公司（清算中）' };
  input.systems = [hr];
  return input;
}

describe('mergeChecklist', () => {
  const merged = mergeChecklist(EDITED, movedOn());
  const hr = items(merged, 'hr-system');

  it('keeps statuses, owners, notes, decisions and x- keys people wrote', () => {
    const sfzh = hr.get('db/schema.sql#t_employee.sfzh');
    assert.equal(sfzh?.status, 'in-progress');
    assert.equal(sfzh?.owner, '人事部 李娜');
    assert.equal(sfzh?.note, '纸质复印件由行政部另行销毁');
    assert.deepEqual(sfzh?.disposition, { action: 'delete', method: '数据库物理删除并覆盖备份', declaredIn: 'checklist' });
    assert.equal((sfzh as unknown as Record<string, unknown> | undefined)?.['x-ticket'], 'COMP-142');
    const xm = hr.get('db/schema.sql#t_employee.xm');
    assert.deepEqual(xm?.disposition, { action: 'anonymize', method: '替换为工号' }, 'a decision without declaredIn is a checklist decision');
    assert.equal(xm?.status, 'done');
    assert.equal(hr.get('db/schema.sql#t_salary.gz')?.status, 'verified');
  });

  it('keeps every comment people wrote, next to what it was about', () => {
    const lines = merged.split('\n');
    const review = lines.indexOf('      # 2025-10-20 评审会：身份证号一律删除，不随员工档案转移');
    assert.ok(review > 0);
    assert.equal(lines[review + 1], '      - id: db/schema.sql#t_employee.sfzh');
    assert.ok(lines.includes('        status: done # 已与财务部确认'));
    assert.ok(lines.includes('    owner: 合规部 陈静 # 清单已于 11 月初完成'));
    const manual = lines.indexOf('      # 手工补充：系统之外的纸质档案 / added by hand: paper files outside any system');
    assert.equal(lines[manual + 1], '      - id: manual/paper-personnel-files');
  });

  it('refreshes what the tool owns: locations, evidence and dispositions copied from the code', () => {
    assert.equal(hr.get('db/schema.sql#t_employee.sfzh')?.location, 'db/schema.sql:16');
    const gz = hr.get('db/schema.sql#t_salary.gz');
    assert.equal(gz?.location, 'db/schema.sql:33');
    assert.deepEqual(gz?.disposition, { action: 'retain', period: '30y', basis: '会计档案管理办法 第14条', declaredIn: 'annotation' });
    assert.deepEqual(gz?.evidence, ['定时清理任务 purge_salary (jobs/purge.sql:8)', 'TTL 索引 expire_after (db/ttl.sql:3)']);
  });

  it('adds new fields as todo and keeps removed ones, marked gone', () => {
    const jtdz = hr.get('db/schema.sql#t_employee.jtdz');
    assert.equal(jtdz?.status, 'todo');
    assert.equal(jtdz?.label, '住址 / 通讯地址 / 邮编 (Address / postal code)');
    const bank = hr.get('src/main/java/com/example/hr/Employee.java#Employee.bankCardNo');
    assert.equal(bank?.gone, true);
    assert.equal(bank?.status, 'todo');
    assert.equal(bank?.location, 'src/main/java/com/example/hr/Employee.java:22');
  });

  it('keeps manual items as they were, never gone, after the item they followed', () => {
    const manual = hr.get('manual/paper-personnel-files');
    assert.deepEqual(manual, {
      id: 'manual/paper-personnel-files', manual: true, field: '纸质人事档案',
      disposition: { action: 'transfer', to: '上海市档案馆', basis: '档案法 第16条', declaredIn: 'checklist' },
      status: 'todo', owner: '行政部 张伟', note: '档案室 A-3 柜，共 12 箱',
    });
    assert.deepEqual([...hr.keys()].slice(-2), ['src/main/java/com/example/hr/Employee.java#Employee.bankCardNo', 'manual/paper-personnel-files']);
  });

  it('orders items by file and line again', () => {
    assert.deepEqual([...hr.keys()].slice(0, 5), [
      'db/schema.sql#t_employee.xm', 'db/schema.sql#t_employee.sfzh', 'db/schema.sql#t_employee.sjhm',
      'db/schema.sql#t_employee.jtdz', 'db/schema.sql#t_salary.gz',
    ]);
  });

  it('leaves a system that was not scanned in this run exactly as it was', () => {
    const section = (text: string): string => text.slice(text.indexOf('  - name: crm'), text.indexOf('  - name: hr-system'));
    assert.equal(section(merged), section(EDITED));
  });

  it('takes the legal entity from the config where it says something and keeps the rest', () => {
    const data = parse(merged) as ChecklistData;
    assert.equal(data.legalEntity?.name, '上海示例信息技术有限公司（清算中）');
    assert.equal(data.legalEntity?.successorContact, 'privacy@example-group.cn');
  });

  it('keeps step statuses and recounts the summary', () => {
    const data = parse(merged) as ChecklistData;
    const inventory = data.steps?.find((s) => s.id === 'inventory');
    assert.equal(inventory?.status, 'done');
    assert.equal(inventory?.owner, '合规部 陈静');
    // 6 current HR items (5 fields + the manual one) + 3 CRM items; bankCardNo gone.
    assert.deepEqual(data.summary, { fields: 9, sensitive: 2, decided: 6, done: 2, gone: 1 });
  });

  it('writes a schema-valid file, and merging again changes nothing', () => {
    assert.deepEqual(schemaErrors(merged), []);
    assert.equal(mergeChecklist(merged, movedOn()), merged);
  });

  it('brings a gone field back when it reappears, with its edits', () => {
    const gone = mergeChecklist(EDITED, movedOn());
    const back = mergeChecklist(gone, sampleInput());
    const bank = items(back, 'hr-system').get('src/main/java/com/example/hr/Employee.java#Employee.bankCardNo');
    assert.equal(bank?.gone, undefined);
    assert.equal(bank?.status, 'todo');
  });

  it('keeps a checklist decision even when an annotation appears in the code (the check reports the conflict)', () => {
    const input = movedOn();
    input.systems[0].items[1] = field('db/schema.sql', 16, 't_employee', 'sfzh', 'identity.id_number', { disposition: annotated('retain', { period: { text: '2y', months: 24 } }) });
    const sfzh = items(mergeChecklist(EDITED, input), 'hr-system').get('db/schema.sql#t_employee.sfzh');
    assert.deepEqual(sfzh?.disposition, { action: 'delete', method: '数据库物理删除并覆盖备份', declaredIn: 'checklist' });
  });

  it('clears a copied disposition when the annotation is removed from the code', () => {
    const input = movedOn();
    input.systems[0].items[2] = field('db/schema.sql', 17, 't_employee', 'sjhm', 'basic.phone');
    const text = mergeChecklist(EDITED, input);
    assert.equal(items(text, 'hr-system').get('db/schema.sql#t_employee.sjhm')?.disposition, null);
    assert.ok(text.includes('        disposition: null # 待决定 / to decide'));
  });

  it('keeps steps people added and marks a step no longer needed instead of dropping it', () => {
    const withCustomStep = EDITED.replace('  - id: backup-encrypt\n', [
      '  - id: close-bank-accounts',
      '    title: 注销银行账户 / Close the bank accounts',
      '    status: in-progress',
      '    owner: 财务部 王芳',
      '',
      '  - id: backup-encrypt',
      '',
    ].join('\n'));
    const noTransfer = movedOn();
    noTransfer.systems[0].items[2] = field('db/schema.sql', 17, 't_employee', 'sjhm', 'basic.phone', { disposition: annotated('delete') });
    const text = mergeChecklist(withCustomStep.replace(/(id: notify-recipient[\s\S]*?status: )todo/, '$1in-progress'), noTransfer);
    const steps = (parse(text) as ChecklistData).steps ?? [];
    const ids = steps.map((step) => step.id);
    assert.equal(ids.indexOf('close-bank-accounts'), ids.indexOf('inventory') + 1, 'stays after the step it followed');
    assert.deepEqual(steps.find((step) => step.id === 'close-bank-accounts'), {
      id: 'close-bank-accounts', title: '注销银行账户 / Close the bank accounts', status: 'in-progress', owner: '财务部 王芳',
    });
    // The manual paper-files item still transfers, so notification stays needed; drop it and see.
    const paperless = text.replace(/\n {6}# 手工补充[\s\S]*?共 12 箱\n/, '\n');
    const notify = (parse(mergeChecklist(paperless, noTransfer)) as ChecklistData).steps?.find((step) => step.id === 'notify-recipient');
    assert.equal(notify?.needed, false);
    assert.equal(notify?.status, 'in-progress');
    assert.match(notify?.reason ?? '', /not needed for the fields found now/);
  });

  it('generates when there is no file yet', () => {
    assert.equal(mergeChecklist(undefined, sampleInput()), generateChecklist(sampleInput()));
    assert.equal(mergeChecklist('', sampleInput()), generateChecklist(sampleInput()));
  });

  it('puts back a section people deleted, in its place', () => {
    const withoutSteps = EDITED.slice(0, EDITED.indexOf('# 注销前的处置步骤'));
    const text = mergeChecklist(withoutSteps.replace(/# 统计[^\n]*\nsummary:\n( {2}.*\n)+\n?/, ''), sampleInput());
    const data = parse(text) as ChecklistData;
    assert.deepEqual(Object.keys(data), ['version', 'legalEntity', 'summary', 'systems', 'steps']);
    assert.ok((data.steps?.length ?? 0) > 5);
  });
});

describe('mergeChecklist on a file it cannot read', () => {
  function error(text: string): ChecklistError {
    try {
      mergeChecklist(text, sampleInput());
    } catch (caught) {
      if (caught instanceof ChecklistError) return caught;
      throw caught;
    }
    assert.fail('expected a ChecklistError');
  }

  it('reports schema errors with file, line, key and reason', () => {
    const caught = error(readFileSync(path.join(FIXTURES, 'invalid-schema.yaml'), 'utf8'));
    assert.deepEqual(caught.message.split('\n'), [
      'pi-disposition.yaml:103:19: systems[1].items[0].disposition.action: must be one of delete, anonymize, transfer, retain, destroy, ignore',
      'pi-disposition.yaml:124:17: systems[1].items[1].status: must be one of todo, in-progress, done, verified',
    ]);
    assert.equal(caught.problems[0].kind, 'invalid');
  });

  it('reports the first syntax error with its line', () => {
    const caught = error(readFileSync(path.join(FIXTURES, 'unparsable.yaml'), 'utf8'));
    assert.equal(caught.problems.length, 1);
    assert.equal(caught.line, 125);
    assert.match(caught.message, /^pi-disposition\.yaml:125:\d+: /);
  });

  it('refuses duplicate ids, unknown keys and aliases standing for whole items', () => {
    const duplicated = EDITED.replace('      - id: db/schema.sql#t_employee.sjhm', '      - id: db/schema.sql#t_employee.sfzh');
    assert.match(error(duplicated).message, /^pi-disposition\.yaml:129:13: systems\[1\]\.items\[2\]\.id: id "db\/schema\.sql#t_employee\.sfzh" is listed twice in this system \(first as items\[1\]\)$/);
    const typo = EDITED.replace('        status: in-progress\n', '        stauts: in-progress\n');
    const caught = error(typo);
    assert.ok(caught.problems.some((p) => p.line === 124 && p.key === 'systems[1].items[1].stauts' && p.message.startsWith('unknown key')));
    assert.ok(caught.problems.some((p) => p.key === 'systems[1].items[1]' && p.message === 'missing required key "status"'));
    const aliased = `version: 1\nsystems:\n  - name: a\n    items:\n      - &x { id: m1, status: todo }\n      - *x\n`;
    assert.match(error(aliased).message, /:6:9: systems\[0\]\.items\[1\]: an alias/);
  });
});
