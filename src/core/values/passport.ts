import type { ValueMatch } from './model';

/**
 * Chinese ordinary passports: `E` + 8 digits, `E` + a letter (not I or O) + 7 digits, or the
 * older `G` + 8 digits. Only whole tokens are considered (the caller cuts at word boundaries).
 */

export const PASSPORT: ValueMatch = { kind: 'identity.passport', detector: 'passport' };

const PASSPORT_NUMBER = /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/;

export function recognizePassport(token: string): ValueMatch | undefined {
  return token.length === 9 && PASSPORT_NUMBER.test(token) ? PASSPORT : undefined;
}
