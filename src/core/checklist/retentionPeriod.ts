import type { RetentionPeriod } from '../disposition/model';

const PERIOD = /^(\d+) ?(y|m|d|年|个月|月|天|日)$/;

/** `30y`, `6m`, `90d` (and 30年, 6个月, 90天) as written in the checklist; undefined when not a period. */
export function parseRetentionPeriod(text: string): RetentionPeriod | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = match[2];
  if (unit === 'y' || unit === '年') return { text, months: count * 12 };
  if (unit === 'd' || unit === '天' || unit === '日') return { text, months: Math.ceil(count / 30) };
  return { text, months: count };
}
