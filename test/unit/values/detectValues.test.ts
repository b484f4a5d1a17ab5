import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectValues } from '../../../src/core/values/detectValues';
import { residentId, withLuhn } from './valueBuilders';

const fixtures = join(__dirname, '../../fixtures/values');
const today = new Date(2025, 5, 30);

describe('detectValues', () => {
  describe('a seed dump of customers (seed_customers.sql)', () => {
    const text = readFileSync(join(fixtures, 'seed_customers.sql'), 'utf8');
    const hits = detectValues(text, { today });

    it('finds every PI value and the credit codes, in text order, with 1-based positions', () => {
      assert.deepEqual(
        hits.map((h) => [h.line, h.column, h.detector, h.kind]),
        [
          [4, 30, 'resident-id', 'identity.id_number'],
          [4, 52, 'mobile', 'basic.phone'],
          [4, 67, 'email', 'basic.email'],
          [4, 91, 'bank-card', 'property.bank_account'],
          [5, 30, 'resident-id', 'identity.id_number'],
          [5, 52, 'mobile', 'basic.phone'],
          [5, 73, 'email', 'basic.email'],
          [5, 102, 'bank-card', 'property.bank_account'],
          [8, 82, 'resident-id-15', 'identity.id_number'],
          [8, 120, 'residence-permit', 'identity.permit'],
          [10, 69, 'passport', 'identity.passport'],
          [10, 82, 'home-return-permit', 'identity.permit'],
          [10, 101, 'passport', 'identity.passport'],
          [10, 114, 'home-return-permit', 'identity.permit'],
          [12, 76, 'credit-code', null],
          [12, 124, 'credit-code', null],
        ],
      );
    });

    it('ignores the snowflake ids, timestamps, coordinates, wrong checksums, asset names and versions', () => {
      // Line 6 holds a wrong ID check digit, a 10-digit phone, a host without a TLD, a failing
      // Luhn digit and a decimal whose fraction looks like a mobile number; line 14 an order number.
      assert.equal(hits.filter((h) => h.line === 6 || h.line === 14).length, 0);
      assert.equal(hits.filter((h) => h.line < 4).length, 0);
    });

    it('hands out masked values only, never a value in full', () => {
      assert.deepEqual(
        hits.slice(0, 4).map((h) => h.masked),
        ['310*************32', '138******78', 'zha***************om', '622**************89'],
      );
      for (const hit of hits) {
        const raw = text.slice(hit.offset, hit.offset + hit.length);
        assert.equal(hit.masked.length, raw.length);
        assert.ok(!hit.masked.includes(raw), hit.masked);
        assert.ok(!Object.values(hit).some((v) => typeof v === 'string' && v.includes(raw)), 'raw value leaked');
      }
    });
  });

  it('counts lines across LF, CRLF and CR, and columns in UTF-16 units', () => {
    const id = residentId('440305', '19920228', '456');
    const text = `a\r\nb\rc\n姓名：王𠮷 身份证：${id}`;
    const [hit] = detectValues(text, { today });
    assert.equal(hit.line, 4);
    assert.equal(hit.column, text.split('\n')[2].indexOf(id) + 1);
    assert.equal(hit.column, 12); // 𠮷 is two UTF-16 units
  });

  it('returns nothing for empty or value-free text', () => {
    assert.deepEqual(detectValues(''), []);
    assert.deepEqual(detectValues('CREATE TABLE kh (xm VARCHAR(50) COMMENT "姓名");'), []);
  });

  describe('runs in linear time on large inputs', function () {
    // Generous limits: a quadratic scan of 4 million characters would take hours, not seconds.
    this.timeout(20_000);
    const size = 4_000_000;
    const cases: Array<[string, () => string]> = [
      ['a long digit run', () => '1'.repeat(size)],
      ['a long alphanumeric run', () => 'a1'.repeat(size / 2)],
      ['a long upper-case run that ends in a lower-case letter', () => `${'A1'.repeat(size / 2)}a`],
      ['only @ signs', () => '@'.repeat(size)],
      ['a@ repeated', () => 'a@'.repeat(size / 2)],
      ['long local parts without a domain', () => `${'a'.repeat(60)}@`.repeat(size / 61)],
      ['a list of four-digit numbers', () => '1234 '.repeat(size / 5)],
      ['dotted words', () => 'ab.'.repeat(size / 3)],
    ];
    for (const [name, build] of cases) {
      it(name, () => {
        const text = build();
        const started = performance.now();
        detectValues(text);
        assert.ok(performance.now() - started < 5000, `${name} took too long`);
      });
    }

    it('a dump of 20 000 customer rows', () => {
      const row = (i: number) =>
        `(${1780342209115533n + BigInt(i)}313, '张伟', '${residentId('310104', '19850317', String(i % 1000).padStart(3, '0'))}', ` +
        `'1381234${String(i % 10000).padStart(4, '0')}', 'user${i}@example.com', '${withLuhn('62220210011234' + String(i % 10000).padStart(4, '0'))}', 121.4737, 31.2304),\n`;
      const text = Array.from({ length: 20_000 }, (_, i) => row(i)).join('');
      const started = performance.now();
      const hits = detectValues(text, { today });
      assert.ok(performance.now() - started < 5000);
      assert.equal(hits.length, 80_000);
      assert.deepEqual(hits.slice(0, 4).map((h) => h.detector), ['resident-id', 'mobile', 'email', 'bank-card']);
    });
  });
});
