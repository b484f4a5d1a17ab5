import { ART38_MECHANISMS, normalizeMechanism } from '../disposition/mechanism';
import type { ConfigProblem } from './configError';
import type { ConfigSettings } from './configSettings';
import { isValidCreditCode, creditCodeCheckCharacter } from './creditCode';
import { formatKeyPath, type KeyPath } from './keyPath';
import { globProblems } from './globLimits';
import type { PiAuditConfig, PolicyRule } from './model';
import { configValidator, validateWithSchema } from './schemaProblems';


/** Where a raw configuration came from, so problems can name the file, line and key. */
export interface ConfigSource {
  file: string;
  /** Line and column of a key path; absent for sources without lines (editor settings). */
  locate?: (path: KeyPath, atKey: boolean) => { line: number; column: number };
}

export interface OverlayOptions {
  /** Rule ids the engine knows; other ids under `rules` get a warning. Unchecked when absent. */
  knownRuleIds?: readonly string[];
}

export interface OverlayResult {
  /** `base` with `raw` laid over it; `base` itself when there is any error. */
  config: PiAuditConfig;
  problems: ConfigProblem[];
}

/**
 * The one code path for configuration: validates `raw` (the keys of `.piaudit.yaml` or of the
 * editor settings) against `schemas/piaudit-config.schema.json` and lays it over `base`.
 * Lists replace, except `exclude`, which adds to the exclusions underneath (adding an exclusion
 * never brings back a file another layer excluded); `rules` and `legalEntity` merge key by key.
 */
export function overlayConfig(base: PiAuditConfig, raw: unknown, source: ConfigSource, options: OverlayOptions = {}): OverlayResult {
  const value = raw ?? {};
  const problem = (path: KeyPath, atKey: boolean, message: string, severity: 'error' | 'warning'): ConfigProblem => ({
    file: source.file,
    ...source.locate?.(path, atKey),
    key: formatKeyPath(path),
    message,
    severity,
  });

  const schemaProblems = validateWithSchema(configValidator, value);
  if (schemaProblems.length > 0) {
    const problems = schemaProblems.map((p) => problem(p.path, p.atKey, p.message, 'error'));
    return { config: base, problems: sortProblems(problems) };
  }

  const settings = value as ConfigSettings;
  // Mechanisms have several accepted spellings (标准合同, scc…): the disposition module owns the list.
  const mechanismErrors = (settings.policies ?? []).flatMap((rule, index) =>
    rule.mechanism !== undefined && !normalizeMechanism(rule.mechanism)
      ? [problem(['policies', index, 'mechanism'], false,
        `must be a PIPL Art. 38 mechanism: ${ART38_MECHANISMS.join(', ')} (安全评估, 认证, 标准合同)`, 'error')]
      : []);
  if (mechanismErrors.length > 0) return { config: base, problems: mechanismErrors };
  const globErrors = globProblems(settings).map((p) => problem(p.path, p.atKey, p.message, 'error'));
  if (globErrors.length > 0) return { config: base, problems: globErrors };

  const problems: ConfigProblem[] = [];
  const code = settings.legalEntity?.creditCode;
  if (code !== undefined && !isValidCreditCode(code)) {
    problems.push(problem(['legalEntity', 'creditCode'], false,
      `check character should be ${creditCodeCheckCharacter(code) ?? '?'} (GB 32100-2015); is the code copied correctly?`, 'warning'));
  }
  if (options.knownRuleIds) {
    const known = new Set(options.knownRuleIds);
    for (const id of Object.keys(settings.rules ?? {})) {
      if (!known.has(id)) problems.push(problem(['rules', id], true, `unknown rule id; known rules: ${[...known].join(', ')}`, 'warning'));
    }
  }

  const config: PiAuditConfig = {
    include: settings.include ? [...settings.include] : base.include,
    exclude: settings.exclude ? unique([...base.exclude, ...settings.exclude]) : base.exclude,
    maxFileSize: settings.maxFileSize ?? base.maxFileSize,
    fileTimeoutMs: settings.fileTimeoutMs ?? base.fileTimeoutMs,
    rules: { ...base.rules, ...settings.rules },
    sensitiveIdReading: settings.sensitiveIdReading ?? base.sensitiveIdReading,
    checklistPath: settings.checklist ?? base.checklistPath,
    policies: settings.policies
      ? settings.policies.map((rule, index): PolicyRule => {
        const at = source.locate?.(['policies', index], false);
        return at ? { ...rule, line: at.line } : { ...rule };
      })
      : base.policies,
    legalEntity: { ...base.legalEntity, ...settings.legalEntity },
    minConfidence: settings.minConfidence ?? base.minConfidence,
  };
  const system = settings.system ?? base.system;
  if (system !== undefined) config.system = system;
  return { config, problems: sortProblems(problems) };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
