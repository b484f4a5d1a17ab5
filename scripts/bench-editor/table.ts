import type { Spread } from './measure';

/** One line of the results table; `target` in ms (a median at or under it meets it). */
export interface TableRow {
  measure: string;
  target?: number;
  wall: Spread;
  cpu?: Spread;
  /** Indented under the row above: a part of it, not a target of its own. */
  part?: boolean;
}

const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

/** The results as a Markdown table (what ARCHITECTURE.md records). */
export function markdownTable(rows: readonly TableRow[]): string {
  const lines = [
    '| measure | target | median | worst | CPU (median) | runs | |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const verdict = row.target === undefined ? '' : row.wall.median <= row.target ? 'met' : '**not met**';
    lines.push(`| ${row.part ? '&nbsp;&nbsp;↳ ' : ''}${row.measure} | ${row.target === undefined ? '' : `< ${row.target} ms`} | ${ms(row.wall.median)} | ${ms(row.wall.max)} | ${ms(row.cpu?.median)} | ${row.wall.runs} | ${verdict} |`);
  }
  return lines.join('\n');
}

/** True when every row with a target meets it. */
export function allMet(rows: readonly TableRow[]): boolean {
  return rows.every((row) => row.target === undefined || row.wall.median <= row.target);
}
