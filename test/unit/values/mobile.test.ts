import { strict as assert } from 'node:assert';
import { detectValues } from '../../../src/core/values/detectValues';
import { recognizeMobile } from '../../../src/core/values/mobile';

function found(text: string): Array<[string, number, string]> {
  return detectValues(text).map((h) => [h.detector, h.column, text.slice(h.offset, h.offset + h.length)]);
}

describe('mainland mobile numbers', () => {
  it('accepts 1[3-9] + 9 digits, optionally with the country code 86', () => {
    for (const n of ['13012345678', '14512345678', '15912345678', '16612345678', '17712345678', '18812345678', '19912345678']) {
      assert.deepEqual(recognizeMobile(n), { kind: 'basic.phone', detector: 'mobile' }, n);
    }
    assert.ok(recognizeMobile('8613812345678'));
  });

  it('rejects other prefixes and lengths', () => {
    for (const n of ['11012345678', '12012345678', '1381234567', '138123456789', '23812345678', '8623812345678']) {
      assert.equal(recognizeMobile(n), undefined, n);
    }
  });

  it('finds numbers in SQL, JSON and Chinese text, with 1-based columns', () => {
    assert.deepEqual(found("VALUES ('李娜', '13912345678')"), [['mobile', 16, '13912345678']]);
    assert.deepEqual(found('{"sjhm":"15800001111"}'), [['mobile', 10, '15800001111']]);
    assert.deepEqual(found('联系电话13512345678，请勿外传'), [['mobile', 5, '13512345678']]);
  });

  it('includes the +86 country code in the hit', () => {
    assert.deepEqual(found('tel: +8613812345678'), [['mobile', 6, '+8613812345678']]);
    assert.deepEqual(found('tel: +86 13812345678'), [['mobile', 6, '+86 13812345678']]);
    assert.deepEqual(found('tel: +86-13812345678'), [['mobile', 6, '+86-13812345678']]);
  });

  it('reads numbers written in 3-4-4 groups with one separator', () => {
    assert.deepEqual(found('手机：138 1234 5678'), [['mobile', 4, '138 1234 5678']]);
    assert.deepEqual(found('手机：138-1234-5678'), [['mobile', 4, '138-1234-5678']]);
    assert.deepEqual(found('+86 139-1234-5678'), [['mobile', 1, '+86 139-1234-5678']]);
    assert.deepEqual(found('138 1234-5678'), []);
    assert.deepEqual(found('021 1234 5678'), []);
  });

  it('ignores numbers inside longer digit runs, identifiers and decimals', () => {
    assert.deepEqual(found('order 202413812345678'), []);
    assert.deepEqual(found('1780342209113812345678'), []);
    assert.deepEqual(found('e3b0c44298fc13812345678fb924'), []);
    assert.deepEqual(found('lng 121.13812345678'), []);
    assert.deepEqual(found('13812345678.5 元'), []);
    assert.deepEqual(found('2013 1234 5678 9012'), []);
  });
});
