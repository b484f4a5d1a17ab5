import { Writable } from 'node:stream';
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written; not a TTY, like a pipe or a CI log. */
class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the real `pi-audit` entry point in-process with piped (non-TTY) output. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }): Promise<CliRun> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await main(args, { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
