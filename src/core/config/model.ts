import type { DispositionAction } from '../disposition/model';

export type Severity = 'error' | 'warning' | 'info' | 'off';

/** GB/T 35273-2020 treats the bare ID number as sensitive; GB/T 45574-2025 the ID-card photo instead. */
export type SensitiveIdReading = 'GB/T 35273-2020' | 'GB/T 45574-2025';

/** A policy rule from `.piaudit.yaml`: every field matching it gets this disposition. */
export interface PolicyRule {
  /** Glob over `system/entity.field` (minimatch, case-insensitive), e.g. `*\/order*.*`. */
  match?: string;
  /** Category ids or family prefixes, e.g. `property.payment` or `property`. */
  categories?: string[];
  action: DispositionAction;
  period?: string;
  basis?: string;
  to?: string;
  contact?: string;
  method?: string;
  mechanism?: string;
  reason?: string;
  owner?: string;
  /** Line of the rule in `.piaudit.yaml`, for messages. */
  line?: number;
}

/** The legal entity being wound up, written at the top of the checklist. */
export interface LegalEntityInfo {
  name?: string;
  creditCode?: string;
  /** 注销 kind: `simplified` (简易注销) or `general` (一般注销). */
  deregistration?: string;
  date?: string;
  successor?: string;
  successorContact?: string;
}

/** The effective configuration (defaults merged with `.piaudit.yaml` and editor settings). */
export interface PiAuditConfig {
  include: string[];
  exclude: string[];
  /** Files larger than this are skipped with reason `too-large`. */
  maxFileSize: number;
  /** Per-file time budget in ms. */
  fileTimeoutMs: number;
  rules: Record<string, Severity>;
  sensitiveIdReading: SensitiveIdReading;
  checklistPath: string;
  policies: PolicyRule[];
  legalEntity: LegalEntityInfo;
  /** Name of the system (repository) when the folder name is not the right one. */
  system?: string;
  /** Minimum confidence for a field to count as PI. */
  minConfidence: number;
}
