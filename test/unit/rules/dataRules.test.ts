import { strict as assert } from 'node:assert';
import type { Evidence } from '../../../src/core/disposition/model';
import { resolveDisposition } from '../../../src/core/disposition/resolve';
import { runRules } from '../../../src/core/rules/runRules';
import { comment } from '../disposition/findingFixture';
import { annotated, assessed, config, finding, sfzh, sjhm } from './assessedFixture';

const FILE = 'db/finance.sql';
const rule = (id: string, fields: ReturnType<typeof assessed>[], lang: 'en' | 'zh-CN' = 'en') => runRules(fields, config(), lang).filter((d) => d.rule === id);

describe('pi/retention-conflict', () => {
  const handler = finding({ file: FILE, entity: 'cw_pz', field: 'jbr_xm', description: '经办人姓名', entityComments: [comment('记账凭证', 1)], line: 4 });

  it('fires on delete of accounting-voucher data that must be kept 30 years', () => {
    const [d] = rule('pi/retention-conflict', [assessed(handler, annotated(FILE, 3, { action: 'delete' }))]);
    assert.equal(d.severity, 'warning');
    assert.deepEqual([d.file, d.line], [FILE, 3]);
    assert.match(d.message, /^cw_pz\.jbr_xm: delete declared, but accounting vouchers, ledgers and journals must be kept at least 30 years \(会计档案管理办法 \(Accounting Archives Measures, 2015\) Art\. 14–15/);
    assert.match(d.message, /matched "记账凭证"\) — PIPL Art\. 47 para\. 2/);
  });

  it('fires on a retention shorter than the minimum (wage + tax records, 10 years)', () => {
    const salary = finding({ entity: 'ry_gzxx', field: 'jbgz', category: 'property.income', sensitive: true, protected: true });
    const [d] = rule('pi/retention-conflict', [assessed(salary, annotated('db/hr_schema.sql', 9, { action: 'retain', period: { text: '2y', months: 24 }, basis: '工资支付暂行规定 第六条' }))], 'zh-CN');
    assert.match(d.message, /^ry_gzxx\.jbgz：保存期限 2y 短于涉税资料（账簿、凭证、发票、代扣代缴记录）的法定最低保存期限10年（《税收征收管理法实施细则》第二十九条；匹配“property\.income”）$/);
  });

  it('cites network logs with the unverified article numbering', () => {
    const ip = finding({ entity: 'sys_login_log', field: 'login_ip', category: 'network.ip' });
    const [d] = rule('pi/retention-conflict', [assessed(ip, annotated('db/hr_schema.sql', 20, { action: 'destroy' }))]);
    assert.match(d.message, /6 months \(网络安全法 \(Cybersecurity Law\) Art\. 21\(3\) \(Art\. 23 after the 2025 amendment — numbering unverified\); network operators/);
  });

  it('is silent when the retention is long enough, when nothing requires keeping, and without a disposition', () => {
    const enough = assessed(handler, annotated(FILE, 3, { action: 'retain', period: { text: '30y', months: 360 }, basis: '会计档案管理办法 第十四条', then: 'destroy' }));
    const ordinary = assessed(sjhm, annotated('db/hr_schema.sql', 6, { action: 'delete' }));
    const undeclared = assessed(handler);
    assert.deepEqual(rule('pi/retention-conflict', [enough, ordinary, undeclared]), []);
  });
});

describe('pi/soft-delete-only', () => {
  const softFlag: Evidence = { kind: 'soft-delete', file: 'db/hr_schema.sql', line: 8, column: 3, text: 'del_flag (soft-delete flag)' };

  it('fires once per entity, on its first PI field, with the soft-delete evidence attached', () => {
    const diagnostics = rule('pi/soft-delete-only', [assessed(sfzh, null, [softFlag]), assessed(sjhm, annotated('db/hr_schema.sql', 7, { action: 'delete' }), [softFlag])]);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.deepEqual([d.file, d.line, d.column, d.fieldId, d.severity], ['db/hr_schema.sql', 6, 3, sfzh.id, 'warning']);
    assert.match(d.message, /^ry_jbxx: PI is only soft-deleted \(del_flag \(soft-delete flag\)\) and nothing purges it — 2 PI field\(s\) stay stored/);
    assert.deepEqual(d.related, [{ file: 'db/hr_schema.sql', line: 8, column: 3, message: 'soft delete only: del_flag (soft-delete flag)' }]);
  });

  it('counts every field of the entity, those without evidence and those listed after other entities too', () => {
    const member = finding({ entity: 'hy_jbxx', field: 'sjhm', category: 'basic.phone', line: 30 });
    const name = finding({ entity: 'ry_jbxx', field: 'xm', line: 8 });
    const diagnostics = rule('pi/soft-delete-only', [assessed(sfzh, null, [softFlag]), assessed(member), assessed(name), assessed(sjhm, null, [softFlag])]);
    assert.deepEqual(diagnostics.map((d) => [d.fieldId, d.message.match(/\d+ PI field/)?.[0]]), [[sfzh.id, '3 PI field']]);
  });

  it('groups fields by entity key, `<file>#<entity>`, even where a `#` in a name makes two keys meet', () => {
    const flagged = finding({ file: 'db/x', entity: 'y#z', field: 'xm' });
    const other = finding({ file: 'db/x#y', entity: 'z', field: 'sjhm' });
    for (const [soft, plain] of [[flagged, other], [other, flagged]]) {
      const diagnostics = rule('pi/soft-delete-only', [assessed(soft, null, [softFlag]), assessed(plain)]);
      assert.deepEqual(diagnostics.map((d) => d.message.match(/\d+ PI field/)?.[0]), ['2 PI field']);
    }
  });

  it('is silent when something purges the entity, or when its PI is kept, transferred or anonymized', () => {
    const purge: Evidence = { kind: 'purge-job', file: 'jobs/purge.sql', line: 3, column: 1, text: 'ON SCHEDULE → DELETE FROM ry_jbxx' };
    assert.deepEqual(rule('pi/soft-delete-only', [assessed(sfzh, null, [softFlag, purge])]), []);
    const kept = annotated('db/hr_schema.sql', 2, { action: 'retain', period: { text: '2y', months: 24 }, basis: '劳动合同法 第五十条' });
    assert.deepEqual(rule('pi/soft-delete-only', [assessed(sfzh, kept, [softFlag]), assessed(sjhm, kept, [softFlag])]), []);
    assert.deepEqual(rule('pi/soft-delete-only', [assessed(sjhm, null, [])]), []);
  });
});

describe('pi/sensitive-unprotected', () => {
  it('fires on sensitive PI in the clear without an anonymize or delete disposition', () => {
    const [d] = rule('pi/sensitive-unprotected', [assessed(sfzh, annotated('db/hr_schema.sql', 5, { action: 'retain', period: { text: '2y', months: 24 }, basis: '劳动合同法 第五十条' }))]);
    assert.deepEqual([d.line, d.column, d.severity], [6, 3, 'warning']);
    assert.equal(d.message, 'ry_jbxx.sfzh: sensitive PI (Resident ID number, identity.id_number) with no sign of encryption or masking and no anonymize or delete disposition — PIPL Art. 51: encryption, de-identification');
    const [zh] = rule('pi/sensitive-unprotected', [assessed(sfzh)], 'zh-CN');
    assert.match(zh.message, /^ry_jbxx\.sfzh：敏感个人信息（身份证号，identity\.id_number）未见加密或脱敏/);
  });

  it('is silent for protected columns, anonymize/delete dispositions and non-sensitive PI', () => {
    const hashed = assessed({ ...sfzh, field: 'sfzh_md5', protected: true });
    const anonymized = assessed(sfzh, annotated('db/hr_schema.sql', 5, { action: 'anonymize', method: 'hash' }));
    const deleted = assessed(sfzh, annotated('db/hr_schema.sql', 5, { action: 'delete' }));
    assert.deepEqual(rule('pi/sensitive-unprotected', [hashed, anonymized, deleted, assessed(sjhm)]), []);
  });
});

describe('pi/invalid-annotation', () => {
  it('reports each malformed annotation once, at its column, in the chosen language', () => {
    const entityComments = [comment('@pi retain 30y basis="会计档案管理办法 第十四条', 2, 4)];
    const fields = ['jbr_xm', 'jbr_sfzh'].map((field, i) => finding({ file: FILE, entity: 'cw_pz', field, line: 4 + i, entityComments }));
    const assessedFields = fields.map((f) => {
      const resolved = resolveDisposition(f, { system: 'finance' });
      return assessed(f, resolved.disposition, [], resolved.invalid);
    });
    const diagnostics = rule('pi/invalid-annotation', assessedFields);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([diagnostics[0].file, diagnostics[0].line, diagnostics[0].column, diagnostics[0].severity], [FILE, 2, 4 + '@pi retain 30y basis='.length, 'error']);
    assert.equal(diagnostics[0].message, 'invalid @pi annotation: unterminated quote in basis=: add the closing "');
    const [zh] = rule('pi/invalid-annotation', assessedFields, 'zh-CN');
    assert.equal(zh.message, '@pi 注解无效：basis= 的引号未闭合：请补上 "');
  });

  it('reports annotations on fields that are not PI too, and is silent without problems', () => {
    const notPI = finding({ entity: 'sys_dict', field: 'dict_label', isPI: false, category: null, fieldComments: [comment('@pi ignor', 3, 8)] });
    const resolved = resolveDisposition(notPI, { system: 'hr' });
    assert.equal(rule('pi/invalid-annotation', [assessed(notPI, resolved.disposition, [], resolved.invalid)]).length, 1);
    assert.deepEqual(rule('pi/invalid-annotation', [assessed(sjhm)]), []);
  });
});

describe('@pi ignore', () => {
  it('silences every rule for the field', () => {
    const ignored = annotated('db/hr_schema.sql', 5, { action: 'ignore', reason: 'company switchboard, not a person' });
    assert.deepEqual(runRules([assessed(sfzh, ignored, [{ kind: 'soft-delete', file: 'db/hr_schema.sql', line: 8, column: 3, text: 'del_flag (soft-delete flag)' }])], config(), 'en'), []);
  });
});
