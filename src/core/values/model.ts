import type { ValueFinding } from '../scan/model';

/** What a detector recognised in a candidate string: a category id (or null) and its own name. */
export interface ValueMatch {
  /** Category id from the categories table, or null for a recognised non-PI identifier. */
  kind: string | null;
  /** Stable detector name, e.g. `resident-id`, `credit-code`, `mobile`. */
  detector: string;
}

/**
 * One value found in a text, without the file (the caller knows it). `offset`/`length` locate the
 * raw value in the text (0-based, UTF-16 code units) so a caller can map it to, say, the SQL
 * column it sits in; the value itself is only ever handed out masked.
 */
export interface ValueHit extends Omit<ValueFinding, 'file'> {
  offset: number;
  length: number;
}
