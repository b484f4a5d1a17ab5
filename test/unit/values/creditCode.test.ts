import { strict as assert } from 'node:assert';
import { creditCodeCheckChar, hasValidOrganizationCode, isCreditCode } from '../../../src/core/values/creditCode';
import { detectValues } from '../../../src/core/values/detectValues';
import { creditCode, residentId, withCreditCheck, withWrongLastChar } from './valueBuilders';

const today = new Date(2025, 5, 30);

describe('unified social credit code (GB 32100)', () => {
  it('recognises valid codes as credit-code with kind null (a company, not a person)', () => {
    for (const code of [
      creditCode('91', '310115', 'MA1FL2X3'),
      creditCode('92', '310104', 'L0123456'),
      creditCode('12', '100000', '40000112'),
      creditCode('Y1', '440300', 'MA5D8K9Q'),
    ]) {
      assert.ok(isCreditCode(code), code);
      const hits = detectValues(`tyshxydm = "${code}"`, { today });
      assert.deepEqual(
        hits.map((h) => [h.kind, h.detector, h.column]),
        [[null, 'credit-code', 13]],
        code,
      );
    }
  });

  it('computes the check character with the weights 3^(i-1) mod 31, mapping 31 to 0', () => {
    for (const first17 of ['91310115MA1FL2X37', '92310104L01234565', '00000000000000000', 'YYYYYYYYYYYYYYYYY']) {
      assert.equal(creditCodeCheckChar(first17), withCreditCheck(first17).slice(-1), first17);
    }
    assert.equal(creditCodeCheckChar('00000000000000000'), '0');
  });

  it('rejects a wrong check character and characters outside the alphabet (I, O, S, V, Z)', () => {
    const code = creditCode('91', '310115', 'MA1FL2X3');
    assert.equal(isCreditCode(withWrongLastChar(code)), false);
    assert.deepEqual(detectValues(withWrongLastChar(code), { today }), []);
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      assert.equal(creditCodeCheckChar(`91310115MA1FL2${letter}3`), undefined, letter);
    }
    assert.equal(isCreditCode(code.toLowerCase()), false);
  });

  it('checks the embedded organisation code (GB 11714)', () => {
    assert.equal(hasValidOrganizationCode(creditCode('91', '310115', 'MA1FL2X3')), true);
    assert.equal(hasValidOrganizationCode(withCreditCheck('91310115MA1FL2X30')), false);
  });

  describe('an all-digit string that passes both the ID and the credit-code check', () => {
    // Search fictional IDs for ones that also pass GB 32100 by chance (about 1 in 31).
    const both = (organizationValid: boolean): string => {
      for (const region of ['110105', '120101', '130102', '510107', '520102', '530102']) {
        for (let year = 1950; year < 2000; year++) {
          for (let seq = 0; seq < 1000; seq += 7) {
            const id = residentId(region, `${year}0615`, String(seq).padStart(3, '0'));
            if (isCreditCode(id) && hasValidOrganizationCode(id) === organizationValid) return id;
          }
        }
      }
      throw new Error('no collision found');
    };

    it('is a credit code, not also an ID, when its organisation code is consistent', () => {
      const value = both(true);
      assert.deepEqual(detectValues(value, { today }).map((h) => h.detector), ['credit-code']);
    });

    it('stays a resident ID when the organisation code is not consistent (a chance collision)', () => {
      const value = both(false);
      assert.deepEqual(detectValues(value, { today }).map((h) => h.detector), ['resident-id']);
    });
  });
});
