import { LineIndex } from '../extract/lineIndex';
import { recognizeBankCard } from './bankCard';
import { CREDIT_CODE, hasValidOrganizationCode, isCreditCode } from './creditCode';
import { readDigitGroups, type DigitGroups } from './digitGroups';
import { EMAIL, findEmails } from './email';
import { recognizeHomeReturnPermit } from './homeReturnPermit';
import { mask } from './mask';
import { MOBILE, recognizeMobile } from './mobile';
import type { ValueHit, ValueMatch } from './model';
import { recognizePassport } from './passport';
import { VALUE_START } from './valueCandidate';
import { recognizeOldResidentId, recognizeResidentId } from './residentId';

export interface DetectValuesOptions {
  /** The day birth dates must not be after; defaults to now (tests pin it). */
  today?: Date;
}

export interface RawHit {
  offset: number;
  length: number;
  match: ValueMatch;
}

/**
 * Finds personal-information values (and credit codes) in a text, ordered by position, each
 * masked. The text is cut into maximal ASCII alphanumeric runs, so "whole token" and "not inside
 * a longer digit run" come for free and every candidate is checked once; only runs that can
 * start a value are looked at (`VALUE_START`). E-mail addresses are found by a second linear
 * pass around each `@`. Both passes are linear (`VALUE_START` gives back at most one run's length,
 * once per run; the e-mail loops are bounded), so a 50 MB dump costs time proportional to its length.
 */
export function detectValues(text: string, options: DetectValuesOptions = {}): ValueHit[] {
  const today = options.today ?? new Date();
  const emails = findEmails(text);
  const tokens: RawHit[] = [];

  let nextEmail = 0;
  // Runs before this offset belong to a number written in groups that was already recognised.
  let resumeAt = 0;
  for (const run of text.matchAll(VALUE_START)) {
    const start = run.index;
    const end = start + run[0].length;
    if (start < resumeAt) continue;
    while (nextEmail < emails.length && emails[nextEmail].end <= start) nextEmail++;
    if (nextEmail < emails.length && emails[nextEmail].start < end) continue; // part of an address
    const found = recognizeRun(text, start, end, today);
    if (!found) continue;
    tokens.push(found.hit);
    resumeAt = found.resumeAt;
  }

  if (emails.length === 0 && tokens.length === 0) return [];
  const lines = new LineIndex(text);
  const toHit = (offset: number, length: number, match: ValueMatch): ValueHit => {
    const { line, column } = lines.position(offset);
    const masked = mask(text.slice(offset, offset + length));
    return { line, column, kind: match.kind, detector: match.detector, masked, offset, length };
  };
  // Both lists are already in text order and never overlap: merge them instead of sorting.
  const hits: ValueHit[] = [];
  let e = 0;
  let t = 0;
  while (e < emails.length || t < tokens.length) {
    if (t >= tokens.length || (e < emails.length && emails[e].start < tokens[t].offset)) {
      hits.push(toHit(emails[e].start, emails[e].end - emails[e].start, EMAIL));
      e++;
    } else {
      hits.push(toHit(tokens[t].offset, tokens[t].length, tokens[t].match));
      t++;
    }
  }
  return hits;
}

/**
 * The value that starts with the maximal alphanumeric run text[start, end): a number written in
 * groups that begins there, else the run itself as one token. `resumeAt` is where the search
 * goes on (past the last group). Exported for the test that holds `VALUE_START` to it.
 */
export function recognizeRun(text: string, start: number, end: number, today: Date): { hit: RawHit; resumeAt: number } | undefined {
  const groups = readDigitGroups(text, start, end);
  const grouped = groups && recognizeGroups(groups);
  if (groups && grouped) return { hit: withCountryCode(text, groups.start, groups.end, grouped), resumeAt: groups.end };
  const single = recognizeToken(text, start, end, today);
  return single && { hit: withCountryCode(text, start, end, single), resumeAt: end };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * True when the digit run text[start, end) is the fraction or the integer part of a decimal
 * number (`121.13812345678`, `13812345678.25`): such digits are a measurement, not an identifier.
 */
function isPartOfDecimal(text: string, start: number, end: number): boolean {
  const before = start >= 2 && text.charCodeAt(start - 1) === 46 && isDigit(text.charCodeAt(start - 2));
  const after = text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1));
  return before || after;
}

/** Lengths of the tokens any detector can accept; everything else is skipped without slicing. */
const CANDIDATE_LENGTHS = new Set([9, 11, 13, 15, 16, 17, 18, 19]);

function recognizeToken(text: string, start: number, end: number, today: Date): ValueMatch | undefined {
  const length = end - start;
  if (!CANDIDATE_LENGTHS.has(length)) return undefined;
  if (isDigit(text.charCodeAt(start)) && isPartOfDecimal(text, start, end)) return undefined;
  const token = text.slice(start, end);
  switch (length) {
    case 9:
      return recognizePassport(token) ?? recognizeHomeReturnPermit(token);
    case 11:
      return recognizeMobile(token) ?? recognizeHomeReturnPermit(token);
    case 13:
      return recognizeMobile(token);
    case 15:
      return recognizeOldResidentId(token, today);
    case 18:
      return recognizeEighteen(token, today);
    default:
      return recognizeBankCard(token);
  }
}

/**
 * 18 characters may be a resident ID, a credit code, both (an all-digit string can pass both
 * checks), or an 18-digit card number. A valid credit code is never also an ID; the tie between
 * the two checks goes to the credit code only if its embedded organisation-code check holds too,
 * because about one real ID in 31 passes the credit-code check by chance.
 */
function recognizeEighteen(token: string, today: Date): ValueMatch | undefined {
  const id = recognizeResidentId(token, today);
  if (isCreditCode(token) && (!id || hasValidOrganizationCode(token))) return CREDIT_CODE;
  return id ?? recognizeBankCard(token);
}

function recognizeGroups(groups: DigitGroups): ValueMatch | undefined {
  const shape = groups.lengths.join(',');
  if (shape === '3,4,4') return recognizeMobile(groups.digits);
  if (/^4,4,4,4(?:,[1-3])?$/.test(shape)) return recognizeBankCard(groups.digits);
  return undefined;
}

/**
 * A mobile number written with its country code (`+8613812345678`, `+86 138 1234 5678`,
 * `+86-13812345678`) keeps the `+86` inside the hit, so the reported column is where the
 * number begins.
 */
function withCountryCode(text: string, start: number, end: number, match: ValueMatch): RawHit {
  let offset = start;
  if (match === MOBILE) {
    if (text.startsWith('86', start) && text.charCodeAt(start - 1) === 43 /* + */) offset = start - 1;
    else if (start >= 4 && text.startsWith('+86', start - 4) && /[ -]/.test(text.charAt(start - 1))) offset = start - 4;
  }
  return { offset, length: end - offset, match };
}
