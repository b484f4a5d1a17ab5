import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declarationHeader, detectLine, isCommentLine, MAX_LINE } from '../../../src/core/disposition/evidence/detectors';
import { evidenceExcerpt, type EvidenceExcerpt } from '../../../src/core/scan/evidenceExcerpt';
import { SeededRandom } from '../../fuzz/seededRandom';
import { listFiles } from '../reliability/reliabilityHelpers';

/**
 * `evidenceExcerpt` tests only the lines holding a trigger word. These tests hold it to the plain
 * reading of every line, and its trigger words to the detectors' own.
 */

/** The excerpt as it was made before the trigger search: every line split off and tested. */
function everyLineExcerpt(text: string): EvidenceExcerpt {
  const all = text.split(/\r\n|\r|\n/);
  const keep = new Map<number, string>();
  const keepLine = (i: number, line: string): void => {
    if ((keep.get(i)?.length ?? -1) < line.length) keep.set(i, line);
  };
  let updateUntil = -1;
  for (let i = 0; i < all.length; i++) {
    const line = all[i].length > MAX_LINE ? all[i].slice(0, MAX_LINE) : all[i];
    if (i <= updateUntil) keepLine(i, line);
    if (isCommentLine(line)) continue;
    const hits = detectLine(line, all[i + 1] ?? '');
    if (hits.length > 0) {
      keepLine(i, line);
      if (i + 1 < all.length) keepLine(i + 1, all[i + 1]);
      if (hits.some((hit) => hit.type === 'update')) updateUntil = Math.max(updateUntil, i + 16);
    } else if (declarationHeader(line) !== null) {
      keepLine(i, line);
    }
  }
  const lineNumbers = [...keep.keys()].sort((a, b) => a - b);
  return { lineNumbers: lineNumbers.map((i) => i + 1), lines: lineNumbers.map((i) => keep.get(i) ?? '') };
}

const LINES = [
  'CREATE TABLE member (id bigint, sfzh varchar(18), del_flag char(1));', 'UPDATE member', 'UPDATE member SET sfzh = NULL WHERE id = 1;',
  "   SET sfzh = MD5(sfzh), del_flag = '2'", ' WHERE id > 0;', '-- DELETE FROM member', '// memberRepository.deleteAll();',
  'DELETE FROM member WHERE id = 1;', 'TRUNCATE TABLE member;', '@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)',
  'private List<Visit> visits;', 'public class Patient {', 'type Member struct {', 'model Member {', 'message Member {',
  "const MemberSchema = new mongoose.Schema({", "sequelize.define('member', {", '@Scheduled(cron = "0 0 2 * * ?")',
  'void purge() { patientRepository.deleteAll(); }', "const hashed = sha256(member.idCard);", 'db.members.createIndex({ at: 1 }, { expireAfterSeconds: 3600 })',
  '$unset: { sfzh: 1 }', 'paranoid: true,', 'x = 1', '', '   ', '}', 'return this.name.trim();', '处理业务逻辑', 'update', 'Table',
  `SELECT '${'x'.repeat(MAX_LINE + 10)}' FROM member; DELETE FROM member;`, `${'y'.repeat(MAX_LINE - 5)} DELETE FROM member WHERE id = 1;`,
  `DELETE FROM member WHERE note = '${'z'.repeat(MAX_LINE)}';`,
];
const BREAKS = ['\n', '\r\n', '\r', '\n\n'];

function randomText(next: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(next() * 40);
  for (let k = 0; k < count; k++) {
    parts.push(LINES[Math.floor(next() * LINES.length)]);
    if (next() < 0.95) parts.push(BREAKS[Math.floor(next() * BREAKS.length)]);
  }
  return parts.join('');
}

describe('evidence excerpt triggers', function () {
  this.timeout(60_000);

  it('give the excerpt of testing every line, on every fixture and this repository\'s sources', () => {
    const root = path.join(__dirname, '../../..');
    const files = [path.join(root, 'test/fixtures'), path.join(root, 'src/core')].flatMap((dir) => listFiles(dir).map((file) => path.join(dir, file)));
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(evidenceExcerpt(text), everyLineExcerpt(text), file);
    }
    assert.ok(files.length > 100);
  });

  it('give the excerpt of testing every line, on random texts with every kind of line break', () => {
    const seeded = new SeededRandom(1128);
    const next = (): number => seeded.next();
    let kept = 0;
    for (let n = 0; n < 3_000; n++) {
      const text = randomText(next);
      const expected = everyLineExcerpt(text);
      kept += expected.lines.length;
      assert.deepEqual(evidenceExcerpt(text), expected, JSON.stringify(text.slice(0, 500)));
    }
    assert.ok(kept > 10_000, 'the random texts hold evidence');
  });

  it('handle texts without lines to keep and texts that end in a break', () => {
    for (const text of ['', '\n', '\r\n', 'x', 'DELETE FROM member;\n', 'UPDATE member\r', 'UPDATE member\n\n\n']) {
      assert.deepEqual(evidenceExcerpt(text), everyLineExcerpt(text), JSON.stringify(text));
    }
  });
});
