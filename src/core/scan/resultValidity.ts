/**
 * How long a file's analysis stays true. Everything the engine derives from a text is fixed by
 * the text, the configuration and the tool version, except one thing: an 18-digit resident ID
 * counts only when its birth date is not in the future, so a number born "tomorrow" becomes an
 * ID tomorrow. A cached analysis is therefore valid until the earliest such date in the text.
 */

import { isRealDate } from '../values/calendarDate';

/** Day numbers are `YYYYMMDD`, as `dayNumber` in values/calendarDate.ts (local calendar day). */
export const FOREVER = 99_991_231;

/** Digit runs long enough to hold an ID's 17 digits (the 18th may be the check letter X). */
const DIGIT_RUN = /[0-9]{17,}/g;
/** In an ID the birth date follows 6 digits of region code and precedes 3 sequence digits and the check. */
const DATE_OFFSET = 6;
const DIGITS_AFTER_DATE = 3;

/**
 * The first day on which the text may be read differently than on `today`: the earliest
 * real date after `today` at a birth-date position of any digit run that could contain an ID
 * (or samples cut from one). Conservative: every position of a long run is looked at, which can
 * only shorten the validity. `FOREVER` when there is none.
 */
export function validUntil(text: string, today: number): number {
  let earliest = FOREVER;
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    for (let p = DATE_OFFSET; p + 8 + DIGITS_AFTER_DATE <= run.length; p++) {
      const day = Number(run.slice(p, p + 8));
      if (day <= today || day >= earliest) continue;
      if (isRealDate(Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100)) earliest = day;
    }
  }
  return earliest;
}

/** True when an analysis made on `computedOn` that holds until `until` still holds on `today`. */
export function stillValid(computedOn: number, until: number, today: number): boolean {
  return computedOn <= today && today < until;
}
