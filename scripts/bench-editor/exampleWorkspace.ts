import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The README's example, `examples/subsidiary`. */
export function exampleSource(repoRoot: string): string {
  return path.join(repoRoot, 'examples', 'subsidiary');
}

/**
 * A throwaway copy of the example workspace named like it (the folder name is the system name),
 * without the checklist `npm run demo` may have written there: every run starts from the same
 * files, and nothing is written into the repository.
 */
export function copyExample(repoRoot: string): { root: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pi-audit-bench-editor-'));
  const root = path.join(dir, 'subsidiary');
  cpSync(exampleSource(repoRoot), root, { recursive: true, filter: (source) => path.basename(source) !== 'pi-disposition.yaml' });
  return { root, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
