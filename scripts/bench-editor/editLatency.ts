/**
 * Per-edit latency: what the extension does after the debounce of an edit to a 1,000-line file,
 * run in Node outside VS Code with the extension's own code — the document is analysed on the
 * analysis thread (`DocumentAnalyzer`, as `AuditWorkspace.analyzeDocument` does), its folder
 * (the example workspace plus the edited file) is re-audited (`FolderIndex.audit`, as
 * `FolderAudit.reaudit`), the Problems-panel update is planned with ranges for the files that
 * changed (`planDiagnostics`, `diagnosticSpan`, as `DiagnosticsPublisher.publish`), and the
 * inventory and status bar are recomputed (`buildInventory`, `countFields`).
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { PiAuditConfig } from '../../src/core/config/model';
import { auditFields, systemName, type Audit } from '../../src/core/scan/auditFields';
import type { FolderIndex } from '../../src/core/scan/auditDocument';
import { diagnosticSpan, planDiagnostics } from '../../src/extension/diagnosticPlan';
import { EarlyAnalyses } from '../../src/extension/earlyAnalyses';
import { EARLY_ANALYSIS_MS, EDIT_DEBOUNCE_MS } from '../../src/extension/editTiming';
import { countFields } from '../../src/extension/fieldState';
import { IdleTracker } from '../../src/extension/idleTracker';
import { KeyedDebouncer } from '../../src/extension/keyedDebouncer';
import { buildInventory } from '../../src/extension/inventoryModel';
import { inThreadAnalyzer, threadAnalyzer, type BenchAnalyzer } from './analyzers';
import { benchDocuments, typedEdit, type BenchDocument } from './documents';
import { busyClock, measured, spread, type Spread } from './measure';
import { CpuProfiler, microseconds, summarize, summaryLines, type PhaseWindow } from './profile';

export interface EditOptions {
  /** The example workspace (a throwaway copy) the edited file is added to. */
  workspace: string;
  /** Folder of the running bundle (where analysisWorker.js is). */
  bundleDir: string;
  runs: number;
  warmup: number;
  /** Analyse on this thread instead of the analysis thread (how the extension did it before). */
  inThread: boolean;
  /** Write a CPU profile of each document's measured edits here (with `inThread`, so the analysis is in it). */
  profileDir?: string;
}

export interface EditResult {
  document: string;
  fields: number;
  diagnostics: number;
  /**
   * Typing, then a pause: the debounce fires → diagnostics planned, with the extension's own
   * timers (early analysis on the thread, then the debounce); see `typedBursts`.
   */
  afterDebounce: Spread;
  /** Longest time the host thread's event loop was held up during a burst and its results. */
  typingBlock: Spread;
  /** Analysis + re-audit + diagnostics + views, one after the other, no timers. */
  latency: Spread;
  latencyCpu: Spread;
  analysis: Spread;
  analysisCpu: Spread;
  audit: Spread;
  auditCpu: Spread;
  diagnosticsMs: Spread;
  /** The extension host thread's busy time during the edit, and its longest uninterrupted stretch. */
  hostBusy: Spread;
  hostLongest: Spread;
  /** The profile's summary, with `profileDir`. */
  profile?: string[];
}

export async function benchEdits(options: EditOptions): Promise<EditResult[]> {
  const { config } = await loadConfig({ folder: options.workspace });
  const analyzer = options.inThread ? inThreadAnalyzer(config) : threadAnalyzer(config, options.bundleDir);
  const results: EditResult[] = [];
  try {
    for (const document of benchDocuments()) results.push(await benchDocument(document, config, analyzer, options));
  } finally {
    analyzer.dispose();
  }
  return results;
}

async function benchDocument(document: BenchDocument, config: PiAuditConfig, analyzer: BenchAnalyzer, options: EditOptions): Promise<EditResult> {
  const system = systemName(options.workspace, config);
  // The folder as the startup scan left it, then the new file opened in an editor.
  const { index } = await analyzer.scan(options.workspace);
  const opened = await analyzer.analyze(document.relPath, document.text);
  index.set(opened.analysis, document.text, opened.lines);
  let published = planDiagnostics(index.audit({ config, lang: 'en', system }).diagnostics, new Map(), () => '').signatures;
  const samples: Record<'latency' | 'latencyCpu' | 'analysis' | 'analysisCpu' | 'audit' | 'auditCpu' | 'diagnostics' | 'busy' | 'longest', number[]> = {
    latency: [], latencyCpu: [], analysis: [], analysisCpu: [], audit: [], auditCpu: [], diagnostics: [], busy: [], longest: [],
  };
  let last: Audit | undefined;
  const profiler = options.profileDir === undefined ? undefined : new CpuProfiler();
  const windows: PhaseWindow[] = [];
  const phase = (name: string, start: number): number => {
    const end = microseconds();
    if (profiler) windows.push({ phase: name, start, end });
    return end;
  };
  for (let run = 0; run < options.warmup + options.runs; run++) {
    if (run === options.warmup) await profiler?.start();
    const text = typedEdit(document, run);
    const version = String(run + 1);
    const busy = busyClock();
    const edit = await measured(async () => {
      // The debounce fired: analyse (a turn of the event loop per step, as in the extension).
      const analysisBusy = busyClock();
      let at = microseconds();
      const analysed = await measured(() => analyzer.analyze(document.relPath, text));
      const analysisSlice = analysisBusy();
      at = phase('analysis', at);
      index.set(analysed.value.analysis, text, analysed.value.lines);
      // `refresh` runs in its own turn: re-audit, publish, views.
      const refreshed = await measured(() => index.audit({ config, lang: 'en', system }));
      at = phase('re-audit', at);
      const audit = refreshed.value;
      const fieldsById = new Map(audit.fields.map((f) => [f.id, f]));
      const diagnostics = await measured(() => {
        const plan = planDiagnostics(audit.diagnostics, published, (file) => (file === document.relPath ? version : ''));
        for (const { file, diagnostics: list } of plan.changed) {
          const lines = (file === document.relPath ? text : index.text(file) ?? '').split(/\r\n|\r|\n/);
          for (const d of list) diagnosticSpan(d, fieldsById.get(d.fieldId), lines[d.line - 1] ?? '');
        }
        published = plan.signatures;
        const inventory = buildInventory([{ folderKey: options.workspace, system, fields: audit.fields }], { undecidedOnly: false, sensitiveOnly: false });
        return { inventory, counts: countFields(audit.fields) };
      });
      phase('diagnostics + views', at);
      return { analysed, analysisSlice, refreshed, diagnostics, audit };
    });
    if (run < options.warmup) continue;
    const { analysed, analysisSlice, refreshed, diagnostics, audit } = edit.value;
    last = audit;
    samples.latency.push(edit.sample.wallMs);
    samples.latencyCpu.push(edit.sample.cpuMs);
    samples.analysis.push(analysed.sample.wallMs);
    samples.analysisCpu.push(analysed.sample.cpuMs);
    samples.audit.push(refreshed.sample.wallMs);
    samples.auditCpu.push(refreshed.sample.cpuMs);
    samples.diagnostics.push(diagnostics.sample.wallMs);
    samples.busy.push(busy());
    // The refresh (audit → diagnostics → views) is one synchronous stretch; the analysis is
    // another when it runs on this thread (on the analysis thread only receiving its answer is).
    samples.longest.push(Math.max(analysisSlice, refreshed.sample.wallMs + diagnostics.sample.wallMs));
  }
  let profile: string[] | undefined;
  if (profiler && options.profileDir !== undefined) {
    const file = path.join(options.profileDir, `${path.basename(document.relPath).replace(/\W+/g, '-')}.cpuprofile`);
    const phases = summarize(await profiler.stop(file), windows);
    profile = [...summaryLines(`${document.label} (${file})`, phases, options.runs)];
  }
  const typing = await typedBursts(document, index, config, system, analyzer, options);
  const analysis = index.analysis(document.relPath);
  return {
    document: document.label,
    afterDebounce: spread(typing.afterDebounce),
    typingBlock: spread(typing.blocked),
    fields: analysis?.fields.length ?? 0,
    diagnostics: last?.diagnostics.filter((d) => d.file === document.relPath).length ?? 0,
    latency: spread(samples.latency),
    latencyCpu: spread(samples.latencyCpu),
    analysis: spread(samples.analysis),
    analysisCpu: spread(samples.analysisCpu),
    audit: spread(samples.audit),
    auditCpu: spread(samples.auditCpu),
    diagnosticsMs: spread(samples.diagnostics),
    hostBusy: spread(samples.busy),
    hostLongest: spread(samples.longest),
    profile,
  };
}

/** Keystrokes of one burst, and the time between them (a steady typist). */
const BURST_KEYSTROKES = 5;
const KEYSTROKE_MS = 80;

/**
 * The editor's timing, with the extension's own pieces: a burst of keystrokes, each a new
 * version of the document; the early-analysis timer (`EARLY_ANALYSIS_MS`, analysis on the
 * thread, `EarlyAnalyses`) and the debounce (`EDIT_DEBOUNCE_MS`, `KeyedDebouncer`) restart on
 * each; when the debounce fires, `AuditWorkspace.analyzeDocument`'s steps run — take the early
 * analysis or analyse, record it, and in the next turn re-audit and plan the diagnostics. Measures
 * the debounce firing → diagnostics planned, and the event loop's longest hold-up meanwhile.
 * On this thread (`inThread`) there is no early analysis, as before the analysis thread.
 */
async function typedBursts(document: BenchDocument, index: FolderIndex, config: PiAuditConfig, system: string, analyzer: BenchAnalyzer, options: EditOptions): Promise<{ afterDebounce: number[]; blocked: number[] }> {
  const idle = new IdleTracker();
  const failures: unknown[] = [];
  const onError = (_key: string, error: unknown): void => {
    failures.push(error);
  };
  const earlyTimer = new KeyedDebouncer(EARLY_ANALYSIS_MS, idle, onError);
  const debounce = new KeyedDebouncer(EDIT_DEBOUNCE_MS, idle, onError);
  const early = new EarlyAnalyses<Awaited<ReturnType<BenchAnalyzer['analyze']>>>();
  const engine = {};
  const key = document.relPath;
  let published = planDiagnostics(index.audit({ config, lang: 'en', system }).diagnostics, new Map(), () => '').signatures;
  const afterDebounce: number[] = [];
  const blocked: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let version = 0;
  for (let run = 0; run < options.warmup + options.runs; run++) {
    let fired = 0;
    let planned = 0;
    delay.reset();
    for (let keystroke = 0; keystroke < BURST_KEYSTROKES; keystroke++) {
      const text = typedEdit(document, run * BURST_KEYSTROKES + keystroke);
      const stamp = { version: ++version, text, engine };
      if (!options.inThread) {
        earlyTimer.schedule(key, () => {
          early.start(key, stamp, () => analyzer.analyze(document.relPath, text));
          return Promise.resolve();
        });
      }
      debounce.schedule(key, async () => {
        fired = performance.now();
        const { analysis, lines } = await (early.take(key, stamp) ?? analyzer.analyze(document.relPath, text));
        index.set(analysis, text, lines);
        await new Promise<void>((resolve) => setImmediate(resolve));
        const audit = index.audit({ config, lang: 'en', system });
        const fieldsById = new Map(audit.fields.map((f) => [f.id, f]));
        const plan = planDiagnostics(audit.diagnostics, published, (file) => (file === document.relPath ? String(stamp.version) : ''));
        for (const { file, diagnostics: list } of plan.changed) {
          const lines = (file === document.relPath ? text : index.text(file) ?? '').split(/\r\n|\r|\n/);
          for (const d of list) diagnosticSpan(d, fieldsById.get(d.fieldId), lines[d.line - 1] ?? '');
        }
        published = plan.signatures;
        buildInventory([{ folderKey: options.workspace, system, fields: audit.fields }], { undecidedOnly: false, sensitiveOnly: false });
        countFields(audit.fields);
        planned = performance.now();
      });
      await sleep(KEYSTROKE_MS);
    }
    await idle.whenIdle();
    if (failures.length > 0) throw new Error(`an edit failed: ${String(failures[0])}`);
    if (run < options.warmup) continue;
    afterDebounce.push(planned - fired);
    blocked.push(delay.max / 1e6);
  }
  delay.disable();
  earlyTimer.dispose();
  debounce.dispose();
  return { afterDebounce, blocked };
}

export interface LargeFolderResult {
  files: number;
  fields: number;
  /** The re-audit after one file changed, with the folder's audit cache (what the extension does). */
  incremental: Spread;
  incrementalCpu: Spread;
  /** The same re-audit from nothing (every file searched and judged again), as before the cache. */
  full: Spread;
  fullCpu: Spread;
}

/** Copies of each 1,000-line document in the large folder. */
const LARGE_COPIES = 4;

/**
 * The re-audit in a larger folder: the example plus `LARGE_COPIES` copies of each 1,000-line
 * document (about 8,000 fields), one TypeORM file edited at a time. Incremental (the folder's
 * `AuditCache`: only the edited file is searched for evidence and judged by the rules again)
 * against a re-audit without any cache.
 */
export async function benchLargeFolder(options: EditOptions): Promise<LargeFolderResult> {
  const { config } = await loadConfig({ folder: options.workspace });
  const analyzer = options.inThread ? inThreadAnalyzer(config) : threadAnalyzer(config, options.bundleDir);
  try {
    const system = systemName(options.workspace, config);
    const { index } = await analyzer.scan(options.workspace);
    const documents = benchDocuments();
    for (let copy = 0; copy < LARGE_COPIES; copy++) {
      for (const document of documents) {
        const file = `copy${copy}/${document.relPath}`;
        const { analysis, lines } = await analyzer.analyze(file, document.text);
        index.set(analysis, document.text, lines);
      }
    }
    const edited = documents[1];
    const file = `copy0/${edited.relPath}`;
    index.audit({ config, lang: 'en', system });
    const samples = { incremental: [] as number[], incrementalCpu: [] as number[], full: [] as number[], fullCpu: [] as number[] };
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const text = typedEdit(edited, run);
      const { analysis, lines } = await analyzer.analyze(file, text);
      index.set(analysis, text, lines);
      const incremental = await measured(() => index.audit({ config, lang: 'en', system }));
      const texts = new Map(index.files().map((f) => [f, index.text(f) ?? '']));
      const analyses = index.files().map((f) => index.analysis(f)).filter((a) => a !== undefined);
      const full = await measured(() => auditFields({ analyses, texts, config, lang: 'en', system }));
      if (run < options.warmup) continue;
      assert.deepEqual(incremental.value.diagnostics, full.value.diagnostics, 'the incremental re-audit gives the full one’s diagnostics');
      samples.incremental.push(incremental.sample.wallMs);
      samples.incrementalCpu.push(incremental.sample.cpuMs);
      samples.full.push(full.sample.wallMs);
      samples.fullCpu.push(full.sample.cpuMs);
    }
    const fields = index.files().reduce((sum, f) => sum + (index.analysis(f)?.fields.length ?? 0), 0);
    return {
      files: index.size,
      fields,
      incremental: spread(samples.incremental),
      incrementalCpu: spread(samples.incrementalCpu),
      full: spread(samples.full),
      fullCpu: spread(samples.fullCpu),
    };
  } finally {
    analyzer.dispose();
  }
}
