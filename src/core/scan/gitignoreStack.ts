import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one ignore file, anchored at the directory it applies to. */
export interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/** Builds the rules of one `.gitignore` (or `.git/info/exclude`) text. */
export function ignoreLevel(dir: string, text: string): IgnoreLevel {
  return { dir, rules: ignore().add(text) };
}

/**
 * Git's precedence: the ignore file closest to the path decides, so a deeper `!pattern`
 * re-includes what a parent's pattern excluded. `levels` runs from the outermost to the
 * innermost directory; every level's dir is an ancestor of `absPath`.
 */
export function isGitIgnored(levels: readonly IgnoreLevel[], absPath: string, isDirectory: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = path.relative(levels[i].dir, absPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../')) continue;
    const verdict = levels[i].rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * Where a folder is seen from each level: its path relative to the level's folder with forward
 * slashes ('' for the level's own folder), or undefined when it is not inside it. Worked out once
 * per folder so that its entries are tested with `isEntryGitIgnored` without a path computation
 * per entry and level.
 */
export function folderFromLevels(levels: readonly IgnoreLevel[], dir: string): (string | undefined)[] {
  return levels.map((level) => {
    const rel = path.relative(level.dir, dir).split(path.sep).join('/');
    return rel === '..' || rel.startsWith('../') || path.isAbsolute(rel) ? undefined : rel;
  });
}

/** `isGitIgnored` for the entry `name` of a folder seen from the levels as `folderFromLevels` says. */
export function isEntryGitIgnored(levels: readonly IgnoreLevel[], seenFrom: readonly (string | undefined)[], name: string, isDirectory: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const base = seenFrom[i];
    if (base === undefined) continue;
    const rel = base === '' ? name : `${base}/${name}`;
    const verdict = levels[i].rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
