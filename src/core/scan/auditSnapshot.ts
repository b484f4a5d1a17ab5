import { createHash, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { errorCode } from './resultCache';
import type { ScanResult } from './scanResult';

/** The last scan's result, beside the packs in the cache folder (one per folder: the last scan wins). */
const SNAPSHOT_FILE = 'last-scan.bin';
const SNAPSHOT_MAGIC = 'pi-audit scan snapshot 1';

/** A scan's result without the time it took, as the snapshot keeps it. */
export type TimelessResult = Omit<ScanResult, 'ms'>;

/**
 * Everything a scan's result is made from, as one digest: the cache scope (tool version, build,
 * analysis settings), the whole configuration, language, root and system, the checklist's
 * decisions, the files the walk skipped, and every file's result bytes in walk order. The audit
 * (evidence across files, dispositions, rules) is a function of exactly these, so an equal key
 * means an equal result.
 */
export class SnapshotKey {
  private readonly hash: Hash = createHash('sha1');

  add(part: string | Uint8Array): this {
    // Length first: two different sequences of parts never hash the same.
    this.hash.update(`${typeof part === 'string' ? `s${Buffer.byteLength(part)}` : `b${part.byteLength}`}:`);
    this.hash.update(part);
    return this;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The result of the last scan of a cache folder. A re-scan in which every file's result is the
 * one the last scan used, with the same settings and checklist, has the same result: it is taken
 * from here instead of deserializing every file's result and auditing them all again (most of
 * the time of a scan where nothing changed). A missing, foreign or damaged snapshot is a miss.
 */
export class AuditSnapshot {
  readonly file: string;

  constructor(folder: string) {
    this.file = path.join(folder, SNAPSHOT_FILE);
  }

  /**
   * The stored result when it was made from the same inputs (`key`), else undefined. The key is
   * in a short head of the file: a re-scan with changes reads no more than that.
   */
  load(key: string): TimelessResult | undefined {
    const head = Buffer.from(headOf(key), 'utf8');
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const start = Buffer.alloc(head.length);
      if (fs.readSync(fd, start, 0, head.length, 0) !== head.length || !start.equals(head)) return undefined;
    } finally {
      fs.closeSync(fd);
    }
    const bytes = fs.readFileSync(this.file);
    if (!bytes.subarray(0, head.length).equals(head)) return undefined; // replaced meanwhile
    try {
      return deserialize(bytes.subarray(head.length)) as TimelessResult;
    } catch (error) {
      if (error instanceof Error) return undefined; // damaged: made again by this scan
      throw error;
    }
  }

  /** Replaces the stored result (written to a temporary name, then renamed). */
  save(key: string, result: TimelessResult): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      // Two writes rather than one joined buffer: the result is tens of MB at the scan's peak.
      fs.writeFileSync(fd, headOf(key));
      fs.writeFileSync(fd, serialize(result));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file);
  }
}

function headOf(key: string): string {
  return `${SNAPSHOT_MAGIC}\n${key}\n`;
}
