import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The first executable file among `candidates` (absolute paths or names looked up on PATH), or null. */
export function findExecutable(...candidates: string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const candidate of candidates) {
    const paths = path.isAbsolute(candidate) ? [candidate] : dirs.map((dir) => path.join(dir, candidate));
    for (const file of paths) {
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: the caller reports the prerequisite as missing.
    return false;
  }
}
