import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes `text` so that readers (and a crash) see either the old file or the new one, never half
 * of it: a temporary file in the same folder (same file system, so the rename is atomic), flushed
 * to disk, then renamed over the target. The target's permissions are kept.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  // Through a symlink, replace the file it points to rather than the link itself.
  const file = await resolveLink(target);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(file);
  const handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    try {
      // The umask applied at open; the old file's exact permissions are wanted.
      if (mode !== undefined && process.platform !== 'win32') await handle.chmod(mode);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch((cleanupError: unknown) => {
      // The write already failed; a leftover temp file is named in the error so it can be removed.
      throw new AggregateError([error, cleanupError], `could not write ${file}; could not remove ${temp} either`);
    });
    throw error;
  }
  await syncDirectory(dir);
}

async function resolveLink(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return file;
    throw error;
  }
}

async function existingMode(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mode & 0o777;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for syncing; there the rename is all we get. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
