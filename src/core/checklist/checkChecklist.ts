import type { YAMLMap } from 'yaml';
import { ChecklistError, type ChecklistProblem } from './checklistError';
import { generateChecklist } from './generateChecklist';
import { dispositionData, sameDecision } from './itemContent';
import { mergeParsedChecklist } from './mergeChecklist';
import { isHumanDisposition } from './humanEdits';
import { CHECKLIST_FILE_NAME, isClosedStatus, type ChecklistInput, type ChecklistItemData } from './model';
import { parseChecklist, type ParsedChecklist } from './parseChecklist';
import { Localizer } from '../i18n/localizer';

/**
 * What `pi-audit checklist --check` reports: PI fields missing from the file, fields gone from the
 * code whose items are still open, PI fields nobody decided, checklist decisions the code
 * overrides, and finally whether regenerating would change the file. Each with file and line.
 * `existingText` undefined means the file does not exist. Never throws for a bad checklist: its
 * parse and schema errors come back as `invalid` problems. `alreadyParsed` is `existingText` already
 * parsed (when the caller read its decisions); it is used up, as by a merge.
 */
export function checkChecklist(
  existingText: string | undefined, input: ChecklistInput, file = CHECKLIST_FILE_NAME, l10n = new Localizer('en'), alreadyParsed?: ParsedChecklist,
): ChecklistProblem[] {
  if (existingText === undefined) {
    return [{ kind: 'absent', file, line: 1, column: 1, message: l10n.t('the checklist does not exist; run pi-audit checklist to write it') }];
  }
  const read = alreadyParsed?.text === existingText ? alreadyParsed : readExisting(existingText, file);
  if (Array.isArray(read)) return read;
  const parsed = read;
  const problems: ChecklistProblem[] = [];
  for (const system of input.systems) {
    const s = parsed?.data.systems.findIndex((entry) => entry.name === system.name) ?? -1;
    const listed = new Map<string, { item: ChecklistItemData; index: number }>();
    if (parsed && s >= 0) parsed.data.systems[s].items.forEach((item, index) => listed.set(item.id, { item, index }));
    const current = new Set(system.items.map((item) => item.finding.id));

    for (const input of system.items) {
      const { finding } = input;
      const entry = listed.get(finding.id);
      const name = `${finding.entity}.${finding.field}`;
      if (!entry) {
        if (finding.isPI) {
          problems.push({ kind: 'missing', file: finding.file, line: finding.line, column: finding.column, fieldId: finding.id, system: system.name,
            message: l10n.t('PI field {0} is not in {1}; run pi-audit checklist to add it', name, file) });
        }
        continue;
      }
      if (!parsed) continue;
      const path = ['systems', s, 'items', entry.index];
      const at = parsed.locate(path);
      const itemNode = parsed.doc.getIn(path, true) as YAMLMap;
      const human = isHumanDisposition(itemNode) ? entry.item.disposition ?? null : null;
      if (finding.isPI && !human && !input.disposition) {
        problems.push({ kind: 'undecided', file, ...at, fieldId: finding.id, system: system.name,
          message: l10n.t('PI field {0} has no disposition: add @pi in the code or a disposition (declaredIn: checklist) here', name) });
      }
      if (human && input.disposition && input.disposition.source === 'annotation' && !sameDecision(human, dispositionData(input.disposition))) {
        problems.push({ kind: 'conflict', file, ...parsed.locate([...path, 'disposition']), fieldId: finding.id, system: system.name,
          message: l10n.t('the decision here ({0}) differs from the @pi annotation in the code ({1}), which takes precedence', human.action, input.disposition.action) });
      }
    }

    for (const [id, { item, index }] of listed) {
      const manual = item.manual === true || !id.includes('#');
      if (!parsed || current.has(id) || manual || isClosedStatus(item.status)) continue;
      problems.push({ kind: 'gone-open', file, ...parsed.locate(['systems', s, 'items', index]), fieldId: id, system: system.name,
        message: l10n.t('{0} is no longer in the code but its item is still "{1}"; finish it (done or verified)', `${item.entity ?? ''}${item.field ? `.${item.field}` : id}`, String(item.status)) });
    }
  }
  // The same parse serves the staleness test: the problems above are read before the merge edits it.
  if (problems.length === 0 && (parsed ? mergeParsedChecklist(parsed, input) : generateChecklist(input)) !== existingText) {
    problems.push({ kind: 'stale', file, line: 1, column: 1, message: l10n.t('the checklist is out of date; run pi-audit checklist to update it') });
  }
  return problems;
}

/** The parsed checklist, undefined for an empty file, or its problems when it cannot be read. */
function readExisting(text: string, file: string): ParsedChecklist | undefined | ChecklistProblem[] {
  if (text.trim() === '') return undefined;
  try {
    return parseChecklist(text, file);
  } catch (error) {
    if (error instanceof ChecklistError) return [...error.problems];
    throw error;
  }
}
