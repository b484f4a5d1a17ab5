import { strict as assert } from 'node:assert';
import type { PolicyRule } from '../../../src/core/config/model';
import type { Disposition } from '../../../src/core/disposition/model';
import { resolveDisposition } from '../../../src/core/disposition/resolve';
import { comment, finding } from './findingFixture';

const checklistEntry = (fieldId: string, action: Disposition['action']): [string, Disposition] => [
  fieldId,
  { action, extra: {}, owner: '王芳', source: 'checklist', declaredAt: { file: 'pi-disposition.yaml', line: 48, column: 7 } },
];

const policies: PolicyRule[] = [
  { match: 'hr/ry_*.sfzh', action: 'anonymize', method: 'hash', line: 12 },
  { categories: ['property'], action: 'retain', period: '10y', basis: '税收征收管理法实施细则 第二十九条', line: 16 },
  { match: '*/sys_login_log.*', action: 'retain', period: '6m', basis: '网络安全法 第二十一条', line: 21 },
  { categories: ['basic.phone'], action: 'delete', line: 26 },
];

describe('resolveDisposition', () => {
  const sfzh = finding({
    entity: 'ry_jbxx',
    field: 'sfzh',
    category: 'identity.id_number',
    sensitive: true,
    line: 6,
    description: '身份证号',
  });

  it('returns null and no problems when nothing is declared', () => {
    assert.deepEqual(resolveDisposition(finding({ entity: 'ry_jbxx', field: 'xm' }), { system: 'hr' }), { disposition: null, invalid: [], problems: [] });
  });

  it('an annotation on the field beats the checklist and the policies', () => {
    const field = { ...sfzh, fieldComments: [comment('@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy', 5, 6)] };
    const result = resolveDisposition(field, { system: 'hr', checklist: new Map([checklistEntry(field.id, 'delete')]), policies });
    assert.equal(result.disposition?.action, 'retain');
    assert.equal(result.disposition?.source, 'annotation');
    assert.deepEqual(result.disposition?.declaredAt, { file: 'db/hr_schema.sql', line: 5, column: 6 });
    assert.deepEqual(result.disposition?.period, { text: '30y', months: 360 });
  });

  it('an annotation in the SQL COMMENT string counts as field level, placed on the field', () => {
    const field = { ...sfzh, description: "身份证号 @pi anonymize method=hash" };
    const result = resolveDisposition(field, { system: 'hr', policies });
    assert.equal(result.disposition?.action, 'anonymize');
    assert.equal(result.disposition?.source, 'annotation');
    assert.deepEqual(result.disposition?.declaredAt, { file: 'db/hr_schema.sql', line: 6, column: 3 });
  });

  it('the checklist beats the policies', () => {
    const result = resolveDisposition(sfzh, { system: 'hr', checklist: new Map([checklistEntry(sfzh.id, 'delete')]), policies });
    assert.equal(result.disposition?.action, 'delete');
    assert.equal(result.disposition?.source, 'checklist');
    assert.deepEqual(result.disposition?.declaredAt, { file: 'pi-disposition.yaml', line: 48, column: 7 });
  });

  it('policies: the first matching rule wins, glob over system/entity.field, case-insensitive', () => {
    const result = resolveDisposition({ ...sfzh, entity: 'RY_JBXX', field: 'SFZH' }, { system: 'hr', policies });
    assert.equal(result.disposition?.action, 'anonymize');
    assert.equal(result.disposition?.method, 'hash');
    assert.equal(result.disposition?.source, 'policy');
    assert.deepEqual(result.disposition?.declaredAt, { policy: 'policies[0] (line 12)' });
  });

  it('policies match aliases and category families', () => {
    const salary = finding({ entity: 'Employee', entityAliases: ['ry_gz'], field: 'baseSalary', fieldAliases: ['jbgz'], category: 'property.income', sensitive: true });
    const result = resolveDisposition(salary, { system: 'hr', policies });
    assert.equal(result.disposition?.action, 'retain');
    assert.deepEqual(result.disposition?.period, { text: '10y', months: 120 });
    assert.deepEqual(result.disposition?.declaredAt, { policy: 'policies[1] (line 16)' });
    const byAlias = resolveDisposition(finding({ entity: 'LoginLog', entityAliases: ['sys_login_log'], field: 'loginIp', category: 'network.ip' }), { system: 'hr', policies });
    assert.deepEqual(byAlias.disposition?.declaredAt, { policy: 'policies[2] (line 21)' });
  });

  it('a policy needs both its glob and its categories to match', () => {
    const rules: PolicyRule[] = [{ match: '*/t_order*.*', categories: ['property.payment'], action: 'retain', period: '3y', basis: '电子商务法 第三十一条' }];
    const amount = finding({ entity: 't_order', field: 'pay_amount', category: 'property.payment' });
    const phone = finding({ entity: 't_order', field: 'shrdh', category: 'basic.phone' });
    assert.equal(resolveDisposition(amount, { system: 'mall', policies: rules }).disposition?.action, 'retain');
    assert.equal(resolveDisposition(phone, { system: 'mall', policies: rules }).disposition, null);
  });

  it('a glob without a slash is matched against entity.field', () => {
    const rules: PolicyRule[] = [{ match: 'ry_*.sjhm', action: 'delete' }];
    assert.equal(resolveDisposition(finding({ entity: 'ry_jbxx', field: 'sjhm' }), { system: 'hr', policies: rules }).disposition?.action, 'delete');
  });

  it('reports a policy it cannot apply as written', () => {
    const rules: PolicyRule[] = [{ match: '**', action: 'retain', period: '30 years', mechanism: 'consent', basis: 'x', line: 3 }];
    const result = resolveDisposition(sfzh, { system: 'hr', policies: rules });
    assert.equal(result.disposition?.period, undefined);
    assert.deepEqual(result.problems.map((p) => p.message), ['bad period "30 years" (write e.g. 30y, 6m, 90d)', 'unknown Art. 38 mechanism "consent"']);
  });

  describe('entity-level annotations', () => {
    const entityComments = [comment('@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy', 2, 4)];
    const fields = ['pzh', 'jbr_xm', 'jbr_sfzh'].map((field, i) => finding({ file: 'db/finance.sql', entity: 'cw_pz', field, line: 4 + i, entityComments }));

    it('apply to every field of the entity', () => {
      for (const field of fields) {
        const result = resolveDisposition(field, { system: 'finance', policies });
        assert.equal(result.disposition?.action, 'retain');
        assert.deepEqual(result.disposition?.declaredAt, { file: 'db/finance.sql', line: 2, column: 4 });
      }
    });

    it('lose to an annotation on the field itself', () => {
      const own = { ...fields[2], fieldComments: [comment('-- @pi anonymize method=sm3', 6, 40)] };
      const result = resolveDisposition(own, { system: 'finance' });
      assert.equal(result.disposition?.action, 'anonymize');
      assert.deepEqual(result.disposition?.declaredAt, { file: 'db/finance.sql', line: 6, column: 43 });
    });

    it('beat the checklist', () => {
      const result = resolveDisposition(fields[0], { system: 'finance', checklist: new Map([checklistEntry(fields[0].id, 'delete')]) });
      assert.equal(result.disposition?.source, 'annotation');
    });
  });

  describe('malformed annotations', () => {
    it('are returned as invalid and resolution falls through to the next source', () => {
      const field = { ...sfzh, fieldComments: [comment('@pi delet', 5, 6)] };
      const result = resolveDisposition(field, { system: 'hr', policies });
      assert.equal(result.disposition?.source, 'policy');
      assert.equal(result.invalid.length, 1);
      assert.equal(result.invalid[0].ok, false);
    });

    it('a second valid annotation on the same field is reported, the first applies', () => {
      const field = { ...sfzh, fieldComments: [comment('@pi delete', 4, 6), comment('@pi anonymize method=hash', 6, 40)] };
      const result = resolveDisposition(field, { system: 'hr' });
      assert.equal(result.disposition?.action, 'delete');
      assert.equal(result.invalid.length, 1);
      const [second] = result.invalid;
      assert.ok(!second.ok);
      assert.equal(second.problem?.code, 'second-annotation');
      assert.match(second.message, /only the first \(line 4\) applies/);
      assert.deepEqual([second.comment.line, second.column], [6, 40]);
    });

    it('the same text as comment and description is counted once', () => {
      const text = '@pi anonymize method=hash';
      const field = { ...sfzh, fieldComments: [comment(text, 6, 30)], description: text };
      const result = resolveDisposition(field, { system: 'hr' });
      assert.deepEqual(result.invalid, []);
      assert.equal(result.disposition?.action, 'anonymize');
    });
  });
});
