// `npm run test:editor`: bundles the editor-test harness and the in-host mocha suites with
// esbuild into out/test/editor/, then runs the harness (test/editor/harness/main.ts), which
// checks prerequisites, installs code-server on demand and runs everything in a real VS Code.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'test', 'editor');
const outdir = path.join(root, 'out', 'test', 'editor');

/** Every .ts file under `dir` whose name passes `keep`. */
function filesUnder(dir, keep) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const entryPoints = [
  path.join(source, 'harness', 'main.ts'),
  path.join(source, 'harness', 'codeServerWrapper.ts'),
  ...filesUnder(path.join(source, 'suite'), (name) => name === 'index.ts' || name.endsWith('.test.ts')),
  ...filesUnder(path.join(source, 'ui'), (name) => name.endsWith('.test.ts')),
];

rmSync(outdir, { recursive: true, force: true });
// One bundle per entry; packages (mocha, playwright-core, ajv, …) and the editor API stay external.
await build({
  entryPoints,
  outbase: source,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  packages: 'external',
  external: ['vscode'],
  logLevel: 'warning',
});

// test-electron spawns `vscodeExecutablePath` directly: give it an executable that runs the
// wrapper bundle with this very Node.
const wrapper = path.join(outdir, 'harness', 'code-server-wrapper');
mkdirSync(path.dirname(wrapper), { recursive: true });
writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${path.join(outdir, 'harness', 'codeServerWrapper.js')}" "$@"\n`);
chmodSync(wrapper, 0o755);

const { main } = await import(pathToFileURL(path.join(outdir, 'harness', 'main.js')).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`[editor] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
