import { strict as assert } from 'node:assert';
import type { Disposition } from '../../../src/core/disposition/model';
import { Localizer } from '../../../src/core/i18n/localizer';
import type { AuditedField } from '../../../src/core/scan/scanResult';
import { hoverContent, type HoverPart } from '../../../src/extension/hoverContent';
import { legalOptions, retentionChoices } from '../../../src/extension/legalOptions';
import { maskValuesIn } from '../../../src/extension/maskValues';
import { finding } from '../disposition/findingFixture';

const plain = (parts: HoverPart[]): string => parts.map((p) => ('text' in p ? p.text : p.markdown)).join('');
const textParts = (parts: HoverPart[]): string => parts.filter((p) => 'text' in p).map((p) => ('text' in p ? p.text : '')).join('\n');

const sfzh: AuditedField = {
  ...finding({ entity: 'employee', field: 'sfzh', category: 'identity.id_number', sensitive: true, description: '身份证号', reasons: ['comment word "身份证号"', 'sample values look like identity.id_number: 11010519491231002X'] }),
  disposition: null,
  evidence: ['soft-delete: del_flag (soft-delete flag) (hr-db/hr_schema.sql:12)'],
};
const payroll: AuditedField = {
  ...finding({ entity: 'payroll', field: 'gross_salary', category: 'property.income', sensitive: true, description: '应发工资' }),
  disposition: { action: 'retain', period: { text: '30y', months: 360 }, basis: '会计档案管理办法 第十四条', then: 'destroy', extra: {}, source: 'annotation', declaredAt: { file: 'hr-db/hr_schema.sql', line: 16, column: 4 } } satisfies Disposition,
  evidence: [],
};

describe('extension: masking values in document text', () => {
  it('masks resident IDs, mobiles and e-mail addresses, and leaves other text alone', () => {
    const masked = maskValuesIn('张三 11010519491231002X 13800138000 zhangsan@example.com 订单 42');
    assert.ok(!masked.includes('11010519491231002X') && !masked.includes('13800138000') && !masked.includes('zhangsan@example.com'), masked);
    assert.ok(masked.startsWith('张三 110') && masked.endsWith('订单 42'), masked);
  });
});

describe('extension: hover content', () => {
  it('names the field, category, sensitivity, reasons, evidence and every legal option with its citation', () => {
    const text = plain(hoverContent(sfzh, new Localizer('en'), 'en'));
    for (const expected of ['PI Audit', 'employee.sfzh', 'Resident ID number (identity.id_number)', 'sensitive', 'PIPL Art. 28', 'comment word "身份证号"', 'none declared', 'hr-db/hr_schema.sql:12', 'Art. 47', 'Art. 73', 'Art. 22', 'Art. 47 para. 2']) {
      assert.ok(text.includes(expected), `${expected} in:\n${text}`);
    }
    for (const action of ['delete', 'anonymize', 'transfer', 'retain']) assert.match(text, new RegExp(`\\*\\*${action}\\*\\*`));
  });

  it('never shows a PI value whole, even when a reason quotes one', () => {
    const text = plain(hoverContent(sfzh, new Localizer('en'), 'en'));
    assert.ok(!text.includes('11010519491231002X'), text);
  });

  it('keeps everything from the document in text parts (escaped by the editor), never in markdown parts', () => {
    const parts = hoverContent({ ...sfzh, entity: '[x](command:evil)', field: '**bold**' }, new Localizer('en'), 'en');
    const markdown = parts.filter((p) => 'markdown' in p).map((p) => ('markdown' in p ? p.markdown : '')).join('');
    assert.ok(!markdown.includes('command:evil') && !markdown.includes('**bold**'), markdown);
    assert.ok(textParts(parts).includes('[x](command:evil).**bold**'));
  });

  it('shows the disposition in force and where it was declared, and the law that requires retention', () => {
    const text = plain(hoverContent(payroll, new Localizer('en'), 'en'));
    assert.ok(text.includes('retain 30y basis="会计档案管理办法 第十四条" then=destroy'), text);
    assert.ok(text.includes('declared by an @pi annotation (hr-db/hr_schema.sql:16)'), text);
    assert.ok(text.includes('Tax Collection Law Implementing Rules'), 'income records: the tax retention duty');
    assert.ok(text.includes('Interim Provisions on Wage Payment'), 'wages: the wage-record duty');
  });

  it('speaks Chinese', () => {
    const text = plain(hoverContent(payroll, new Localizer('zh-CN'), 'zh-CN'));
    for (const expected of ['收入 / 工资', '敏感', '合法处置选项', '由 @pi 注解声明', '《个人信息保护法》第四十七条', '《税收征收管理法实施细则》第二十九条']) assert.ok(text.includes(expected), `${expected} in:\n${text}`);
  });
});

describe('extension: legal options and retention choices', () => {
  it('offers retain once per duty that applies, longest first, and no generic retain then', () => {
    const options = legalOptions(payroll, new Localizer('en'), 'en');
    const retains = options.filter((o) => o.action === 'retain');
    assert.deepEqual(retains.map((o) => o.period), ['10y', '2y']);
    assert.deepEqual(options.filter((o) => o.action !== 'retain').map((o) => o.action), ['delete', 'anonymize', 'transfer']);
  });

  it('offers a generic retain when no duty applies', () => {
    const options = legalOptions(sfzh, new Localizer('en'), 'en');
    assert.deepEqual(options.map((o) => o.action), ['delete', 'anonymize', 'transfer', 'retain']);
    assert.equal(options[3].period, undefined);
  });

  it('lists every retention duty, the applicable ones first, with period and basis ready for an annotation', () => {
    const choices = retentionChoices(payroll, 'zh-CN');
    assert.equal(choices.length, 10);
    assert.deepEqual(choices.filter((c) => c.applies).map((c) => c.period), ['10y', '2y']);
    assert.ok(choices[0].applies && choices[0].basis.includes('税收征收管理法实施细则'));
    assert.ok(choices.every((c) => /^\d+[ym]$/.test(c.period) && c.basis.length > 0));
  });
});
