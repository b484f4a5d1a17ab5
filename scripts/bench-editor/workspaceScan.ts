/**
 * The workspace scan of the README's example as the extension runs it (`FolderAudit.scan`: the
 * scan runs on the analysis thread, which hands every file over; then the folder's audit and the
 * Problems-panel plan on this thread). Cold: in a fresh process, the configuration loaded, the
 * analysis thread started, its engine built and its grammars compiled — the scan on startup.
 * Warm: again in the same process — "PI Audit: Scan Workspace" run once more.
 */
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { PiAuditConfig } from '../../src/core/config/model';
import { systemName } from '../../src/core/scan/auditFields';
import { planDiagnostics } from '../../src/extension/diagnosticPlan';
import { inThreadAnalyzer, threadAnalyzer, type BenchAnalyzer } from './analyzers';
import { measured, spread, type Sample, type Spread } from './measure';

export interface ScanFigures {
  files: number;
  fields: number;
  sample: Sample;
}

export interface ScanResultRow {
  label: string;
  files: number;
  fields: number;
  wall: Spread;
  cpu: Spread;
}

/** One scan from nothing: configuration, analysis thread (or engine on this thread), scan, audit. */
export async function coldScan(root: string, bundleDir: string, inThread: boolean): Promise<ScanFigures> {
  const { value, sample } = await measured(async () => {
    const { config } = await loadConfig({ folder: root });
    const analyzer = inThread ? inThreadAnalyzer(config) : threadAnalyzer(config, bundleDir);
    try {
      return await scanOnce(root, config, analyzer);
    } finally {
      analyzer.dispose();
    }
  });
  return { ...value, sample };
}

/** Cold scans, each in a new Node process running `entry` with `args` (which prints `ScanFigures` as JSON). */
export function coldScans(runs: number, entry: string, args: readonly string[]): ScanResultRow {
  const figures: ScanFigures[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the cold scan failed (exit ${child.status ?? child.signal}):\n${child.stderr}`);
    figures.push(JSON.parse(child.stdout) as ScanFigures);
  }
  return row('scan on startup (fresh process: engine, thread, grammars)', figures);
}

/** Scans again and again with the same analysis thread (or engine). */
export async function warmScans(root: string, bundleDir: string, inThread: boolean, runs: number, warmup: number): Promise<ScanResultRow> {
  const { config } = await loadConfig({ folder: root });
  const analyzer = inThread ? inThreadAnalyzer(config) : threadAnalyzer(config, bundleDir);
  const figures: ScanFigures[] = [];
  try {
    for (let run = 0; run < warmup + runs; run++) {
      const { value, sample } = await measured(() => scanOnce(root, config, analyzer));
      if (run >= warmup) figures.push({ ...value, sample });
    }
  } finally {
    analyzer.dispose();
  }
  return row('scan again (command, engine and thread warm)', figures);
}

async function scanOnce(root: string, config: PiAuditConfig, analyzer: BenchAnalyzer): Promise<{ files: number; fields: number }> {
  const { index } = await analyzer.scan(root);
  const audit = index.audit({ config, lang: 'en', system: systemName(root, config) });
  planDiagnostics(audit.diagnostics, new Map(), () => '');
  return { files: index.size, fields: audit.fields.length };
}

function row(label: string, figures: readonly ScanFigures[]): ScanResultRow {
  return {
    label,
    files: figures[0]?.files ?? 0,
    fields: figures[0]?.fields ?? 0,
    wall: spread(figures.map((f) => f.sample.wallMs)),
    cpu: spread(figures.map((f) => f.sample.cpuMs)),
  };
}
