/**
 * Every value the detectors recognise holds an ASCII digit (ID numbers, mobiles, bank cards,
 * passports, permits) or an `@` (e-mail), except a unified social credit code written in
 * letters only: 18 characters of its alphabet (no I, O, S, V, Z). A text without any of these
 * cannot hold a value. `test/unit/scan/prefilter.test.ts` keeps this in step with the detectors.
 */
const VALUE_CANDIDATE = /[0-9@]|[A-HJ-NP-RTUWXY]{18}/;

/** False when no value detector can match anywhere in the text: the cheap test before detecting. */
export function mayHoldValue(text: string): boolean {
  return VALUE_CANDIDATE.test(text);
}
