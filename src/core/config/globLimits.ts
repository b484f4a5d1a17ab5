import { Minimatch } from 'minimatch';
import type { ConfigSettings } from './configSettings';
import type { KeyPath } from './keyPath';

/**
 * Globs are the only patterns a configuration supplies (there are no user regular expressions).
 * minimatch matches them without backtracking, but `{a,b}` groups multiply: twenty of them make
 * a million patterns and cost seconds per file. A `.piaudit.yaml` from an untrusted repository
 * must not be able to stall a scan that way, so these limits are checked when the file is read.
 */
export const MAX_GLOB_ALTERNATIVES = 256;
/** More globs than this in one list is not a configuration a person wrote. */
export const MAX_GLOBS_PER_LIST = 1000;

export interface GlobProblem {
  path: KeyPath;
  /** Point at the key (a whole list) rather than at its value. */
  atKey: boolean;
  message: string;
}

export function globProblems(settings: ConfigSettings): GlobProblem[] {
  const problems: GlobProblem[] = [];
  const lists: [string, (string | undefined)[], (i: number) => KeyPath][] = [
    ['include', settings.include ?? [], (i) => ['include', i]],
    ['exclude', settings.exclude ?? [], (i) => ['exclude', i]],
    ['policies', (settings.policies ?? []).map((p) => p.match), (i) => ['policies', i, 'match']],
  ];
  for (const [key, globs, at] of lists) {
    if (globs.length > MAX_GLOBS_PER_LIST) {
      problems.push({ path: [key], atKey: true, message: `has ${globs.length} entries; at most ${MAX_GLOBS_PER_LIST} are allowed` });
      continue;
    }
    globs.forEach((glob, i) => {
      if (glob === undefined) return;
      const problem = globProblem(glob);
      if (problem) problems.push({ path: at(i), atKey: false, message: problem });
    });
  }
  return problems;
}

function globProblem(glob: string): string | undefined {
  let alternatives: number;
  try {
    // Expansion stops one past the limit, so checking a bomb costs no more than a fair glob.
    const compiled = new Minimatch(glob, { braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 });
    // `globSet` is the brace expansion; `set` may merge some of it, but compiling paid for all.
    alternatives = Math.max(compiled.globSet.length, compiled.set.length);
  } catch (error) {
    return `is not a usable glob: ${error instanceof Error ? error.message : String(error)}`;
  }
  return alternatives > MAX_GLOB_ALTERNATIVES
    ? `expands to more than ${MAX_GLOB_ALTERNATIVES} patterns ({a,b} groups multiply); write fewer alternatives`
    : undefined;
}
