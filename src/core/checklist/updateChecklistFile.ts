import { readFile } from 'node:fs/promises';
import { ChecklistError } from './checklistError';
import { mergeChecklist, mergeParsedChecklist } from './mergeChecklist';
import type { ChecklistInput } from './model';
import type { ParsedChecklist } from './parseChecklist';
import { writeFileAtomic } from './writeFileAtomic';
import { errorCode } from '../files/errorCode';

export interface ChecklistUpdate {
  /** False when the file already said exactly this. */
  written: boolean;
  text: string;
}

/**
 * Writes or updates the checklist at `file`: merges over what is there (keeping every human
 * edit) and replaces the file atomically, only when something changed. A checklist that does not
 * parse or does not match the schema raises `ChecklistError` and the file is left untouched.
 * `shownAs` is the name used in messages (relative to the workspace, as the user knows it).
 * `parsedBefore` is the file as parsed earlier (to read its decisions before a scan): reused,
 * and used up, when the file still holds exactly that text; an edit made since is parsed anew.
 */
export async function updateChecklistFile(file: string, input: ChecklistInput, shownAs = file, parsedBefore?: ParsedChecklist): Promise<ChecklistUpdate> {
  const existing = await readExisting(file, shownAs);
  const text = parsedBefore && existing !== undefined && parsedBefore.text === existing
    ? mergeParsedChecklist(parsedBefore, input)
    : mergeChecklist(existing, input, shownAs);
  if (text === existing) return { written: false, text };
  await writeFileAtomic(file, text);
  return { written: true, text };
}

async function readExisting(file: string, shownAs: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // Decoding strictly: a lenient decoder would write replacement characters back into the file.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ChecklistError([{ kind: 'invalid', file: shownAs, line: 1, column: 1, message: 'is not valid UTF-8 text' }]);
  }
}
