import { categoryLabel } from '../classify/categories';
import type { PiAuditConfig } from '../config/model';
import type { Disposition } from '../disposition/model';
import type { Audit } from '../scan/auditFields';
import type { ChecklistInput } from './model';

/**
 * The checklist merge's input for one folder (one system) — the same for the CLI and the editor:
 * every PI field with the disposition in force and its evidence. `override` replaces one field's
 * disposition — a decision being recorded in the checklist.
 */
export function checklistInputFor(audit: Pick<Audit, 'fields' | 'assessed'>, config: PiAuditConfig, system: string, override?: { fieldId: string; disposition: Disposition }): ChecklistInput {
  const evidenceById = new Map(audit.fields.map((f) => [f.id, f.evidence]));
  return {
    legalEntity: config.legalEntity,
    systems: [
      {
        name: system,
        items: audit.assessed.map((a) => ({
          finding: a.finding,
          disposition: override && override.fieldId === a.finding.id ? override.disposition : a.disposition,
          evidence: evidenceById.get(a.finding.id) ?? [],
          labelZh: a.finding.category ? categoryLabel(a.finding.category, 'zh-CN') : undefined,
          labelEn: a.finding.category ? categoryLabel(a.finding.category, 'en') : undefined,
        })),
      },
    ],
  };
}
