import type { Disposition } from '../core/disposition/model';
import type { AuditedField } from '../core/scan/scanResult';

/** Where a PI field stands: nobody decided, a disposition is declared, or it is declared not PI / accepted. */
export type FieldState = 'undecided' | 'decided' | 'ignored';

export function fieldState(disposition: Disposition | null): FieldState {
  if (disposition === null) return 'undecided';
  return disposition.action === 'ignore' ? 'ignored' : 'decided';
}

export interface FieldCounts {
  /** PI fields found. */
  fields: number;
  undecided: number;
  /** Sensitive PI fields (PIPL Art. 28) still undecided. */
  sensitiveUndecided: number;
}

export function countFields(fields: readonly Pick<AuditedField, 'disposition' | 'sensitive'>[]): FieldCounts {
  const counts: FieldCounts = { fields: 0, undecided: 0, sensitiveUndecided: 0 };
  for (const field of fields) {
    counts.fields++;
    if (field.disposition !== null) continue;
    counts.undecided++;
    if (field.sensitive) counts.sensitiveUndecided++;
  }
  return counts;
}

export function addCounts(a: FieldCounts, b: FieldCounts): FieldCounts {
  return { fields: a.fields + b.fields, undecided: a.undecided + b.undecided, sensitiveUndecided: a.sensitiveUndecided + b.sensitiveUndecided };
}
