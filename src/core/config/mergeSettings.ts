import { ConfigError, type ConfigProblem } from './configError';
import type { ConfigSettings } from './configSettings';
import type { PiAuditConfig } from './model';
import { overlayConfig, type OverlayOptions } from './overlayConfig';

/**
 * Lays the editor's settings over the configuration read from `.piaudit.yaml`, through the same
 * validation and merge as the file itself, so the editor and CI agree. Pass only the settings the
 * user set (not the editor's defaults), or every file value would be overridden.
 * Throws `ConfigError` (file `origin`, key path) when a setting is invalid.
 */
export function mergeSettings(
  config: PiAuditConfig,
  editorSettings: ConfigSettings | Record<string, unknown>,
  origin = 'settings',
  options: OverlayOptions = {},
): { config: PiAuditConfig; warnings: ConfigProblem[] } {
  const result = overlayConfig(config, editorSettings, { file: origin }, options);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors);
  return { config: result.config, warnings: result.problems };
}
