import * as path from 'node:path';
import type { ConfigSettings } from '../core/config/configSettings';
import { defaultConfig } from '../core/config/defaults';
import type { PiAuditConfig } from '../core/config/model';

/** The `piAudit.*` settings that lay over `.piaudit.yaml`, by setting name → config key. */
export const SETTING_KEYS = {
  include: 'include',
  exclude: 'exclude',
  rules: 'rules',
  sensitiveIdReading: 'sensitiveIdReading',
  checklistPath: 'checklist',
  maxFileSize: 'maxFileSize',
} as const satisfies Record<string, keyof ConfigSettings>;

export type SettingName = keyof typeof SETTING_KEYS;

/**
 * The settings the user set (never VS Code's defaults, or every value of `.piaudit.yaml` would
 * be overridden), renamed to the configuration's keys for `mergeSettings`. Values are passed as
 * they are: the engine validates them with the same schema as the file.
 */
export function settingsOverlay(values: Partial<Record<SettingName, unknown>>): Record<string, unknown> {
  const overlay: Record<string, unknown> = {};
  for (const [setting, key] of Object.entries(SETTING_KEYS)) {
    const value = values[setting as SettingName];
    if (value !== undefined && value !== null) overlay[key] = value;
  }
  return overlay;
}

/** Longest glob kept in restricted mode; more nested braces than this look like an expansion bomb. */
const MAX_RESTRICTED_GLOB = 256;
const MAX_RESTRICTED_BRACES = 4;

/**
 * In a workspace the user has not trusted, nothing its configuration says may make the editor
 * hang: files are read up to the default size and time budget at most, and globs that are very
 * long or nest many braces are dropped. (The configuration has no regular expressions to bound.)
 * Returns the bounded configuration and what was dropped or lowered, for the log.
 */
export function boundForRestrictedMode(config: PiAuditConfig): { config: PiAuditConfig; changes: string[] } {
  const defaults = defaultConfig();
  const changes: string[] = [];
  const bounded: PiAuditConfig = { ...config };
  if (config.maxFileSize > defaults.maxFileSize) {
    bounded.maxFileSize = defaults.maxFileSize;
    changes.push(`maxFileSize ${config.maxFileSize} → ${defaults.maxFileSize}`);
  }
  if (config.fileTimeoutMs > defaults.fileTimeoutMs) {
    bounded.fileTimeoutMs = defaults.fileTimeoutMs;
    changes.push(`fileTimeoutMs ${config.fileTimeoutMs} → ${defaults.fileTimeoutMs}`);
  }
  const safe = (pattern: string): boolean => pattern.length <= MAX_RESTRICTED_GLOB && (pattern.match(/\{/g) ?? []).length <= MAX_RESTRICTED_BRACES;
  for (const key of ['include', 'exclude'] as const) {
    const dropped = config[key].filter((p) => !safe(p));
    if (dropped.length === 0) continue;
    bounded[key] = config[key].filter(safe);
    changes.push(`${key}: dropped ${dropped.length} pattern(s)`);
  }
  if (bounded.include.length === 0) bounded.include = defaults.include;
  return { config: bounded, changes };
}

/**
 * The checklist's absolute path, or null when the configured path leads outside the folder
 * (`../../somewhere`): the extension only ever writes inside the workspace folder.
 */
export function checklistFileIn(root: string, checklistPath: string): string | null {
  const file = path.resolve(root, checklistPath);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}
