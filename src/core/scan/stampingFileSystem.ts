import * as fs from 'node:fs';
import type { FileStamp } from './resultCache';
import type { WalkerFileSystem, WalkerStats } from './walkerFileSystem';

/**
 * The walker's file system for a scan: synchronous calls behind the walker's promise interface
 * (each call is a few microseconds; a round trip through libuv's thread pool costs more than
 * the call, and the walk makes two per file), and a note of every file's stamp as the walker
 * stats it, so the cache can tell an unchanged file without opening it. A rejected promise
 * carries the same error the asynchronous call would. The caller must let the event loop run
 * between files: resolved promises alone never give it a turn.
 */
export class StampingFileSystem implements WalkerFileSystem {
  private readonly stamps = new Map<string, FileStamp>();

  lstat(file: string): Promise<WalkerStats> {
    return this.call(() => this.noted(file, fs.lstatSync(file)));
  }

  stat(file: string): Promise<WalkerStats> {
    return this.call(() => this.noted(file, fs.statSync(file)));
  }

  readdir(dir: string): Promise<string[]> {
    return this.call(() => fs.readdirSync(dir));
  }

  realpath(file: string): Promise<string> {
    return this.call(() => fs.realpathSync(file));
  }

  readFile(file: string): Promise<Uint8Array> {
    return this.call(() => fs.readFileSync(file));
  }

  canRead(file: string): Promise<void> {
    return this.call(() => fs.accessSync(file, fs.constants.R_OK));
  }

  /** The stamp of a walked file (its target's, for a link), handed over once. */
  takeStamp(file: string): FileStamp | undefined {
    const stamp = this.stamps.get(file);
    this.stamps.delete(file);
    return stamp;
  }

  private noted(file: string, stats: fs.Stats): fs.Stats {
    if (stats.isFile()) this.stamps.set(file, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino });
    else this.stamps.delete(file);
    return stats;
  }

  private call<T>(run: () => T): Promise<T> {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
