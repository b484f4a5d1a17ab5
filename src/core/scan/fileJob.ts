import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import type { Engine } from '../engine';
import { dayNumber } from '../values/calendarDate';
import { analyzeFile, type FileAnalysis } from './analyzeFile';
import { decodeText } from './decode';
import { evidenceExcerpt } from './evidenceExcerpt';
import type { FileResult } from './fileResult';
import { planFile } from './prefilter';
import { redactExcerpt, redactFindings } from './redactResult';
import { errorCode } from '../files/errorCode';
import { contentHash, type Validity } from './resultCache';
import { FOREVER, validUntil } from './resultValidity';

/**
 * One file to scan. `seq` is its place in walk order. `expectedHash` is the content hash of
 * the cached result for this path, when there is one: the same content needs no analysis.
 */
export interface FileJob {
  seq: number;
  relPath: string;
  absPath: string;
  expectedHash?: string;
}

/**
 * What became of a job: the content is the cached one (`unchanged`); a result (an object, or
 * serialized as it travels from a worker and into the cache) with the content hash when the
 * scan caches and how long the result holds; or a file not finished in time.
 */
export type JobOutcome =
  | { seq: number; kind: 'unchanged'; hash: string }
  | { seq: number; kind: 'result'; result?: FileResult; payload?: Uint8Array; hash?: string; validity: Validity }
  | { seq: number; kind: 'timeout' };

export interface JobContext {
  engine: Engine;
  /** Per-file time budget in ms: a file that takes longer is reported, never used. */
  budgetMs: number;
  /** Hash contents (the scan caches results). */
  hashing: boolean;
  /** Serialize results (a worker posts bytes). Without it the result object is returned as it is. */
  serialized: boolean;
  /**
   * The caller's own analysis (an editor that records every analysis with its text) instead of
   * the engine's planned one.
   */
  analyze?: (file: string, text: string) => Promise<FileAnalysis>;
}

/**
 * Reads, decodes and analyses one file: read → hash (the cached content? done) → decode →
 * plan (prefilter) → analysis → evidence excerpt. Runs in a worker thread or, without workers,
 * on the main thread. Never throws for the file's sake: unreadable and binary files become
 * results with a skip reason.
 */
export async function runFileJob(job: FileJob, context: JobContext): Promise<JobOutcome> {
  const started = performance.now();
  const today = dayNumber(new Date());
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absPath);
  } catch (error) {
    // Gone or locked since the walk: reported, and never cached (no hash).
    const result = skippedResult(job.relPath, 0, `unreadable: ${errorCode(error) ?? String(error)}`);
    return finish(job, context, result, undefined, { computedOn: today, until: today });
  }
  const hash = context.hashing ? contentHash(bytes) : undefined;
  if (hash !== undefined && hash === job.expectedHash) return { seq: job.seq, kind: 'unchanged', hash };

  const decoded = decodeText(bytes);
  let result: FileResult;
  let until = FOREVER;
  if ('binary' in decoded) {
    result = skippedResult(job.relPath, bytes.length, decoded.reason);
  } else {
    const analysis = context.analyze ? await context.analyze(job.relPath, decoded.text) : await plannedAnalysis(job.relPath, decoded.text, context.engine);
    result = fileResult(analysis, decoded.text, bytes.length);
    until = validUntil(decoded.text, today);
  }
  if (performance.now() - started > context.budgetMs) return { seq: job.seq, kind: 'timeout' };
  return finish(job, context, result, hash, { computedOn: today, until });
}

function finish(job: FileJob, context: JobContext, result: FileResult, hash: string | undefined, validity: Validity): JobOutcome {
  return context.serialized
    ? { seq: job.seq, kind: 'result', payload: serialize(result), hash, validity }
    : { seq: job.seq, kind: 'result', result, hash, validity };
}

/**
 * The engine's analysis of one text, with only the steps the prefilter says can find
 * something: the same result as `engine.analyze`, for less work.
 */
export function plannedAnalysis(file: string, text: string, engine: Engine): Promise<FileAnalysis> {
  const plan = planFile(engine.extractors, file, text);
  return analyzeFile(file, text, { extractor: plan.extractor, classifier: engine.classifier, detectValues: plan.values });
}

/** An analysis (from the engine or a caller's own engine) as the scan keeps it, PI values masked (redactResult.ts). */
export function fileResult(analysis: FileAnalysis, text: string, bytes: number): FileResult {
  return {
    file: analysis.file,
    bytes,
    format: analysis.format,
    fields: redactFindings(analysis.fields),
    values: analysis.values,
    problems: analysis.problems,
    evidence: redactExcerpt(evidenceExcerpt(text)),
  };
}

export function skippedResult(file: string, bytes: number, reason: string): FileResult {
  return { file, bytes, skipped: reason, format: null, fields: [], values: [], problems: [], evidence: { lineNumbers: [], lines: [] } };
}
