import path from 'node:path';
import { repoRoot } from './repoRoot';

/** Where code-server is installed on demand: git-ignored, overridable for a shared cache. */
export function editorTestCacheDir(): string {
  return path.resolve(process.env.PI_AUDIT_EDITOR_CACHE ?? path.join(repoRoot(), '.editor-test-cache'));
}
