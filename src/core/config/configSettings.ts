import type { LegalEntityInfo, PolicyRule, SensitiveIdReading, Severity } from './model';

/**
 * The configuration as written: the keys of `.piaudit.yaml`, and the same keys in the editor's
 * settings. Every key is optional; what is absent keeps the value underneath.
 */
export interface ConfigSettings {
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  fileTimeoutMs?: number;
  rules?: Record<string, Severity>;
  sensitiveIdReading?: SensitiveIdReading;
  /** Path of the checklist (`PiAuditConfig.checklistPath`). */
  checklist?: string;
  policies?: Omit<PolicyRule, 'line'>[];
  legalEntity?: LegalEntityInfo;
  system?: string;
  minConfidence?: number;
}
