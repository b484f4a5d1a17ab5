import { strict as assert } from 'node:assert';
import { runRules } from '../../../src/core/rules/runRules';
import { annotated, assessed, config, finding, sfzh, sjhm } from './assessedFixture';

const only = (id: string) => (d: { rule: string }) => d.rule === id;

describe('pi/missing-disposition', () => {
  it('is an error for sensitive PI, naming the field, its category label and PIPL Art. 28', () => {
    const [diagnostic] = runRules([assessed(sfzh)], config(), 'zh-CN').filter(only('pi/missing-disposition'));
    assert.deepEqual(diagnostic, {
      rule: 'pi/missing-disposition',
      severity: 'error',
      file: 'db/hr_schema.sql',
      line: 6,
      column: 3,
      message: 'ry_jbxx.sfzh：身份证号（identity.id_number），敏感个人信息 —《个人信息保护法》第二十八条：未声明保存或删除处置',
      fieldId: 'db/hr_schema.sql#ry_jbxx.sfzh',
    });
    const [english] = runRules([assessed(sfzh)], config(), 'en').filter(only('pi/missing-disposition'));
    assert.equal(english.message, 'ry_jbxx.sfzh: Resident ID number (identity.id_number), sensitive — PIPL Art. 28: no retention or deletion handling declared');
  });

  it('is a warning for other PI', () => {
    const [diagnostic] = runRules([assessed(sjhm)], config(), 'en').filter(only('pi/missing-disposition'));
    assert.equal(diagnostic.severity, 'warning');
    assert.equal(diagnostic.message, 'ry_jbxx.sjhm: Phone number (basic.phone): no retention or deletion handling declared');
  });

  it('mentions evidence found in the code and links to it', () => {
    const evidence = [{ kind: 'purge-job' as const, file: 'jobs/cleanup.ts', line: 12, column: 5, text: 'cron.schedule( → memberRepository.delete(' }];
    const [diagnostic] = runRules([assessed(sjhm, null, evidence)], config(), 'en').filter(only('pi/missing-disposition'));
    assert.match(diagnostic.message, /the code shows scheduled purge job: declare the decision/);
    assert.deepEqual(diagnostic.related, [{ file: 'jobs/cleanup.ts', line: 12, column: 5, message: 'scheduled purge job: cron.schedule( → memberRepository.delete(' }]);
  });

  it('is silent when a disposition is declared, for non-PI, business data and low confidence', () => {
    const declared = assessed(sfzh, annotated('db/hr_schema.sql', 5, { action: 'delete' }));
    const notPI = assessed(finding({ entity: 'ry_jbxx', field: 'del_flag', isPI: false, category: null }));
    const business = assessed(finding({ entity: 'cg_ht', field: 'htje', category: 'business.secret' }));
    const unsure = assessed(finding({ entity: 'sys_dict', field: 'name', confidence: 0.3 }));
    assert.deepEqual(runRules([declared, notPI, business, unsure], config(), 'en').filter(only('pi/missing-disposition')), []);
  });

  it('takes its severity from config.rules for sensitive and other PI alike, and off disables it', () => {
    const both = [assessed(sfzh), assessed(sjhm)];
    assert.deepEqual(runRules(both, config({ 'pi/missing-disposition': 'info' }), 'en').filter(only('pi/missing-disposition')).map((d) => d.severity), ['info', 'info']);
    assert.deepEqual(runRules(both, config({ 'pi/missing-disposition': 'off' }), 'en').filter(only('pi/missing-disposition')), []);
  });

  it('accepts a label lookup of its own', () => {
    const [diagnostic] = runRules([assessed(sjhm)], config(), 'en', { categoryLabel: (id, lang) => `<${id}:${lang}>` }).filter(only('pi/missing-disposition'));
    assert.match(diagnostic.message, /<basic\.phone:en> \(basic\.phone\)/);
  });
});
