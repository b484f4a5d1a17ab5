import * as fs from 'node:fs';
import { writeFileAtomic } from '../../../../src/core/checklist/writeFileAtomic';

/**
 * Child process for the kill test: writes two versions of a file in turn, for ever, until it is
 * killed. `atomic` uses the checklist's writer; `plain` a bare writeFileSync, which the test must
 * catch tearing a file (so the test is shown able to fail). Says `writing` once the loop runs.
 */
async function main(): Promise<void> {
  const [mode, target, first, second] = process.argv.slice(2);
  const versions = [fs.readFileSync(first, 'utf8'), fs.readFileSync(second, 'utf8')];
  for (let i = 0; ; i++) {
    const text = versions[i % 2];
    if (mode === 'atomic') await writeFileAtomic(target, text);
    else fs.writeFileSync(target, text);
    if (i === 0) process.stdout.write('writing\n');
  }
}

void main();
