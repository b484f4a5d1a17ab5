import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectValues, recognizeRun } from '../../../src/core/values/detectValues';
import { findEmails } from '../../../src/core/values/email';
import { creditCode, residentId, withLuhn } from './valueBuilders';
import { SeededRandom } from '../../fuzz/seededRandom';

/**
 * `detectValues` looks only at the alphanumeric runs its start pattern finds. These tests hold
 * it to the plain reading: every maximal run, in order, given to `recognizeRun`.
 */

const today = new Date(2025, 5, 30);

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9]$/.test(c);
}

/** Every run looked at, as the detector did before it had a start pattern: [offset, length, detector]. */
function everyRunHits(text: string): [number, number, string][] {
  const emails = findEmails(text);
  const hits: [number, number, string][] = emails.map((e) => [e.start, e.end - e.start, 'email']);
  let nextEmail = 0;
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isWordChar(text[i])) i++;
    const end = i;
    while (nextEmail < emails.length && emails[nextEmail].end <= start) nextEmail++;
    if (nextEmail < emails.length && emails[nextEmail].start < end) continue;
    const found = recognizeRun(text, start, end, today);
    if (found) {
      hits.push([found.hit.offset, found.hit.length, found.hit.match.detector]);
      i = found.resumeAt;
    }
  }
  return hits.sort((a, b) => a[0] - b[0]);
}

function detected(text: string): [number, number, string][] {
  return detectValues(text, { today }).map((h) => [h.offset, h.length, h.detector]);
}

const id = residentId('110105', '19900307', '123');
/** An ID whose check character is X, written in lower case (the one lower-case letter a detector takes). */
const idWithX = Array.from({ length: 100 }, (_, n) => residentId('440305', '19880515', String(n).padStart(3, '0'))).find((v) => v.endsWith('X'))!.toLowerCase();
const PIECES = [
  id, idWithX, idWithX.toUpperCase(), `${idWithX}y`, id.slice(0, 17) + 'x', residentId('810000', '19851201', '004'), '110105900307123',
  '13812345678', '138 1234 5678', '138-1234-5678', '+86 139 1234 5678', '+8613812345678', '8613812345678', '+86-13912345678',
  withLuhn('622202100112345678'), withLuhn('6222021001123456'), '6222 0210 0112 3456 7', '4111 1111 1111 1111',
  'E12345678', 'EA1234567', 'G12345678', 'H12345678', 'M1234567890', 'e12345678', 'h12345678',
  creditCode('91', '110000', 'MA01ABCD'), creditCode('Y1', '440300', 'AB12CD34'), creditCode('91', '310000', '12345678').toLowerCase(), 'ABCDEFGHJKLMNPQRTU',
  'a@b.co', 'zhang.wei@example.com', 'icon@2x.png', '12 34', '1234 5678', '12-34-56-78-90-12-34', '1.5', '13812345678.25', '121.13812345678',
  'userName', 'createdAt', 'IDCardNumber', 'X', '7', '99', '2024', 'Ab1', 'QWERTYUIOPASDFGHJK', '张三', '身份证',
];
const GLUE = [' ', '  ', '-', '.', ',', '\n', '\r\n', '', '', '_', '@', '+', '(', "'", 'a', 'Z', '9', '中'];

function randomText(next: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 12);
  for (let k = 0; k < count; k++) {
    parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    parts.push(GLUE[Math.floor(next() * GLUE.length)]);
  }
  return parts.join('');
}

describe('value starts', function () {
  // 20 000 texts, each read twice: seconds on a loaded machine.
  this.timeout(30_000);

  it('find what reading every run finds, on random texts of values, words and separators', () => {
    const seeded = new SeededRandom(20251128);
    const next = (): number => seeded.next();
    let withHits = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomText(next);
      const expected = everyRunHits(text);
      if (expected.length > 0) withHits++;
      assert.deepEqual(detected(text), expected, JSON.stringify(text));
    }
    assert.ok(withHits > 5_000, 'the random texts hold values');
  });

  it('find what reading every run finds, on every text fixture', () => {
    const root = path.join(__dirname, '../../fixtures');
    let files = 0;
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const text = fs.readFileSync(full, 'utf8');
          assert.deepEqual(detected(text), everyRunHits(text), full);
          files++;
        }
      }
    };
    walk(root);
    assert.ok(files > 50);
  });

  it('take an ID with a lower-case check character', () => {
    assert.deepEqual(detected(`身份证 ${idWithX}`).map((h) => h[2]), ['resident-id']);
  });

  it('skip runs no detector takes: short, with lower-case letters, ten or twelve characters', () => {
    for (const text of ['createdAt userNames', 'e12345678', 'E1234567a', '1234567890', '123456789012', 'a13812345678', 'PostalAddress', `${idWithX}y`]) {
      assert.deepEqual(detected(text), [], text);
      assert.deepEqual(everyRunHits(text), [], text);
    }
  });
});
