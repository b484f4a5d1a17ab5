import type { ChecklistDispositionData, ChecklistItemData, ChecklistStatus } from '../checklist/model';

/**
 * The parts of a JSON report (`pi-audit scan --format json`) the group register reads. A CI job
 * per repository produces one; `pi-audit merge` combines them.
 */
export interface ReportInput {
  file: string;
  /** The system (repository) the report is about: its `system`, else its root folder's name. */
  system: string;
  version: string;
  files: number;
  skipped: number;
  fields: ReportField[];
  values: { kind: string | null }[];
  diagnostics: { severity: string }[];
}

export interface ReportField {
  id: string;
  file: string;
  line: number;
  entity: string;
  field: string;
  category: string | null;
  sensitive: boolean;
  evidence?: string[];
  disposition: (Record<string, unknown> & { action: ChecklistDispositionData['action']; source: string }) | null;
}

/** One system of a checklist (`pi-disposition.yaml`), items as written (every key kept). */
export interface ChecklistSystemInput {
  file: string;
  system: string;
  legalEntity?: Record<string, string | null>;
  items: ChecklistItemData[];
}

/** An item of the group register: a checklist item as written, or one made from a report. */
export type RegisterItem = ChecklistItemData & {
  /** Set (false) only when the system's report was merged and does not list the field. */
  inReport?: boolean;
  /** Set (false) only when the system's checklist was merged and does not list the field. */
  inChecklist?: boolean;
  [key: string]: unknown;
};

export interface RegisterTotals {
  fields: number;
  sensitive: number;
  decided: number;
  undecided: number;
  gone: number;
  byAction: Record<string, number>;
  byStatus: Record<ChecklistStatus, number>;
  /** From the report: PI values found in data, diagnostics by severity, files read and skipped. */
  values?: number;
  diagnostics?: Record<string, number>;
  filesScanned?: number;
  filesSkipped?: number;
}

export interface RegisterSystem {
  name: string;
  sources: { report?: string; checklist?: string; toolVersion?: string };
  totals: RegisterTotals;
  items: RegisterItem[];
}

export interface GroupRegister {
  version: 1;
  legalEntities: Record<string, string | null>[];
  totals: RegisterTotals & { systems: number };
  systems: RegisterSystem[];
}
