/**
 * Test-side builders for valid values, written from the algorithms in shared/spec/legal.md
 * ("Value formats") independently of the detectors, so a detector bug cannot hide behind a
 * shared helper. All values built here are fictional.
 */

/** Appends the GB 11643 check character to 17 digits. */
export function withIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Replaces the last character with a different valid-looking one, breaking any checksum. */
export function withWrongLastChar(value: string): string {
  const last = value[value.length - 1];
  const replacement = last === '1' ? '2' : '1';
  return value.slice(0, -1) + replacement;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Appends the GB 32100 check character; weights derived as 3^(i-1) mod 31, as legal.md states. */
export function withCreditCheck(first17: string): string {
  let weight = 1;
  let sum = 0;
  for (const ch of first17) {
    sum += CREDIT_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return first17 + CREDIT_ALPHABET[c === 31 ? 0 : c];
}

/** Appends the GB 11714 organisation-code check character to 8 code characters. */
export function withOrganizationCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((acc, ch, i) => acc + parseInt(ch, 36) * weights[i], 0);
  const c = 11 - (sum % 11);
  return first8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** A credit code with a consistent embedded organisation code. */
export function creditCode(authorityAndType: string, region: string, organization8: string): string {
  return withCreditCheck(authorityAndType + region + withOrganizationCheck(organization8));
}

/** Appends the Luhn check digit. */
export function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A resident ID for a region, birth date and sequence. */
export function residentId(region: string, birth: string, sequence: string): string {
  return withIdCheck(region + birth + sequence);
}
