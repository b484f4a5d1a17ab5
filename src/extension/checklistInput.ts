import { categoryLabel } from '../core/classify/categories';
import type { ChecklistInput } from '../core/checklist/model';
import type { PiAuditConfig } from '../core/config/model';
import type { Disposition } from '../core/disposition/model';
import type { Audit } from '../core/scan/auditFields';

/**
 * The checklist merge's input for one folder (one system), as the CLI builds it: every PI field
 * with the disposition in force and its evidence. `override` replaces one field's disposition —
 * a decision being recorded in the checklist.
 */
export function checklistInputFor(audit: Audit, config: PiAuditConfig, system: string, override?: { fieldId: string; disposition: Disposition }): ChecklistInput {
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
