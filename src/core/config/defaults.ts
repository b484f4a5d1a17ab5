import type { PiAuditConfig } from './model';

/** Config file names looked for in a folder, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.piaudit.yaml', '.piaudit.yml'];

/** `.piaudit.yaml` is a hand-written file of a few kB: anything above this is refused unread. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Anchors are handy for repeating a policy; more expansions than this look like a YAML bomb. */
export const MAX_CONFIG_ALIAS_COUNT = 20;

/**
 * The configuration when `.piaudit.yaml` says nothing. A fresh object each call, so no caller can
 * change another's defaults. Rule severities are not here: each rule's default lives with the rule.
 */
export function defaultConfig(): PiAuditConfig {
  return {
    include: ['**/*'],
    exclude: [],
    maxFileSize: 5 * 1024 * 1024,
    fileTimeoutMs: 2000,
    rules: {},
    sensitiveIdReading: 'GB/T 35273-2020',
    checklistPath: 'pi-disposition.yaml',
    policies: [],
    legalEntity: {},
    minConfidence: 0.5,
  };
}
