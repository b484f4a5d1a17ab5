import { strict as assert } from 'node:assert';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ChecklistError } from '../../../src/core/checklist/checklistError';
import { generateChecklist } from '../../../src/core/checklist/generateChecklist';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import { parseChecklist } from '../../../src/core/checklist/parseChecklist';
import { updateChecklistFile } from '../../../src/core/checklist/updateChecklistFile';
import { writeFileAtomic } from '../../../src/core/checklist/writeFileAtomic';
import { sampleInput } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/checklist');

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'piaudit-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const file = path.join(dir, 'pi-disposition.yaml');
    await writeFileAtomic(file, '第一版\n');
    assert.equal(await readFile(file, 'utf8'), '第一版\n');
    await writeFileAtomic(file, '第二版\n');
    assert.equal(await readFile(file, 'utf8'), '第二版\n');
    assert.deepEqual(await readdir(dir), ['pi-disposition.yaml']);
  });

  it('keeps the permissions of the file it replaces, even ones the umask would remove', async function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(dir, 'pi-disposition.yaml');
    await writeFile(file, 'old');
    await chmod(file, 0o664);
    await writeFileAtomic(file, 'new');
    assert.equal((await stat(file)).mode & 0o777, 0o664);
  });

  it('writes through a symlink to the file it points to', async function () {
    if (process.platform === 'win32') this.skip();
    const real = path.join(dir, 'real.yaml');
    const link = path.join(dir, 'pi-disposition.yaml');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    assert.equal(await readFile(real, 'utf8'), 'new');
    assert.ok((await lstat(link)).isSymbolicLink());
  });

  it('leaves the old file whole, and no temporary file, when the write fails', async () => {
    // The target is a non-empty folder: the rename must fail after the temporary file was written.
    const target = path.join(dir, 'pi-disposition.yaml');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'old');
    await assert.rejects(() => writeFileAtomic(target, 'new'));
    assert.equal(await readFile(path.join(target, 'keep.txt'), 'utf8'), 'old');
    assert.deepEqual(await readdir(dir), ['pi-disposition.yaml']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    await assert.rejects(() => writeFileAtomic(path.join(dir, 'missing', 'x.yaml'), 'text'), /ENOENT/);
    assert.deepEqual(await readdir(dir), []);
  });

  it('readers only ever see the old or the new text, never a mix', async () => {
    const file = path.join(dir, 'pi-disposition.yaml');
    const versions = Array.from({ length: 8 }, (_, v) => `# 版本 ${v}\n${`item-${v}: ${'x'.repeat(200)}\n`.repeat(2000)}`);
    await writeFileAtomic(file, versions[0]);
    const seen = new Set<string>();
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8');
        assert.ok(versions.includes(text), `a reader saw ${text.length} characters that match no version`);
        seen.add(text.slice(0, 8));
      }
    })();
    for (const version of versions.slice(1)) await writeFileAtomic(file, version);
    writing = false;
    await reader;
    assert.equal(await readFile(file, 'utf8'), versions[versions.length - 1]);
    assert.ok(seen.size >= 1);
  });
});

describe('updateChecklistFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'piaudit-update-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the checklist, then writes nothing when nothing changed', async () => {
    const file = path.join(dir, 'pi-disposition.yaml');
    const first = await updateChecklistFile(file, sampleInput());
    assert.equal(first.written, true);
    assert.equal(await readFile(file, 'utf8'), generateChecklist(sampleInput()));
    const before = await stat(file);
    const second = await updateChecklistFile(file, sampleInput());
    assert.equal(second.written, false);
    assert.equal((await stat(file)).mtimeMs, before.mtimeMs);
  });

  for (const fixture of ['invalid-schema.yaml', 'unparsable.yaml']) {
    it(`leaves ${fixture} byte for byte untouched and says where it is wrong`, async () => {
      const file = path.join(dir, 'pi-disposition.yaml');
      const bytes = await readFile(path.join(FIXTURES, fixture));
      await writeFile(file, bytes);
      const before = await stat(file);
      await assert.rejects(() => updateChecklistFile(file, sampleInput(), 'pi-disposition.yaml'), (error: unknown) => {
        assert.ok(error instanceof ChecklistError);
        assert.ok(error.line > 100, `line ${error.line}`);
        assert.match(error.message, /^pi-disposition\.yaml:\d+:\d+: /);
        return true;
      });
      assert.deepEqual(await readFile(file), bytes);
      assert.equal((await stat(file)).mtimeMs, before.mtimeMs);
      assert.deepEqual(await readdir(dir), ['pi-disposition.yaml']);
    });
  }

  it('merges over the parse made before the scan, unless the file changed since', async () => {
    const file = path.join(dir, 'pi-disposition.yaml');
    const text = generateChecklist(sampleInput());
    await writeFile(file, text);
    const moved = sampleInput();
    moved.systems[0].items[0].finding.line += 5;
    const unchanged = await updateChecklistFile(file, moved, 'pi-disposition.yaml', parseChecklist(text, 'pi-disposition.yaml'));
    assert.equal(unchanged.text, mergeChecklist(text, moved));

    // Someone records a status while the scan runs: the earlier parse no longer holds the file.
    const parsedBefore = parseChecklist(unchanged.text, 'pi-disposition.yaml');
    const during = unchanged.text.replace(/(#t_employee\.sfzh\n(?: {8}.*\n)*? {8}status: )todo/, '$1in-progress # 扫描期间');
    assert.notEqual(during, unchanged.text);
    await writeFile(file, during);
    const after = await updateChecklistFile(file, moved, 'pi-disposition.yaml', parsedBefore);
    assert.equal(after.text, mergeChecklist(during, moved));
    assert.match(await readFile(file, 'utf8'), /status: in-progress # 扫描期间/);
  });

  it('refuses a file that is not UTF-8 and leaves it as it is', async () => {
    const file = path.join(dir, 'pi-disposition.yaml');
    const gbk = Buffer.from([0x76, 0x65, 0x72, 0x3a, 0x20, 0xc9, 0xed, 0xb7, 0xdd, 0x0a]); // "身份" in GBK
    await writeFile(file, gbk);
    await assert.rejects(() => updateChecklistFile(file, sampleInput(), 'pi-disposition.yaml'), /pi-disposition\.yaml:1:1: is not valid UTF-8 text/);
    assert.deepEqual(await readFile(file), gbk);
  });
});
