// `npm run bench:editor`: bundles the editor benchmark (scripts/bench-editor/main.ts) and the
// extension's analysis thread into out/bench-editor/ with esbuild — the same code the extension
// runs, from its sources — then runs it. Arguments are passed on (see main.ts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'bench-editor');

rmSync(outdir, { recursive: true, force: true });
// web-tree-sitter reads import.meta.url to find its files; a CommonJS bundle has none (as in scripts/build.mjs).
const importMeta = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } };
await build({
  entryPoints: { main: path.join(root, 'scripts', 'bench-editor', 'main.ts'), analysisWorker: path.join(root, 'src', 'extension', 'analysisWorker.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: true,
  // As dist/ is built; a profile wants the functions' own names.
  minify: !process.argv.some((arg) => arg.startsWith('--profile')),
  // playwright-core drives the browser; it stays a package.
  external: ['playwright-core'],
  logLevel: 'warning',
  ...importMeta,
});

const { main } = await import(pathToFileURL(path.join(outdir, 'main.js')).href);
process.exitCode = await main(process.argv.slice(2));
