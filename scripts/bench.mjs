// `npm run bench [-- --sizes 100k,1M,3M] [--seed 1] [--workdir DIR] [--keep] [--no-build]`
//
// Generates a synthetic monorepo per size (scripts/bench/generate.mjs, deterministic from the
// seed), then measures in child processes, as a user runs them:
//   cold     `pi-audit scan --format json` with an empty cache
//   warm     the same again, nothing changed
//   changed  after 1% of the files were regenerated
//   rg       ripgrep over the same tree with a regular expression of PI words (read every byte once)
// and prints wall time, CPU time, peak RSS, files/s, lines/s and MB/s for each, the ratio of the
// cold scan to rg, and whether the warm and changed scans report exactly what a scan without
// cache reports for the same tree. Exit code 1 when an equivalence check fails; the speed
// targets are reported, not enforced (machine load varies).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { compareReports } from './bench/equivalence.mjs';
import { changeTree, generateTree } from './bench/generate.mjs';
import { measure } from './bench/measure.mjs';

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1M' },
    seed: { type: 'string', default: '1' },
    workdir: { type: 'string', default: path.join(os.tmpdir(), 'pi-audit-bench') },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

/** Words a reviewer would grep for: Chinese, English and pinyin-initial column names. */
const PI_REGEX = '身份证|手机|姓名|住址|地址|邮箱|银行卡|出生日期|护照|id_?card|mobile|phone|e-?mail|address|birthday|bank_?card|passport|real_?name|sfzh|sjhm|jtdz';
const TARGETS = { coldS: 5, coldRssMB: 400, warmS: 0.5, changedS: 1, rgRatio: 10, growth3M: 3.3 };

const sizes = flags.sizes.split(',').map(parseSize);
const seed = Number(flags.seed);
const workdir = path.resolve(flags.workdir);
mkdirSync(workdir, { recursive: true });

// A private copy of the build: another build of the checkout during the run cannot change what is measured.
if (!flags['no-build']) run(process.execPath, ['scripts/build.mjs']);
const dist = path.join(workdir, 'dist');
rmSync(dist, { recursive: true, force: true });
cpSync('dist', dist, { recursive: true });
const cli = path.join(dist, 'cli.js');

// A generous per-file budget: on a loaded machine a big dump may overrun 2 s, and a timeout
// would change the findings the equivalence check compares. Everything else is the default.
const config = path.join(workdir, 'bench.piaudit.yaml');
writeFileSync(config, '# pi-audit benchmark: defaults, with a per-file budget no machine load can exceed\nfileTimeoutMs: 60000\n');

const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
const haveRg = rgVersion.status === 0;
console.log(`pi-audit benchmark · node ${process.version} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}) · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(haveRg ? `reference: ${rgVersion.stdout.split('\n')[0]} -i -c "${PI_REGEX}"` : 'reference: rg not found (Debian: apt-get install ripgrep); the rg column is left out');
if (os.loadavg()[0] > os.cpus().length / 2) console.log('note: the machine is busy; wall times are longer than on an idle machine (CPU times less so).');

const rows = [];
let failures = 0;
for (const size of sizes) {
  const tree = path.join(workdir, `tree-${size.label}`);
  const generated = Date.now();
  const manifest = generateTree({ dir: tree, lines: size.lines, seed });
  const totals = manifest.totals;
  console.log(`\n${size.label}: ${totals.files} files, ${totals.lines} lines, ${(totals.bytes / 1e6).toFixed(1)} MB of text (+ ${manifest.skippedByDesign.binaries} binaries, ${manifest.skippedByDesign.dependencies} files in node_modules) generated in ${((Date.now() - generated) / 1000).toFixed(1)} s`);

  rmSync(path.join(tree, '.piaudit-cache'), { recursive: true, force: true });
  const cold = scan(tree, 'cold');
  const warm = scan(tree, 'warm');
  const warmCheck = compareReports(cold.report, warm.report);
  const changedFiles = changeTree({ dir: tree, manifest, fraction: 0.01, seed: seed + 1 });
  const changed = scan(tree, 'changed');
  const reference = scan(tree, 'reference', ['--no-cache']);
  const changedCheck = compareReports(reference.report, changed.report);
  const rg = haveRg ? measure('rg', ['-i', '-c', '--no-messages', '--hidden', '--no-require-git', '-g', '!node_modules/', '-g', '!.piaudit-cache/', '-e', PI_REGEX, tree]) : undefined;

  for (const [name, check] of [['warm = cold', warmCheck], [`changed (${changedFiles.length} files) = no-cache scan`, changedCheck]]) {
    console.log(`  equivalence ${name}: ${check.equal ? 'identical findings' : `DIFFERENT — ${check.difference}`}`);
    if (!check.equal) failures++;
  }
  const lines = manifest.totals.lines;
  const bytes = manifest.totals.bytes;
  for (const [kind, m] of [['cold', cold], ['warm', warm], ['1% changed', changed], ['rg', rg]]) {
    if (!m) continue;
    rows.push({ size: size.label, kind, files: m.report?.stats.files ?? totals.files, lines, bytes, wallS: m.wallS, cpuS: m.cpuS, rssMB: m.rssMB, scanMs: m.report?.stats.ms, rgS: rg?.wallS });
  }
  if (!flags.keep) rmSync(tree, { recursive: true, force: true });
}

printTable(rows);
printTargets(rows);
writeFileSync(path.join(workdir, 'bench-results.json'), `${JSON.stringify({ node: process.version, cpus: os.cpus().length, seed, rows }, null, 2)}\n`);
console.log(`\nresults: ${path.join(workdir, 'bench-results.json')}`);
process.exitCode = failures > 0 ? 1 : 0;

/** One `pi-audit scan` of the tree, measured; its JSON report is read back for the checks. */
function scan(tree, name, extra = []) {
  const output = path.join(workdir, `${path.basename(tree)}-${name}.json`);
  const m = measure(process.execPath, [cli, 'scan', tree, '--format', 'json', '--output', output, '--quiet', '--config', config, ...extra]);
  if (m.status !== 0 && m.status !== 1) throw new Error(`pi-audit scan (${name}) failed with exit code ${m.status}:\n${m.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  if (!flags.keep) rmSync(output, { force: true });
  return { ...m, report };
}

function printTable(all) {
  console.log('\n| size | run | wall s | scan s | CPU s | peak RSS MB | files/s | lines/s | MB/s | × rg |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of all) {
    const cells = [
      r.size, r.kind, r.wallS.toFixed(2), r.scanMs === undefined ? '' : (r.scanMs / 1000).toFixed(2), r.cpuS?.toFixed(2) ?? 'n/a', r.rssMB?.toFixed(0) ?? 'n/a',
      Math.round(r.files / r.wallS).toLocaleString('en'), Math.round(r.lines / r.wallS).toLocaleString('en'), (r.bytes / 1e6 / r.wallS).toFixed(1),
      r.kind === 'rg' || !r.rgS ? '' : (r.wallS / r.rgS).toFixed(1),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

function printTargets(all) {
  const find = (size, kind) => all.find((r) => r.size === size && r.kind === kind);
  const checks = [];
  const cold1 = find('1M', 'cold');
  if (cold1) {
    checks.push([`1M cold ≤ ${TARGETS.coldS} s wall`, cold1.wallS <= TARGETS.coldS, `${cold1.wallS.toFixed(2)} s`]);
    if (cold1.rssMB !== null) checks.push([`1M cold ≤ ${TARGETS.coldRssMB} MB peak RSS`, cold1.rssMB <= TARGETS.coldRssMB, `${cold1.rssMB.toFixed(0)} MB`]);
    if (cold1.rgS) checks.push([`1M cold within ${TARGETS.rgRatio}× rg`, cold1.wallS / cold1.rgS <= TARGETS.rgRatio, `${(cold1.wallS / cold1.rgS).toFixed(1)}×`]);
  }
  const warm1 = find('1M', 'warm');
  if (warm1) checks.push([`1M warm ≤ ${TARGETS.warmS} s`, warm1.wallS <= TARGETS.warmS, `${warm1.wallS.toFixed(2)} s`]);
  const changed1 = find('1M', '1% changed');
  if (changed1) checks.push([`1M after 1% change ≤ ${TARGETS.changedS} s`, changed1.wallS <= TARGETS.changedS, `${changed1.wallS.toFixed(2)} s`]);
  const cold3 = find('3M', 'cold');
  if (cold1 && cold3) checks.push([`3M cold ≤ ${TARGETS.growth3M}× 1M cold`, cold3.wallS / cold1.wallS <= TARGETS.growth3M, `${(cold3.wallS / cold1.wallS).toFixed(2)}×`]);
  if (checks.length === 0) return;
  console.log('\ntargets (issue 5, default 1M-line tree):');
  for (const [name, met, value] of checks) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}: ${value}`);
}

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`--sizes: "${text}" is not a line count like 100k, 1M or 250000`);
  const lines = Math.round(Number(match[1]) * (match[2].toLowerCase() === 'k' ? 1e3 : match[2].toLowerCase() === 'm' ? 1e6 : 1));
  const label = lines >= 1e6 ? `${lines / 1e6}M` : lines >= 1e3 ? `${lines / 1e3}k` : String(lines);
  return { lines, label };
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

