import { dayNumber, isRealDate } from './calendarDate';
import type { ValueMatch } from './model';

/**
 * Resident identity card numbers (GB 11643-1999) and the Hong Kong / Macau / Taiwan residence
 * permits that share their format. 18 characters: 6-digit region code, birth date YYYYMMDD,
 * 3-digit sequence, ISO 7064 MOD 11-2 check character. Old cards: 15 digits, region + YYMMDD +
 * sequence, no check character.
 */

export const RESIDENT_ID: ValueMatch = { kind: 'identity.id_number', detector: 'resident-id' };
export const OLD_RESIDENT_ID: ValueMatch = { kind: 'identity.id_number', detector: 'resident-id-15' };
export const RESIDENCE_PERMIT: ValueMatch = { kind: 'identity.permit', detector: 'residence-permit' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = 19000101;

/** First two digits of a valid region code (province level, GB/T 2260), per legal.md. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);
/** Region prefixes used by the residence permits of Hong Kong, Macau and Taiwan residents. */
const PERMIT_PROVINCES = new Set([81, 82, 83]);

/** The MOD 11-2 check character for the first 17 digits, or undefined if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    sum += d * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

/** An 18-character ID or residence permit: province, real birth date in range, check character. */
export function recognizeResidentId(token: string, today: Date): ValueMatch | undefined {
  if (token.length !== 18) return undefined;
  const check = residentIdCheckChar(token.slice(0, 17));
  if (check === undefined || check !== token[17].toUpperCase()) return undefined;
  const province = Number(token.slice(0, 2));
  if (!PROVINCES.has(province)) return undefined;
  if (!isBirthDate(Number(token.slice(6, 10)), Number(token.slice(10, 12)), Number(token.slice(12, 14)), today)) {
    return undefined;
  }
  return PERMIT_PROVINCES.has(province) ? RESIDENCE_PERMIT : RESIDENT_ID;
}

/**
 * A 15-digit old-style ID. Without a check character this is weak evidence, so besides the
 * province and a real 19YY birth date the prefecture digits must look like a real code
 * (01–70 or 90 for counties directly under the province) — the caller already guarantees the
 * digits are not part of a longer run.
 */
export function recognizeOldResidentId(token: string, today: Date): ValueMatch | undefined {
  if (token.length !== 15 || !/^\d{15}$/.test(token)) return undefined;
  const province = Number(token.slice(0, 2));
  if (!PROVINCES.has(province) || PERMIT_PROVINCES.has(province)) return undefined;
  const prefecture = Number(token.slice(2, 4));
  if (!((prefecture >= 1 && prefecture <= 70) || prefecture === 90)) return undefined;
  const year = 1900 + Number(token.slice(6, 8));
  if (!isBirthDate(year, Number(token.slice(8, 10)), Number(token.slice(10, 12)), today)) return undefined;
  return OLD_RESIDENT_ID;
}

function isBirthDate(year: number, month: number, day: number, today: Date): boolean {
  if (!isRealDate(year, month, day)) return false;
  const birth = year * 10000 + month * 100 + day;
  return birth >= EARLIEST_BIRTH && birth <= dayNumber(today);
}
