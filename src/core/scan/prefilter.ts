import type { Extractor } from '../extract/model';
import { mayHoldValue } from '../values/valueCandidate';
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
  /** False when no value detector can match anywhere in the text (valueCandidate.ts). */
  values: boolean;
}

export function planFile(extractors: readonly Extractor[], file: string, text: string): FilePlan {
  return { extractor: pickExtractor(extractors, file, text), values: mayHoldValue(text) };
}
