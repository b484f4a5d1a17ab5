import { strict as assert } from 'node:assert';
import type { Disposition } from '../../../src/core/disposition/model';
import { runRules } from '../../../src/core/rules/runRules';
import { annotated, assessed, config, finding, sfzh, sjhm } from './assessedFixture';

const FILE = 'db/hr_schema.sql';
const rule = (id: string, fields: ReturnType<typeof assessed>[], lang: 'en' | 'zh-CN' = 'en') => runRules(fields, config(), lang).filter((d) => d.rule === id);
const period = (text: string, months: number) => ({ text, months });

describe('pi/retain-without-basis', () => {
  it('fires on retain without a basis, on the annotation', () => {
    const [d] = rule('pi/retain-without-basis', [assessed(sjhm, annotated(FILE, 5, { action: 'retain', period: period('2y', 24) }))]);
    assert.equal(d.severity, 'warning');
    assert.deepEqual([d.file, d.line, d.column, d.fieldId], [FILE, 5, 6, sjhm.id]);
    assert.match(d.message, /^ry_jbxx\.sjhm: retain 2y declared without a legal basis \(basis="…"\) — PIPL Art\. 47 para\. 2/);
    assert.deepEqual(d.related, [{ file: FILE, line: 7, column: 3, message: 'covers field ry_jbxx.sjhm' }]);
  });

  it('fires on retain without a period, and on retain with neither, in Chinese too', () => {
    const [noPeriod] = rule('pi/retain-without-basis', [assessed(sjhm, annotated(FILE, 5, { action: 'retain', basis: '劳动合同法 第五十条' }))]);
    assert.match(noPeriod.message, /without a period or end date .* PIPL Art\. 19/);
    const [neither] = rule('pi/retain-without-basis', [assessed(sjhm, annotated(FILE, 5, { action: 'retain' }))], 'zh-CN');
    assert.match(neither.message, /^ry_jbxx\.sjhm：声明了保存，但既无保存期限也无法律依据/);
  });

  it('is silent for a complete retention (period or until, and a basis) and for other actions', () => {
    const complete = assessed(sjhm, annotated(FILE, 5, { action: 'retain', period: period('2y', 24), basis: '劳动合同法 第五十条', then: 'destroy' }));
    const until = assessed(sfzh, annotated(FILE, 4, { action: 'retain', until: '2027-06-30', basis: '劳动合同法 第五十条' }));
    const deleted = assessed(finding({ entity: 'ry_jbxx', field: 'xm' }), annotated(FILE, 3, { action: 'delete' }));
    assert.deepEqual(rule('pi/retain-without-basis', [complete, until, deleted]), []);
  });

  it('reports an entity-level annotation once, listing the fields it covers', () => {
    const entityLevel = annotated('db/finance.sql', 2, { action: 'retain', period: period('30y', 360) });
    const fields = ['jbr_xm', 'jbr_sfzh', 'skr_zh'].map((field, i) => assessed(finding({ file: 'db/finance.sql', entity: 'cw_pz', field, line: 4 + i }), entityLevel));
    const diagnostics = rule('pi/retain-without-basis', fields);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /^cw_pz\.jbr_xm and 2 more fields: retain 30y/);
    assert.deepEqual(diagnostics[0].related?.map((r) => r.line), [4, 5, 6]);
    const [zh] = rule('pi/retain-without-basis', fields, 'zh-CN');
    assert.match(zh.message, /^cw_pz\.jbr_xm 等 3 个字段：/);
  });

  it('a policy is named in the message and reported on its first field', () => {
    const policy: Disposition = { action: 'retain', period: period('10y', 120), extra: {}, source: 'policy', declaredAt: { policy: 'policies[1] (line 16)' } };
    const [d] = rule('pi/retain-without-basis', [assessed(sfzh, policy), assessed(sjhm, policy)]);
    assert.deepEqual([d.file, d.line, d.column], [FILE, 6, 3]);
    assert.match(d.message, /^ry_jbxx\.sfzh and 1 more field \(policy policies\[1\] \(line 16\)\): retain 10y/);
  });
});

describe('pi/transfer-without-recipient', () => {
  it('fires when the contact is missing (PIPL Art. 22), as an error', () => {
    const [d] = rule('pi/transfer-without-recipient', [assessed(sjhm, annotated(FILE, 5, { action: 'transfer', to: '上海某某集团有限公司' }))]);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, 'ry_jbxx.sjhm: transfer declared without the recipient’s contact (contact=) — PIPL Art. 22: individuals must be told the recipient’s name and contact');
  });

  it('names what is missing, in Chinese', () => {
    const [d] = rule('pi/transfer-without-recipient', [assessed(sjhm, annotated(FILE, 5, { action: 'transfer' }))], 'zh-CN');
    assert.match(d.message, /缺少接收方的名称（to=）和联系方式（contact=）——《个人信息保护法》第二十二条/);
  });

  it('is silent with both name and contact', () => {
    const full = annotated(FILE, 5, { action: 'transfer', to: '上海某某集团有限公司', contact: 'dpo@example.com', basis: '个人信息保护法 第二十二条' });
    assert.deepEqual(rule('pi/transfer-without-recipient', [assessed(sjhm, full)]), []);
  });
});

describe('pi/cross-border-transfer', () => {
  it('fires for a recipient in Hong Kong without an Art. 38 mechanism', () => {
    const hk = annotated(FILE, 5, { action: 'transfer', to: '某某集团（香港）有限公司', contact: 'dpo@example.com' });
    const [d] = rule('pi/cross-border-transfer', [assessed(sfzh, hk)]);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /recipient looks outside the mainland \(Hong Kong: "香港", heuristic\) and no PIPL Art\. 38 mechanism/);
    const [zh] = rule('pi/cross-border-transfer', [assessed(sfzh, hk)], 'zh-CN');
    assert.match(zh.message, /接收方疑似位于境外（香港：“香港”，启发式判断）/);
  });

  it('is silent with a mechanism, and for a mainland recipient', () => {
    const withContract = annotated(FILE, 5, { action: 'transfer', to: 'Acme Holdings Pte. Ltd.', contact: 'dpo@acme.sg', mechanism: 'standard-contract' });
    const mainland = annotated(FILE, 5, { action: 'transfer', to: '上海某某集团有限公司', contact: 'dpo@example.com' });
    assert.deepEqual(rule('pi/cross-border-transfer', [assessed(sfzh, withContract), assessed(sjhm, mainland)]), []);
  });
});
