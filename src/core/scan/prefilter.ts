import type { Extractor } from '../extract/model';
import { pickExtractor } from './analyzeFile';

/**
 * The cheap first look at a decoded file that decides which expensive steps it needs, so that
 * only files that can hold schemas or PI values are worked on deeply. Every decision is exact:
 * a step left out is one that would have found nothing, so results never depend on it.
 */
export interface FilePlan {
  /**
   * The extractor that reads the file (the first whose `accepts` takes its path and first
   * 4 KB), or none: a file no extractor takes is never parsed.
   */
  extractor: Extractor | undefined;
  /** False when no value detector can match anywhere in the text. */
  values: boolean;
}

/**
 * Every value the detectors recognise holds an ASCII digit (ID numbers, mobiles, bank cards,
 * passports, permits) or an `@` (e-mail), except a unified social credit code written in
 * letters only: 18 characters of its alphabet (no I, O, S, V, Z). A text without any of these
 * cannot hold a value. `test/unit/scan/prefilter.test.ts` keeps this in step with the detectors.
 */
const VALUE_CANDIDATE = /[0-9@]|[A-HJ-NP-RTUWXY]{18}/;

export function planFile(extractors: readonly Extractor[], file: string, text: string): FilePlan {
  return { extractor: pickExtractor(extractors, file, text), values: VALUE_CANDIDATE.test(text) };
}
