import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { formatJson } from '../../../src/core/report/jsonReport';
import { AuditSnapshot } from '../../../src/core/scan/auditSnapshot';
import { LastScanFiles, packStamps } from '../../../src/core/scan/lastScanFiles';
import { scanWorkspace } from '../../../src/core/scan/scanWorkspace';
import { runCli } from '../cli/cliHarness';

const FIXTURES = path.join(__dirname, '../../fixtures');

function makeRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-kept-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.copyFileSync(path.join(FIXTURES, 'classify/loyalty_mysql.sql'), path.join(dir, 'db/loyalty.sql'));
  fs.copyFileSync(path.join(FIXTURES, 'values/seed_customers.sql'), path.join(dir, 'db/seed_customers.sql'));
  return dir;
}

describe('kept scan result', () => {
  let repo: string;
  let cacheDir: string;
  beforeEach(() => {
    repo = makeRepo();
    cacheDir = path.join(repo, '.piaudit-cache');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  const scan = (): ReturnType<typeof scanWorkspace> => scanWorkspace({ root: repo, config: defaultConfig(), lang: 'en', cacheDir, workers: 0 });

  it('reads each list of the kept result only when it is used, and gives the same result', async () => {
    const cold = await scan();
    const warm = await scan();
    assert.deepEqual(warm.kept, cold.kept, 'kept under the same key');
    const listed = Object.getOwnPropertyDescriptor(warm, 'fields');
    assert.equal(typeof listed?.get, 'function', 'not read yet');
    assert.equal(formatJson({ ...warm, ms: 0 }), formatJson({ ...cold, ms: 0 }));
    assert.deepEqual(warm.assessed, cold.assessed);
    assert.deepEqual(warm.severityCounts, cold.severityCounts);
    assert.ok((cold.severityCounts?.warning ?? 0) > 0, 'the fixture has findings to count');
  });

  it('refuses to read a list from a snapshot another scan replaced meanwhile', async () => {
    const cold = await scan();
    const snapshot = new AuditSnapshot(cacheDir);
    const key = cold.kept?.key ?? '';
    const loaded = snapshot.load(key);
    assert.ok(loaded);
    snapshot.save('another key', { ...cold, fields: [] });
    assert.throws(() => loaded.fields, /replaced by another scan while this one read it/);
    assert.equal(snapshot.load(key), undefined);
  });

  it('keeps long lists in pieces and gives them back whole, reported and assessed fields still sharing their parts', async () => {
    const cold = await scan();
    const many = <T>(list: readonly T[], times: number): T[] => Array.from({ length: times }, () => list).flat();
    const times = Math.ceil(4500 / Math.max(1, cold.fields.length));
    const big = { ...cold, fields: many(cold.fields, times), assessed: many(cold.assessed, times), diagnostics: many(cold.diagnostics, times) };
    assert.ok(big.fields.length > 4000 && big.fields.length === big.assessed.length);
    const snapshot = new AuditSnapshot(cacheDir);
    snapshot.save('big', big);
    const loaded = snapshot.load('big');
    assert.ok(loaded);
    assert.deepEqual(loaded.diagnostics, big.diagnostics);
    assert.deepEqual(loaded.fields, big.fields);
    assert.deepEqual(loaded.assessed, big.assessed);
    assert.equal(big.assessed[2500].finding.reasons, big.fields[2500].reasons, 'the fixture shares them');
    assert.equal(loaded.assessed[2500].finding.reasons, loaded.fields[2500].reasons, 'still one array, as when they were kept');
  });

  it('takes no kept result from a file cut short', async () => {
    const cold = await scan();
    const file = path.join(cacheDir, 'last-scan.bin');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    assert.equal(new AuditSnapshot(cacheDir).load(cold.kept?.key ?? ''), undefined);
  });

  it('uses the list of the kept files only with the same inputs, and only while every result holds', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-files-'));
    try {
      const files = new LastScanFiles(folder);
      const stamp = { size: 10, mtimeMs: 1, ctimeMs: 2, ino: 3 };
      files.save({ inputs: 'in', snapshotKey: 'k', computedOn: 20261128, until: 20261201, walkSkips: '[]', relPaths: ['a.sql'], stamps: packStamps([stamp]) });
      assert.equal(files.load('other inputs', 20261128), undefined);
      assert.equal(files.load('in', 20261127), undefined, 'a clock set back');
      assert.equal(files.load('in', 20261201), undefined, 'an ID number counts from its birth date on');
      const match = files.load('in', 20261130);
      assert.ok(match);
      assert.equal(match.matches(0, 'a.sql', stamp), true);
      assert.equal(match.matches(0, 'a.sql', { ...stamp, ctimeMs: 5 }), false);
      assert.equal(match.matches(0, 'b.sql', stamp), false);
      assert.equal(match.matches(1, 'a.sql', stamp), false);
      assert.equal(match.snapshotKey(1, '[]'), 'k');
      assert.equal(match.snapshotKey(2, '[]'), undefined, 'more files walked');
      assert.equal(match.snapshotKey(1, '[{"file":"node_modules/"}]'), undefined, 'another skip');
      fs.writeFileSync(files.file, 'pi-audit scan files 1\nnot serialized');
      assert.equal(files.load('in', 20261130), undefined, 'damaged');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes the JSON report of an unchanged tree from the kept copy of its lists, byte for byte', async () => {
    // Outside the tree: a report folder in it would be one more folder the walk skips.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-report-'));
    after(() => fs.rmSync(out, { recursive: true, force: true }));
    const report = path.join(out, 'report.json');
    const run = async (): Promise<string> => {
      const { code, stderr } = await runCli(['scan', repo, '--format', 'json', '--output', report, '--cache-dir', cacheDir]);
      assert.equal(code, 1, stderr);
      return fs.readFileSync(report, 'utf8').replace(/"ms": \d+/, '"ms": 0');
    };
    const first = await run();
    const body = path.join(cacheDir, 'last-report-body.json');
    assert.ok(fs.existsSync(body));
    // Mark the kept copy (same length): the next report must be made from it.
    const kept = fs.readFileSync(body, 'utf8');
    fs.writeFileSync(body, kept.replace('"fields": [', '"fields":\t['));
    const second = await run();
    assert.equal(second, first.replace('"fields": [', '"fields":\t['), 'copied from the kept lists');
    fs.writeFileSync(body, kept.slice(0, kept.length - 10)); // cut short: rendered again
    assert.equal(await run(), first);
    fs.writeFileSync(path.join(repo, 'db/new.sql'), 'CREATE TABLE t_new (id_card VARCHAR(18));\n');
    const changed = await run();
    assert.notEqual(changed, first, 'another result: its own lists');
    assert.ok(changed.includes('t_new'));
  });

  it('writes the JSON report to standard output from the kept copy too', async () => {
    const run = async (): Promise<string> => {
      const { stdout } = await runCli(['scan', repo, '--format', 'json', '--cache-dir', cacheDir]);
      return stdout.replace(/"ms": \d+/, '"ms": 0');
    };
    const first = await run();
    const body = path.join(cacheDir, 'last-report-body.json');
    fs.writeFileSync(body, fs.readFileSync(body, 'utf8').replace('"values": [', '"values":\t['));
    assert.equal(await run(), first.replace('"values": [', '"values":\t['));
  });
});
