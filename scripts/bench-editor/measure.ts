import { performance } from 'node:perf_hooks';

/** One measured run: wall time, and CPU time of the whole process (every thread), in ms. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Wall and process CPU time of `work` (CPU counts worker threads too). */
export async function measured<T>(work: () => Promise<T> | T): Promise<{ value: T; sample: Sample }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, sample: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

/** Time the event loop was busy (this thread only) between two readings, in ms. */
export function busyClock(): () => number {
  const start = performance.eventLoopUtilization();
  return () => performance.eventLoopUtilization(start).active;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** Median and worst of some runs of one quantity. */
export interface Spread {
  median: number;
  max: number;
  runs: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), max: max(values), runs: values.length };
}
