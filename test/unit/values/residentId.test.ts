import { strict as assert } from 'node:assert';
import { detectValues } from '../../../src/core/values/detectValues';
import { recognizeOldResidentId, recognizeResidentId } from '../../../src/core/values/residentId';
import { residentId, withIdCheck, withWrongLastChar } from './valueBuilders';

const today = new Date(2025, 5, 30); // 2025-06-30

function detectors(text: string): string[] {
  return detectValues(text, { today }).map((h) => h.detector);
}

describe('resident ID (GB 11643, 18 characters)', () => {
  it('accepts IDs whose check character matches, across provinces', () => {
    for (const region of ['110105', '310104', '440305', '510107', '650102', '710000', '910000']) {
      const id = residentId(region, '19850317', '123');
      assert.deepEqual(recognizeResidentId(id, today), { kind: 'identity.id_number', detector: 'resident-id' }, id);
    }
  });

  it('accepts the check character X in upper and lower case', () => {
    const withX = Array.from({ length: 1000 }, (_, s) => residentId('330106', '19780615', String(s).padStart(3, '0')))
      .find((id) => id.endsWith('X'));
    assert.ok(withX);
    assert.equal(recognizeResidentId(withX, today)?.detector, 'resident-id');
    assert.equal(recognizeResidentId(withX.toLowerCase(), today)?.detector, 'resident-id');
  });

  it('rejects a wrong check character', () => {
    const id = residentId('310104', '19850317', '123');
    assert.equal(recognizeResidentId(withWrongLastChar(id), today), undefined);
    assert.deepEqual(detectors(`sfzh='${withWrongLastChar(id)}'`), []);
  });

  it('rejects region codes outside the province list', () => {
    for (const region of ['100105', '160101', '200101', '390101', '470101', '720000', '840000', '990101']) {
      assert.equal(recognizeResidentId(residentId(region, '19850317', '123'), today), undefined, region);
    }
  });

  it('rejects impossible, future and pre-1900 birth dates', () => {
    for (const birth of ['19850230', '19851301', '19850000', '19890229', '20250701', '18991231']) {
      assert.equal(recognizeResidentId(residentId('310104', birth, '123'), today), undefined, birth);
    }
    // 29 February exists in leap years, and today itself is not in the future.
    assert.ok(recognizeResidentId(residentId('310104', '20000229', '123'), today));
    assert.ok(recognizeResidentId(residentId('310104', '20250630', '123'), today));
    assert.ok(recognizeResidentId(residentId('310104', '19000101', '123'), today));
  });

  it('reports Hong Kong, Macau and Taiwan residence permits as identity.permit', () => {
    for (const region of ['810000', '820000', '830000']) {
      const permit = residentId(region, '19900101', '001');
      assert.deepEqual(recognizeResidentId(permit, today), { kind: 'identity.permit', detector: 'residence-permit' });
    }
  });

  it('only takes whole tokens: not inside a longer digit run or an identifier', () => {
    const id = residentId('310104', '19850317', '123');
    assert.deepEqual(detectors(`'${id}'`), ['resident-id']);
    assert.deepEqual(detectors(`'9${id}'`), []);
    assert.deepEqual(detectors(`'${id}7'`), []);
    assert.deepEqual(detectors(`abc${id}`), []);
    assert.deepEqual(detectors(`证件号码：${id}。`), ['resident-id']);
    assert.deepEqual(detectors(`photo_${id}.jpg`), ['resident-id']);
  });

  it('needs a non-digit check position to be a digit or X', () => {
    const first17 = '31010419850317123';
    assert.equal(recognizeResidentId(first17 + 'Y', today), undefined);
    assert.ok(recognizeResidentId(withIdCheck(first17), today));
  });
});

describe('old resident ID (15 digits)', () => {
  it('accepts a valid province, prefecture and 19YY birth date', () => {
    assert.deepEqual(recognizeOldResidentId('310104850317123', today), {
      kind: 'identity.id_number',
      detector: 'resident-id-15',
    });
    assert.deepEqual(detectors("xm='陈静', sfzh='440305920228456'"), ['resident-id-15']);
  });

  it('rejects bad provinces, prefectures and dates', () => {
    for (const value of ['990104850317123', '310004850317123', '310104851317123', '310104850230123', '810000900101001']) {
      assert.equal(recognizeOldResidentId(value, today), undefined, value);
    }
  });

  it('is not taken from inside a longer digit run, a decimal, or a token with letters', () => {
    assert.deepEqual(detectors('1310104850317123'), []);
    assert.deepEqual(detectors('3101048503171234'), []);
    assert.deepEqual(detectors('0.310104850317123'), []);
    assert.deepEqual(detectors('id310104850317123'), []);
  });
});
