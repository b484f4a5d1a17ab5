import type { ValueMatch } from './model';

/** Payment card numbers: 16–19 digits, a known issuer prefix (IIN) and a valid Luhn check digit. */

export const BANK_CARD: ValueMatch = { kind: 'property.bank_account', detector: 'bank-card' };

/**
 * Issuer prefixes as [from, to] over the first `digits` digits. A prefix filter on top of Luhn
 * (which one random number in ten passes) keeps long technical ids out: snowflake ids and
 * timestamps start with 1, date-based order numbers with 20.
 */
const ISSUER_RANGES: ReadonlyArray<{ digits: number; from: number; to: number; issuer: string }> = [
  { digits: 2, from: 62, to: 62, issuer: 'UnionPay' },
  { digits: 2, from: 60, to: 60, issuer: 'UnionPay / Discover (60xxxx, domestic debit)' },
  { digits: 1, from: 4, to: 4, issuer: 'Visa' },
  { digits: 2, from: 51, to: 55, issuer: 'Mastercard' },
  { digits: 4, from: 2221, to: 2720, issuer: 'Mastercard' },
  { digits: 4, from: 3528, to: 3589, issuer: 'JCB' },
  { digits: 3, from: 644, to: 649, issuer: 'Discover' },
  { digits: 2, from: 65, to: 65, issuer: 'Discover' },
  { digits: 4, from: 9558, to: 9559, issuer: 'ICBC / ABC legacy domestic debit' },
];

/** True when the digit string passes the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `digits` holds only the digits of the card number, separators already removed. */
export function recognizeBankCard(digits: string): ValueMatch | undefined {
  if (digits.length < 16 || digits.length > 19 || !/^\d+$/.test(digits)) return undefined;
  const known = ISSUER_RANGES.some(({ digits: n, from, to }) => {
    const prefix = Number(digits.slice(0, n));
    return prefix >= from && prefix <= to;
  });
  return known && passesLuhn(digits) ? BANK_CARD : undefined;
}
