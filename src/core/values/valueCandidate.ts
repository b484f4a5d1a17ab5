/**
 * Where a value can start: a maximal ASCII alphanumeric run (the look-behind after its first
 * character: nothing of the kind before it) that is
 * - 9 characters or longer, of digits and upper-case letters only: every value the single-token
 *   detectors accept is 9–19 characters long and written so (digits; passports and permits start
 *   with E, G, H or M and go on in digits; credit codes use digits and upper-case letters), or
 * - 17 digits and a lower-case `x`, the one lower-case letter a detector accepts (a resident ID's
 *   check character, compared in upper case), or
 * - 2–4 digits followed by a space or hyphen and a digit: the first group of a number written in
 *   groups (`138 1234 5678`), the only start `readDigitGroups` accepts.
 * Every other run is one no detector accepts (tested against `recognizeRun` on every run of the
 * fixtures and of random texts): class names, words and identifiers are passed over by the
 * regular-expression engine instead of being cut out and looked at one by one in script. Testing
 * the first character before the look-behind lets the engine pass most positions at once (half
 * the time of a leading look-behind, measured). The look-aheads make each run end where the run
 * does; the engine gives back at most the run's length, once per run, so the scan stays linear.
 */
export const VALUE_START = /[A-Z0-9](?<![A-Za-z0-9].)(?:[A-Z0-9]{8,}(?![A-Za-z0-9])|(?<=[0-9])[0-9]{16}x(?![A-Za-z0-9])|(?<=[0-9])[0-9]{1,3}(?=[ -][0-9]))/g;

const ONE_VALUE_START = new RegExp(VALUE_START.source);

/**
 * False when no value detector can match anywhere in the text: there is no `@` (every e-mail
 * address has one) and no run a single-token detector could accept (`VALUE_START`), so
 * `detectValues` finds nothing. The cheap test before detecting, for texts that mostly hold no
 * value: whole files (the prefilter) and file names (`displayPath`).
 */
export function mayHoldValue(text: string): boolean {
  return text.includes('@') || ONE_VALUE_START.test(text);
}
