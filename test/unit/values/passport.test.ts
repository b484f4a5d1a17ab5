import { strict as assert } from 'node:assert';
import { detectValues } from '../../../src/core/values/detectValues';
import { recognizeHomeReturnPermit } from '../../../src/core/values/homeReturnPermit';
import { recognizePassport } from '../../../src/core/values/passport';

function found(text: string): Array<[string | null, string, number]> {
  return detectValues(text).map((h) => [h.kind, h.detector, h.column]);
}

describe('passports', () => {
  it('accepts E + 8 digits, E + letter + 7 digits, and G + 8 digits', () => {
    for (const value of ['E12345678', 'EA1234567', 'EH7654321', 'EZ0000001', 'G12345678']) {
      assert.deepEqual(recognizePassport(value), { kind: 'identity.passport', detector: 'passport' }, value);
    }
  });

  it('rejects I and O as the letter, other initials, lower case and wrong lengths', () => {
    for (const value of ['EI1234567', 'EO1234567', 'D12345678', 'e12345678', 'E1234567', 'E123456789', 'GA1234567']) {
      assert.equal(recognizePassport(value), undefined, value);
    }
  });

  it('takes whole tokens only', () => {
    assert.deepEqual(found("hzhm='E12345678'"), [['identity.passport', 'passport', 7]]);
    assert.deepEqual(found('护照号码：G12345678'), [['identity.passport', 'passport', 6]]);
    assert.deepEqual(found('XE12345678 E123456789 E12345678X'), []);
  });
});

describe('home-return permits (回乡证)', () => {
  it('accepts H or M + 8 or 10 digits', () => {
    for (const value of ['H12345678', 'M87654321', 'H1234567890', 'M0123456789']) {
      assert.deepEqual(recognizeHomeReturnPermit(value), { kind: 'identity.permit', detector: 'home-return-permit' }, value);
    }
  });

  it('rejects 9 digits, other letters and lower case', () => {
    for (const value of ['H123456789', 'K12345678', 'h12345678', 'M123456789012']) {
      assert.equal(recognizeHomeReturnPermit(value), undefined, value);
    }
  });

  it('takes whole tokens only', () => {
    assert.deepEqual(found('hxzh: M1234567890;'), [['identity.permit', 'home-return-permit', 7]]);
    assert.deepEqual(found('SHA1234567890 H12345678abc'), []);
  });
});
