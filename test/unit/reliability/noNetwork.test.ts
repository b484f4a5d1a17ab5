import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { builtBundles, listFiles, PROJECT, runBundledCli, runCliProcess, tempTree } from './reliabilityHelpers';

const NETWORK_MODULES = ['http', 'https', 'net', 'tls', 'dns', 'dns/promises', 'http2', 'dgram', 'undici', 'ws'];
const MODULE_NAMES = NETWORK_MODULES.map((m) => m.replace('/', '\\/')).join('|');
/** `require("net")`, `require('node:https')`, `import("dns")`, `from 'tls'`. */
const NETWORK_IMPORT = new RegExp(`(?:require|import)\\s*\\(\\s*["'\`](?:node:)?(?:${MODULE_NAMES})["'\`]\\s*\\)|\\bfrom\\s*["'](?:node:)?(?:${MODULE_NAMES})["']`, 'g');
/** Browser network APIs, also available as globals in Node 20. */
const NETWORK_GLOBAL = /\b(?:fetch|WebSocket|XMLHttpRequest|EventSource)\b/g;
/**
 * The one place a bundle may name them: web-tree-sitter's Emscripten loader, whose browser branch
 * (`fetch`/`XMLHttpRequest` of the .wasm) is dead in Node, where it reads the file with fs. The
 * runtime test below shows it is never taken.
 */
const ALLOWED_SOURCE = /node_modules\/web-tree-sitter\//;

/** Line (0-based) of every offset, for the source map. */
function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Preloaded (`--require`) into a pi-audit process: every network module and global is replaced by
 * a stub that records the attempt (in $PI_AUDIT_NETWORK_LOG) and throws. Written out as a file at
 * test time; plain CommonJS, so it runs before the bundle or tsx without any compilation.
 */
const NETWORK_STUB = `const Module = require('node:module');
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

// Which threads run with the stubs: the scan's worker threads must too.
if (process.env.PI_AUDIT_STUB_THREADS) fs.appendFileSync(process.env.PI_AUDIT_STUB_THREADS, \`\${threadId}\\n\`);

const NETWORK_MODULES = new Set(${JSON.stringify(NETWORK_MODULES)});

function attempt(what) {
  fs.appendFileSync(process.env.PI_AUDIT_NETWORK_LOG, \`\${what}\\n\`);
  throw new Error(\`network use is forbidden: \${what}\`);
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (NETWORK_MODULES.has(name)) attempt(\`require(\${request})\`);
  return load.call(this, request, parent, isMain);
};

for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource']) {
  Object.defineProperty(globalThis, name, { configurable: true, get: () => () => attempt(name) });
}
`;

describe('reliability: nothing goes over the network', function () {
  this.timeout(300_000);
  let stub: string;
  before(() => {
    stub = path.join(tempTree({}), 'no-network.js');
    fs.writeFileSync(stub, NETWORK_STUB);
  });

  it('imports no network module and calls no network API anywhere in src/', () => {
    const found: string[] = [];
    for (const file of listFiles(path.join(PROJECT, 'src')).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(PROJECT, 'src', file), 'utf8');
      for (const match of [...text.matchAll(NETWORK_IMPORT), ...text.matchAll(NETWORK_GLOBAL)]) found.push(`src/${file}: ${match[0]}`);
    }
    assert.deepEqual(found, []);
  });

  it('bundles no network module, and names fetch/WebSocket/XMLHttpRequest only in web-tree-sitter\'s browser loader', () => {
    const files = builtBundles();
    assert.ok(files.some((f) => f.endsWith('cli.js')), files.join(', '));
    const imports: string[] = [];
    const elsewhere: string[] = [];
    let allowed = 0;
    for (const file of files) {
      const code = fs.readFileSync(file, 'utf8');
      for (const match of code.matchAll(NETWORK_IMPORT)) imports.push(`${path.basename(file)}: ${match[0]}`);
      const mapFile = `${file}.map`;
      assert.ok(fs.existsSync(mapFile), `${path.basename(file)} has a source map to trace names to their package`);
      const map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      const lineStarts = [0];
      for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
      for (const match of code.matchAll(NETWORK_GLOBAL)) {
        const line = lineOf(lineStarts, match.index);
        const entry = map.findEntry(line, match.index - lineStarts[line]) as { originalSource?: string };
        if (entry.originalSource && ALLOWED_SOURCE.test(entry.originalSource)) allowed++;
        else elsewhere.push(`${path.basename(file)}: ${match[0]} from ${entry.originalSource ?? '?'}: …${code.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
      }
    }
    assert.deepEqual(imports, []);
    assert.deepEqual(elsewhere, []);
    assert.ok(allowed > 0, 'the web-tree-sitter loader was recognised (else this test would not see names at all)');
  });

  it('scans and writes the checklist with every network module and global replaced by a throwing stub (bundle and sources)', async () => {
    const log = path.join(tempTree({}), 'network.log');
    const threads = path.join(path.dirname(log), 'threads.log');
    const repo = tempTree({});
    fs.cpSync(path.join(PROJECT, 'examples', 'subsidiary'), repo, { recursive: true });
    fs.rmSync(path.join(repo, 'pi-disposition.yaml'), { force: true });
    // Enough files (over 32) for the scan to start its worker threads.
    fs.cpSync(path.join(PROJECT, 'test', 'fixtures', 'extract'), path.join(repo, 'more'), { recursive: true });

    // The stub itself works: a process that reaches for the network is caught.
    const probe = spawnSync(process.execPath, ['--require', stub, '-e', "require('node:https')"], { env: { ...process.env, PI_AUDIT_NETWORK_LOG: log }, encoding: 'utf8' });
    assert.notEqual(probe.status, 0);
    assert.equal(fs.readFileSync(log, 'utf8'), 'require(node:https)\n');
    fs.rmSync(log);

    const stubbed = { preload: [stub], env: { PI_AUDIT_NETWORK_LOG: log, PI_AUDIT_STUB_THREADS: threads } };
    const scan = await runBundledCli(['scan', repo, '--format', 'json'], stubbed);
    assert.ok(scan.code === 0 || scan.code === 1, `bundle scan exit ${String(scan.code)}: ${scan.stderr}`);
    const report = JSON.parse(scan.stdout) as { stats: { files: number }; fields: { file: string }[] };
    assert.ok(report.stats.files >= 20 && report.fields.length > 50, `a full scan ran: ${report.stats.files} files, ${report.fields.length} fields`);
    for (const extension of ['ts', 'py', 'java', 'go', 'cs']) assert.ok(report.fields.some((f) => f.file.endsWith(`.${extension}`)), `the .${extension} grammar was loaded`);
    assert.ok(fs.readFileSync(threads, 'utf8').split('\n').some((id) => Number(id) > 0), 'the worker threads ran with the stubs too');
    const checklist = await runBundledCli(['checklist', repo], stubbed);
    assert.equal(checklist.code, 0, checklist.stderr);
    assert.ok(fs.existsSync(path.join(repo, 'pi-disposition.yaml')));

    const fromSources = await runCliProcess(['scan', repo, '--format', 'sarif'], stubbed);
    assert.ok(fromSources.code === 0 || fromSources.code === 1, fromSources.stderr);
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '', 'no network attempt');
  });
});
