import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { folderFromLevels, ignoreLevel, isEntryGitIgnored, isGitIgnored } from '../../../src/core/scan/gitignoreStack';

describe('gitignore levels', () => {
  const root = path.resolve('/repo');
  const levels = [
    ignoreLevel(root, '*.log\n/tmp/\nsecrets.env\nbuild/\n!keep/\n'),
    ignoreLevel(path.join(root, 'data'), '!keep.log\nexports/\n/local.sql\n'),
    ignoreLevel(path.join(root, 'data', 'deep'), '*.sql\n!seed.sql\n'),
  ];
  const folders = ['', 'data', 'data/deep', 'data/deep/more', 'tmp', 'src/tmp', 'data/exports', 'other'];
  const names = ['a.log', 'keep.log', 'tmp', 'secrets.env', 'exports', 'local.sql', 'seed.sql', 'x.sql', 'build', 'keep', 'plain.txt'];

  it('tests an entry from its folder as each level sees it the same as from its whole path', () => {
    let ignored = 0;
    for (const folder of folders) {
      const dir = path.join(root, ...folder.split('/').filter(Boolean));
      // The levels that apply to a folder are those of its ancestors (the walker adds them going down).
      const applying = levels.filter((level) => dir === level.dir || dir.startsWith(`${level.dir}${path.sep}`));
      const seenFrom = folderFromLevels(applying, dir);
      for (const name of names) {
        for (const isDirectory of [false, true]) {
          const expected = isGitIgnored(applying, path.join(dir, name), isDirectory);
          if (expected) ignored++;
          assert.equal(isEntryGitIgnored(applying, seenFrom, name, isDirectory), expected, `${folder}/${name}${isDirectory ? '/' : ''}`);
        }
      }
    }
    assert.ok(ignored > 20, 'the cases include ignored entries');
  });

  it('sees a folder outside a level as not under it', () => {
    assert.deepEqual(folderFromLevels(levels, path.join(root, 'data')), ['data', '', undefined]);
    assert.deepEqual(folderFromLevels(levels, path.resolve('/elsewhere')), [undefined, undefined, undefined]);
  });
});
