import type { FailureRecord, FuzzOptions, FuzzReport, InputRecord } from './fuzzSupervisor';

/** The figures of a fuzz run as printed by `npm run fuzz` (and quoted in the README). */
export function formatFuzzReport(report: FuzzReport, options: Pick<FuzzOptions, 'budgetMs' | 'hangMs' | 'workers'>): string {
  const lines: string[] = [];
  const where = report.corpus ? `fixtures + corpus ${report.corpus}` : 'fixtures only (no corpus found)';
  lines.push(`seed ${report.seed} · ${report.seeds} seed files (${where}, fingerprint ${report.seedFingerprint}) · ${report.targets.length} targets · ${options.workers} workers`);
  lines.push(`inputs tried: ${report.tried}`);
  lines.push(`crashes: ${report.crashes.length}`);
  lines.push(`hangs (> ${options.hangMs} ms): ${report.hangs.length}`);
  lines.push(`over the per-file budget (> ${options.budgetMs} ms): ${report.overBudget.length}`);
  lines.push(`wall time: ${(report.wallMs / 1000).toFixed(1)} s`);
  lines.push('', 'per target: inputs, mean ms, max ms');
  for (const name of report.targets) {
    const stats = report.byTarget[name];
    if (!stats) continue;
    lines.push(`  ${name.padEnd(24)} ${String(stats.inputs).padStart(7)} ${(stats.totalMs / stats.inputs).toFixed(2).padStart(9)} ${stats.maxMs.toFixed(0).padStart(7)}`);
  }
  lines.push('', 'slowest inputs:');
  for (const input of report.slowest) lines.push(`  ${describeInput(input)} ${input.ms.toFixed(0)} ms`);
  for (const [title, list] of [['crashes', report.crashes], ['hangs', report.hangs]] as const) {
    if (list.length === 0) continue;
    lines.push('', `${title}:`);
    for (const failure of list.slice(0, 50)) lines.push(describeFailure(failure));
  }
  if (report.overBudget.length > 0) {
    lines.push('', 'over budget:');
    for (const input of report.overBudget.slice(0, 50)) lines.push(`  ${describeInput(input)} ${input.ms.toFixed(0)} ms`);
  }
  const failing = [...report.crashes, ...report.hangs].map((f) => f.index);
  if (failing.length > 0) lines.push('', `rerun: npm run fuzz -- --seed ${report.seed} --only ${failing.slice(0, 20).join(',')}`);
  return `${lines.join('\n')}\n`;
}

function describeInput(input: Pick<InputRecord, 'index' | 'target' | 'seedName' | 'mutations' | 'bytes'>): string {
  return `#${input.index} ${input.target} ← ${input.seedName} [${input.mutations.join(', ') || 'as is'}] ${input.bytes} bytes`;
}

function describeFailure(failure: FailureRecord): string {
  const head = failure.target ? describeInput({ index: failure.index, target: failure.target, seedName: failure.seedName ?? '?', mutations: failure.mutations ?? [], bytes: failure.bytes ?? 0 }) : `#${failure.index}`;
  return `  ${head}\n${failure.error.split('\n').map((l) => `      ${l}`).join('\n')}`;
}
