import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/checklist/writeFileAtomic';
import type { Localizer } from '../core/i18n/localizer';
import { buildGroupRegister } from '../core/merge/groupRegister';
import { MergeError } from '../core/merge/mergeError';
import { readMergeInputs } from '../core/merge/readInputs';
import { registerText } from '../core/merge/registerDocument';
import type { CliOptions } from './args';
import { ExitCode } from './exitCodes';

/** Where the register goes when `--output` is not given. */
export const DEFAULT_REGISTER_FILE = 'group-register.yaml';

/**
 * `pi-audit merge <reports and checklists…> [--output group-register.yaml]`: reads every input
 * first (a bad one stops the merge before anything is written), builds the group register and
 * writes it atomically. Throws MergeError or ChecklistError for an input it cannot use.
 */
export async function runMergeCommand(options: CliOptions, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, l10n: Localizer): Promise<number> {
  const inputs = options.paths.map((file) => ({ file: shown(file), text: readInput(file) }));
  const merged = readMergeInputs(inputs);
  const register = buildGroupRegister(merged);
  const output = path.resolve(options.output ?? DEFAULT_REGISTER_FILE);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await writeFileAtomic(output, registerText(register));
  if (!options.quiet) {
    const t = register.totals;
    io.stderr.write(`${l10n.t('Merged {0} reports and {1} checklists into {2}: {3} systems, {4} PI fields, {5} undecided', merged.reports.length, new Set(merged.checklists.map((c) => c.file)).size, shown(output), t.systems, t.fields, t.undecided)}\n`);
  }
  return ExitCode.Clean;
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
    throw new MergeError(shown(file), `cannot be read (${code})`);
  }
}

function shown(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).replace(/\\/g, '/') || file;
}
