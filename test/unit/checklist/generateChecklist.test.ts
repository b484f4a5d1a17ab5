import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import type { ChecklistData } from '../../../src/core/checklist/model';
import { annotated, field, sampleInput, schemaErrors, LEGAL_ENTITY } from './helpers';

describe('generateChecklist', () => {
  const text = generateChecklist(sampleInput());
  const data = parse(text) as ChecklistData;

  it('writes a file the JSON Schema accepts', () => {
    assert.deepEqual(schemaErrors(text), []);
  });

  it('opens with comments that explain the file in Chinese and English', () => {
    const header = text.slice(0, text.indexOf('version:'));
    assert.match(header, /^# 个人信息处置清单 · Personal-information disposition checklist/);
    assert.match(header, /删除（个人信息保护法 第47条）/);
    assert.match(header, /deleted \(PIPL Art\. 47\)/);
    assert.match(header, /declaredIn: checklist/);
    assert.match(header, /gone: true/);
    assert.match(header, /todo 待办 \| in-progress 进行中 \| done 已完成 \| verified 已核验/);
    for (const section of ['legalEntity:', 'summary:', 'systems:', 'steps:']) {
      const before = text.slice(0, text.indexOf(`\n${section}`)).split('\n').pop() ?? '';
      assert.match(before, /^# .*[\u4e00-\u9fff].* \/ |^# [\u4e00-\u9fff]|^# The entity/, `comment above ${section}`);
    }
  });

  it('writes the legal entity from the config', () => {
    assert.deepEqual(data.legalEntity, LEGAL_ENTITY);
  });

  it('orders systems by name and items by file, line, then id', () => {
    assert.deepEqual(data.systems.map((s) => s.name), ['crm', 'hr-system']);
    assert.deepEqual(data.systems[1].items.map((i) => i.location), [
      'db/schema.sql:13', 'db/schema.sql:14', 'db/schema.sql:15', 'db/schema.sql:31', 'src/main/java/com/example/hr/Employee.java:22',
    ]);
    assert.deepEqual(data.systems[0].items.map((i) => i.field), ['name', 'email', 'amount']);
  });

  it('writes each item with id, location, labels, class, disposition, evidence and status', () => {
    const sfzh = data.systems[1].items[1];
    assert.deepEqual(sfzh, {
      id: 'db/schema.sql#t_employee.sfzh', location: 'db/schema.sql:14', entity: 't_employee', field: 'sfzh',
      category: 'identity.id_number', label: '身份证号 (Resident ID number)', sensitive: true, class: '个人隐私信息',
      disposition: null, evidence: [], status: 'todo', owner: '', note: '',
    });
    const gz = data.systems[1].items[3];
    assert.deepEqual(gz.disposition, { action: 'retain', period: '10y', basis: '税收征收管理法实施细则 第29条', declaredIn: 'annotation' });
    assert.deepEqual(gz.evidence, ['定时清理任务 purge_salary (jobs/purge.sql:8)']);
    const email = data.systems[0].items[1];
    assert.deepEqual(email.disposition, { action: 'delete', declaredIn: 'policy' });
    assert.equal(data.systems[0].items[2].class, '商业秘密信息');
  });

  it('marks an undecided field with a comment listing the choices', () => {
    const line = text.split('\n').find((l) => l.includes('disposition: null'));
    assert.equal(line?.trim(), 'disposition: null # 待决定 / to decide: delete | anonymize | transfer | retain | destroy | ignore');
  });

  it('counts fields, sensitive, decided and done', () => {
    assert.deepEqual(data.summary, { fields: 8, sensitive: 3, decided: 3, done: 0, gone: 0 });
  });

  it('derives the process steps from what was found, each with its legal basis', () => {
    const steps = data.steps ?? [];
    assert.deepEqual(steps.map((s) => s.id), [
      'inventory', 'backup-encrypt', 'notify-recipient', 'impact-assessment', 'archive-custodian',
      'delete-verify', 'destroy-media', 'confidentiality', 'audit-report',
    ]);
    const byId = new Map(steps.map((s) => [s.id, s]));
    assert.match(byId.get('inventory')?.basis ?? '', /个人信息保护法 第51条.*PIPL Art\. 51/);
    assert.match(byId.get('notify-recipient')?.basis ?? '', /第22条.*PIPL Art\. 22/);
    assert.match(byId.get('notify-recipient')?.reason ?? '', /^1 个字段转移给接收方 \/ 1 field transferred/);
    assert.match(byId.get('impact-assessment')?.basis ?? '', /第55条、第56条 \/ PIPL Art\. 55, 56/);
    assert.match(byId.get('impact-assessment')?.reason ?? '', /1 sensitive field kept/);
    assert.match(byId.get('archive-custodian')?.basis ?? '', /档案法 第16条；会计档案管理办法 第20条/);
    assert.match(byId.get('delete-verify')?.basis ?? '', /第47条/);
    assert.match(byId.get('audit-report')?.basis ?? '', /第56条/);
    assert.match(byId.get('inventory')?.reason ?? '', /^7 个个人信息字段，其中敏感 3 个/);
    assert.ok(steps.every((s) => s.status === 'todo' && /[\u4e00-\u9fff].* \/ [A-Z]/.test(s.title ?? '')));
    assert.equal(byId.has('cross-border'), false, 'nobody is abroad');
  });

  it('adds the cross-border step when a recipient is abroad, and no steps without PI', () => {
    const abroad = sampleInput();
    abroad.systems[0].items.push(field('prisma/schema.prisma', 30, 'Customer', 'phone', 'basic.phone', {
      disposition: annotated('transfer', { to: 'Example GmbH', mechanism: 'standard-contract' }),
    }));
    const steps = (parse(generateChecklist(abroad)) as ChecklistData).steps ?? [];
    const crossBorder = steps.find((s) => s.id === 'cross-border');
    assert.match(crossBorder?.basis ?? '', /第38条、第39条 \/ PIPL Art\. 38, 39/);

    const none = (parse(generateChecklist({ legalEntity: {}, systems: [] })) as ChecklistData);
    assert.deepEqual(none.steps, []);
    assert.deepEqual(none.legalEntity, { name: '', creditCode: '', deregistration: '', date: '', successor: '', successorContact: '' });
  });

  it('gives the same text whatever order the input comes in, and regenerating changes nothing', () => {
    const shuffled = sampleInput();
    shuffled.systems.reverse();
    for (const system of shuffled.systems) system.items.reverse();
    assert.equal(generateChecklist(shuffled), text);
    assert.equal(mergeChecklist(text, sampleInput()), text);
  });

  it('never folds long lines', () => {
    const long = sampleInput();
    long.systems[0].items[0].evidence = [`清理脚本 ${'很长的说明'.repeat(40)}`];
    const out = generateChecklist(long);
    assert.ok(out.includes(`清理脚本 ${'很长的说明'.repeat(40)}`));
  });
});
