/** Longest evidence text shown to a user. */
export const MAX_SNIPPET = 80;

const LONG_DIGITS = /\d{11,19}[\dXx]?/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** At most the first 3 and last 2 characters of a value (the design's masking rule). */
export function maskValue(value: string): string {
  if (value.length <= 5) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(Math.min(value.length - 5, 8))}${value.slice(-2)}`;
}

/**
 * The text shown for a piece of evidence: whitespace collapsed, cut at 80 characters, and
 * anything shaped like a phone, ID or card number or an e-mail address masked, in case a
 * literal slipped into the matched code.
 */
export function snippet(text: string): string {
  const masked = text.replace(/\s+/g, ' ').trim().replace(LONG_DIGITS, maskValue).replace(EMAIL, maskValue);
  return masked.length <= MAX_SNIPPET ? masked : `${masked.slice(0, MAX_SNIPPET - 1)}…`;
}
