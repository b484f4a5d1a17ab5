import type { ValueMatch } from './model';

/** Mainland mobile numbers: `1[3-9]` + 9 digits, optionally prefixed by the country code 86. */

export const MOBILE: ValueMatch = { kind: 'basic.phone', detector: 'mobile' };

const MOBILE_DIGITS = /^(?:86)?1[3-9]\d{9}$/;

/**
 * `digits` is a whole digit run (the caller guarantees no digit touches it on either side), so a
 * number inside a longer run such as an order id is never taken for a phone number.
 */
export function recognizeMobile(digits: string): ValueMatch | undefined {
  return (digits.length === 11 || digits.length === 13) && MOBILE_DIGITS.test(digits) ? MOBILE : undefined;
}
