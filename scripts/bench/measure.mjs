// Runs one command in a child process and measures it as the operating system sees it: wall
// time, CPU time (user + system, all threads) and peak resident memory, from GNU time
// (`/usr/bin/time -v`, Debian package `time`). Without GNU time only the wall time is known.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** `{ wallS, cpuS, rssMB, status, stdout, stderr }`; cpuS and rssMB are null without GNU time. */
export function measure(command, args, options = {}) {
  const timed = existsSync(GNU_TIME);
  const report = path.join(os.tmpdir(), `pi-audit-bench-time-${process.pid}-${Date.now()}.txt`);
  const started = process.hrtime.bigint();
  const run = timed
    ? spawnSync(GNU_TIME, ['-v', '-o', report, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) throw run.error;
  let cpuS = null;
  let rssMB = null;
  if (timed) {
    const text = readFileSync(report, 'utf8');
    rmSync(report, { force: true });
    const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1]);
    cpuS = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
    rssMB = field('Maximum resident set size \\(kbytes\\)') / 1024;
  }
  return { wallS, cpuS, rssMB, status: run.status, stdout: run.stdout, stderr: run.stderr };
}
