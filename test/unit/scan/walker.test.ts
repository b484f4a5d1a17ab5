import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SkippedFile } from '../../../src/core/scan/model';
import { walkFiles, type WalkOptions } from '../../../src/core/scan/walker';
import { nodeFileSystem, type WalkerFileSystem } from '../../../src/core/scan/walkerFileSystem';

/** Builds a tree: keys are relative paths, values file contents (a trailing `/` makes a folder). */
function tree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    if (rel.endsWith('/')) {
      mkdirSync(abs, { recursive: true });
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
}

async function walk(paths: string | string[], options: WalkOptions = {}) {
  const skipped: SkippedFile[] = [];
  const files: Array<{ relPath: string; size: number; absPath: string }> = [];
  for await (const file of walkFiles(paths, { ...options, onSkip: (s) => skipped.push(s) })) files.push(file);
  return { rel: files.map((f) => f.relPath), files, skipped };
}

describe('walkFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'piaudit-walker-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('yields files depth first in code-unit order, with forward-slash relative paths and sizes', async () => {
    tree(dir, {
      'src/main/java/com/acme/hr/Employee.java': 'class Employee {}',
      'src/main/resources/db/V1__init.sql': 'CREATE TABLE yg (xm VARCHAR(20));',
      '客户 资料/员工 花名册.csv': '姓名,手机\n张伟,13812345678\n',
      'README.md': '# HR',
      'a.txt': 'a',
      'B.txt': 'B',
    });
    const { rel, files, skipped } = await walk(dir);
    assert.deepEqual(rel, [
      'B.txt',
      'README.md',
      'a.txt',
      'src/main/java/com/acme/hr/Employee.java',
      'src/main/resources/db/V1__init.sql',
      '客户 资料/员工 花名册.csv',
    ]);
    const roster = files.find((f) => f.relPath.startsWith('客户'))!;
    assert.equal(roster.absPath, join(dir, '客户 资料', '员工 花名册.csv'));
    assert.equal(roster.size, Buffer.byteLength('姓名,手机\n张伟,13812345678\n'));
    assert.deepEqual(skipped, []);
  });

  it('honours .gitignore files at every level, deeper ones overriding with negations', async () => {
    tree(dir, {
      '.gitignore': '*.log\n/tmp/\nsecrets.env\n',
      'app.log': 'log',
      'tmp/cache.sql': 'x',
      'secrets.env': 'x',
      'data/.gitignore': '!keep.log\nexports/\n',
      'data/keep.log': 'kept',
      'data/drop.log': 'dropped',
      'data/exports/kh_2024.csv': 'x',
      'data/seed.sql': 'x',
      'data/nested/tmp/still-here.txt': 'anchored /tmp/ only matches at the top',
    });
    const { rel, skipped } = await walk(dir);
    assert.deepEqual(rel, ['.gitignore', 'data/.gitignore', 'data/keep.log', 'data/nested/tmp/still-here.txt', 'data/seed.sql']);
    assert.deepEqual(skipped, [], 'ignored files were never in scope: not reported');
  });

  it('applies the repository\'s ignore files when walking a folder inside it', async () => {
    tree(dir, {
      '.git/info/exclude': 'local-notes.md\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.bak\n',
      'services/.gitignore': 'generated/\n',
      'services/crm/Customer.ts': 'x',
      'services/crm/Customer.ts.bak': 'x',
      'services/crm/generated/client.ts': 'x',
      'services/crm/local-notes.md': 'x',
    });
    const { rel } = await walk(join(dir, 'services', 'crm'));
    assert.deepEqual(rel, ['Customer.ts']);
    const fromTop = await walk(dir);
    assert.deepEqual(fromTop.rel, ['.gitignore', 'services/.gitignore', 'services/crm/Customer.ts']);
  });

  it('walks a folder the user named even when the repository ignores it, with the ignore files inside it', async () => {
    tree(dir, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'exports/\n*.bak\n',
      'exports/2024/.gitignore': 'tmp/\n',
      'exports/2024/kh.sql': 'x',
      'exports/2024/tmp/scratch.sql': 'x',
      'src/app.ts': 'x',
    });
    assert.deepEqual((await walk(join(dir, 'exports', '2024'))).rel, ['.gitignore', 'kh.sql']);
    assert.deepEqual((await walk(join(dir, 'exports'))).rel, ['2024/.gitignore', '2024/kh.sql']);
    assert.deepEqual((await walk(dir)).rel, ['.gitignore', 'src/app.ts'], 'walked from the top, the ignored folder stays out');
  });

  it('can be told to ignore .gitignore', async () => {
    tree(dir, { '.gitignore': '*.sql\n', 'seed.sql': 'x' });
    assert.deepEqual((await walk(dir, { useGitignore: false })).rel, ['.gitignore', 'seed.sql']);
  });

  it('applies include and exclude globs to relative paths; exclude prunes folders', async () => {
    tree(dir, {
      'db/schema.sql': 'x',
      'db/legacy/old.sql': 'x',
      'src/models/user.py': 'x',
      'src/models/user_test.py': 'x',
      'src/test/fixtures/kh.sql': 'x',
      'docs/guide.md': 'x',
    });
    const { rel, skipped } = await walk(dir, {
      include: ['**/*.sql', 'src/**/*.py'],
      exclude: ['db/legacy', '**/test/**', '*_test.py'],
    });
    assert.deepEqual(rel, ['db/schema.sql', 'src/models/user.py']);
    assert.deepEqual(skipped, []);
  });

  it('reports node_modules and build output once per folder, and skips .git silently', async () => {
    tree(dir, {
      '.git/config': '[core]\n',
      'node_modules/lodash/index.js': 'x',
      'node_modules/lodash/package.json': '{}',
      'web/node_modules/vue/index.js': 'x',
      'web/dist/app.js': 'x',
      'web/src/App.vue': '<template/>',
      'api/target/classes/Kh.class': 'x',
      'api/src/Kh.java': 'x',
      'coverage/lcov.info': 'x',
      '.piaudit-cache/index.json': '{}',
    });
    const { rel, skipped } = await walk(dir);
    assert.deepEqual(rel, ['api/src/Kh.java', 'web/src/App.vue']);
    assert.deepEqual(skipped, [
      { file: '.piaudit-cache/', reason: 'ignored-folder' },
      { file: 'api/target/', reason: 'ignored-folder' },
      { file: 'coverage/', reason: 'ignored-folder' },
      { file: 'node_modules/', reason: 'ignored-folder' },
      { file: 'web/dist/', reason: 'ignored-folder' },
      { file: 'web/node_modules/', reason: 'ignored-folder' },
    ]);
  });

  it('does not report dependency folders that .gitignore already excludes', async () => {
    tree(dir, { '.gitignore': 'node_modules/\n', 'node_modules/x/index.js': 'x', 'index.js': 'x' });
    const { rel, skipped } = await walk(dir);
    assert.deepEqual(rel, ['.gitignore', 'index.js']);
    assert.deepEqual(skipped, []);
  });

  it('skips files above maxFileSize as too-large', async () => {
    tree(dir, { 'small.sql': 'x'.repeat(100), 'dump.sql': 'x'.repeat(101) });
    const { rel, skipped } = await walk(dir, { maxFileSize: 100 });
    assert.deepEqual(rel, ['small.sql']);
    assert.deepEqual(skipped, [{ file: 'dump.sql', reason: 'too-large' }]);
  });

  it('follows symbolic links once: loops and second ways in are reported, dangling links too', async function () {
    tree(dir, { 'real/kh.sql': 'x', 'real/sub/yg.sql': 'x', 'other/readme.md': 'x' });
    try {
      symlinkSync(join(dir, 'real'), join(dir, 'real', 'sub', 'loop'), 'dir');
    } catch {
      this.skip(); // no symlink permission (Windows without developer mode)
    }
    symlinkSync(join(dir, 'other'), join(dir, 'z-other-link'), 'dir');
    symlinkSync(join(dir, 'real', 'kh.sql'), join(dir, 'z-kh-link.sql'), 'file');
    symlinkSync(join(dir, 'missing.sql'), join(dir, 'dangling.sql'), 'file');
    const { rel, skipped } = await walk(dir);
    assert.deepEqual(rel, ['other/readme.md', 'real/kh.sql', 'real/sub/yg.sql']);
    assert.deepEqual(skipped, [
      { file: 'dangling.sql', reason: 'unreadable: ENOENT' },
      { file: 'real/sub/loop/', reason: 'symlink-loop' },
      { file: 'z-kh-link.sql', reason: 'symlink-duplicate' },
      { file: 'z-other-link/', reason: 'symlink-duplicate' },
    ]);
  });

  it('walks a linked folder that is not reachable otherwise, under the link\'s path', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'piaudit-walker-outside-'));
    try {
      tree(outside, { 'shared/kh.sql': 'x' });
      tree(dir, { 'app/main.py': 'x' });
      symlinkSync(join(outside, 'shared'), join(dir, 'shared'), 'dir');
      assert.deepEqual((await walk(dir)).rel, ['app/main.py', 'shared/kh.sql']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports unreadable folders and files with the error code', async () => {
    tree(dir, { 'locked/kh.sql': 'x', 'open/yg.sql': 'x', 'open/secret.sql': 'x' });
    const denied = (path: string) => Object.assign(new Error(`EACCES: permission denied, ${path}`), { code: 'EACCES' });
    const fs: WalkerFileSystem = {
      ...nodeFileSystem,
      readdir: (path) => (path.endsWith('locked') ? Promise.reject(denied(path)) : nodeFileSystem.readdir(path)),
      canRead: (path) => (path.endsWith('secret.sql') ? Promise.reject(denied(path)) : nodeFileSystem.canRead(path)),
    };
    const { rel, skipped } = await walk(dir, { fs });
    assert.deepEqual(rel, ['open/yg.sql']);
    assert.deepEqual(skipped, [
      { file: 'locked/', reason: 'unreadable: EACCES' },
      { file: 'open/secret.sql', reason: 'unreadable: EACCES' },
    ]);
  });

  it('accepts files as well as folders, relative to their common folder or a given root', async () => {
    tree(dir, {
      '.gitignore': 'exports/\n',
      'exports/kh_2024.csv': 'x',
      'db/seed.sql': 'x',
      'db/other.sql': 'x',
      'api/Kh.java': 'x',
    });
    const named = await walk([join(dir, 'exports', 'kh_2024.csv'), join(dir, 'db', 'seed.sql')]);
    assert.deepEqual(named.rel, ['exports/kh_2024.csv', 'db/seed.sql'], 'a named file is walked even if .gitignore excludes it');

    const withRoot = await walk([join(dir, 'api'), join(dir, 'db', 'seed.sql'), join(dir, 'db', 'seed.sql')], { root: dir });
    assert.deepEqual(withRoot.rel, ['api/Kh.java', 'db/seed.sql']);

    const single = await walk(join(dir, 'db', 'seed.sql'));
    assert.deepEqual(single.rel, ['seed.sql']);

    const excluded = await walk(join(dir, 'db', 'seed.sql'), { root: dir, exclude: ['db/**'] });
    assert.deepEqual(excluded.rel, []);
  });

  it('reports a path that does not exist', async () => {
    const { rel, skipped } = await walk([join(dir, 'nope'), dir], { root: dir });
    assert.deepEqual(rel, []);
    assert.deepEqual(skipped, [{ file: 'nope', reason: 'unreadable: ENOENT' }]);
  });

  it('stops when the signal aborts, by throwing its reason', async () => {
    tree(dir, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${String(i).padStart(2, '0')}.sql`, 'x'])));
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const file of walkFiles(dir, { signal: controller.signal })) {
        seen.push(file.relPath);
        if (seen.length === 3) controller.abort();
      }
    }, { name: 'AbortError' });
    assert.deepEqual(seen, ['f00.sql', 'f01.sql', 'f02.sql']);
  });
});
