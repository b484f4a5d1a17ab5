import { strict as assert } from 'node:assert';
import { passesLuhn, recognizeBankCard } from '../../../src/core/values/bankCard';
import { detectValues } from '../../../src/core/values/detectValues';
import { withLuhn, withWrongLastChar } from './valueBuilders';

function found(text: string): Array<[string, number, string]> {
  return detectValues(text).map((h) => [h.detector, h.column, text.slice(h.offset, h.offset + h.length)]);
}

function grouped(digits: string, separator: string): string {
  return digits.match(/.{1,4}/g)!.join(separator);
}

describe('bank cards', () => {
  it('accepts UnionPay cards of 16 to 19 digits with a valid Luhn digit', () => {
    for (const body of ['621700123456789', '6222021001123456', '62284800123456789', '622202100112345678']) {
      const card = withLuhn(body);
      assert.ok(passesLuhn(card));
      assert.deepEqual(recognizeBankCard(card), { kind: 'property.bank_account', detector: 'bank-card' }, card);
    }
  });

  it('accepts other known issuers: Visa, Mastercard (51–55, 2221–2720), JCB, Discover', () => {
    for (const body of ['411111111111111', '510510510510510', '555555555555444', '222100000000000', '272099999999999', '353011133330000', '601111111111111', '650000000000000']) {
      assert.ok(recognizeBankCard(withLuhn(body)), body);
    }
  });

  it('rejects a wrong Luhn digit', () => {
    const card = withLuhn('621700123456789');
    assert.equal(recognizeBankCard(withWrongLastChar(card)), undefined);
    assert.deepEqual(found(`yhkh='${withWrongLastChar(card)}'`), []);
  });

  it('rejects numbers with an unknown issuer prefix even when Luhn passes (snowflake ids, order numbers)', () => {
    for (const body of ['178034220911553331', '202403180930001234', '100000000000000', '300000000000000', '999999999999999']) {
      const value = withLuhn(body);
      assert.ok(passesLuhn(value));
      assert.equal(recognizeBankCard(value), undefined, value);
    }
  });

  it('rejects lengths outside 16–19', () => {
    assert.equal(recognizeBankCard(withLuhn('62170012345678')), undefined);
    assert.equal(recognizeBankCard(withLuhn('6217001234567890123')), undefined);
  });

  it('finds cards written plain, and in groups of four separated by spaces or dashes', () => {
    const card16 = withLuhn('621700123456789');
    const card19 = withLuhn('622202100112345678');
    assert.deepEqual(found(`卡号 ${card16}`), [['bank-card', 4, card16]]);
    assert.deepEqual(found(`卡号 ${grouped(card16, ' ')} 已绑定`), [['bank-card', 4, grouped(card16, ' ')]]);
    assert.deepEqual(found(`"${grouped(card19, '-')}"`), [['bank-card', 2, grouped(card19, '-')]]);
  });

  it('does not join unrelated numbers into a card', () => {
    const card16 = withLuhn('621700123456789');
    assert.deepEqual(found(`${grouped(card16, ' ')} 1234`), []); // five groups of four: a list
    assert.deepEqual(found(`${grouped(card16, ' ').replace(/ (\d+)$/, '-$1')}`), []); // mixed separators
    assert.deepEqual(found(`9${card16}`), []);
  });
});
