import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ConfigError, type ConfigProblem } from './configError';
import { CONFIG_FILE_NAMES, MAX_CONFIG_ALIAS_COUNT, MAX_CONFIG_FILE_BYTES, defaultConfig } from './defaults';
import type { PiAuditConfig } from './model';
import { overlayConfig, type OverlayOptions } from './overlayConfig';
import { offsetOfPath, parseYamlSource } from './yamlSource';
import { formatKeyPath } from './keyPath';
import { errorCode } from '../files/errorCode';

export interface LoadConfigOptions extends OverlayOptions {
  /** Folder to look in for `.piaudit.yaml` / `.piaudit.yml`. */
  folder: string;
  /** An explicit file (`--config FILE`), relative to the current directory or absolute; it must exist. */
  configFile?: string;
}

export interface LoadedConfig {
  config: PiAuditConfig;
  /** The file read, or undefined when the folder has none and the defaults apply. */
  file?: string;
  /** Things worth telling the user that do not stop the run. */
  warnings: ConfigProblem[];
}

/** `.piaudit.yaml` (or `.piaudit.yml`) in `folder`, or undefined. */
export async function findConfigFile(folder: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(folder, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Reads the configuration for a folder: defaults, overlaid by the config file if there is one.
 * Throws `ConfigError` (every problem with file, line and key) when the file cannot be read,
 * does not parse or does not match the schema; nothing else happens in that case.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const explicit = options.configFile !== undefined ? path.resolve(options.configFile) : undefined;
  const file = explicit ?? (await findConfigFile(options.folder));
  if (file === undefined) return { config: defaultConfig(), warnings: [] };

  const shown = displayName(file, options.folder);
  const fail = (message: string): never => {
    throw new ConfigError([{ file: shown, line: 1, column: 1, key: '', message, severity: 'error' }]);
  };
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) fail('is not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(explicit ? `cannot read the config file: ${errorText(error)}` : `cannot read: ${errorText(error)}`);
  }
  if (size > MAX_CONFIG_FILE_BYTES) fail(`is ${size} bytes; a config file may be at most ${MAX_CONFIG_FILE_BYTES} bytes`);

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail(`cannot read: ${errorText(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('is not valid UTF-8 text');
  }

  const loaded = parseConfigText(text, shown, options);
  const warnings = [...loaded.warnings];
  if (!explicit) {
    const others = await otherConfigFiles(options.folder, file);
    for (const other of others) {
      warnings.push({ file: displayName(other, options.folder), line: 1, column: 1, key: '', severity: 'warning',
        message: `ignored: ${shown} is used` });
    }
  }
  return { config: loaded.config, file, warnings };
}

/**
 * Parses config text (a file, or the editor's unsaved buffer) over the defaults.
 * Throws `ConfigError` with every error found; returns warnings otherwise.
 */
export function parseConfigText(text: string, file: string, options: OverlayOptions = {}): { config: PiAuditConfig; warnings: ConfigProblem[] } {
  if (text.length > MAX_CONFIG_FILE_BYTES) {
    throw new ConfigError([{ file, line: 1, column: 1, key: '', severity: 'error',
      message: `is larger than ${MAX_CONFIG_FILE_BYTES} bytes; a config file may be at most that` }]);
  }
  const source = parseYamlSource(text, { maxAliasCount: MAX_CONFIG_ALIAS_COUNT });
  const yamlProblems: ConfigProblem[] = source.problems.map((p) => ({
    file, line: p.line, column: p.column, key: formatKeyPath(p.path), message: p.message, severity: p.severity,
  }));
  if (yamlProblems.some((p) => p.severity === 'error')) throw new ConfigError(yamlProblems.filter((p) => p.severity === 'error'));

  const locate = (keyPath: readonly (string | number)[], atKey: boolean): { line: number; column: number } => {
    const pos = source.lineCounter.linePos(offsetOfPath(source.doc, keyPath, atKey));
    return { line: pos.line, column: pos.col };
  };
  const result = overlayConfig(defaultConfig(), source.value, { file, locate }, options);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors);
  return { config: result.config, warnings: [...yamlProblems, ...result.problems] };
}

async function otherConfigFiles(folder: string, used: string): Promise<string[]> {
  const others: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(folder, name);
    if (candidate !== used && (await isFile(candidate))) others.push(candidate);
  }
  return others;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    // A missing file is the normal case here, not an error to report.
    return false;
  }
}

/** Relative to the folder with forward slashes when inside it, as the user would type it. */
function displayName(file: string, folder: string): string {
  const relative = path.relative(folder, file);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  return file;
}

function errorText(error: unknown): string {
  if (errorCode(error) === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}
