import { createHash, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { errorCode } from '../files/errorCode';
import { readAt } from '../files/readAt';
import type { ScanResult } from './scanResult';

/** The last scan's result, beside the packs in the cache folder (one per folder: the last scan wins). */
const SNAPSHOT_FILE = 'last-scan.bin';
const SNAPSHOT_MAGIC = 'pi-audit scan snapshot 3';
const TRAILER_MAGIC = 'pi-audit snapshot end';

/** A scan's result without the time it took and where it is kept, as the snapshot holds it. */
export type TimelessResult = Omit<ScanResult, 'ms' | 'kept'>;

/**
 * The lists of a result, serialized group by group: a re-scan that takes the snapshot turns into
 * objects only the lists its caller reads (a JSON report kept beside it reads none; see
 * report/keptReportBody.ts), instead of tens of MB of them. The reported fields and the assessed
 * ones share their arrays and dispositions, which one serialization writes once.
 */
const LIST_GROUPS = [['fields', 'assessed'], ['values'], ['diagnostics'], ['problems']] as const;
type LazyList = (typeof LIST_GROUPS)[number][number];
type SnapshotHead = Omit<TimelessResult, LazyList>;

/**
 * Items per serialized piece of a group: a whole list serialized at once is tens of MB beside the
 * audit's objects, at the scan's peak memory. A group's lists are cut in step (the reported
 * and the assessed fields are the same fields in the same order), so shared parts stay together.
 */
const ITEMS_PER_PIECE = 2000;

interface SnapshotIndex {
  head: SnapshotHead;
  /** Each group's list names and the length in bytes of each of its pieces, in file order after the key. */
  lists: [readonly LazyList[], number[]][];
}

/**
 * Everything a scan's result is made from, as one digest: the cache scope (tool version, build,
 * analysis settings), the whole configuration, language, root and system, the checklist's
 * decisions, the files the walk skipped, and every file's result in walk order. The audit
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
 * the time of a scan where nothing changed). A missing, foreign, cut-short or damaged snapshot
 * is a miss.
 *
 * Layout: a head line with the key (a re-scan with changes reads no more than that), each list
 * of the result serialized on its own, then the index (the small part of the result and each
 * list's length) and its length and a closing line, so a file cut short is never taken.
 */
export class AuditSnapshot {
  readonly file: string;

  constructor(readonly folder: string) {
    this.file = path.join(folder, SNAPSHOT_FILE);
  }

  /**
   * The stored result when it was made from the same inputs (`key`), else undefined. Only its
   * head and index are read here; each list is read and turned into objects when first used.
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
      if (!readAt(fd, 0, head.length).equals(head)) return undefined;
      const index = readIndex(fd, fs.fstatSync(fd).size, head.length);
      return index && lazyResult(this.file, head, index);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Replaces the stored result (written to a temporary name, then renamed). */
  save(key: string, result: TimelessResult): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, headOf(key));
      const lists: [readonly LazyList[], number[]][] = [];
      for (const names of LIST_GROUPS) {
        const pieces: number[] = [];
        for (const piece of piecesOf(names.map((name) => result[name]))) {
          const bytes = serialize(piece);
          fs.writeFileSync(fd, bytes);
          pieces.push(bytes.length);
        }
        lists.push([names, pieces]);
      }
      const head: Partial<TimelessResult> = { ...result };
      for (const names of LIST_GROUPS) for (const name of names) delete head[name];
      const index = serialize({ head: head as SnapshotHead, lists } satisfies SnapshotIndex);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(index.length, 0);
      fs.writeFileSync(fd, Buffer.concat([index, length, Buffer.from(TRAILER_MAGIC, 'utf8')]));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file);
  }
}

/** The lists cut in step into pieces of `ITEMS_PER_PIECE` items (one piece when their lengths differ). */
function piecesOf(lists: readonly (readonly unknown[])[]): unknown[][][] {
  const length = lists[0].length;
  if (lists.some((list) => list.length !== length)) return [lists.map((list) => [...list])];
  const pieces: unknown[][][] = [];
  for (let start = 0; start < length || start === 0; start += ITEMS_PER_PIECE) {
    pieces.push(lists.map((list) => list.slice(start, start + ITEMS_PER_PIECE)));
  }
  return pieces;
}

function headOf(key: string): string {
  return `${SNAPSHOT_MAGIC}\n${key}\n`;
}

/** The index at the end of the file, when the file is whole and its lists add up to its length. */
function readIndex(fd: number, size: number, listsStart: number): SnapshotIndex | undefined {
  const trailer = Buffer.from(TRAILER_MAGIC, 'utf8');
  const lengthAt = size - trailer.length - 4;
  if (lengthAt < listsStart) return undefined;
  const end = readAt(fd, lengthAt, trailer.length + 4);
  if (!end.subarray(4).equals(trailer)) return undefined;
  const indexLength = end.readUInt32LE(0);
  const indexAt = lengthAt - indexLength;
  if (indexAt < listsStart) return undefined;
  let index: SnapshotIndex;
  try {
    index = deserialize(readAt(fd, indexAt, indexLength)) as SnapshotIndex;
  } catch (error) {
    if (error instanceof Error) return undefined; // damaged: made again by this scan
    throw error;
  }
  const whole = Array.isArray(index?.lists) && index.lists.every(([, pieces]) => Array.isArray(pieces));
  const listed = whole ? index.lists.reduce((sum, [, pieces]) => sum + pieces.reduce((a, b) => a + b, 0), 0) : -1;
  return listsStart + listed === indexAt ? index : undefined;
}

/**
 * The result with each list as a property that reads and deserializes its group's bytes when
 * first used and then holds the objects (ordinary, writable properties from then on). The file is opened
 * again for that and must still hold the same key: a snapshot with the same key holds the same
 * result, so the list is the one indexed; any other file is an error, never another result's list.
 */
function lazyResult(file: string, head: Buffer, index: SnapshotIndex): TimelessResult {
  const result = { ...index.head } as TimelessResult;
  let at = head.length;
  for (const [names, pieces] of index.lists) {
    const position = at;
    const length = pieces.reduce((a, b) => a + b, 0);
    at += length;
    const settle = (name: LazyList, value: unknown): void => {
      Object.defineProperty(result, name, { value, enumerable: true, configurable: true, writable: true });
    };
    const read = (): void => {
      const bytes = readList(file, head, position, length);
      const lists: unknown[][] = names.map(() => []);
      let offset = 0;
      for (const pieceLength of pieces) {
        const piece = deserialize(bytes.subarray(offset, offset + pieceLength)) as unknown[][];
        offset += pieceLength;
        piece.forEach((items, i) => {
          for (const item of items) lists[i].push(item);
        });
      }
      names.forEach((name, i) => settle(name, lists[i]));
    };
    for (const name of names) {
      Object.defineProperty(result, name, {
        enumerable: true,
        configurable: true,
        get(): unknown {
          read();
          return result[name];
        },
        set(value: unknown): void {
          read();
          settle(name, value);
        },
      });
    }
  }
  return result;
}

function readList(file: string, head: Buffer, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = readAt(fd, position, length);
    if (!readAt(fd, 0, head.length).equals(head) || bytes.length !== length) {
      throw new Error(`${file} was replaced by another scan while this one read it; run the scan again`);
    }
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
