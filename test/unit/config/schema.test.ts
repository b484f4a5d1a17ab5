import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import configSchema from '../../../schemas/piaudit-config.schema.json';
import { creditCodeCheckCharacter, isValidCreditCode } from '../../../src/core/config/creditCode';
import { defaultConfig } from '../../../src/core/config/defaults';
import { formatKeyPath, splitJsonPointer } from '../../../src/core/config/keyPath';
import { parseConfigText } from '../../../src/core/config/loadConfig';

describe('piaudit-config.schema.json', () => {
  const validate = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(configSchema);

  it('compiles in strict mode and accepts the defaults written as .piaudit.yaml keys', () => {
    const { checklistPath, ...rest } = defaultConfig();
    assert.ok(validate({ ...rest, checklist: checklistPath }), JSON.stringify(validate.errors));
  });

  it('rejects what the loader rejects', () => {
    assert.equal(validate({ rules: { 'pi/missing-disposition': 'fatal' } }), false);
    assert.equal(validate({ policies: [{ match: '*' }] }), false);
    assert.equal(validate({ minConfidence: 2 }), false);
  });

  it('accepts periods in the forms people write them', () => {
    for (const period of ['30y', '6m', '90d', '10年', '6个月', '90天', '30Y']) {
      assert.ok(validate({ policies: [{ action: 'retain', period }] }), period);
    }
    for (const period of ['30 years', '3 y', 'y30', '', 'forever', '12345y']) {
      assert.equal(validate({ policies: [{ action: 'retain', period }] }), false, period);
    }
  });

  it('round-trips: a config written from settings loads back to the same values', () => {
    const settings = { include: ['a/**'], rules: { 'pi/x': 'info' }, legalEntity: { creditCode: '91310115MA1H7GH2X4' } };
    assert.ok(validate(settings));
    const { config } = parseConfigText(stringify(settings), 'x.yaml');
    assert.deepEqual(config.include, ['a/**']);
  });
});

describe('unified social credit code check (GB 32100-2015)', () => {
  it('computes the check character and accepts valid codes', () => {
    assert.equal(creditCodeCheckCharacter('91310115MA1H7GH2X'), '4');
    assert.equal(creditCodeCheckCharacter('91310104MA1FR6LT5'), 'K');
    assert.ok(isValidCreditCode('91310115MA1H7GH2X4'));
    assert.ok(!isValidCreditCode('91310115MA1H7GH2X5'));
    assert.ok(!isValidCreditCode('91310115MA1H7GH2X'));
    assert.equal(creditCodeCheckCharacter('9131011IMA1H7GH2X'), undefined, 'I is not in the alphabet');
  });
});

describe('key paths', () => {
  it('prints paths the way a person reads them', () => {
    assert.equal(formatKeyPath(['rules', 'pi/missing-disposition']), 'rules."pi/missing-disposition"');
    assert.equal(formatKeyPath(['policies', 2, 'action']), 'policies[2].action');
    assert.equal(formatKeyPath(['systems', 0, 'items', 3, 'x-ticket']), 'systems[0].items[3]."x-ticket"');
    assert.equal(formatKeyPath([]), '');
    assert.deepEqual(splitJsonPointer('/rules/pi~1missing-disposition'), ['rules', 'pi/missing-disposition']);
  });
});
