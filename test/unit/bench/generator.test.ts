import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { formatJson } from '../../../src/core/report/jsonReport';
import { scanWorkspace } from '../../../src/core/scan/scanWorkspace';

/** The benchmark's own modules (plain ES modules, run by `npm run bench`). */
async function bench(): Promise<typeof import('../../../scripts/bench/generate.mjs') & typeof import('../../../scripts/bench/equivalence.mjs')> {
  return { ...(await import('../../../scripts/bench/generate.mjs')), ...(await import('../../../scripts/bench/equivalence.mjs')) };
}

/** A digest of every file under a folder, by path: two equal digests are two identical trees. */
function treeDigest(dir: string): string {
  const hash = createHash('sha1');
  const walk = (folder: string): void => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function jsonReport(root: string, cacheDir: string | false): Promise<unknown> {
  const result = await scanWorkspace({ root, config: defaultConfig(), lang: 'en', cacheDir, workers: 0 });
  return JSON.parse(formatJson(result)) as unknown;
}

describe('benchmark', function () {
  this.timeout(120000);
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-bench-test-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates the same monorepo from the same seed, a different one from another', async () => {
    const { generateTree } = await bench();
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    const manifest = generateTree({ dir: a, lines: 20000, seed: 5 });
    generateTree({ dir: b, lines: 20000, seed: 5 });
    generateTree({ dir: c, lines: 20000, seed: 6 });
    assert.equal(treeDigest(a), treeDigest(b));
    assert.notEqual(treeDigest(a), treeDigest(c));
    assert.ok(Math.abs(manifest.totals.lines - 20000) < 2000, `${manifest.totals.lines} lines`);

    // Every kind the issue asks for: schemas of every format, code, docs, config, dumps, bundles.
    for (const kind of ['sql-ddl', 'prisma', 'typeorm', 'sequelize', 'mongoose', 'ts-types', 'django', 'sqlalchemy', 'jpa', 'gorm', 'ef-core', 'mybatis', 'protobuf', 'graphql', 'json-schema', 'openapi', 'csv-dictionary', 'json-fixture', 'doc', 'json-config', 'yaml-config', 'dump', 'bundle', 'ts-service', 'java-service']) {
      assert.ok(manifest.byKind[kind]?.files > 0, `no ${kind} file`);
    }
    assert.ok(fs.readdirSync(path.join(a, 'node_modules')).length > 0);
    assert.ok(manifest.skippedByDesign.binaries > 0);
    const anySchema = manifest.files.find((f) => f.kind === 'sql-ddl');
    assert.match(fs.readFileSync(path.join(a, anySchema?.rel ?? ''), 'utf8'), /COMMENT '[^']*[\u4e00-\u9fff]/, 'Chinese comments');
  });

  it('changes the share of files it is asked to, the same way for a seed', async () => {
    const { generateTree, changeTree } = await bench();
    const a = tempDir();
    const b = tempDir();
    const manifestA = generateTree({ dir: a, lines: 20000, seed: 5 });
    const manifestB = generateTree({ dir: b, lines: 20000, seed: 5 });
    const changedA = changeTree({ dir: a, manifest: manifestA, fraction: 0.01, seed: 9 });
    const changedB = changeTree({ dir: b, manifest: manifestB, fraction: 0.01, seed: 9 });
    assert.deepEqual(changedA, changedB);
    assert.equal(changedA.length, Math.max(1, Math.round(manifestA.files.length * 0.01)));
    assert.equal(treeDigest(a), treeDigest(b));
  });

  it('checks that cached re-scans report exactly what a scan without cache reports', async () => {
    const { generateTree, changeTree, compareReports } = await bench();
    const tree = tempDir();
    const manifest = generateTree({ dir: tree, lines: 6000, seed: 2 });
    const cacheDir = path.join(tree, '.piaudit-cache');
    const cold = await jsonReport(tree, cacheDir);
    const warm = await jsonReport(tree, cacheDir);
    assert.deepEqual(compareReports(cold, warm), { equal: true });
    changeTree({ dir: tree, manifest, fraction: 0.05, seed: 3 });
    const changed = await jsonReport(tree, cacheDir);
    const reference = await jsonReport(tree, false);
    assert.deepEqual(compareReports(reference, changed), { equal: true });
    // And the check can fail: a report that lost a finding is told apart, with where.
    const different = JSON.parse(JSON.stringify(changed)) as { fields: unknown[] };
    different.fields.pop();
    const verdict = compareReports(reference, different);
    assert.equal(verdict.equal, false);
    assert.match(verdict.equal ? '' : verdict.difference, /^fields\[\d+\]/);
    assert.equal(compareReports(cold, changed).equal, false, 'the change changed the findings');
  });
});
