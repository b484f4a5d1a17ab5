import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../core/values/redactValues';

/**
 * The engine names a file whose name holds a PI value with the value masked
 * (`exports/客户_310***34.sql`), in reports, ids and the checklist alike. The editor works with
 * real files, so it shows documents under that same masked path and finds the real file behind
 * one, segment by segment. Undefined when no file of the folder shows as `shown` (any more).
 */
export function realRelPath(rootPath: string, shown: string): string | undefined {
  const real: string[] = [];
  for (const segment of shown.split('/')) {
    if (!segment.includes('*')) {
      real.push(segment);
      continue;
    }
    const match = entriesOf(path.join(rootPath, ...real)).find((entry) => displayPath(entry) === segment);
    if (match === undefined) return undefined;
    real.push(match);
  }
  return real.join('/');
}

const GONE_OR_UNREADABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']);

/** A folder's entry names; none when it is gone or unreadable (the path then names no file). */
function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if (GONE_OR_UNREADABLE.has((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
}
