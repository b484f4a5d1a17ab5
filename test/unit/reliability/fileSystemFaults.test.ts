import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SkippedFile } from '../../../src/core/scan/model';
import { walkFiles, type WalkOptions } from '../../../src/core/scan/walker';
import { nodeFileSystem, type WalkerFileSystem } from '../../../src/core/scan/walkerFileSystem';
import { runCli } from '../cli/cliHarness';
import { runCliProcess, tempTree } from './reliabilityHelpers';

const MEMBER_SQL = "CREATE TABLE member (\n  id bigint,\n  sfzh varchar(18) COMMENT '身份证号',\n  sjhm varchar(11) COMMENT '手机号码'\n);\n";

interface JsonReport {
  stats: { files: number; skipped: SkippedFile[] };
  fields: { id: string; file: string; field: string }[];
}

async function scanJson(root: string, extra: string[] = []): Promise<JsonReport & { code: number }> {
  const run = await runCli(['scan', root, '--format', 'json', ...extra]);
  assert.ok(run.code === 0 || run.code === 1, `the scan finished (exit ${run.code}): ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code };
}

async function walk(root: string, options: WalkOptions = {}): Promise<{ rel: string[]; skipped: SkippedFile[] }> {
  const skipped: SkippedFile[] = [];
  const rel: string[] = [];
  for await (const file of walkFiles(root, { ...options, onSkip: (s) => skipped.push(s) })) rel.push(file.relPath);
  return { rel, skipped };
}

function errno(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${file}`), { code });
}

describe('reliability: file-system faults', function () {
  this.timeout(120_000);

  it('finishes over symbolic-link loops (to a parent, to itself, between two links) and says what it skipped', async () => {
    const root = tempTree({ 'db/member.sql': MEMBER_SQL, 'docs/readme.md': '# x\n' });
    fs.symlinkSync(root, path.join(root, 'db', 'up'), 'dir');
    fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    fs.symlinkSync(path.join(root, 'ping'), path.join(root, 'pong'));
    fs.symlinkSync(path.join(root, 'pong'), path.join(root, 'ping'));
    const report = await scanJson(root);
    assert.equal(report.stats.files, 2);
    assert.deepEqual(report.stats.skipped, [
      { file: 'db/up/', reason: 'symlink-loop' },
      { file: 'ping', reason: 'unreadable: ELOOP' },
      { file: 'pong', reason: 'unreadable: ELOOP' },
      { file: 'self', reason: 'unreadable: ELOOP' },
    ]);
  });

  it('reports unreadable files and folders with their reason (walker with an injected file system: tests run as root, where chmod has no effect)', async () => {
    const root = tempTree({ 'locked/member.sql': MEMBER_SQL, 'open/a.sql': MEMBER_SQL, 'open/secret.sql': MEMBER_SQL, 'open/io.sql': MEMBER_SQL });
    const injected: WalkerFileSystem = {
      ...nodeFileSystem,
      readdir: (dir) => (dir.endsWith('locked') ? Promise.reject(errno('EACCES', dir)) : nodeFileSystem.readdir(dir)),
      canRead: (file) => (file.endsWith('secret.sql') ? Promise.reject(errno('EACCES', file)) : nodeFileSystem.canRead(file)),
      lstat: (file) => (file.endsWith('io.sql') ? Promise.reject(errno('EIO', file)) : nodeFileSystem.lstat(file)),
    };
    const { rel, skipped } = await walk(root, { fs: injected });
    assert.deepEqual(rel, ['open/a.sql']);
    assert.deepEqual(skipped, [
      { file: 'locked/', reason: 'unreadable: EACCES' },
      { file: 'open/io.sql', reason: 'unreadable: EIO' },
      { file: 'open/secret.sql', reason: 'unreadable: EACCES' },
    ]);
  });

  it('reports files and folders the user may not read, end to end (the CLI runs as an unprivileged user when the tests run as root)', async () => {
    const root = tempTree({ 'locked/member.sql': MEMBER_SQL, 'open/member.sql': MEMBER_SQL, 'open/secret.sql': MEMBER_SQL });
    fs.chmodSync(root, 0o755);
    fs.chmodSync(path.join(root, 'open'), 0o755);
    fs.chmodSync(path.join(root, 'open', 'member.sql'), 0o644);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(path.join(root, 'open', 'secret.sql'), 0o000);
    // As root, permissions are not enforced: run the CLI as `nobody` so they are.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await runCliProcess(['scan', root, '--format', 'json'], { ...asUser, env: { HOME: root } });
    assert.ok(run.code === 0 || run.code === 1, `exit ${String(run.code)}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.fields.map((f) => f.id), ['open/member.sql#member.sfzh', 'open/member.sql#member.sjhm']);
    assert.deepEqual(report.stats.skipped, [
      { file: 'locked/', reason: 'unreadable: EACCES' },
      { file: 'open/secret.sql', reason: 'unreadable: EACCES' },
    ]);
  });

  it('reports entries that vanish or change kind between listing and reading (injected file system)', async () => {
    const root = tempTree({ 'db/a.sql': MEMBER_SQL, 'db/gone.sql': MEMBER_SQL, 'db/late.sql': MEMBER_SQL, 'db/sub/b.sql': MEMBER_SQL });
    const vanished = (file: string): Promise<never> => Promise.reject(errno('ENOENT', file));
    const injected: WalkerFileSystem = {
      ...nodeFileSystem,
      // Listed, then deleted before it is looked at.
      lstat: (file) => (file.endsWith('gone.sql') ? vanished(file) : nodeFileSystem.lstat(file)),
      // Looked at, then deleted before it is opened.
      canRead: (file) => (file.endsWith('late.sql') ? vanished(file) : nodeFileSystem.canRead(file)),
      // A folder deleted between being seen and being listed.
      readdir: (dir) => (dir.endsWith('sub') ? vanished(dir) : nodeFileSystem.readdir(dir)),
    };
    const { rel, skipped } = await walk(root, { fs: injected });
    assert.deepEqual(rel, ['db/a.sql']);
    assert.deepEqual(skipped, [
      { file: 'db/gone.sql', reason: 'unreadable: ENOENT' },
      { file: 'db/late.sql', reason: 'unreadable: ENOENT' },
      { file: 'db/sub/', reason: 'unreadable: ENOENT' },
    ]);
  });

  it('walks a 1,000-folder-deep tree without overflowing the stack', async () => {
    const depth = 1000;
    const deep = Array.from({ length: depth }, () => 'd').join('/');
    const root = tempTree({ [`${deep}/member.sql`]: MEMBER_SQL, 'top.sql': MEMBER_SQL });
    const started = Date.now();
    const report = await scanJson(root);
    assert.deepEqual(report.fields.map((f) => f.file).filter((f, i, all) => all.indexOf(f) === i), [`${deep}/member.sql`, 'top.sql']);
    assert.deepEqual(report.stats.skipped, []);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it('keeps Chinese characters and spaces in paths, in JSON, SARIF and the checklist', async () => {
    const root = tempTree({ '客户 资料/会员 表.sql': MEMBER_SQL });
    const report = await scanJson(root);
    assert.deepEqual(report.fields.map((f) => f.id), ['客户 资料/会员 表.sql#member.sfzh', '客户 资料/会员 表.sql#member.sjhm']);
    const sarif = JSON.parse((await runCli(['scan', root, '--format', 'sarif'])).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(decodeURI(uri), '客户 资料/会员 表.sql');
    assert.ok(!uri.includes(' '), 'the URI is encoded');
    const checklistRun = await runCli(['checklist', root]);
    assert.equal(checklistRun.code, 0, checklistRun.stderr);
    assert.match(fs.readFileSync(path.join(root, 'pi-disposition.yaml'), 'utf8'), /客户 资料\/会员 表\.sql#member\.sfzh/);
  });

  it('scans files whose names differ only in case as two files, and keeps the decision after a case-only rename', async () => {
    const root = tempTree({ 'db/Member.sql': MEMBER_SQL, 'db/member.sql': MEMBER_SQL.replace(/member/g, 'customer') });
    const both = await scanJson(root);
    assert.deepEqual([...new Set(both.fields.map((f) => f.file))], ['db/Member.sql', 'db/member.sql']);

    const single = tempTree({ 'db/Member.sql': MEMBER_SQL });
    assert.equal((await runCli(['checklist', single])).code, 0);
    const file = path.join(single, 'pi-disposition.yaml');
    // A person records a decision in the checklist.
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    const items = doc.getIn(['systems', 0, 'items']) as YAMLSeq<YAMLMap>;
    const item = items.items.find((i) => i.get('id') === 'db/Member.sql#member.sfzh');
    assert.ok(item, 'the item is listed under its first name');
    item.set('disposition', doc.createNode({ action: 'retain', period: '10y', basis: '税收征收管理法实施细则 第二十九条', declaredIn: 'checklist' }));
    fs.writeFileSync(file, doc.toString());
    fs.renameSync(path.join(single, 'db', 'Member.sql'), path.join(single, 'db', 'member.sql'));
    const rerun = await runCli(['checklist', single]);
    assert.equal(rerun.code, 0, rerun.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.match(after, /id: db\/Member\.sql#member\.sfzh[\s\S]*?basis: 税收征收管理法实施细则 第二十九条/, 'the decision is still there, on the old id');
    assert.match(after, /id: db\/Member\.sql#member\.sfzh[\s\S]*?gone: true/, 'the old id is marked gone');
    assert.match(after, /id: db\/member\.sql#member\.sfzh/, 'the new id is listed');
  });
});
