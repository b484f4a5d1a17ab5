import { strict as assert } from 'node:assert';
import { crossBorderSignal } from '../../../src/core/disposition/crossBorder';
import { RETENTION_DUTIES, RetentionDutyMatcher, retentionDutiesFor } from '../../../src/core/disposition/retention';
import { comment, finding } from './findingFixture';

const dutyIds = (...args: Parameters<typeof finding>): string[] => retentionDutiesFor(finding(...args)).map((d) => d.duty.id);

describe('retention table', () => {
  it('holds the minimums of shared/spec/legal.md', () => {
    const minimum = Object.fromEntries(RETENTION_DUTIES.map((d) => [d.id, d.minimum.months]));
    assert.deepEqual(minimum, {
      'accounting-vouchers': 360,
      'bank-statements': 120,
      'tax-records': 120,
      'aml-customer-data': 120,
      'ecommerce-transactions': 36,
      'pia-records': 36,
      'migrant-wage-ledger': 36,
      'network-logs': 6,
      'labour-contracts': 24,
      'wage-records': 24,
    });
  });

  it('says where the network-log article number is unverified', () => {
    const logs = RETENTION_DUTIES.find((d) => d.id === 'network-logs');
    assert.match(logs?.source.en ?? '', /Art\. 21\(3\).*unverified/);
    assert.match(logs?.source.zh ?? '', /未经核实/);
  });

  it('maps categories: payment → e-commerce, income → tax and wages, online activity → logs', () => {
    assert.deepEqual(dutyIds({ entity: 'oms_ddxx', field: 'sfje', category: 'property.payment' }), ['ecommerce-transactions']);
    assert.deepEqual(dutyIds({ entity: 'ry_gzxx', field: 'jbgz', category: 'property.income' }), ['tax-records', 'wage-records']);
    assert.deepEqual(dutyIds({ entity: 'sys_oper_log', field: 'oper_param', category: 'online.activity' }), ['network-logs']);
  });

  it('maps entity and field words, English, pinyin and Chinese', () => {
    assert.deepEqual(dutyIds({ entity: 'fin_voucher', field: 'handler_name' }), ['accounting-vouchers']);
    assert.deepEqual(dutyIds({ entity: 'cw_pz', field: 'jbr_xm', description: '经办人姓名', entityComments: [comment('记账凭证', 1)] }), ['accounting-vouchers']);
    assert.deepEqual(dutyIds({ entity: 't_fp', field: 'gmf_sjh', description: '购买方手机号（发票）', category: 'basic.phone' }), ['tax-records']);
    assert.deepEqual(dutyIds({ entity: 'hr_labor_contract', field: 'signer_name' }), ['labour-contracts']);
    assert.deepEqual(dutyIds({ entity: 'EmployeeContract', field: 'idCardNo', category: 'identity.id_number' }), ['labour-contracts']);
    assert.deepEqual(dutyIds({ entity: 'payroll', field: 'bank_card_no', category: 'property.bank_account' }), ['wage-records']);
    assert.deepEqual(dutyIds({ entity: 'kyc_record', field: 'sfzh', category: 'identity.id_number' }), ['aml-customer-data']);
    assert.deepEqual(dutyIds({ entity: 'LoginLog', field: 'ip', category: 'network.ip' }), ['network-logs']);
  });

  it('does not map ordinary PI, credentials, or words inside annotations', () => {
    assert.deepEqual(dutyIds({ entity: 'hy_jbxx', field: 'sjhm', category: 'basic.phone' }), []);
    assert.deepEqual(dutyIds({ entity: 'sales_order', field: 'pay_password', category: 'network.credential' }), []);
    assert.deepEqual(dutyIds({ entity: 'sales_contract', field: 'contact_name' }), []);
    assert.deepEqual(dutyIds({ entity: 'hy_jbxx', field: 'xm', fieldComments: [comment('@pi delete reason="不是发票"', 3)] }), []);
    assert.deepEqual(dutyIds({ entity: 'catalog', field: 'blogger_name' }), []);
  });
});

describe('retention duty matcher', () => {
  it('judges each of many fields on its own names and comments, as retentionDutiesFor does', () => {
    const fields = [
      finding({ entity: 'cw_pz', field: 'jbr_xm', description: '经办人姓名', entityComments: [comment('记账凭证', 1)] }),
      finding({ entity: 'cw_pz', field: 'fhr_xm', entityComments: [comment('记账凭证', 1)] }),
      finding({ entity: 'hy_jbxx', field: 'jbr_xm', description: '经办人姓名' }),
      finding({ entity: 'BankStatement', field: 'holderName', entityAliases: ['t_bank_statement'] }),
      finding({ entity: 'bank_card', field: 'holder_name' }),
      finding({ entity: 'statement', field: 'holder_name', entityComments: [comment('月度对账单', 2)] }),
      finding({ entity: 'hy_jbxx', field: 'xm', fieldComments: [comment('@pi delete reason="不是发票"', 3)] }),
      finding({ entity: 'hy_jbxx', field: 'fp_xm', fieldComments: [comment('发票抬头 @pi delete', 3)] }),
      finding({ entity: 'migrant_worker', field: 'name', fieldAliases: ['worker_name'] }),
      finding({ entity: 'sales_order', field: 'pay_password', category: 'network.credential' }),
      finding({ entity: 'LoginLog', field: 'ip', category: 'network.ip' }),
      finding({ entity: 'ry_gzxx', field: 'jbgz', category: 'property.income' }),
    ];
    const matcher = new RetentionDutyMatcher();
    const judged = [...fields, ...[...fields].reverse()].map((field) => ({ field, duties: matcher.dutiesFor(field) }));
    for (const { field, duties } of judged) assert.deepEqual(duties, retentionDutiesFor(field), `${field.entity}.${field.field}`);
    const because = (entity: string, field: string): string[] => judged.find((j) => j.field.entity === entity && j.field.field === field)?.duties.map((d) => d.because) ?? [];
    assert.deepEqual(because('cw_pz', 'fhr_xm'), ['记账凭证']);
    assert.deepEqual(because('hy_jbxx', 'jbr_xm'), []);
    assert.deepEqual(because('BankStatement', 'holderName'), ['bank + statement']);
    assert.deepEqual(because('bank_card', 'holder_name'), []);
    assert.deepEqual(because('statement', 'holder_name'), ['对账单']);
    assert.deepEqual(because('hy_jbxx', 'xm'), []);
    assert.deepEqual(because('hy_jbxx', 'fp_xm'), ['发票']);
    assert.deepEqual(because('migrant_worker', 'name'), ['migrant + worker']);
  });
});

describe('cross-border heuristic', () => {
  it('the mainland successor of the issue example is not abroad', () => {
    assert.equal(crossBorderSignal('上海某某集团有限公司', 'dpo@example.com'), null);
    assert.equal(crossBorderSignal('Shanghai Huating Trading Co., Ltd.', 'privacy@huating.com.cn'), null);
    assert.equal(crossBorderSignal('某某（北京）科技有限公司', '+86 21 6123 4567'), null);
  });

  it('places, company forms, domains and dialling codes outside the mainland', () => {
    const reason = (to?: string, contact?: string): string | undefined => crossBorderSignal(to, contact)?.reason.en;
    assert.equal(reason('某某集团（香港）有限公司', 'dpo@example.com'), 'Hong Kong');
    assert.equal(reason('中国香港某某有限公司'), 'Hong Kong');
    assert.equal(reason('Acme Holdings Pte. Ltd.'), 'foreign company form');
    assert.equal(reason('Acme GmbH'), 'foreign company form');
    assert.equal(reason('某某集团', 'privacy@acme.sg'), 'foreign domain');
    assert.equal(reason('某某集团', '+852 2123 4567'), 'foreign phone number');
    assert.equal(reason('新加坡某某私人有限公司'), 'Singapore');
    assert.equal(reason('Acme Group Limited', 'dpo@acme.com'), 'foreign company form');
    assert.equal(crossBorderSignal('Acme Group Limited', 'dpo@acme.com')?.reason.zh, '境外公司形式');
  });
});
