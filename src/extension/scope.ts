import { minimatch, type MinimatchOptions } from 'minimatch';
import type { PiAuditConfig } from '../core/config/model';
import { DEFAULT_IGNORED_FOLDERS } from '../core/scan/walker';

const GLOB_OPTIONS: MinimatchOptions = { dot: true, matchBase: true, nocomment: true };
const VCS_FOLDERS = ['.git', '.svn', '.hg'];

/**
 * Whether a file (relative path, forward slashes) is one the workspace scan would read, by the
 * same rules as the walker: not under a dependency/build/VCS folder, not excluded, and included.
 * (`.gitignore` is left to the scan: an open document the user edits is analysed anyway.)
 */
export function inScope(relPath: string, config: Pick<PiAuditConfig, 'include' | 'exclude'>): boolean {
  const segments = relPath.split('/');
  if (segments.slice(0, -1).some((s) => DEFAULT_IGNORED_FOLDERS.includes(s) || VCS_FOLDERS.includes(s))) return false;
  const matches = (pattern: string): boolean => minimatch(relPath, pattern, GLOB_OPTIONS);
  const folders = segments.slice(0, -1).map((_, i) => `${segments.slice(0, i + 1).join('/')}/`);
  const excluded = (pattern: string): boolean => matches(pattern) || folders.some((folder) => minimatch(folder, pattern, GLOB_OPTIONS) || minimatch(folder.slice(0, -1), pattern, GLOB_OPTIONS));
  if (config.exclude.some(excluded)) return false;
  return config.include.length === 0 || config.include.some(matches);
}
