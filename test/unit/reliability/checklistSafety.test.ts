import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { sampleInput } from '../checklist/helpers';
import { runCli } from '../cli/cliHarness';
import { FIXTURES, runBundledCli, tempTree } from './reliabilityHelpers';

const MEMBER_SQL = "CREATE TABLE member (\n  id bigint,\n  sfzh varchar(18) COMMENT '身份证号',\n  sjhm varchar(11) COMMENT '手机号码'\n);\n";

/** Two large, different, valid checklists: a few MB each, so a write takes long enough to be killed in. */
function twoVersions(dir: string): [string, string] {
  const base = generateChecklist(sampleInput());
  const a = `${base}# version A\n${'# padding A: 个人信息处置清单\n'.repeat(80_000)}`;
  const b = `${base.replace(/status: todo/g, 'status: in-progress')}# version B\n${'# padding B: 处置中\n'.repeat(120_000)}`;
  fs.writeFileSync(path.join(dir, 'a.yaml'), a);
  fs.writeFileSync(path.join(dir, 'b.yaml'), b);
  return [a, b];
}

interface KillRound {
  torn: number;
  rounds: number;
  leftovers: number;
}

/** Starts the writer, kills it with SIGKILL at a random moment, checks the file; `rounds` times. */
async function killWhileWriting(mode: 'atomic' | 'plain', rounds: number, stopAtFirstTear: boolean): Promise<KillRound> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-kill-'));
  const [a, b] = twoVersions(dir);
  const target = path.join(dir, 'pi-disposition.yaml');
  fs.writeFileSync(target, a);
  let torn = 0;
  let done = 0;
  for (; done < rounds; done++) {
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(__dirname, 'children', 'writeLoop.ts'), mode, target, path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const now = fs.readFileSync(target, 'utf8');
    if (now !== a && now !== b) {
      torn++;
      if (stopAtFirstTear) return { torn, rounds: done + 1, leftovers: 0 };
    }
  }
  const leftovers = fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')).length;
  return { torn, rounds: done, leftovers };
}

describe('reliability: the checklist is never lost or corrupted', function () {
  this.timeout(600_000);

  it('leaves the old or the new checklist, never a mix, when the writer is killed with SIGKILL mid-write (40 kills)', async () => {
    const result = await killWhileWriting('atomic', 40, false);
    assert.equal(result.torn, 0, `${result.torn} of ${result.rounds} kills left a torn file`);
    // A writer killed between creating and renaming its temporary file leaves that file behind (never
    // read; the only trace). Seeing some proves kills landed inside writes, not between them.
    assert.ok(result.leftovers > 0, 'no kill landed inside a write');
  });

  it('would catch a torn write: a plain writeFileSync killed the same way leaves a half-written file', async () => {
    const result = await killWhileWriting('plain', 40, true);
    assert.ok(result.torn > 0, `no torn file in ${result.rounds} kills of a plain writer: the kill test has no power here`);
  });

  for (const fixture of ['unparsable.yaml', 'invalid-schema.yaml']) {
    it(`stops with file, line and reason and leaves ${fixture} byte for byte as it was (pi-audit checklist exits 2)`, async () => {
      const bytes = fs.readFileSync(path.join(FIXTURES, 'checklist', fixture));
      const root = tempTree({ 'db/member.sql': MEMBER_SQL, 'pi-disposition.yaml': bytes });
      const stat = fs.statSync(path.join(root, 'pi-disposition.yaml'));
      for (const args of [['checklist', root], ['checklist', root, '--check'], ['scan', root]]) {
        const run = await runCli(args);
        assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, /pi-disposition\.yaml:\d+:\d+: .+/, 'file, line, column and reason');
        assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
      }
      assert.deepEqual(fs.readFileSync(path.join(root, 'pi-disposition.yaml')), bytes);
      assert.equal(fs.statSync(path.join(root, 'pi-disposition.yaml')).mtimeMs, stat.mtimeMs);
      assert.deepEqual(fs.readdirSync(root).sort(), ['db', 'pi-disposition.yaml'], 'nothing else written');
    });
  }

  it('refuses a checklist that is not UTF-8 and leaves it as it was', async () => {
    const root = tempTree({ 'db/member.sql': MEMBER_SQL });
    assert.equal((await runCli(['checklist', root])).code, 0);
    // Someone saved it from an editor set to GBK: a comment of theirs is no longer UTF-8.
    const bytes = Buffer.concat([fs.readFileSync(path.join(root, 'pi-disposition.yaml')), Buffer.from('# ', 'ascii'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('\n')]);
    fs.writeFileSync(path.join(root, 'pi-disposition.yaml'), bytes);
    const run = await runCli(['checklist', root]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pi-disposition\.yaml:1:1: .*UTF-8/);
    assert.deepEqual(fs.readFileSync(path.join(root, 'pi-disposition.yaml')), bytes);
  });

  describe('on a read-only file system', () => {
    let mount: string | undefined;
    let how = '';
    before(function () {
      // A tmpfs remounted read-only is a real EROFS file system; as root, chmod alone would not stop a write.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-ro-'));
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]).status === 0) {
        mount = dir;
        how = 'tmpfs';
      } else {
        // No mount permission (not root, or a container without CAP_SYS_ADMIN): nothing here can make a read-only file system.
        this.skip();
      }
    });
    after(() => {
      if (mount) spawnSync('umount', [mount]);
    });

    it('fails with a clear message and exit code 2, changing nothing; a scan still works', async () => {
      assert.ok(mount, how);
      const repo = path.join(mount, 'repo');
      fs.mkdirSync(path.join(repo, 'db'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'db', 'member.sql'), MEMBER_SQL);
      assert.equal((await runCli(['checklist', repo])).code, 0, 'a first checklist is written while writable');
      const checklist = path.join(repo, 'pi-disposition.yaml');
      fs.appendFileSync(path.join(repo, 'db', 'member.sql'), "CREATE TABLE t_kh (kh_xm varchar(20) COMMENT '客户姓名');\n");
      const before = fs.readFileSync(checklist);
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', mount]).status, 0, 'remounted read-only');
      const listing = fs.readdirSync(repo).sort();

      for (const lang of ['en', 'zh-CN']) {
        const run = await runCli(['checklist', repo, '--lang', lang]);
        assert.equal(run.code, 2, run.stderr);
        assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
        assert.match(run.stderr, lang === 'en' ? /pi-disposition\.yaml: cannot write, the file system is read-only \(EROFS\)/ : /pi-disposition\.yaml: 无法写入, 文件系统为只读 \(EROFS\)/);
      }
      const report = await runCli(['scan', repo, '--format', 'json', '--output', path.join(repo, 'report.json')]);
      assert.equal(report.code, 2);
      assert.match(report.stderr, /report\.json: cannot write, the file system is read-only \(EROFS\)/);

      const scan = await runCli(['scan', repo, '--format', 'json']);
      assert.ok(scan.code === 0 || scan.code === 1, `a scan only reads: ${scan.stderr}`);
      assert.ok((JSON.parse(scan.stdout) as { fields: unknown[] }).fields.length >= 3);
      // The shipped bundle keeps a result cache in the repository: where it cannot, it scans anyway.
      const bundled = await runBundledCli(['scan', repo, '--format', 'json']);
      assert.ok(bundled.code === 0 || bundled.code === 1, `the bundle scans a read-only tree: ${bundled.stderr}`);
      assert.ok((JSON.parse(bundled.stdout) as { fields: unknown[] }).fields.length >= 3);
      assert.deepEqual(fs.readFileSync(checklist), before);
      assert.deepEqual(fs.readdirSync(repo).sort(), listing);
    });
  });
});
