import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from '../files/errorCode';
import { readAt } from '../files/readAt';

const BODY_FILE = 'last-report-body.json';
const MAGIC = 'pi-audit report body 1';
/** The closing line (magic, `end`, length) fits in this many bytes. */
const TAIL_BYTES = 64;
const BLOCK_BYTES = 1 << 20;

/**
 * The lists of the JSON report (fields, values, diagnostics, problems: all but its head) as last
 * written for a result kept in the cache folder (`ScanResult.kept`). A re-scan with the same
 * snapshot key has the same lists, so they are copied instead of read from the snapshot and
 * rendered again; the head, which holds the scan's own time, is always rendered.
 *
 * The file is a head line with the key, the bytes as written, and a closing line with their
 * length: a file cut short or written for another key is never copied. It is written to a
 * temporary name and renamed when whole.
 */
export class KeptReportBody {
  private readonly file: string;
  private readonly head: Buffer;

  constructor(kept: { folder: string; key: string }) {
    this.file = path.join(kept.folder, BODY_FILE);
    this.head = Buffer.from(`${MAGIC} ${kept.key}\n`, 'utf8');
  }

  /**
   * Hands the kept bytes for this key to `write` in blocks of about a megabyte (one buffer,
   * reused: a sink that keeps a block must copy it) and returns true; false, having written
   * nothing, when there are none for this key or they are damaged.
   */
  copyTo(write: (block: Uint8Array) => void): boolean {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (!readAt(fd, 0, this.head.length).equals(this.head)) return false;
      const tail = readAt(fd, Math.max(this.head.length, size - TAIL_BYTES), TAIL_BYTES).toString('latin1');
      const closing = new RegExp(`\n${MAGIC} end (\\d+)\n$`).exec(tail);
      if (!closing) return false;
      const length = Number(closing[1]);
      if (this.head.length + length + closing[0].length !== size) return false;
      const block = Buffer.allocUnsafe(Math.min(BLOCK_BYTES, Math.max(1, length)));
      for (let at = 0; at < length; ) {
        const read = fs.readSync(fd, block, 0, Math.min(block.length, length - at), this.head.length + at);
        if (read === 0) throw new Error(`${this.file} ended early while it was copied`);
        write(block.subarray(0, read));
        at += read;
      }
      return true;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Starts keeping a new body for this key: `write` each piece, then `commit`. */
  record(): BodyRecorder {
    return new BodyRecorder(this.file, this.head);
  }
}

/**
 * Writes a body to a temporary file beside the kept one; `commit` puts it in place. Keeping it
 * is a saving, not part of the report: a failure (a full disk, a read-only folder) stops the
 * recording, removes the temporary file and is told in `problem`.
 */
export class BodyRecorder {
  private readonly temp: string;
  private fd: number | undefined;
  private length = 0;
  problem: string | undefined;

  constructor(
    private readonly file: string,
    head: Buffer,
  ) {
    this.temp = `${file}.${process.pid}.tmp`;
    this.attempt(() => {
      this.fd = fs.openSync(this.temp, 'w');
      fs.writeFileSync(this.fd, head);
    });
  }

  write(text: string): void {
    this.attempt(() => {
      if (this.fd === undefined) return;
      const bytes = Buffer.from(text, 'utf8');
      fs.writeFileSync(this.fd, bytes);
      this.length += bytes.length;
    });
  }

  commit(): void {
    this.attempt(() => {
      if (this.fd === undefined) return;
      fs.writeFileSync(this.fd, `\n${MAGIC} end ${this.length}\n`);
      fs.closeSync(this.fd);
      this.fd = undefined;
      fs.renameSync(this.temp, this.file);
    });
  }

  private attempt(step: () => void): void {
    if (this.problem !== undefined) return;
    try {
      step();
    } catch (error) {
      this.problem = `cannot keep the report in ${this.file}: ${error instanceof Error ? error.message : String(error)}`;
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
      fs.rmSync(this.temp, { force: true });
    }
  }
}

function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
