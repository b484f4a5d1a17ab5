import type { ValueMatch } from './model';

/**
 * Unified social credit codes (GB 32100-2015): 18 characters from a 31-symbol alphabet with a
 * MOD 31 check character. They identify organisations, not people, so the kind is null; they are
 * recognised so that an 18-digit code is not mistaken for a resident ID.
 */

export const CREDIT_CODE: ValueMatch = { kind: null, detector: 'credit-code' };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i-1) mod 31 for i = 1..17, as listed in legal.md. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when the token is 18 characters of the alphabet with a correct check character. */
export function isCreditCode(token: string): boolean {
  return token.length === 18 && creditCodeCheckChar(token.slice(0, 17)) === token[17];
}

/**
 * Characters 9–17 of a real credit code are the organisation code (GB 11714), which carries its
 * own MOD 11 check. Used only to break a tie: an all-digit string valid both as a credit code and
 * as a resident ID (about 1 in 31 IDs pass the credit-code check by chance) counts as a credit
 * code only when this embedded check holds too.
 */
export function hasValidOrganizationCode(token: string): boolean {
  if (token.length !== 18) return false;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(token[8 + i], 36);
    if (Number.isNaN(value)) return false;
    sum += value * weights[i];
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return token[16] === expected;
}
