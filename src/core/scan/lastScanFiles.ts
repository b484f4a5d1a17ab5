import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { errorCode } from '../files/errorCode';
import { sameStamp, type FileStamp, type Validity } from './resultCache';
import { FOREVER, stillValid } from './resultValidity';

const FILES_FILE = 'last-scan.files';
const MAGIC = 'pi-audit scan files 1';
/** Numbers per file in `stamps`: size, modification time, change time, inode. */
const STAMP_WIDTH = 4;

/**
 * The files the kept scan result (auditSnapshot.ts) was made from, each with the stamp it had.
 * Every one of those files' results came from the result cache or was stored in it, and a file
 * with an unchanged stamp has its cached result (resultCache.ts); results are a function of the
 * content and the analysis settings. So a scan with the same inputs (settings, checklist,
 * language, root, system) that walks the same files with the same stamps, on a day all their
 * results still hold, has the same snapshot key: it takes the kept result without even opening
 * the result cache.
 */
export interface ScanFiles {
  /** Digest of everything the result depends on besides the files (see ScanRun.inputs). */
  inputs: string;
  snapshotKey: string;
  /** The results hold on days `computedOn ≤ today < until` (resultValidity.ts). */
  computedOn: number;
  until: number;
  /** What the walk skipped, as JSON. */
  walkSkips: string;
  relPaths: string[];
  stamps: Float64Array;
}

/** Reads and writes `last-scan.files` in a cache folder. */
export class LastScanFiles {
  readonly file: string;

  constructor(folder: string) {
    this.file = path.join(folder, FILES_FILE);
  }

  /** The kept list when it was made from the same `inputs` and its results hold `today`. */
  load(inputs: string, today: number): FilesMatch | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    const head = Buffer.from(`${MAGIC}\n`, 'utf8');
    if (!bytes.subarray(0, head.length).equals(head)) return undefined;
    let kept: ScanFiles;
    try {
      kept = deserialize(bytes.subarray(head.length)) as ScanFiles;
    } catch (error) {
      if (error instanceof Error) return undefined; // damaged: written again by this scan
      throw error;
    }
    if (kept?.inputs !== inputs || !(kept.stamps instanceof Float64Array) || kept.stamps.length !== kept.relPaths.length * STAMP_WIDTH) return undefined;
    return stillValid(kept.computedOn, kept.until, today) ? new FilesMatch(kept) : undefined;
  }

  save(files: ScanFiles): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}\n`, 'utf8'), serialize(files)]));
    fs.renameSync(temp, this.file);
  }
}

/** The stamps of walked files in walk order, as `ScanFiles.stamps` holds them. */
export function packStamps(stamps: readonly FileStamp[]): Float64Array {
  const packed = new Float64Array(stamps.length * STAMP_WIDTH);
  stamps.forEach((stamp, i) => packed.set([stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino], i * STAMP_WIDTH));
  return packed;
}

/** A walk compared, file by file, with the files of the kept result. */
export class FilesMatch {
  constructor(private readonly kept: ScanFiles) {}

  /** Whether the `seq`-th file walked is the kept list's `seq`-th, with the same stamp. */
  matches(seq: number, relPath: string, stamp: FileStamp | undefined): boolean {
    if (seq >= this.kept.relPaths.length || this.kept.relPaths[seq] !== relPath) return false;
    const at = seq * STAMP_WIDTH;
    const s = this.kept.stamps;
    return sameStamp({ size: s[at], mtimeMs: s[at + 1], ctimeMs: s[at + 2], ino: s[at + 3] }, stamp);
  }

  /** After a walk whose every file matched: the kept result's key when the walk found no more and skipped the same. */
  snapshotKey(walked: number, walkSkips: string): string | undefined {
    return walked === this.kept.relPaths.length && walkSkips === this.kept.walkSkips ? this.kept.snapshotKey : undefined;
  }
}

/**
 * What a scan notes, file by file, to write its `ScanFiles` at the end: the days on which every
 * result holds, and whether every result is in the result cache (none timed out, failed or was
 * unreadable: a list with such a file would never be taken back the same).
 */
export class ScanFilesNotes {
  private readonly validity: Validity = { computedOn: 0, until: FOREVER };
  private uncached = 0;

  /** A result the cache holds, for as long as it holds. */
  holds(validity: Validity): void {
    this.validity.computedOn = Math.max(this.validity.computedOn, validity.computedOn);
    this.validity.until = Math.min(this.validity.until, validity.until);
  }

  /** A file whose result the cache does not hold. */
  notCached(): void {
    this.uncached++;
  }

  /** The list to keep for the walked files, or undefined when a result is not cached or a file has no stamp. */
  files(kept: Pick<ScanFiles, 'inputs' | 'snapshotKey' | 'walkSkips' | 'relPaths'>, stamps: readonly (FileStamp | undefined)[]): ScanFiles | undefined {
    if (this.uncached > 0) return undefined;
    const stamped = stamps.filter((stamp): stamp is FileStamp => stamp !== undefined);
    if (stamped.length !== kept.relPaths.length) return undefined;
    return { ...kept, ...this.validity, stamps: packStamps(stamped) };
  }
}
