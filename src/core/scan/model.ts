import type { Classification } from '../classify/model';
import type { FormatId, SourceComment } from '../extract/model';

/** One field of one entity in one file, with the classifier's verdict. */
export interface FieldFinding extends Classification {
  /** Stable id: `<file>#<entity>.<field>` (file relative to the scan root, forward slashes). */
  id: string;
  file: string;
  format: FormatId;
  line: number;
  column: number;
  entity: string;
  entityAliases: string[];
  field: string;
  fieldAliases: string[];
  type?: string;
  /** Comments attached to the field and to its entity, for `@pi` annotations and evidence. */
  fieldComments: SourceComment[];
  entityComments: SourceComment[];
  description?: string;
}

/** A personal-information value found in data (seed SQL, fixtures, logs), always masked. */
export interface ValueFinding {
  file: string;
  line: number;
  column: number;
  /** Category id, or null for a recognised non-PI identifier (unified social credit code). */
  kind: string | null;
  /** What was recognised, e.g. `resident-id`, `credit-code`, `mobile`, `bank-card`. */
  detector: string;
  /** At most the first 3 and last 2 characters; never the whole value. */
  masked: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}
