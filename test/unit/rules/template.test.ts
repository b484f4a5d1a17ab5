import { strict as assert } from 'node:assert';
import { compileTemplate, fillTemplate } from '../../../src/core/rules/template';

describe('message templates', () => {
  const params = { field: 'ry_jbxx.sfzh', label: '身份证号', category: 'identity.id_number', hint: '', count: 3, text: 'cost $& and $1' };

  it('fills placeholders, keeps unknown ones as written and takes values literally', () => {
    assert.equal(fillTemplate('{field}: {label} ({category}){hint}', params), 'ry_jbxx.sfzh: 身份证号 (identity.id_number)');
    assert.equal(fillTemplate('{count} field(s), {missing}, {text}', params), '3 field(s), {missing}, cost $& and $1');
  });

  it('a compiled template fills as fillTemplate does, every time', () => {
    const templates = ['{field}: {label} ({category}){hint}', '{field}{label}', 'no placeholder', '{}{ field }{field', '{count} of {missing} {text}{count}', '', '{hint}'];
    for (const template of templates) {
      const fill = compileTemplate(template);
      for (const values of [params, { ...params, field: 'cw_pz.jbr_xm', hint: ' (the code shows TTL index)' }, {}]) {
        assert.equal(fill(values), fillTemplate(template, values), template);
      }
    }
  });
});
