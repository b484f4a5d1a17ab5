/**
 * `npm run bench:editor`: the editor performance targets of issue 4, measured (never a timed
 * test). Runs, each several times, and prints the median and worst wall time with the process's
 * CPU time (the machine may be busy with other work, CPU time shows what the work itself costs):
 *  - activation on the example workspace, in code-server (see activation.ts);
 *  - per-edit latency on generated 1,000-line files (see editLatency.ts);
 *  - the workspace scan of the README's example (see workspaceScan.ts).
 * Options: --only=activation,edit,scan  --runs=N  --in-thread (analyse on the host thread, as
 * before the analysis thread)  --json=FILE  --profile=DIR (CPU profiles of the edits, analysed
 * on the host thread so that they are in it, and a summary by phase)  --extension=DIR (activate
 * another checkout's build, e.g. to compare with an earlier commit).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../test/editor/harness/repoRoot';
import { benchEdits, benchLargeFolder } from './editLatency';
import { copyExample } from './exampleWorkspace';
import { extensionLoads, loadOnce } from './extensionLoad';
import { allMet, markdownTable, type TableRow } from './table';
import { coldScan, coldScans, warmScans } from './workspaceScan';

const ACTIVATION_TARGET_MS = 150;
const EDIT_TARGET_MS = 50;
const SCAN_TARGET_MS = 1000;

interface Options {
  only: Set<string>;
  runs?: number;
  inThread: boolean;
  json?: string;
  profileDir?: string;
  /** The extension (a checkout with a build in dist/) the activation run loads: default this one. */
  extension?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only')?.split(',') ?? ['activation', 'edit', 'scan'];
  const runs = value('runs');
  const profileDir = value('profile');
  const extension = value('extension');
  return {
    only: new Set(only),
    runs: runs === undefined ? undefined : Number(runs),
    inThread: argv.includes('--in-thread') || profileDir !== undefined,
    json: value('json'),
    profileDir,
    extension: extension === undefined ? undefined : path.resolve(extension),
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  // A child of the cold-scan measurement: one scan, its figures on stdout.
  const options = parseArgs(argv);
  const bundle = argv.find((arg) => arg.startsWith('--load-extension='))?.slice('--load-extension='.length);
  if (bundle !== undefined) {
    console.log(JSON.stringify(loadOnce(bundle)));
    return 0;
  }
  const coldRoot = argv.find((arg) => arg.startsWith('--cold-scan='))?.slice('--cold-scan='.length);
  if (coldRoot !== undefined) {
    console.log(JSON.stringify(await coldScan(coldRoot, __dirname, options.inThread)));
    return 0;
  }
  const root = repoRoot(__dirname);
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const log = (line: string): void => console.error(`[bench:editor] ${line}`);
  log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}`);

  if (options.only.has('activation')) {
    const extension = options.extension ?? root;
    log(`loading ${path.join(extension, 'dist', 'extension.js')} in Node…`);
    const load = extensionLoads(options.runs ?? 10, path.join(__dirname, 'main.js'), path.join(extension, 'dist', 'extension.js'));
    rows.push({ measure: 'loading dist/extension.js in Node (vscode stubbed, fresh process)', wall: load.wall, cpu: load.cpu });
    // Builds that split the core off load it after activation (src/extension/extensionCore.ts).
    const core = path.join(extension, 'dist', 'extensionCore.js');
    if (existsSync(core)) {
      const coreLoad = extensionLoads(options.runs ?? 10, path.join(__dirname, 'main.js'), core);
      rows.push({ measure: 'loading dist/extensionCore.js in Node (after activation)', wall: coreLoad.wall, cpu: coreLoad.cpu, part: true });
    }
    log('activation: code-server with the example workspace…');
    // Loaded only here: playwright-core is large, and the cold-scan children never need it.
    const { benchActivation } = await import('./activation');
    const outcome = await benchActivation(root, options.extension ?? root, options.runs ?? 5, log);
    if ('skipped' in outcome) {
      notes.push(`activation not measured: ${outcome.skipped}`);
    } else {
      rows.push({ measure: 'activation on the example workspace (VS Code: load code + activate())', target: ACTIVATION_TARGET_MS, wall: outcome.result.activation });
      rows.push({ measure: 'loading the extension\'s code (require, extension host marks)', wall: outcome.result.codeLoad, part: true });
      rows.push({ measure: 'activate() call (extension log)', wall: outcome.result.activateCall, part: true });
      rows.push({ measure: 'other extensions of the window (VS Code, for comparison)', wall: outcome.result.others, part: true });
      if (outcome.result.coreLoad.runs > 0) rows.push({ measure: 'loading the core bundle after activation (extension log)', wall: outcome.result.coreLoad });
      rows.push({ measure: 'startup scan in the editor (extension log)', target: SCAN_TARGET_MS, wall: outcome.result.startupScan });
      rows.push({ measure: 'require of the extension begins → startup scan done (extension log: code, activate, core, folders, scan)', wall: outcome.result.toResults, part: true });
      rows.push({ measure: 'window opened → the status bar shows the scan\'s counts (browser)', wall: outcome.result.windowToResults, part: true });
    }
  }

  const example = copyExample(root);
  try {
    if (options.only.has('edit')) {
      log(`per-edit latency (${options.inThread ? 'analysis on the host thread' : 'analysis thread'})…`);
      if (options.profileDir !== undefined) mkdirSync(options.profileDir, { recursive: true });
      for (const result of await benchEdits({ workspace: example.root, bundleDir: __dirname, runs: options.runs ?? 20, warmup: 5, inThread: options.inThread, profileDir: options.profileDir })) {
        if (result.profile) notes.push(result.profile.join('\n'));
        rows.push({ measure: `typing pauses → diagnostics, after the debounce: ${result.document} (${result.fields} fields, ${result.diagnostics} diagnostics)`, target: EDIT_TARGET_MS, wall: result.afterDebounce });
        rows.push({ measure: 'longest host-thread hold-up while typing (event-loop delay)', target: EDIT_TARGET_MS, wall: result.typingBlock, part: true });
        rows.push({ measure: 'one edit, step by step (no timers)', wall: result.latency, cpu: result.latencyCpu, part: true });
        rows.push({ measure: options.inThread ? 'analysis (host thread)' : 'analysis (analysis thread)', wall: result.analysis, cpu: result.analysisCpu, part: true });
        rows.push({ measure: 're-audit of the folder (host thread)', wall: result.audit, cpu: result.auditCpu, part: true });
        rows.push({ measure: 'diagnostics + inventory + status (host thread)', wall: result.diagnosticsMs, part: true });
        rows.push({ measure: 'longest host-thread stretch of the steps', wall: result.hostLongest, part: true });
      }
      log('re-audit of a large folder…');
      const large = await benchLargeFolder({ workspace: example.root, bundleDir: __dirname, runs: options.runs ?? 20, warmup: 3, inThread: options.inThread });
      rows.push({ measure: `re-audit after an edit, large folder (${large.files} files, ${large.fields} fields): incremental (host thread)`, wall: large.incremental, cpu: large.incrementalCpu });
      rows.push({ measure: 'the same re-audit without the audit cache', wall: large.full, cpu: large.fullCpu, part: true });
    }
    if (options.only.has('scan')) {
      log('workspace scan of examples/subsidiary…');
      const childArgs = [`--cold-scan=${example.root}`, ...(options.inThread ? ['--in-thread'] : [])];
      rows.push({ ...scanRow(coldScans(options.runs ?? 10, path.join(__dirname, 'main.js'), childArgs)), target: SCAN_TARGET_MS });
      rows.push(scanRow(await warmScans(example.root, __dirname, options.inThread, options.runs ?? 10, 2)));
    }
  } finally {
    example.remove();
  }

  console.log(markdownTable(rows));
  for (const note of notes) console.log(`\n${note}`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg(), rows, notes }, null, 2)}\n`);
  console.log(`\n${allMet(rows) ? 'all measured targets met' : 'some targets NOT met'} (medians; CPU = whole process, all threads)`);
  return 0;
}

function scanRow(row: ReturnType<typeof coldScans>): TableRow {
  return { measure: `${row.label}: ${row.files} files, ${row.fields} PI fields`, wall: row.wall, cpu: row.cpu };
}

// Run directly (the cold-scan children): `node out/bench-editor/main.js --cold-scan=<root>`.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
