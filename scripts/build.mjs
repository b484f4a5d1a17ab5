// Bundles the CLI and the extension with esbuild (one file each, like rust-analyzer's editors/code)
// and copies the WebAssembly grammars the extractors load into dist/grammars/.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { writeCompiledSchemas } from './compile-schemas.mjs';

const require = createRequire(import.meta.url);
const grammars = ['typescript', 'tsx', 'javascript', 'python', 'java', 'go', 'c_sharp'];
const watch = process.argv.includes('--watch');

// The JSON Schemas as validation code (src/core/config/compiledSchemas.ts), rewritten when a schema changed.
if (writeCompiledSchemas()) console.log('build: recompiled the JSON Schemas into src/core/config/compiledSchemas.ts');
mkdirSync('dist/grammars', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/grammars/tree-sitter.wasm');
for (const name of grammars) {
  copyFileSync(require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`), `dist/grammars/tree-sitter-${name}.wasm`);
}

// web-tree-sitter reads import.meta.url to find its files; a CommonJS bundle has none, so give it this file's URL.
const importMeta = { define: { 'import.meta.url': 'importMetaUrl' }, banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" } };
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: !watch && !process.env.PI_AUDIT_NO_MINIFY, ...importMeta };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
// The scan's worker threads (src/core/scan/workerPool.ts) start this file; the CLI and the extension share it.
await build({ ...common, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' });
chmodSync('dist/cli.js', 0o755);
if (existsSync('src/extension/extension.ts')) {
  // Activation loads only dist/extension.js (src/extension/extension.ts: registrations); its
  // `import('./extensionCore')` becomes a require of its own bundle, loaded after activation.
  const coreApart = { name: 'extension-core-apart', setup(b) { b.onResolve({ filter: /^\.\/extensionCore$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './extensionCore.js', external: true } : undefined)); } };
  const shell = await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [coreApart], supported: { 'dynamic-import': false }, metafile: true });
  // What activation waits for must stay small: the engine and its libraries belong in the core.
  const heavy = Object.keys(shell.metafile.inputs).filter((input) => input.startsWith('node_modules/') || (input.startsWith('src/core/') && !input.startsWith('src/core/i18n/')));
  if (heavy.length > 0) throw new Error(`dist/extension.js (activation) must not bundle the engine; it imports ${heavy.join(', ')}: import it from src/extension/extensionCore.ts's side instead`);
  await build({ ...common, entryPoints: ['src/extension/extensionCore.ts'], outfile: 'dist/extensionCore.js', external: ['vscode'] });
  // The extension analyses edited documents on this thread (src/extension/documentAnalyzer.ts).
  await build({ ...common, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' });
}
