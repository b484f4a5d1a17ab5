import * as fs from 'node:fs';
import * as path from 'node:path';

const BODY_FILE = 'last-report-body.json';
const MAGIC = 'pi-audit report body 1';

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

  /** The kept bytes for this key, or undefined (none, another key's, or damaged). */
  read(): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    if (!bytes.subarray(0, this.head.length).equals(this.head)) return undefined;
    const tailStart = bytes.lastIndexOf(`\n${MAGIC} end `);
    if (tailStart < this.head.length) return undefined;
    const tail = bytes.subarray(tailStart + 1).toString('utf8');
    const length = Number(/ end (\d+)\n$/.exec(tail)?.[1] ?? Number.NaN);
    return tailStart - this.head.length === length ? bytes.subarray(this.head.length, tailStart) : undefined;
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
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
