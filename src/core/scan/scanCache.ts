import * as fs from 'node:fs';
import * as path from 'node:path';
import { serialize } from 'node:v8';
import type { PiAuditConfig } from '../config/model';
import { dayNumber } from '../values/calendarDate';
import type { FileResult } from './fileResult';
import { AuditSnapshot, type TimelessResult } from './auditSnapshot';
import { FilesMatch, LastScanFiles, type ScanFiles } from './lastScanFiles';
import { cacheScope, DEFAULT_CACHE_FOLDER, prepareFolder, ResultPack, type FileStamp, type PackRecord, type Validity } from './resultCache';
import { errorCode } from '../files/errorCode';

/** A cached result: its bytes and how long it holds. */
export type CachedResult = Pick<PackRecord, 'payload' | 'computedOn' | 'until'>;

export interface ScanCacheOptions {
  root: string;
  /** A folder, false for none, or undefined for the default (see ScanOptions.cacheDir). */
  cacheDir: string | false | undefined;
  /** The build the results come from; without one there is no default cache. */
  build: string | undefined;
  /** The settings the analysis depends on (the rest are left out of the scope). */
  config: PiAuditConfig;
}

/**
 * One scan's use of the result cache: which folder, which pack, what it says about each walked
 * file, and what the scan adds to it. Problems never stop the scan: they are collected in
 * `errors` and the scan goes on without (that part of) the cache.
 */
export class ScanCache {
  readonly errors: string[] = [];
  /** The folder in use, when there is one. */
  readonly folder: string | undefined;
  /** The pack's name (tool version, build, analysis settings), when there is a pack. */
  readonly scope: string | undefined;
  /** The pack, read when first needed (a scan that takes the kept result never reads it); null once let go or unusable. */
  private packState: ResultPack | null | undefined;
  private readonly snapshot: AuditSnapshot | undefined;
  private readonly lastFiles: LastScanFiles | undefined;
  private readonly today = dayNumber(new Date());

  constructor(options: ScanCacheOptions) {
    const wanted = options.cacheDir ?? (options.build && !this.readOnly(options.root) ? path.join(options.root, DEFAULT_CACHE_FOLDER) : false);
    if (wanted === false) return;
    this.folder = path.resolve(options.root, wanted);
    try {
      this.scope = cacheScope(options.config, options.build ?? 'sources');
      prepareFolder(this.folder, this.scope);
      this.snapshot = new AuditSnapshot(this.folder);
      this.lastFiles = new LastScanFiles(this.folder);
    } catch (error) {
      this.packState = null;
      this.errors.push(`cannot use the cache folder ${this.folder}, scanning without it: ${describe(error)}`);
    }
  }

  private get pack(): ResultPack | undefined {
    if (this.packState === undefined) {
      this.packState = null;
      if (this.folder === undefined || this.scope === undefined) return undefined;
      try {
        this.packState = ResultPack.open(this.folder, this.scope);
      } catch (error) {
        this.errors.push(`cannot use the cache folder ${this.folder}, scanning without it: ${describe(error)}`);
      }
    }
    return this.packState ?? undefined;
  }

  /** Whether results are cached: the workers then hash every file they read. */
  get active(): boolean {
    return this.pack !== undefined;
  }

  /** The cached result of a file whose stamp is unchanged (it need not even be read) and how long it holds. */
  unchangedResult(relPath: string, stamp: FileStamp | undefined): CachedResult | undefined {
    return this.pack?.unchanged(relPath, stamp, this.today);
  }

  /** The content hash of the cached result for a path, for the worker to compare with what it reads. */
  cachedHash(relPath: string): string | undefined {
    return this.pack?.usable(relPath, this.today)?.hash;
  }

  /** A file read again with the cached content (a checkout, a restored CI cache): its result, stamp renewed. */
  sameContent(relPath: string, stamp: FileStamp | undefined): CachedResult {
    const record = this.pack?.usable(relPath, this.today);
    if (!record) throw new Error(`the cached result of ${relPath} went missing during the scan`);
    if (stamp) this.pack?.put({ ...record, stamp });
    return record;
  }

  /** Keeps a fresh result (never one of a file that could not be read: it has no hash). */
  store(relPath: string, stamp: FileStamp | undefined, hash: string | undefined, validity: Validity, result: FileResult | Uint8Array): void {
    const pack = this.pack;
    if (!pack || hash === undefined || !stamp) return;
    const payload = result instanceof Uint8Array ? result : serialize(result);
    pack.put({ relPath, hash, stamp, ...validity, payload });
  }

  /** The files the kept result was made from, when they were walked with the same `inputs` and their results hold today. */
  lastScanFiles(inputs: string): FilesMatch | undefined {
    try {
      return this.lastFiles?.load(inputs, this.today);
    } catch (error) {
      this.errors.push(`cannot read ${this.lastFiles?.file}, using the result cache: ${describe(error)}`);
      return undefined;
    }
  }

  /** Keeps the files the kept result was made from (see LastScanFiles). */
  keepScanFiles(files: ScanFiles): void {
    try {
      this.lastFiles?.save(files);
    } catch (error) {
      this.errors.push(`cannot update ${this.lastFiles?.file}: ${describe(error)}`);
    }
  }

  /**
   * Saves what the scan added. `seen` are the files of a scan of the whole root: the pack then
   * forgets files that are gone; a scan of some paths only adds to it. The pack is let go
   * afterwards: its records hold the results' bytes, which the audit turns into objects.
   */
  finish(seen: ReadonlySet<string> | undefined): void {
    const pack = this.packState;
    this.packState = null;
    if (!pack) return;
    if (seen) pack.keepOnly(seen);
    try {
      pack.save();
    } catch (error) {
      this.errors.push(`cannot update the cache ${pack.file}: ${describe(error)}`);
    }
  }

  /** Whether a scan's whole result can be kept and taken back (see AuditSnapshot). */
  get keepsResults(): boolean {
    return this.snapshot !== undefined;
  }

  /** The last scan's result when it was made from the same inputs (`key`: see SnapshotKey). */
  lastResult(key: string): TimelessResult | undefined {
    try {
      return this.snapshot?.load(key);
    } catch (error) {
      this.errors.push(`cannot read ${this.snapshot?.file}, auditing again: ${describe(error)}`);
      return undefined;
    }
  }

  /** Keeps this scan's result for the next scan with the same inputs; false when it could not. */
  keepResult(key: string, result: TimelessResult): boolean {
    if (!this.snapshot) return false;
    try {
      this.snapshot.save(key, result);
      return true;
    } catch (error) {
      this.errors.push(`cannot update ${this.snapshot.file}: ${describe(error)}`);
      return false;
    }
  }

  /** Stops using the cache without writing (an aborted scan). */
  drop(): void {
    this.packState = null;
  }

  /**
   * A folder whose permissions allow nobody to write (a shared, read-only checkout) gets no
   * default cache, even for a user the permissions do not stop; `cacheDir` puts one elsewhere.
   */
  private readOnly(root: string): boolean {
    let mode: number;
    try {
      mode = fs.statSync(root).mode;
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error) return false; // the walk reports it
      throw error;
    }
    if ((mode & 0o222) !== 0) return false;
    this.errors.push(`${root} is read-only, scanning without a cache (--cache-dir keeps one elsewhere)`);
    return true;
  }
}

function describe(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
