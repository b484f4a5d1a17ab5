import * as fs from 'node:fs';
import * as path from 'node:path';
import { categoryLabel } from '../core/classify/categories';
import { checkChecklist } from '../core/checklist/checkChecklist';
import { readChecklistDecisions } from '../core/checklist/readChecklistDecisions';
import type { ChecklistInput } from '../core/checklist/model';
import { updateChecklistFile } from '../core/checklist/updateChecklistFile';
import type { PiAuditConfig } from '../core/config/model';
import type { Disposition } from '../core/disposition/model';
import type { Localizer } from '../core/i18n/localizer';
import type { ScanResult } from '../core/scan/scanResult';
import type { CliOptions } from './args';
import { ExitCode } from './exitCodes';

/** Where the checklist lives: `--output`, else the config's `checklist` path under the root. */
export function checklistPath(root: string, config: PiAuditConfig, options: Pick<CliOptions, 'output'>): string {
  return path.resolve(root, options.output ?? config.checklistPath);
}

/**
 * The decisions already recorded in the checklist, a declaration source for the scan. Throws
 * ChecklistError (file, line, reason) when it does not parse; undefined when there is none.
 */
export function readDecisions(file: string, root: string, system: string): Map<string, Disposition> | undefined {
  if (!fs.existsSync(file)) return undefined;
  return readChecklistDecisions(fs.readFileSync(file, 'utf8'), { file: path.relative(root, file).replace(/\\/g, '/'), system });
}

export function checklistInput(result: ScanResult, config: PiAuditConfig, system: string): ChecklistInput {
  return {
    legalEntity: config.legalEntity,
    systems: [
      {
        name: system,
        items: result.assessed.map((a, i) => ({
          finding: a.finding,
          disposition: a.disposition,
          evidence: result.fields[i].evidence,
          labelZh: a.finding.category ? categoryLabel(a.finding.category, 'zh-CN') : undefined,
          labelEn: a.finding.category ? categoryLabel(a.finding.category, 'en') : undefined,
        })),
      },
    ],
  };
}

/** `pi-audit checklist`: write/update the checklist, or with `--check` report what is stale or undecided. */
export async function runChecklistCommand(
  result: ScanResult,
  config: PiAuditConfig,
  system: string,
  options: CliOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  l10n: Localizer,
): Promise<number> {
  const file = checklistPath(result.root, config, options);
  const shown = path.relative(process.cwd(), file).replace(/\\/g, '/') || file;
  const input = checklistInput(result, config, system);
  if (options.check) {
    const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const problems = checkChecklist(existing, input, shown, l10n);
    for (const p of problems) io.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
    if (!options.quiet) io.stderr.write(`${l10n.t('{0} checklist problems', problems.length)}\n`);
    return problems.length > 0 ? ExitCode.Findings : ExitCode.Clean;
  }
  const update = await updateChecklistFile(file, input, shown);
  if (!options.quiet) io.stderr.write(`${update.written ? l10n.t('Wrote {0}', shown) : l10n.t('{0} is up to date', shown)}\n`);
  return ExitCode.Clean;
}
