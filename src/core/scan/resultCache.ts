import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PiAuditConfig } from '../config/model';
import { errorCode } from '../files/errorCode';
import { TOOL_VERSION } from '../version';
import { stillValid } from './resultValidity';

/**
 * The on-disk cache of per-file results (cspell and ESLint keep one the same way): one pack file
 * per scope — tool version, build, and the settings the analysis depends on — in the cache
 * folder. A pack is a log of records, one per analysed file content: appended to after a scan
 * (one write, however many files changed), rewritten whole when most of it is stale. Creating
 * one file per result would cost more than analysing the file on many file systems.
 * The whole folder is safe to delete at any time.
 */

/** The workspace's default cache folder; ignored by git (`.gitignore` in it) and by the walker. */
export const DEFAULT_CACHE_FOLDER = '.piaudit-cache';

const PACK_MAGIC = 'pi-audit result pack 3';
/** Bytes a record takes besides its payload (lengths, path, hash, stamp), roughly. */
const FRAME_OVERHEAD = 200;
/** Stale bytes tolerated before a rewrite, so that a small pack is not rewritten on every change. */
const SLACK_BYTES = 64 * 1024;
/** Packs kept besides the one in use (other configurations, e.g. the CLI's and the editor's). */
const PACKS_KEPT = 4;

/**
 * Settings that only matter after the per-file analysis (walking, auditing, reporting): they are
 * left out of the scope, so changing a rule severity or a policy keeps the cache. Everything else
 * — including any setting added later — is part of the scope and starts a fresh cache.
 */
const NOT_ANALYSIS_SETTINGS = new Set<keyof PiAuditConfig>([
  'include', 'exclude', 'maxFileSize', 'fileTimeoutMs', 'rules', 'checklistPath', 'policies', 'legalEntity', 'system',
]);

/** The pack's name: tool version, then a digest of the build and the analysis settings. */
export function cacheScope(config: PiAuditConfig, build: string): string {
  const settings = Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => !NOT_ANALYSIS_SETTINGS.has(key as keyof PiAuditConfig))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const digest = createHash('sha1').update(JSON.stringify({ build, settings })).digest('hex').slice(0, 16);
  return `${TOOL_VERSION}-${digest}`;
}

/** SHA-1 of a file's bytes: a result is reused only for the very same content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * What the file system said about a file when it was read: with the same size, times and inode
 * the content has not been rewritten, so the file need not even be read again (git's index and
 * ESLint's metadata strategy do the same). The change time cannot be set by tools that restore
 * modification times; a checkout or a restored CI cache changes it, and the content hash decides.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** When a result holds: computed on a day (YYYYMMDD), valid until another (see resultValidity.ts). */
export interface Validity {
  computedOn: number;
  until: number;
}

/** One file's cached result; `payload` is the serialized FileResult. */
export interface PackRecord extends Validity {
  relPath: string;
  hash: string;
  stamp: FileStamp;
  payload: Uint8Array;
}

/**
 * One scope's pack, loaded whole at the start of a scan (payloads stay bytes until used) and
 * saved at its end. A damaged tail (a write cut short) is ignored and dropped at the next
 * rewrite; a foreign or damaged file reads as empty.
 */
export class ResultPack {
  private readonly records = new Map<string, PackRecord>();
  private readonly added: PackRecord[] = [];
  /** Bytes in the file, live or superseded: when most are superseded the pack is rewritten. */
  private storedBytes = 0;
  private damaged = false;
  /** Paths were forgotten: the file holds records no scan will use. */
  private forgot = false;

  private constructor(readonly file: string) {}

  /** Reads the pack of `scope` in `folder` (prepared by `prepareFolder`). */
  static open(folder: string, scope: string): ResultPack {
    const pack = new ResultPack(path.join(folder, `${scope}.pack`));
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(pack.file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return pack;
      throw error;
    }
    pack.parse(bytes);
    return pack;
  }

  /** The record of a path whose stamp is unchanged and whose result still holds today. */
  unchanged(relPath: string, stamp: FileStamp | undefined, today: number): PackRecord | undefined {
    const record = this.usable(relPath, today);
    return record && sameStamp(record.stamp, stamp) ? record : undefined;
  }

  /** The record of a path whose result still holds today, whatever its stamp (the content hash decides). */
  usable(relPath: string, today: number): PackRecord | undefined {
    const record = this.records.get(relPath);
    return record && stillValid(record.computedOn, record.until, today) ? record : undefined;
  }

  /** Records a result (a new one, or an old one with a new stamp); written by `save`. */
  put(record: PackRecord): void {
    this.records.set(record.relPath, record);
    this.added.push(record);
  }

  /** Forgets the paths a scan of the whole root did not see (deleted, or out of scope now). */
  keepOnly(seen: ReadonlySet<string>): void {
    for (const relPath of [...this.records.keys()]) {
      if (seen.has(relPath)) continue;
      this.records.delete(relPath);
      this.forgot = true;
    }
  }

  /**
   * Appends what changed in one write, or rewrites the pack (to a temporary name, then renamed)
   * when most stored records are superseded or the file was damaged.
   */
  save(): void {
    if (this.added.length === 0 && !this.damaged && !this.forgot) return;
    const appended = this.added.map(frame);
    const appendedBytes = appended.reduce((sum, parts) => sum + byteLength(parts), 0);
    const live = [...this.records.values()].reduce((sum, record) => sum + record.payload.length + FRAME_OVERHEAD, 0);
    // Frames are written as they are, never joined into one buffer: a pack is tens of MB.
    if (this.damaged || this.storedBytes + appendedBytes > 2 * live + SLACK_BYTES || !fs.existsSync(this.file)) {
      const temp = `${this.file}.${process.pid}.tmp`;
      this.storedBytes = writeFrames(temp, 'w', [[header()], ...[...this.records.values()].map(frame)]);
      fs.renameSync(temp, this.file);
    } else {
      this.storedBytes += writeFrames(this.file, 'a', appended);
    }
    this.added.length = 0;
    this.damaged = false;
    this.forgot = false;
  }

  private parse(bytes: Buffer): void {
    const head = header();
    if (!bytes.subarray(0, head.length).equals(head)) {
      this.damaged = true; // another version's or a damaged file: started afresh
      return;
    }
    let at = head.length;
    while (at < bytes.length) {
      const read = readRecord(bytes, at);
      if (!read) break;
      this.records.set(read.record.relPath, read.record);
      at = read.next;
    }
    this.storedBytes = at;
    if (at < bytes.length) this.damaged = true;
  }
}

function header(): Buffer {
  return Buffer.from(`${PACK_MAGIC}\n`, 'utf8');
}

/**
 * A record on disk: the length of its description, the description (path, hash, stamp,
 * validity), the length of its payload, the payload. Payloads are not copied when a pack is
 * read: they stay views into the file's bytes until a result is needed.
 */
function frame(record: PackRecord): Buffer[] {
  const { payload, ...described } = record;
  // JSON, not v8.serialize: each v8 serializer holds native memory until it is collected, and a
  // pack has a record per file (10k serializers were 50 MB of a cold scan's peak).
  const meta = Buffer.from(JSON.stringify(described), 'utf8');
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(meta.length, 0);
  lengths.writeUInt32LE(payload.length, 4);
  return [lengths, meta, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)];
}

function byteLength(parts: readonly Buffer[]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}

/**
 * Writes the frames to a file opened with `flags`, many parts per system call and without
 * copying them into one buffer (a pack is tens of MB: joined copies were a third of a cold scan's
 * peak memory). Returns the bytes written.
 */
function writeFrames(file: string, flags: 'w' | 'a', frames: readonly Buffer[][]): number {
  const parts = frames.flat();
  const fd = fs.openSync(file, flags);
  let written = 0;
  try {
    for (let start = 0; start < parts.length; start += PARTS_PER_WRITE) {
      const batch = parts.slice(start, start + PARTS_PER_WRITE);
      const size = byteLength(batch);
      let done = fs.writevSync(fd, batch);
      // A short write (a signal, a full pipe) leaves the rest of the batch: written part by part.
      for (let i = 0; done < size && i < batch.length; i++) {
        const part = batch[i];
        if (done >= part.length) {
          done -= part.length;
          continue;
        }
        fs.writeFileSync(fd, part.subarray(done));
        done = 0;
      }
      written += size;
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

/** Within the operating systems' limit on buffers per `writev` (1,024 on Linux and macOS). */
const PARTS_PER_WRITE = 1000;

function readRecord(bytes: Buffer, at: number): { record: PackRecord; next: number } | undefined {
  if (at + 8 > bytes.length) return undefined;
  const metaLength = bytes.readUInt32LE(at);
  const payloadLength = bytes.readUInt32LE(at + 4);
  const next = at + 8 + metaLength + payloadLength;
  if (next > bytes.length) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', at + 8, at + 8 + metaLength));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // a record cut short or damaged: the rest is dropped
    throw error;
  }
  const meta = value as Partial<PackRecord> | null;
  if (!meta || typeof meta.relPath !== 'string' || typeof meta.hash !== 'string' || !meta.stamp) return undefined;
  return { record: { ...(meta as Omit<PackRecord, 'payload'>), payload: bytes.subarray(at + 8 + metaLength, next) }, next };
}

/**
 * Creates the cache folder with a `.gitignore` (everything) and a `CACHEDIR.TAG` (backup tools
 * skip it), and removes the least recently used packs beyond the few kept.
 */
export function prepareFolder(folder: string, scope: string): void {
  fs.mkdirSync(folder, { recursive: true });
  const ignore = path.join(folder, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# pi-audit result cache: safe to delete\n*\n');
  const tag = path.join(folder, 'CACHEDIR.TAG');
  if (!fs.existsSync(tag)) fs.writeFileSync(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# pi-audit result cache: safe to delete\n');
  const others = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.pack') && name !== `${scope}.pack`)
    .map((name) => ({ file: path.join(folder, name), used: fs.statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const stale of others.slice(PACKS_KEPT - 1)) fs.rmSync(stale.file, { force: true });
}

