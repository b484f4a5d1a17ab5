import * as path from 'node:path';
import { ChecklistError } from '../checklist/checklistError';
import { parseChecklist } from '../checklist/parseChecklist';
import { MergeError } from './mergeError';
import type { ChecklistSystemInput, ReportField, ReportInput } from './model';

export interface MergeInputs {
  reports: ReportInput[];
  checklists: ChecklistSystemInput[];
}

/**
 * Sorts the given files into JSON reports and checklists (by content, not by name) and reads
 * them. Throws MergeError for a file that is neither, and ChecklistError (file, line, reason)
 * for a checklist that does not parse or match its schema.
 */
export function readMergeInputs(files: readonly { file: string; text: string }[]): MergeInputs {
  const inputs: MergeInputs = { reports: [], checklists: [] };
  for (const { file, text } of files) {
    const json = parseJson(text);
    if (json !== undefined) inputs.reports.push(readReport(file, json));
    else inputs.checklists.push(...readChecklistSystems(file, text));
  }
  return inputs;
}

function parseJson(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // YAML flow maps start with `{` too
    throw error;
  }
}

function readReport(file: string, json: unknown): ReportInput {
  const report = json as { tool?: unknown; version?: unknown; root?: unknown; system?: unknown; stats?: { files?: unknown; skipped?: unknown[] }; fields?: unknown; values?: unknown; diagnostics?: unknown };
  if (report.tool !== 'pi-audit' || !Array.isArray(report.fields) || !Array.isArray(report.diagnostics)) {
    throw new MergeError(file, 'not a pi-audit JSON report (pi-audit scan --format json)');
  }
  const system = typeof report.system === 'string' ? report.system : typeof report.root === 'string' ? path.basename(report.root.replace(/[\\/]+$/, '')) : '';
  if (!system) throw new MergeError(file, 'the report names no system (no root folder)');
  return {
    file,
    system,
    version: typeof report.version === 'string' ? report.version : '',
    files: typeof report.stats?.files === 'number' ? report.stats.files : 0,
    skipped: Array.isArray(report.stats?.skipped) ? report.stats.skipped.length : 0,
    fields: report.fields as ReportField[],
    values: Array.isArray(report.values) ? (report.values as { kind: string | null }[]) : [],
    diagnostics: report.diagnostics as { severity: string }[],
  };
}

function readChecklistSystems(file: string, text: string): ChecklistSystemInput[] {
  let parsed;
  try {
    parsed = parseChecklist(text, file);
  } catch (error) {
    if (error instanceof ChecklistError) throw error;
    throw new MergeError(file, `neither a pi-audit JSON report nor a checklist: ${error instanceof Error ? error.message : String(error)}`);
  }
  const legalEntity = parsed.data.legalEntity;
  return parsed.data.systems.map((system) => ({ file, system: system.name, legalEntity, items: system.items }));
}
