import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The checkout this harness belongs to: the nearest folder above `from` whose package.json is
 * the extension's. Found by walking up because the harness runs both from `test/editor` (tsx)
 * and bundled from `out/test/editor`.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pi-audit') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pi-audit package.json above ${from}`);
    dir = parent;
  }
}
