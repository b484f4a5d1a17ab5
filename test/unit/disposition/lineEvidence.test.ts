import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssessCache } from '../../../src/core/disposition/assessCache';
import { collectEvidence, type ScannedText } from '../../../src/core/disposition/evidence/collect';
import { entitiesFromFindings } from '../../../src/core/disposition/evidence/entityIndex';
import { LineEvidenceCache, scanLines } from '../../../src/core/disposition/evidence/lineEvidence';
import type { Disposition } from '../../../src/core/disposition/model';
import type { FieldFinding } from '../../../src/core/scan/model';
import { comment, finding } from './findingFixture';

const FIXTURES = path.join(__dirname, '../../fixtures/disposition/evidence');
const files: ScannedText[] = fs.readdirSync(FIXTURES).sort().map((file) => ({ file, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') }));

/** One finding per table, class and struct the fixtures declare, so that evidence attaches somewhere. */
function findingsOf(scanned: readonly ScannedText[]): FieldFinding[] {
  const declared = /\b(?:CREATE TABLE(?: IF NOT EXISTS)?\s+`?(\w+)`?|class\s+(\w+)|type\s+(\w+)\s+struct)/g;
  return scanned.flatMap(({ file, text }) =>
    [...text.matchAll(declared)].flatMap((match) => {
      const entity = match[1] ?? match[2] ?? match[3];
      const line = text.slice(0, match.index).split('\n').length + 1;
      return ['xm', 'sfzh', 'sjhm', 'phone', 'idCard', 'del_flag', 'deleted'].map((field, i) => finding({ file, entity, field, line: line + i, isPI: !field.startsWith('del') }));
    }));
}

describe('evidence line scans, kept per file text', () => {
  const entities = entitiesFromFindings(findingsOf(files));

  it('finds what the search without a cache finds, first and every later time', () => {
    const cache = new LineEvidenceCache();
    const expected = collectEvidence(files, entities);
    assert.ok([...expected.values()].flat().length > 10, 'the fixtures hold evidence');
    assert.deepEqual(collectEvidence(files, entities, cache), expected);
    assert.deepEqual(collectEvidence(files, entities, cache), expected);
  });

  it('reads a file again only when its text changed, and forgets files no longer searched', () => {
    const cache = new LineEvidenceCache();
    collectEvidence(files, entities, cache);
    const [first, second] = files;
    const kept = cache.lines(first.file, first.text);
    assert.equal(cache.lines(first.file, first.text), kept, 'the same text is not scanned again');
    const edited = { file: first.file, text: `${first.text}\nDELETE FROM ry_jbxx WHERE id = 1;\n` };
    const after = collectEvidence([edited, ...files.slice(1)], entities, cache);
    assert.deepEqual(after, collectEvidence([edited, ...files.slice(1)], entities));
    assert.notEqual(cache.lines(edited.file, edited.text), kept);
    collectEvidence([second], entities, cache);
    const rescanned = cache.lines(first.file, first.text);
    assert.notEqual(rescanned, kept, 'a file left out of a search was forgotten');
    assert.deepEqual(rescanned, scanLines(first.text));
  });

  it('takes a scan made elsewhere (the analysis thread) for that text only', () => {
    const cache = new LineEvidenceCache();
    const [first] = files;
    const made = scanLines(first.text);
    cache.remember(first.file, first.text, made);
    assert.equal(cache.lines(first.file, first.text), made);
    assert.notEqual(cache.lines(first.file, `${first.text} `), made);
  });

  it('keeps an UPDATE open across lines, and a scheduler for the deletes that follow, from the text alone', () => {
    const lines = scanLines(['-- nightly', 'CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO', '  DELETE FROM sys_login_log WHERE t < NOW();', 'UPDATE ry_jbxx', '  SET sjhm = NULL,', "      sfzh = MD5(sfzh)", ' WHERE id = 1;', 'SELECT 1;'].join('\n'));
    const deleted = lines.find((l) => l.hits.some((h) => h.hit.type === 'delete'));
    assert.equal(deleted?.scheduledBy, 'ON SCHEDULE');
    assert.deepEqual(lines.filter((l) => l.continued).map((l) => [l.line, l.continued?.table, l.continued?.assignments.map((a) => a.column)]), [
      [5, 'ry_jbxx', ['sjhm']],
      [6, 'ry_jbxx', ['sfzh']],
    ]);
    assert.ok(!lines.some((l) => l.line === 8), 'nothing on a line without a hit or an open UPDATE');
  });

  it('reads an UPDATE across blank lines within its window only (evidence excerpts blank most lines)', () => {
    const text = ['UPDATE ry_jbxx', '', '  SET sjhm = NULL,', '', '', '', '', "      sfzh = MD5(sfzh)", '', 'UPDATE hy_jbxx', '', '', '', '', '', '', '', '  SET xm = NULL', ' WHERE id = 1;'].join('\n');
    const continued = scanLines(text).filter((l) => l.continued).map((l) => [l.line, l.continued?.table, l.continued?.assignments.map((a) => a.column)]);
    assert.deepEqual(continued, [[3, 'ry_jbxx', ['sjhm']]]);
    assert.deepEqual(scanLines(text.replace(/\n/g, '\r\n')), scanLines(text));
  });
});

describe('assessment cache', () => {
  const checklistA = new Map<string, Disposition>([['db/hr_schema.sql#ry_jbxx.xm', { action: 'delete', extra: {}, source: 'checklist', declaredAt: { file: 'pi-disposition.yaml', line: 3, column: 1 } }]]);

  it('resolves a finding once while the checklist, policies and system stay the same', () => {
    const cache = new AssessCache();
    const xm = finding({ entity: 'ry_jbxx', field: 'xm' });
    const context = { checklist: checklistA, policies: [], system: 's' };
    const first = cache.resolve(xm, context);
    assert.equal(first.disposition?.action, 'delete');
    assert.equal(cache.resolve(xm, { ...context }), first, 'the same objects: kept');
  });

  it('resolves again under another checklist, other policies or another system', () => {
    const cache = new AssessCache();
    const xm = finding({ entity: 'ry_jbxx', field: 'xm', fieldComments: [comment('@pi anonymize', 9)] });
    const plain = finding({ entity: 'ry_jbxx', field: 'xm' });
    const policies = [{ action: 'retain' as const, period: '2y', basis: '劳动合同法 第五十条', match: 's/ry_jbxx.*' }];
    assert.equal(cache.resolve(xm, { checklist: checklistA, policies: [], system: 's' }).disposition?.action, 'anonymize', 'the annotation wins');
    assert.equal(cache.resolve(plain, { checklist: checklistA, policies: [], system: 's' }).disposition?.action, 'delete');
    assert.equal(cache.resolve(plain, { checklist: new Map(), policies: [], system: 's' }).disposition, null, 'a new checklist is read');
    const byPolicy = { checklist: new Map(), policies, system: 's' };
    assert.equal(cache.resolve(plain, byPolicy).disposition?.action, 'retain');
    assert.equal(cache.resolve(plain, { ...byPolicy, system: 'other' }).disposition, null, 'the policy path starts with the system');
  });
});
