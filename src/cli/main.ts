#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../core/config/configError';
import { loadConfig } from '../core/config/loadConfig';
import { Localizer, langFromEnvironment } from '../core/i18n/localizer';
import { writeJsonReport, writeJsonReportTo } from '../core/report/jsonReport';
import { formatSarif } from '../core/report/sarifReport';
import { formatText } from '../core/report/textReport';
import { ruleMetadata } from '../core/rules/ruleMetadata';
import { scanWorkspace } from '../core/scan/scanWorkspace';
import { diagnosticCounts, type ScanResult } from '../core/scan/scanResult';
import { redactValues } from '../core/values/redactValues';
import { TOOL_VERSION } from '../core/version';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { checklistPath, readChecklistBeforeScan, runChecklistCommand } from './checklistCommand';
import { runMergeCommand } from './mergeCommand';
import { MergeError } from '../core/merge/mergeError';
import { ChecklistError } from '../core/checklist/checklistError';
import { systemName } from '../core/scan/auditFields';
import { ExitCode } from './exitCodes';
import { ProgressLine } from './progress';
import { UsageError } from './usageError';

/** Where the command reads its environment and writes; injectable so tests run it in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The `pi-audit` command. Returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    const l10n = new Localizer(langFromEnvironment(io.env));
    io.stderr.write(redactValues(`${l10n.t('Usage error: {0}', error instanceof Error ? error.message : String(error))}\n\n${USAGE}`));
    return ExitCode.Failure;
  }
  const l10n = new Localizer(options.lang ?? langFromEnvironment(io.env));
  if (options.command === 'help') {
    io.stdout.write(USAGE);
    return ExitCode.Clean;
  }
  if (options.command === 'version') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return ExitCode.Clean;
  }

  try {
    if (options.command === 'merge') return await runMergeCommand(options, io, l10n);
    const roots = options.paths.map((p) => path.resolve(p));
    for (const root of roots) {
      if (!fs.existsSync(root)) throw new UsageError(l10n.t('path not found: {0}', root));
    }
    const root = roots.length === 1 && fs.statSync(roots[0]).isDirectory() ? roots[0] : process.cwd();
    const loaded = await loadConfig({ folder: root, configFile: options.config });
    for (const warning of loaded.warnings) io.stderr.write(redactValues(`${warning.file}:${warning.line}:${warning.column}: ${warning.message}\n`));

    const showProgress = Boolean(io.stderr.isTTY) && !options.quiet && !io.env.CI;
    const progress = new ProgressLine(io.stderr, showProgress);
    const system = systemName(root, loaded.config);
    const checklist = readChecklistBeforeScan(checklistPath(root, loaded.config, options.command === 'checklist' ? options : {}), root, system);
    const result = await scanWorkspace({
      root,
      paths: roots,
      config: loaded.config,
      checklist: checklist?.decisions,
      lang: l10n.lang,
      onProgress: (done, total) => progress.update(l10n.t('Scanning {0} files…', total), done, total),
      cacheDir: options.cache ? options.cacheDir && path.resolve(options.cacheDir) : false,
      onStats: (stats) => {
        for (const problem of options.quiet ? [] : stats.cacheErrors) io.stderr.write(redactValues(`${l10n.t('Cache: {0}', problem)}\n`));
      },
    });
    progress.clear();

    if (options.command === 'checklist') {
      return await runChecklistCommand(result, loaded.config, system, options, io, l10n, checklist);
    }
    writeReport(result, options, io, l10n);
    return exitCodeFor(result, options.failOn);
  } catch (error) {
    // Messages may quote paths and OS errors: PI in them is masked, and no stack trace is printed.
    if (error instanceof UsageError) {
      io.stderr.write(redactValues(`${l10n.t('Usage error: {0}', error.message)}\n`));
    } else if (error instanceof ChecklistError) {
      io.stderr.write(redactValues(`${error.message}\n`));
    } else if (error instanceof ConfigError) {
      io.stderr.write(redactValues(`${l10n.t('Configuration error: {0}', '')}\n${error.message}\n`));
    } else if (error instanceof MergeError) {
      io.stderr.write(redactValues(`${l10n.t('Cannot merge: {0}', error.message)}\n`));
    } else {
      io.stderr.write(redactValues(`${l10n.t('The scan failed: {0}', failureText(error, l10n))}\n`));
    }
    return ExitCode.Failure;
  }
}

/** What an operating-system error means, in the user's language, rather than a bare error code. */
const FILE_SYSTEM_FAILURES: Record<string, { en: string; 'zh-CN': string }> = {
  EROFS: { en: 'cannot write, the file system is read-only', 'zh-CN': '无法写入, 文件系统为只读' },
  EACCES: { en: 'permission denied', 'zh-CN': '没有访问权限' },
  EPERM: { en: 'not permitted (is the file or folder immutable?)', 'zh-CN': '操作不被允许 (文件或目录是否被设为不可修改?)' },
  ENOSPC: { en: 'cannot write, no space left on the device', 'zh-CN': '无法写入, 磁盘空间不足' },
  EDQUOT: { en: 'cannot write, disk quota exceeded', 'zh-CN': '无法写入, 超出磁盘配额' },
};
/** `.pi-disposition.yaml.<pid>.<hex>.tmp`, the temporary file of writeFileAtomic: name the file being replaced instead. */
const ATOMIC_TEMP = /^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/;

function failureText(error: unknown, l10n: Localizer): string {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = code !== undefined ? FILE_SYSTEM_FAILURES[code] : undefined;
  if (reason && file) {
    const target = path.join(path.dirname(file), path.basename(file).replace(ATOMIC_TEMP, '$1'));
    return `${target}: ${reason[l10n.lang]} (${code})`;
  }
  return error instanceof Error ? error.message : String(error);
}

function writeReport(result: ScanResult, options: CliOptions, io: CliIO, l10n: Localizer): void {
  const color = options.color ?? (!options.output && Boolean(io.stdout.isTTY));
  if (options.format === 'json') {
    // Written piece by piece: the report of a large tree is tens of MB, never one string in memory.
    const keepingProblems = options.output ? writeJsonFile(result, options.output) : writeJsonReportTo(result, (piece) => io.stdout.write(typeof piece === 'string' ? piece : Buffer.from(piece)));
    for (const problem of options.quiet ? [] : keepingProblems) io.stderr.write(redactValues(`${l10n.t('Cache: {0}', problem)}\n`));
    if (options.output && !options.quiet) io.stderr.write(redactValues(`${l10n.t('Wrote {0}', options.output)}\n`));
    return;
  }
  const text = options.format === 'sarif' ? formatSarif(result, ruleMetadata(l10n.lang)) : formatText(result, { localizer: l10n, color });
  if (options.output) {
    fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
    fs.writeFileSync(options.output, text);
    if (!options.quiet) io.stderr.write(redactValues(`${l10n.t('Wrote {0}', options.output)}\n`));
  } else {
    io.stdout.write(text);
  }
}

function writeJsonFile(result: ScanResult, output: string): string[] {
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  const fd = fs.openSync(output, 'w');
  try {
    return writeJsonReport(result, fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function exitCodeFor(result: ScanResult, failOn: 'error' | 'warning'): number {
  const counts = diagnosticCounts(result);
  const failing = counts.error > 0 || (failOn === 'warning' && counts.warning > 0);
  return failing ? ExitCode.Findings : ExitCode.Clean;
}

if (require.main === module) {
  // A bug that escapes main() must not print a stack trace (it may quote PI from a path or a
  // file): one masked line and exit code 2 instead.
  const internalError = (error: unknown): void => {
    process.stderr.write(redactValues(`pi-audit: internal error: ${error instanceof Error ? error.message : String(error)}\n`));
    process.exit(ExitCode.Failure);
  };
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
