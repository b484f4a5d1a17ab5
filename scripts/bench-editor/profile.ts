/**
 * CPU profiles of the per-edit path (`--profile=DIR`): V8's sampling profiler through the
 * inspector — what `node --cpu-prof` records — started when the measured edits start and
 * stopped when they end, so set-up is left out. The .cpuprofile files open in Chrome DevTools or
 * VS Code; the summary printed splits the samples by phase (by time: async code has no common
 * caller on the stack) and lists the functions with the most self and inclusive time in each.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, on the clock of `process.hrtime` (see `microseconds`). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Now in microseconds on the profiler's clock (both are the monotonic clock). */
export function microseconds(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** A stretch of time spent in one phase (microseconds, see `microseconds`). */
export interface PhaseWindow {
  phase: string;
  start: number;
  end: number;
}

export class CpuProfiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.post('Profiler.start');
  }

  async stop(file: string): Promise<CpuProfile> {
    const { profile } = (await this.post('Profiler.stop')) as { profile: CpuProfile };
    this.session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  }
}

/** Where a sample's time goes: the phase whose root function is on its stack. */
export interface PhaseSummary {
  phase: string;
  ms: number;
  /** Functions by self time (the leaf of the sample). */
  top: { name: string; ms: number }[];
  /** Functions by inclusive time (anywhere on the stack under the phase's root). */
  inclusive: { name: string; ms: number }[];
}

/**
 * Splits the profile's time by phase (the window a sample falls in; `other` outside all) and
 * lists the `limit` functions with the most self and inclusive time in each.
 */
export function summarize(profile: CpuProfile, windows: readonly PhaseWindow[], limit = 12): PhaseSummary[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const totals = new Map<string, { ms: number; self: Map<string, number>; inclusive: Map<string, number> }>();
  const add = (map: Map<string, number>, name: string, ms: number): void => {
    map.set(name, (map.get(name) ?? 0) + ms);
  };
  let time = profile.startTime;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    while (w < sorted.length && sorted[w].end < time) w++;
    const phase = w < sorted.length && sorted[w].start <= time ? sorted[w].phase : 'other';
    const leaf = byId.get(profile.samples[i]);
    if (!leaf) continue;
    const ms = delta / 1000;
    const entry = totals.get(phase) ?? { ms: 0, self: new Map<string, number>(), inclusive: new Map<string, number>() };
    entry.ms += ms;
    add(entry.self, nameOf(leaf), ms);
    const stack = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) stack.add(nameOf(node));
    }
    for (const name of stack) add(entry.inclusive, name, ms);
    totals.set(phase, entry);
  }
  const ranked = (map: Map<string, number>): { name: string; ms: number }[] => [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({ name, ms }));
  return [...totals].map(([phase, entry]) => ({ phase, ms: entry.ms, top: ranked(entry.self), inclusive: ranked(entry.inclusive) })).sort((a, b) => b.ms - a.ms);
}

function nameOf(node: ProfileNode): string {
  return node.callFrame.functionName || `(anonymous ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1})`;
}

/** The summary as text lines. `runs` divides the times into per-edit figures. */
export function summaryLines(title: string, phases: readonly PhaseSummary[], runs: number): string[] {
  const per = (ms: number): string => `${(ms / runs).toFixed(1)} ms`;
  const lines = [`${title} — CPU profile, per edit (${runs} edits):`];
  for (const phase of phases) {
    lines.push(`  ${phase.phase}: ${per(phase.ms)}`);
    lines.push(`    self:      ${phase.top.map((f) => `${f.name} ${per(f.ms)}`).join(', ')}`);
    lines.push(`    inclusive: ${phase.inclusive.map((f) => `${f.name} ${per(f.ms)}`).join(', ')}`);
  }
  return lines;
}
