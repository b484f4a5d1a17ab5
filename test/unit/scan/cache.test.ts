import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { PiAuditConfig } from '../../../src/core/config/model';
import { formatJson } from '../../../src/core/report/jsonReport';
import { auditFields, systemName } from '../../../src/core/scan/auditFields';
import { excerptText } from '../../../src/core/scan/evidenceExcerpt';
import { toFileAnalysis, type FileResult } from '../../../src/core/scan/fileResult';
import { cacheScope, ResultPack } from '../../../src/core/scan/resultCache';
import { scanWorkspace, type ScanStats } from '../../../src/core/scan/scanWorkspace';
import type { ScanResult } from '../../../src/core/scan/scanResult';
import { runCli } from '../cli/cliHarness';

const FIXTURES = path.join(__dirname, '../../fixtures');

/** A small repository: schema files of several formats and code with evidence. */
function makeRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-cache-'));
  const copy = (from: string, to: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, from), path.join(dir, to));
  };
  copy('classify/loyalty_mysql.sql', 'db/loyalty.sql');
  copy('classify/rider.go', 'delivery/rider.go');
  copy('classify/tenancy.schema.json', 'schemas/tenancy.schema.json');
  copy('values/seed_customers.sql', 'db/seed_customers.sql');
  for (const name of fs.readdirSync(path.join(FIXTURES, 'disposition/evidence'))) copy(`disposition/evidence/${name}`, `app/${name}`);
  return dir;
}

/** The report a user sees, without the time it took. */
function findings(result: ScanResult): string {
  return formatJson({ ...result, ms: 0 });
}

async function scan(root: string, cacheDir: string | false, config: PiAuditConfig = defaultConfig()): Promise<{ result: ScanResult; stats: ScanStats }> {
  let stats: ScanStats | undefined;
  const result = await scanWorkspace({ root, config, lang: 'en', cacheDir, workers: 0, onStats: (s) => (stats = s) });
  assert.ok(stats);
  return { result, stats };
}

describe('result cache', () => {
  let repo: string;
  let cacheDir: string;
  beforeEach(() => {
    repo = makeRepo();
    cacheDir = path.join(repo, '.piaudit-cache');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reads no file again when nothing changed, and reports the same findings', async () => {
    const cold = await scan(repo, cacheDir);
    assert.equal(cold.stats.fromCache, 0);
    assert.equal(cold.stats.analysed, cold.stats.files);
    const warm = await scan(repo, cacheDir);
    assert.equal(warm.stats.fromCache, warm.stats.files);
    assert.equal(warm.stats.analysed, 0);
    assert.equal(findings(warm.result), findings(cold.result));
    assert.deepEqual(warm.result.assessed, cold.result.assessed, 'the checklist sees the same fields');
    assert.equal(findings(cold.result), findings((await scan(repo, false)).result), 'and the same as without a cache');
  });

  it('takes the whole result from the last scan when every file and setting is the same, and only then', async () => {
    const cold = await scan(repo, cacheDir);
    assert.equal(cold.stats.reused, false);
    const warm = await scan(repo, cacheDir);
    assert.equal(warm.stats.reused, true);
    assert.equal(findings(warm.result), findings(cold.result));
    assert.deepEqual(warm.result.assessed, cold.result.assessed);
    // A report-only setting keeps every file's result but changes the audit.
    const quiet = { ...defaultConfig(), rules: { 'pi/sensitive-unprotected': 'off' as const } };
    const otherRules = await scan(repo, cacheDir, quiet);
    assert.deepEqual([otherRules.stats.analysed, otherRules.stats.reused], [0, false]);
    assert.equal(findings(otherRules.result), findings((await scan(repo, false, quiet)).result));
    // Evidence in one file decides another's diagnostics: a change anywhere is audited again.
    assert.equal((await scan(repo, cacheDir)).stats.reused, false, 'back to the defaults: audited again');
    fs.writeFileSync(path.join(repo, 'app/cleanup.sql'), 'DELETE FROM hy_member WHERE id = 1;\n');
    const changed = await scan(repo, cacheDir);
    assert.equal(changed.stats.reused, false);
    assert.equal(findings(changed.result), findings((await scan(repo, false)).result));
    // The checklist's decisions and the language are part of what it was made from.
    const decided = await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'en', cacheDir, workers: 0, checklist: new Map([[cold.result.fields[0].id, { action: 'delete', source: 'checklist' } as never]]) });
    const undecided = await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'en', cacheDir: false, workers: 0 });
    assert.notEqual(findings(decided), findings(undecided));
    const zh = await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'zh-CN', cacheDir, workers: 0 });
    assert.equal(findings(zh), findings(await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'zh-CN', cacheDir: false, workers: 0 })));
  });

  it('audits again when the kept result is damaged', async () => {
    const cold = await scan(repo, cacheDir);
    const snapshot = path.join(cacheDir, 'last-scan.bin');
    fs.writeFileSync(snapshot, fs.readFileSync(snapshot).subarray(0, 1000));
    const damaged = await scan(repo, cacheDir);
    assert.deepEqual([damaged.stats.reused, damaged.stats.cacheErrors], [false, []]);
    assert.equal(findings(damaged.result), findings(cold.result));
    assert.equal((await scan(repo, cacheDir)).stats.reused, true, 'and is kept again');
  });

  it('analyses only what changed, with the findings of a scan without cache', async () => {
    await scan(repo, cacheDir);
    fs.appendFileSync(path.join(repo, 'db/loyalty.sql'), "\nCREATE TABLE `guest` (\n  `sjhm` varchar(20) COMMENT '手机号码'\n);\nDELETE FROM hy_member WHERE id = 1;\n");
    fs.rmSync(path.join(repo, 'delivery/rider.go'));
    fs.writeFileSync(path.join(repo, 'notes.md'), '联系人手机 13812345678\n');
    const changed = await scan(repo, cacheDir);
    assert.equal(changed.stats.analysed, 2);
    assert.equal(findings(changed.result), findings((await scan(repo, false)).result));
    assert.ok(changed.result.fields.some((f) => f.entity === 'guest'));
  });

  it('takes a file rewritten with the same content from the cache (a checkout, a restored cache)', async () => {
    const cold = await scan(repo, cacheDir);
    const file = path.join(repo, 'db/loyalty.sql');
    fs.writeFileSync(file, fs.readFileSync(file));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const touched = await scan(repo, cacheDir);
    assert.equal(touched.stats.analysed, 0);
    assert.equal(findings(touched.result), findings(cold.result));
  });

  it('keeps a separate cache per analysis setting, and shares it across report-only settings', async () => {
    await scan(repo, cacheDir);
    const strict = { ...defaultConfig(), minConfidence: 0.8 };
    assert.equal((await scan(repo, cacheDir, strict)).stats.fromCache, 0, 'another confidence threshold is another analysis');
    const quiet = { ...defaultConfig(), rules: { 'pi/sensitive-unprotected': 'off' as const }, policies: [{ action: 'delete' as const, categories: ['basic'] }] };
    const withRules = await scan(repo, cacheDir, quiet);
    assert.equal(withRules.stats.analysed, 0, 'rules and policies apply after the analysis');
    assert.equal(findings(withRules.result), findings((await scan(repo, false, quiet)).result));
    assert.notEqual(cacheScope(defaultConfig(), 'b'), cacheScope(strict, 'b'));
    assert.equal(cacheScope(defaultConfig(), 'b'), cacheScope(quiet, 'b'));
    assert.notEqual(cacheScope(defaultConfig(), 'b'), cacheScope(defaultConfig(), 'another build'));
  });

  it('recovers from a damaged cache', async () => {
    const cold = await scan(repo, cacheDir);
    const [pack] = fs.readdirSync(cacheDir).filter((name) => name.endsWith('.pack'));
    const file = path.join(cacheDir, pack);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2))); // a write cut short
    // Without the list of the kept result's files, an unchanged walk reads the pack.
    const forgetKeptFiles = (): void => fs.rmSync(path.join(cacheDir, 'last-scan.files'));
    forgetKeptFiles();
    const half = await scan(repo, cacheDir);
    assert.ok(half.stats.analysed > 0 && half.stats.fromCache > 0, JSON.stringify(half.stats));
    assert.equal(findings(half.result), findings(cold.result));
    fs.writeFileSync(file, 'not a pack at all');
    forgetKeptFiles();
    const garbage = await scan(repo, cacheDir);
    assert.equal(garbage.stats.fromCache, 0);
    assert.equal(findings(garbage.result), findings(cold.result));
    forgetKeptFiles();
    assert.equal((await scan(repo, cacheDir)).stats.fromCache, cold.stats.files, 'and is whole again');
  });

  it('takes the kept result without opening the result cache when the walk finds its very files unchanged', async () => {
    // A budget no machine load can exceed: a file that timed out would make another result.
    const config = { ...defaultConfig(), fileTimeoutMs: 120_000 };
    // A file the scan skips for what it holds (binary), besides those the walk skips.
    fs.writeFileSync(path.join(repo, 'app/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    const expected = findings((await scan(repo, false, config)).result);
    const cold = await scan(repo, cacheDir, config);
    const pack = path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => name.endsWith('.pack')) ?? '');
    fs.writeFileSync(pack, 'not a pack at all'); // read, it would give nothing: every file analysed again
    const warm = await scan(repo, cacheDir, config);
    assert.deepEqual([warm.stats.reused, warm.stats.analysed, warm.stats.fromCache], [true, 0, cold.stats.files]);
    assert.equal(findings(warm.result), findings(cold.result));
    assert.equal(fs.readFileSync(pack, 'utf8'), 'not a pack at all', 'not even rewritten');
    // One file with another stamp: the pack is read (it is garbage, so everything is analysed).
    const touched = path.join(repo, 'db/loyalty.sql');
    fs.utimesSync(touched, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const afterTouch = await scan(repo, cacheDir, config);
    // (Whether the kept result is then taken by its key depends on the serialized bytes, which
    // may spell the same strings differently after other work in the process: not asserted.)
    assert.equal(afterTouch.stats.analysed, cold.stats.files);
    assert.equal(findings(afterTouch.result), expected);
    // A file added, or one more skipped by the walk: not the kept files.
    fs.writeFileSync(path.join(repo, 'db/more.sql'), 'CREATE TABLE t_more (mobile VARCHAR(11));\n');
    const added = await scan(repo, cacheDir, config);
    assert.equal(added.stats.reused, false);
    assert.equal(findings(added.result), findings((await scan(repo, false, config)).result));
    fs.rmSync(path.join(repo, 'db/more.sql'));
    assert.equal((await scan(repo, cacheDir, config)).stats.reused, false, 'a file gone');
    fs.mkdirSync(path.join(repo, 'node_modules'));
    assert.equal((await scan(repo, cacheDir, config)).stats.reused, false, 'a folder skipped');
    assert.equal((await scan(repo, cacheDir, config)).stats.reused, true);
  });

  it('scans without a cache it cannot use, and says why', async () => {
    const blocked = path.join(repo, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const { result, stats } = await scan(repo, blocked);
    assert.equal(stats.cacheErrors.length, 1);
    assert.match(stats.cacheErrors[0], /cannot use the cache folder .*not-a-folder.*scanning without it/);
    assert.equal(findings(result).replace(/"not-a-folder"/g, ''), findings(result));
    assert.equal(stats.analysed, stats.files);
  });

  it('keeps its default cache in the scanned folder, but writes nothing into a read-only one', async () => {
    // A build is what makes the cache default (see ScanOptions.cacheDir); workers: 0 runs it in-process.
    const asBuilt = { source: 'unused', isEval: true, build: 'a build' };
    let stats: ScanStats | undefined;
    await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'en', workers: 0, workerEntry: asBuilt, onStats: (s) => (stats = s) });
    assert.ok(fs.readdirSync(cacheDir).some((name) => name.endsWith('.pack')));
    assert.deepEqual(stats?.cacheErrors, []);
    fs.rmSync(cacheDir, { recursive: true });
    fs.chmodSync(repo, 0o555);
    try {
      const result = await scanWorkspace({ root: repo, config: defaultConfig(), lang: 'en', workers: 0, workerEntry: asBuilt, onStats: (s) => (stats = s) });
      assert.equal(fs.existsSync(cacheDir), false);
      assert.match(stats?.cacheErrors[0] ?? '', /is read-only, scanning without a cache/);
      assert.ok(result.fields.length > 0);
    } finally {
      fs.chmodSync(repo, 0o755);
    }
  });

  it('never scans or reports its own folder, and keeps it out of git', async () => {
    await scan(repo, cacheDir);
    const { result } = await scan(repo, false);
    assert.ok(!result.skipped.some((s) => s.file.includes('.piaudit-cache')), JSON.stringify(result.skipped));
    assert.equal(fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8').trim().split('\n').pop(), '*');
    assert.ok(fs.existsSync(path.join(cacheDir, 'CACHEDIR.TAG')));
  });

  it('stays small: a pack with mostly stale records is rewritten', async () => {
    await scan(repo, cacheDir);
    const file = path.join(cacheDir, fs.readdirSync(cacheDir).find((name) => name.endsWith('.pack')) ?? '');
    const first = fs.statSync(file).size;
    for (let round = 0; round < 12; round++) {
      fs.appendFileSync(path.join(repo, 'db/loyalty.sql'), `\n-- round ${round}\n`);
      fs.appendFileSync(path.join(repo, 'db/seed_customers.sql'), `\n-- round ${round}\n`);
      await scan(repo, cacheDir);
    }
    assert.ok(fs.statSync(file).size < first * 3, `${fs.statSync(file).size} bytes after 12 rounds, ${first} at first`);
  });
});

describe('file results for an editor', () => {
  it('re-audit to the very findings of the scan, from excerpts instead of whole texts', async () => {
    const repo = makeRepo();
    try {
      const results: FileResult[] = [];
      const config = defaultConfig();
      const scanned = await scanWorkspace({ root: repo, config, lang: 'en', cacheDir: false, onFileResult: (r) => results.push(r) });
      assert.equal(results.length, scanned.files);
      const texts = new Map(results.map((r) => [r.file, excerptText(r.evidence)]));
      const audit = auditFields({ analyses: results.map(toFileAnalysis), texts, config, lang: 'en', system: systemName(repo, config) });
      assert.deepEqual(audit.fields, scanned.fields);
      assert.deepEqual(audit.diagnostics, scanned.diagnostics);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('result pack', () => {
  it('serves a result only while it holds (an ID number born after the day it was made)', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-pack-'));
    try {
      const stamp = { size: 10, mtimeMs: 1, ctimeMs: 2, ino: 3 };
      const pack = ResultPack.open(folder, 'scope');
      pack.put({ relPath: 'a.sql', hash: 'h', stamp, computedOn: 20261128, until: 20261201, payload: new Uint8Array([1, 2, 3]) });
      pack.save();
      const again = ResultPack.open(folder, 'scope');
      assert.deepEqual([...(again.unchanged('a.sql', stamp, 20261130)?.payload ?? [])], [1, 2, 3]);
      assert.equal(again.unchanged('a.sql', stamp, 20261201), undefined, 'the ID counts from its birth date on');
      assert.equal(again.unchanged('a.sql', stamp, 20261127), undefined, 'a clock set back');
      assert.equal(again.unchanged('a.sql', { ...stamp, mtimeMs: 9 }, 20261130), undefined, 'another stamp: the hash decides');
      assert.equal(again.usable('a.sql', 20261130)?.hash, 'h');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('pi-audit scan --cache-dir / --no-cache', () => {
  it('keeps the cache where it is told, and none with --no-cache', async () => {
    const repo = makeRepo();
    try {
      const cache = path.join(repo, 'ci-cache');
      const first = await runCli(['scan', repo, '--format', 'json', '--cache-dir', cache]);
      assert.ok(fs.readdirSync(cache).some((name) => name.endsWith('.pack')));
      const second = await runCli(['scan', repo, '--format', 'json', '--cache-dir', cache]);
      const strip = (text: string): string => text.replace(/"ms": \d+/, '');
      assert.equal(strip(second.stdout), strip(first.stdout));
      assert.ok(!second.stdout.includes('ci-cache/'), 'the cache folder is not scanned');
      await runCli(['scan', repo, '--format', 'json', '--no-cache']);
      assert.equal(fs.existsSync(path.join(repo, '.piaudit-cache')), false);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
