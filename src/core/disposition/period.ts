import type { RetentionPeriod } from './model';

/** Average month length, so that `365d` is 12 months and `90d` is 3. */
const DAYS_PER_MONTH = 365.25 / 12;

const UNIT_MONTHS: Record<string, number> = {
  y: 12,
  年: 12,
  m: 1,
  个月: 1,
  月: 1,
  d: 1 / DAYS_PER_MONTH,
  天: 1 / DAYS_PER_MONTH,
  日: 1 / DAYS_PER_MONTH,
};

const PERIOD = /^(\d{1,4})(y|m|d|年|个月|月|天|日)$/i;

/**
 * Parses a retention period: `30y`, `6m`, `90d`, or `30年`, `6个月`, `90天`.
 * Days are rounded up to whole months so that periods compare; returns null when malformed.
 */
export function parsePeriod(text: string): RetentionPeriod | null {
  const match = PERIOD.exec(text.trim());
  if (!match) return null;
  const count = Number(match[1]);
  if (count === 0) return null;
  const months = Math.ceil(count * UNIT_MONTHS[match[2].toLowerCase()] - 1e-9);
  return { text: text.trim(), months };
}

/** Formats a number of months the way annotations write periods: `30y`, `6m`. */
export function formatMonths(months: number): string {
  return months % 12 === 0 ? `${months / 12}y` : `${months}m`;
}
