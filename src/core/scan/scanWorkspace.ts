import { readFile } from 'node:fs/promises';
import type { PiAuditConfig } from '../config/model';
import type { Disposition } from '../disposition/model';
import { Engine } from '../engine';
import type { Lang } from '../i18n/localizer';
import { auditFields, systemName } from './auditFields';
import { decodeText } from './decode';
import type { SkippedFile } from './model';
import type { ScanResult } from './scanResult';
import { walkFiles } from './walker';
import type { FileAnalysis } from './analyzeFile';

export interface ScanOptions {
  /** The folder findings are relative to (the workspace folder / repository). */
  root: string;
  /** Folders or files to scan under the root; defaults to the root. */
  paths?: string[];
  config: PiAuditConfig;
  lang: Lang;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Decisions recorded in the checklist, by field id (a declaration source). */
  checklist?: ReadonlyMap<string, Disposition>;
  /** Reuse an engine (the extension keeps one per folder). */
  engine?: Engine;
}

/**
 * Scans a workspace: walks it (honouring .gitignore and the config's globs), decodes each file,
 * extracts and classifies, then resolves dispositions and runs the rules over the whole set.
 * Every file is either analysed or listed in `skipped` with its reason.
 */
export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const engine = options.engine ?? new Engine(options.config);
  const skipped: SkippedFile[] = [];
  const files: { absPath: string; relPath: string; size: number }[] = [];
  for await (const entry of walkFiles(options.paths ?? [options.root], {
    root: options.root,
    include: options.config.include,
    exclude: options.config.exclude,
    maxFileSize: options.config.maxFileSize,
    signal: options.signal,
    onSkip: (skip) => skipped.push(skip),
  })) {
    files.push(entry);
  }

  const analyses: FileAnalysis[] = [];
  const texts = new Map<string, string>();
  let bytes = 0;
  for (const [done, file] of files.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.(done, files.length);
    let raw: Buffer;
    try {
      raw = await readFile(file.absPath);
    } catch (error) {
      skipped.push({ file: file.relPath, reason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    const decoded = decodeText(raw);
    if ('binary' in decoded) {
      skipped.push({ file: file.relPath, reason: decoded.reason });
      continue;
    }
    bytes += raw.length;
    texts.set(file.relPath, decoded.text);
    analyses.push(await engine.analyze(file.relPath, decoded.text));
  }
  options.onProgress?.(files.length, files.length);

  const audited = auditFields({ analyses, texts, config: options.config, lang: options.lang, system: systemName(options.root, options.config), checklist: options.checklist });
  return {
    root: options.root,
    files: analyses.length,
    bytes,
    ms: Date.now() - started,
    skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
    fields: audited.fields,
    values: analyses.flatMap((a) => a.values),
    diagnostics: audited.diagnostics,
    assessed: audited.assessed,
    problems: [
      ...analyses.flatMap((a) => a.problems.map((p) => ({ file: a.file, ...p }))),
      ...audited.policyProblems.map((p) => ({ file: '.piaudit.yaml', line: 1, column: 1, message: `${p.policy}: ${p.message}` })),
    ],
  };
}
