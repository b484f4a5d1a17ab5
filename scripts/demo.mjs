// The README's first command: builds the CLI, scans the bundled example subsidiary, writes its
// disposition checklist, then checks it — which lists exactly the PI fields still undecided.
// Findings are the point of the demo, so exit code 1 (findings) is expected; 2 (failure) is not.
import { execFileSync, spawnSync } from 'node:child_process';

const example = 'examples/subsidiary';
const cli = (args) => spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' }).status;
const step = (title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\n`);

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
step(`pi-audit scan ${example}`);
const codes = [cli(['scan', example])];
step(`pi-audit checklist ${example}`);
codes.push(cli(['checklist', example]));
step(`pi-audit checklist ${example} --check`);
codes.push(cli(['checklist', example, '--check']));
if (codes.some((code) => code !== 0 && code !== 1)) {
  console.error('\ndemo: a step failed (exit code 2)');
  process.exit(2);
}
console.log(`\nThe checklist is ${example}/pi-disposition.yaml: decide each open item there or with @pi in the code, then run the check again.`);
