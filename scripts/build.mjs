// Bundles the CLI and the extension with esbuild (one file each, like rust-analyzer's editors/code)
// and copies the WebAssembly grammars the extractors load into dist/grammars/.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const grammars = ['typescript', 'tsx', 'javascript', 'python', 'java', 'go', 'c_sharp'];
const watch = process.argv.includes('--watch');

mkdirSync('dist/grammars', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/grammars/tree-sitter.wasm');
for (const name of grammars) {
  copyFileSync(require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`), `dist/grammars/tree-sitter-${name}.wasm`);
}

// web-tree-sitter reads import.meta.url to find its files; a CommonJS bundle has none, so give it this file's URL.
const importMeta = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } };
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: !watch, ...importMeta };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
// The scan's worker threads (src/core/scan/workerPool.ts) start this file; the CLI and the extension share it.
await build({ ...common, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' });
chmodSync('dist/cli.js', 0o755);
if (existsSync('src/extension/extension.ts')) {
  await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
  // The extension analyses edited documents on this thread (src/extension/documentAnalyzer.ts).
  await build({ ...common, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' });
}
