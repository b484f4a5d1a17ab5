import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import type { PiAuditConfig } from '../config/model';
import type { Disposition } from '../disposition/model';
import { Engine } from '../engine';
import type { Lang } from '../i18n/localizer';
import type { FileAnalysis } from './analyzeFile';
import { auditFields, systemName } from './auditFields';
import { SnapshotKey, type TimelessResult } from './auditSnapshot';
import { excerptText, isEmptyExcerpt } from './evidenceExcerpt';
import type { FileJob } from './fileJob';
import { toFileAnalysis, type FileResult } from './fileResult';
import { InProcessRunner } from './inProcessRunner';
import type { SkippedFile } from './model';
import { ScanFilesNotes, type FilesMatch } from './lastScanFiles';
import { DEFAULT_CACHE_FOLDER, type FileStamp } from './resultCache';
import { ScanCache } from './scanCache';
import { countSeverities, type ScanResult } from './scanResult';
import { StampingFileSystem } from './stampingFileSystem';
import { walkFiles } from './walker';
import { bundledWorkerEntry, type WorkerEntry } from './workerEntry';
import { ScanWorkerPool, type FileOutcome, type FileRunner } from './workerPool';

export interface ScanOptions {
  /** The folder findings are relative to (the workspace folder / repository). */
  root: string;
  /** Folders or files to scan under the root; defaults to the root. */
  paths?: string[];
  config: PiAuditConfig;
  lang: Lang;
  signal?: AbortSignal;
  /** Files finished so far and files found so far (the second grows until the walk ends). */
  onProgress?: (done: number, total: number) => void;
  /** Decisions recorded in the checklist, by field id (a declaration source). */
  checklist?: ReadonlyMap<string, Disposition>;
  /**
   * Reuse an engine (the extension keeps one per folder). An object that is not an `Engine`
   * (one that records every analysis) is called for every file, in-process and without cache.
   */
  engine?: Engine;
  /**
   * The result cache folder, or false for none. Default: `<root>/.piaudit-cache` when running
   * from a build (entries are keyed on the build); no cache when running from sources.
   */
  cacheDir?: string | false;
  /** Worker threads: default one per available core (at most 8); 0 analyses in-process. */
  workers?: number;
  /** How to start a worker; default the bundled `scanWorker.js` next to the running bundle. */
  workerEntry?: WorkerEntry;
  /** Told once, when the scan is done, how it went (cache use, workers, cache problems). */
  onStats?: (stats: ScanStats) => void;
  /**
   * Told every analysed file's result, in walk order, before the audit: what an editor keeps to
   * re-audit later without scanning again (`toFileAnalysis(result)` and `excerptText(result.evidence)`
   * in place of the file's analysis and text give the same audit), while the scan itself runs
   * in worker threads.
   */
  onFileResult?: (result: FileResult) => void;
}

export interface ScanStats {
  /** Files walked (in scope and not skipped by the walk). */
  files: number;
  /** Files whose result came from the cache, and files analysed (read and parsed). */
  fromCache: number;
  analysed: number;
  /** Worker threads the scan could use (0: it ran in-process). */
  workers: number;
  /** Problems with the cache folder; the scan went on without (part of) the cache. */
  cacheErrors: string[];
  /** The whole result is the last scan's: every file's result and every setting were the same. */
  reused: boolean;
}

/**
 * Files that need analysis before the workers start: the walk goes on meanwhile. A scan that
 * finds fewer gets fewer workers (one per this many files): every file still runs in a worker
 * that can be stopped when it overruns the budget, without starting cores' worth for a few files.
 */
const FILES_PER_WORKER = 32;
const MAX_WORKERS = 8;
/** The longest stretch of walking between two turns of the event loop (an editor must stay responsive). */
const TURN_MS = 16;
const PROGRESS_MS = 50;

/**
 * Scans a workspace: walks it (honouring .gitignore and the config's globs), and for every file
 * takes its result from the cache or reads, decodes, prefilters and analyses it in a worker
 * thread; then resolves dispositions and runs the rules over the whole set on this thread.
 * Every file is either analysed or listed in `skipped` with its reason (`timeout` when it
 * overran `config.fileTimeoutMs`). Only findings and evidence lines are kept per file, never
 * whole texts, so memory grows with what is found rather than with the tree.
 */
export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  options.signal?.throwIfAborted();
  const scan = new ScanRun(options);
  try {
    try {
      await scan.walkAndRun();
    } finally {
      await scan.close();
    }
    return scan.result(started);
  } finally {
    scan.reportStats();
  }
}

/** One scan's state: the runner, the cache, and every file's outcome in walk order. */
class ScanRun {
  private readonly skipped: SkippedFile[] = [];
  private readonly jobs: FileJob[] = [];
  /** The jobs that need a runner (not taken from the cache as they were walked). */
  private readonly pending: FileJob[] = [];
  private readonly stamps: (FileStamp | undefined)[] = [];
  /** Each file's result by walk order; serialized until the audit (a fraction of the memory). */
  private readonly results: (FileResult | Uint8Array | undefined)[] = [];
  private readonly outcomes: Promise<void>[] = [];
  private readonly analysisConfig: PiAuditConfig;
  private readonly customEngine: boolean;
  private readonly entry: WorkerEntry | undefined;
  private readonly cache: ScanCache;
  private runner: FileRunner | undefined;
  private workers = 0;
  private done = 0;
  private fromCache = 0;
  private lastProgress = 0;
  private reused = false;
  /** Digest of the inputs besides the files, when the result can be kept (see inputsDigest). */
  private readonly inputs: string | undefined;
  /** The files of the kept result, while every file walked so far is one of them, unchanged. */
  private lastFiles: FilesMatch | undefined;
  /** The kept result, taken because the walk found exactly its files, unchanged. */
  private kept: { key: string; result: TimelessResult } | undefined;
  /** What `last-scan.files` will need (see ScanFilesNotes). */
  private readonly notes = new ScanFilesNotes();
  /** The walk's skips as JSON, taken when the walk ends (see LastScanFiles). */
  private walkSkips = '';

  constructor(private readonly options: ScanOptions) {
    this.analysisConfig = options.engine?.config ?? options.config;
    this.customEngine = options.engine !== undefined && !(options.engine instanceof Engine);
    this.entry = options.workerEntry ?? bundledWorkerEntry();
    // A caller's own engine must see every file: no cache.
    this.cache = new ScanCache({ root: options.root, cacheDir: this.customEngine ? false : options.cacheDir, build: this.entry?.build, config: this.analysisConfig });
    this.inputs = this.inputsDigest();
    this.lastFiles = this.inputs === undefined ? undefined : this.cache.lastScanFiles(this.inputs);
  }

  async walkAndRun(): Promise<void> {
    const { options } = this;
    const walkerFs = new StampingFileSystem();
    let lastTurn = performance.now();
    for await (const entry of walkFiles(options.paths ?? [options.root], {
      root: options.root,
      include: matchesEverything(options.config.include) ? undefined : options.config.include,
      exclude: [...options.config.exclude, ...this.ownFolders()],
      maxFileSize: options.config.maxFileSize,
      signal: options.signal,
      fs: walkerFs,
      // Every file is read by its job, which reports one it cannot read the way the walk would.
      checkReadable: false,
      onSkip: (skip) => {
        if (!isOwnCacheFolder(skip)) this.skipped.push(skip);
      },
    })) {
      if (performance.now() - lastTurn > TURN_MS) {
        await nextTurn();
        lastTurn = performance.now();
      }
      const stamp = walkerFs.takeStamp(entry.absPath);
      const job: FileJob = { seq: this.jobs.length, relPath: entry.relPath, absPath: entry.absPath };
      this.jobs.push(job);
      this.stamps.push(stamp);
      // While every file is one the kept result was made from, unchanged, nothing need be done yet.
      if (this.lastFiles?.matches(job.seq, job.relPath, stamp)) continue;
      this.admitWaiting(job.seq);
      this.admit(job);
    }
    // What the walk skipped, before the audit adds the files their results skip (binary…).
    this.walkSkips = JSON.stringify(this.skipped);
    const keptKey = this.lastFiles?.snapshotKey(this.jobs.length, this.walkSkips);
    const kept = keptKey === undefined ? undefined : this.cache.lastResult(keptKey);
    if (kept && keptKey !== undefined) {
      this.kept = { key: keptKey, result: kept };
      this.fromCache = this.done = this.jobs.length;
    } else {
      this.admitWaiting(this.jobs.length);
    }
    if (!this.runner && this.pending.length > 0) this.startRunner(true);
    await unlessAborted(Promise.all(this.outcomes), options.signal);
    options.onProgress?.(this.jobs.length, this.jobs.length);
  }

  /** Takes a walked file's result from the cache, or queues it for a runner. */
  private admit(job: FileJob): void {
    const cached = this.cache.unchangedResult(job.relPath, this.stamps[job.seq]);
    if (cached) {
      this.results[job.seq] = cached.payload;
      this.notes.holds(cached);
      this.fromCache++;
      this.done++;
      this.progress();
      return;
    }
    job.expectedHash = this.cache.cachedHash(job.relPath);
    this.pending.push(job);
    if (this.runner) this.submit(job);
    else if (this.pending.length >= FILES_PER_WORKER) this.startRunner(false);
  }

  /**
   * The walk left the kept result's files (or found no kept result for them): the files before
   * `seq`, all waiting while they matched, are worked on after all.
   */
  private admitWaiting(seq: number): void {
    if (!this.lastFiles) return;
    this.lastFiles = undefined;
    for (const job of this.jobs.slice(0, seq)) this.admit(job);
  }

  async close(): Promise<void> {
    await this.runner?.close();
    const { options } = this;
    if (options.signal?.aborted) {
      this.cache.drop();
    } else {
      const wholeRoot = options.paths === undefined || options.paths.every((p) => path.resolve(p) === path.resolve(options.root));
      this.cache.finish(wholeRoot && this.done === this.jobs.length ? new Set(this.jobs.map((job) => job.relPath)) : undefined);
    }
  }

  /** Tells the caller how the scan went (once, whether it finished or not). */
  reportStats(): void {
    this.options.onStats?.({
      files: this.jobs.length,
      fromCache: this.fromCache,
      analysed: this.done - this.fromCache,
      workers: this.workers,
      cacheErrors: this.cache.errors,
      reused: this.reused,
    });
  }

  result(started: number): ScanResult {
    const folder = this.cache.folder;
    if (this.kept && folder !== undefined) return this.reuse(this.kept.result, this.kept.key, folder, started);
    const key = this.snapshotKey();
    const last = key === undefined ? undefined : this.cache.lastResult(key);
    if (last && key !== undefined && folder !== undefined) {
      this.keepFiles(key);
      return this.reuse(last, key, folder, started);
    }
    const result = this.audit(started);
    if (key !== undefined && folder !== undefined && this.cache.keepResult(key, withoutTime(result))) {
      result.kept = { folder, key };
      this.keepFiles(key);
    }
    return result;
  }

  private reuse(last: TimelessResult, key: string, folder: string, started: number): ScanResult {
    this.reused = true;
    // Assigned, not spread: the snapshot's lists are read only when the caller reads them.
    return Object.assign(last, { ms: Date.now() - started, kept: { folder, key } });
  }

  /**
   * Keeps the files the kept result `key` was made from, when every one of their results is in
   * the result cache with the stamp walked (none timed out, failed or was unreadable): the next
   * scan that walks them unchanged takes the result at once (see LastScanFiles).
   */
  private keepFiles(key: string): void {
    if (this.inputs === undefined) return;
    const files = this.notes.files({ inputs: this.inputs, snapshotKey: key, walkSkips: this.walkSkips, relPaths: this.jobs.map((job) => job.relPath) }, this.stamps);
    if (files) this.cache.keepScanFiles(files);
  }

  /**
   * The digest of everything the result is made from besides the files (settings, language,
   * root, system, checklist), when the result can be kept: a cached scan whose caller does not
   * take every file's result (an editor does).
   */
  private inputsDigest(): string | undefined {
    const { options } = this;
    if (!this.cache.keepsResults || options.onFileResult || this.cache.scope === undefined) return undefined;
    return new SnapshotKey()
      .add(this.cache.scope)
      .add(JSON.stringify(options.config))
      .add(JSON.stringify(this.analysisConfig))
      .add(options.lang)
      .add(options.root)
      .add(systemName(options.root, options.config))
      .add(serialize([...(options.checklist ?? [])]))
      .digest();
  }

  /**
   * The digest of everything the result is made from (SnapshotKey): the inputs, the walk's skips
   * and every file's result in walk order; undefined when the result cannot be kept.
   */
  private snapshotKey(): string | undefined {
    if (this.inputs === undefined) return undefined;
    const key = new SnapshotKey()
      .add(this.inputs)
      .add(JSON.stringify(this.skipped))
      .add(String(this.jobs.length));
    for (const stored of this.results) key.add(stored === undefined ? '' : stored instanceof Uint8Array ? stored : serialize(stored));
    return key.digest();
  }

  /** Turns every file's result into objects and audits them together. */
  private audit(started: number): ScanResult {
    const { options } = this;
    const analyses: FileAnalysis[] = [];
    const texts = new Map<string, string>();
    let bytes = 0;
    for (let seq = 0; seq < this.results.length; seq++) {
      const stored = this.results[seq];
      if (!stored) continue;
      const result = stored instanceof Uint8Array ? (deserialize(stored) as FileResult) : stored;
      this.results[seq] = undefined;
      if (result.skipped !== undefined) {
        this.skipped.push({ file: result.file, reason: result.skipped });
        continue;
      }
      bytes += result.bytes;
      options.onFileResult?.(result);
      analyses.push(toFileAnalysis(result));
      // Evidence is searched in the lines that can hold some (see evidenceExcerpt.ts).
      if (!isEmptyExcerpt(result.evidence)) texts.set(result.file, excerptText(result.evidence));
    }
    const audited = auditFields({ analyses, texts, config: options.config, lang: options.lang, system: systemName(options.root, options.config), checklist: options.checklist });
    return {
      root: options.root,
      files: analyses.length,
      bytes,
      ms: Date.now() - started,
      skipped: this.skipped.sort((a, b) => a.file.localeCompare(b.file)),
      fields: audited.fields,
      values: analyses.flatMap((a) => a.values),
      diagnostics: audited.diagnostics,
      assessed: audited.assessed,
      severityCounts: countSeverities(audited.diagnostics),
      problems: [
        ...analyses.flatMap((a) => a.problems.map((p) => ({ file: a.file, ...p }))),
        ...audited.policyProblems.map((p) => ({ file: '.piaudit.yaml', line: 1, column: 1, message: `${p.policy}: ${p.message}` })),
      ],
    };
  }

  /**
   * A cache folder given elsewhere under the root is not the user's files: never walked nor
   * reported. (The default one is an ignored folder of the walker; see isOwnCacheFolder.)
   */
  private ownFolders(): string[] {
    const own: string[] = [];
    const folder = this.cache.folder;
    if (folder && path.basename(folder) !== DEFAULT_CACHE_FOLDER) {
      const rel = path.relative(path.resolve(this.options.root), folder).split(path.sep).join('/');
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) own.push(rel, `${rel}/**`);
    }
    return own;
  }

  /**
   * Worker threads when there is a worker bundle (and the caller did not bring its own engine or
   * ask for none); otherwise this thread. `walked` says the walk is over: the count is final.
   */
  private startRunner(walked: boolean): void {
    const entry = this.entry;
    const cores = Math.min(this.options.workers ?? availableParallelism(), MAX_WORKERS);
    // A re-scan that takes most files from the cache starts one worker; the pool adds more
    // if files queue up. A first scan starts one per core at once.
    const mostlyNew = this.pending.length * 2 > this.jobs.length;
    const wanted = walked ? Math.min(cores, Math.ceil(this.pending.length / FILES_PER_WORKER)) : mostlyNew ? cores : Math.min(cores, 1);
    const budgetMs = this.options.config.fileTimeoutMs;
    if (entry && wanted > 0 && !this.customEngine) {
      // Once the walk is over every file is known: no more workers than they need.
      this.workers = walked ? wanted : cores;
      this.runner = new ScanWorkerPool({ entry, size: wanted, maxSize: this.workers, setup: { config: this.analysisConfig, budgetMs, hashing: this.cache.active } });
    } else {
      const engine = this.options.engine ?? new Engine(this.analysisConfig);
      this.runner = new InProcessRunner({
        engine,
        budgetMs,
        hashing: this.cache.active,
        serialized: false,
        analyze: this.customEngine ? (file, text) => engine.analyze(file, text) : undefined,
      });
    }
    for (const job of this.pending) this.submit(job);
  }

  private submit(job: FileJob): void {
    const runner = this.runner;
    if (!runner) return;
    const outcome = runner.run(job).then((result) => this.record(job, result));
    // Awaited all together once the walk is done; when the walk throws first (an abort), the
    // runner is closed and rejects the rest, which must not surface as unhandled rejections.
    outcome.catch(() => undefined);
    this.outcomes.push(outcome);
  }

  private record(job: FileJob, outcome: FileOutcome): void {
    this.done++;
    if (outcome.kind === 'timeout') {
      this.skipped.push({ file: job.relPath, reason: 'timeout' });
      this.notes.notCached();
    } else if (outcome.kind === 'failed') {
      this.skipped.push({ file: job.relPath, reason: outcome.reason });
      this.notes.notCached();
    } else if (outcome.kind === 'unchanged') {
      const cached = this.cache.sameContent(job.relPath, this.stamps[job.seq]);
      this.results[job.seq] = cached.payload;
      this.notes.holds(cached);
      this.fromCache++;
    } else {
      this.results[job.seq] = outcome.result;
      this.cache.store(job.relPath, this.stamps[job.seq], outcome.hash, outcome.validity, outcome.result);
      if (outcome.hash === undefined || !this.cache.active) this.notes.notCached();
      this.notes.holds(outcome.validity);
    }
    this.progress();
  }

  private progress(): void {
    const now = performance.now();
    if (now - this.lastProgress > PROGRESS_MS) {
      this.lastProgress = now;
      this.options.onProgress?.(this.done, this.jobs.length);
    }
  }
}

/** The result as the snapshot keeps it: the time it took is the next scan's own. */
function withoutTime(result: ScanResult): TimelessResult {
  const timeless: Partial<ScanResult> = { ...result };
  delete timeless.ms;
  delete timeless.kept;
  return timeless as TimelessResult;
}

// The default include pattern (every path, `**` then `/*`) lets every file through: the walker need not match each one.
function matchesEverything(include: readonly string[]): boolean {
  return include.length > 0 && include.every((pattern) => pattern === '**/*' || pattern === '**');
}

/**
 * The walker skips `.piaudit-cache` folders as build output; they are the tool's own, not the
 * user's, so they are not reported (whether this scan uses a cache or not: the same findings).
 */
function isOwnCacheFolder(skip: SkippedFile): boolean {
  return skip.reason === 'ignored-folder' && path.posix.basename(skip.file) === DEFAULT_CACHE_FOLDER;
}

/** The promise, or the signal's reason as soon as it aborts (the runner is closed by the caller). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
