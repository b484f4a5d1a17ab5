import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assessFields } from '../../../src/core/disposition/assess';
import type { Disposition } from '../../../src/core/disposition/model';
import { runRules } from '../../../src/core/rules/runRules';
import { comment, finding } from '../disposition/findingFixture';
import { config } from './assessedFixture';

const FIXTURES = path.join(__dirname, '../../fixtures/disposition/evidence');
const SQL = 'hr_schema.sql';
const text = fs.readFileSync(path.join(FIXTURES, SQL), 'utf8');
const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('assessFields + runRules over a schema and its code', () => {
  // As the SQL extractor would report the fixture, plus annotations a developer added.
  const findings = [
    finding({ file: SQL, entity: 'ry_jbxx', field: 'xm', line: lineOf('`xm`'), category: 'basic.name', description: '姓名', fieldComments: [comment('@pi transfer to="上海某某集团有限公司"', lineOf('`xm`') - 1, 6)] }),
    finding({ file: SQL, entity: 'ry_jbxx', field: 'sfzh', line: lineOf('`sfzh`'), category: 'identity.id_number', sensitive: true, description: '身份证号' }),
    finding({ file: SQL, entity: 'ry_jbxx', field: 'sjhm', line: lineOf('`sjhm`'), category: 'basic.phone', description: '手机号码 @pi delet' }),
    finding({ file: SQL, entity: 'ry_jbxx', field: 'del_flag', line: lineOf('`del_flag`'), isPI: false, category: null, description: '删除标志 0存在 2删除' }),
    finding({ file: SQL, entity: 'sys_login_log', field: 'login_ip', line: lineOf('`login_ip`'), category: 'network.ip', description: '登录IP' }),
    finding({ file: SQL, entity: 'sys_login_log', field: 'user_name', line: lineOf('`user_name`'), category: 'network.account', description: '登录账号' }),
  ];
  const checklist = new Map<string, Disposition>([
    [`${SQL}#sys_login_log.user_name`, { action: 'retain', period: { text: '6m', months: 6 }, basis: '网络安全法 第二十一条', extra: {}, source: 'checklist', declaredAt: { file: 'pi-disposition.yaml', line: 31, column: 7 } }],
  ]);
  const policies = [{ match: '*/sys_login_log.*', action: 'delete' as const, line: 8 }];
  const { fields, policyProblems } = assessFields(findings, [{ file: SQL, text }], { system: 'hr', checklist, policies });
  const diagnostics = runRules(fields, config(), 'en');
  const byField = (field: string): string[] => diagnostics.filter((d) => d.fieldId === `${SQL}#${field}`).map((d) => d.rule);

  it('resolves each field from the right source', () => {
    assert.deepEqual(
      fields.map((f) => [f.finding.field, f.disposition?.action ?? null, f.disposition?.source ?? null]),
      [
        ['xm', 'transfer', 'annotation'],
        ['sfzh', null, null],
        ['sjhm', null, null],
        ['del_flag', null, null],
        ['login_ip', 'delete', 'policy'],
        ['user_name', 'retain', 'checklist'],
      ],
    );
    assert.deepEqual(policyProblems, []);
  });

  it('attaches the evidence of the entity and of the field', () => {
    const sfzh = fields.find((f) => f.finding.field === 'sfzh');
    assert.deepEqual(sfzh?.evidence.map((e) => e.kind), ['soft-delete', 'anonymize', 'soft-delete']);
    assert.deepEqual(fields.find((f) => f.finding.field === 'login_ip')?.evidence.map((e) => e.kind), ['purge-job']);
  });

  it('raises the rules a reviewer expects', () => {
    // soft-delete-only is reported once per entity, on the first field it concerns (sfzh): xm is transferred.
    assert.deepEqual(byField('ry_jbxx.xm'), ['pi/transfer-without-recipient']);
    assert.deepEqual(byField('ry_jbxx.sfzh').sort(), ['pi/missing-disposition', 'pi/sensitive-unprotected', 'pi/soft-delete-only']);
    assert.deepEqual(byField('ry_jbxx.sjhm').sort(), ['pi/invalid-annotation', 'pi/missing-disposition']);
    // Deleting login IPs conflicts with the 6-month network-log duty; the checklist's 6m retention does not.
    assert.deepEqual(byField('sys_login_log.login_ip'), ['pi/retention-conflict']);
    assert.deepEqual(byField('sys_login_log.user_name'), []);
  });

  it('puts the transfer diagnostic on the annotation and the missing one on the field', () => {
    const transfer = diagnostics.find((d) => d.rule === 'pi/transfer-without-recipient');
    assert.deepEqual([transfer?.line, transfer?.column], [lineOf('`xm`') - 1, 6]);
    const missing = diagnostics.find((d) => d.rule === 'pi/missing-disposition' && d.fieldId.endsWith('.sfzh'));
    assert.deepEqual([missing?.line, missing?.column], [lineOf('`sfzh`'), 3]);
    assert.match(missing?.message ?? '', /the code shows soft delete only, hashing \/ masking/);
  });
});
