import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkChecklist } from '../core/checklist/checkChecklist';
import { checklistInputFor } from '../core/checklist/checklistInput';
import { parseChecklist, type ParsedChecklist } from '../core/checklist/parseChecklist';
import { checklistDecisions } from '../core/checklist/readChecklistDecisions';
import { updateChecklistFile } from '../core/checklist/updateChecklistFile';
import type { PiAuditConfig } from '../core/config/model';
import type { Disposition } from '../core/disposition/model';
import type { Localizer } from '../core/i18n/localizer';
import type { ScanResult } from '../core/scan/scanResult';
import { displayPath } from '../core/values/redactValues';
import type { CliOptions } from './args';
import { ExitCode } from './exitCodes';

/** Where the checklist lives: `--output`, else the config's `checklist` path under the root. */
export function checklistPath(root: string, config: PiAuditConfig, options: Pick<CliOptions, 'output'>): string {
  return path.resolve(root, options.output ?? config.checklistPath);
}

/**
 * The checklist as read before the scan. One parse serves both uses: its decisions are a
 * declaration source for the scan, and `pi-audit checklist` merges over the same parse afterwards.
 */
export interface ChecklistBeforeScan {
  file: string;
  /** Decisions people took in the checklist, by field id. */
  decisions: Map<string, Disposition>;
  /** Undefined for an empty file. Used up by the merge or the check. */
  parsed: ParsedChecklist | undefined;
}

/**
 * Reads the checklist at `file`. Throws ChecklistError (file, line, reason) when it does not
 * parse; undefined when there is none.
 */
export function readChecklistBeforeScan(file: string, root: string, system: string): ChecklistBeforeScan | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  if (text.trim() === '') return { file, decisions: new Map(), parsed: undefined };
  const shownAs = path.relative(root, file).replace(/\\/g, '/');
  const parsed = parseChecklist(text, shownAs);
  return { file, decisions: checklistDecisions(parsed, { file: shownAs, system }), parsed };
}


/**
 * `pi-audit checklist`: write/update the checklist, or with `--check` report what is stale or
 * undecided. `before` is the checklist as read before the scan; its parse is reused (and used up)
 * when the file still holds the same text.
 */
export async function runChecklistCommand(
  result: ScanResult,
  config: PiAuditConfig,
  system: string,
  options: CliOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  l10n: Localizer,
  before?: ChecklistBeforeScan,
): Promise<number> {
  const file = checklistPath(result.root, config, options);
  // As every path the tool prints: a PI value in the name is masked.
  const shown = displayPath(path.relative(process.cwd(), file).replace(/\\/g, '/') || file);
  const input = checklistInputFor(result, config, system);
  const parsedBefore = before?.file === file ? before.parsed : undefined;
  if (options.check) {
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const problems = checkChecklist(existing, input, shown, l10n, parsedBefore);
    for (const p of problems) io.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
    if (!options.quiet) io.stderr.write(`${l10n.t('{0} checklist problems', problems.length)}\n`);
    return problems.length > 0 ? ExitCode.Findings : ExitCode.Clean;
  }
  const update = await updateChecklistFile(file, input, shown, parsedBefore);
  if (!options.quiet) io.stderr.write(`${update.written ? l10n.t('Wrote {0}', shown) : l10n.t('{0} is up to date', shown)}\n`);
  return ExitCode.Clean;
}
