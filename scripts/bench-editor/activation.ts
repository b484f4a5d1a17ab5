/**
 * Activation on the example workspace, in a real VS Code: code-server (installed by the editor
 * tests into .editor-test-cache/) opens a copy of `examples/subsidiary` with the extension under
 * development in the machine's Chromium, as the editor tests do. Each run loads the workbench
 * afresh (a new extension host), waits until the startup scan has filled the status bar, and
 * reads what VS Code itself reports in "Developer: Show Running Extensions" — the time to load
 * the extension's code plus the time of its `activate()` call, both as wall time from marks taken
 * while the whole workbench starts — and what the extension logged: the `require` of its code
 * alone (the host's own marks, see codeLoadTime.ts), its `activate()` call, the load of its core
 * after activation, the startup scan, and the time from activation to the scan's results.
 *
 * VS Code's figure (code-server 4.100, `ActivationTimesBuilder`): `codeLoadingTime` runs from
 * before the host yields (awaiting the extension's translations) to the end of its `require`,
 * and the extensions one activation event starts are loaded one after the other in that
 * window, so it includes the loading of every extension ahead in the same batch;
 * `activateCallTime` is the synchronous `activate()` call; `activateResolvedTime` (not shown
 * in Running Extensions) is the wait for the promise it returns.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWorkbenchBrowser } from '../../test/editor/harness/browser';
import { editorTestCacheDir } from '../../test/editor/harness/cacheDir';
import { installedCodeServer } from '../../test/editor/harness/codeServerInstall';
import { startCodeServer } from '../../test/editor/harness/codeServerProcess';
import { findChromium } from '../../test/editor/harness/prerequisites';
import { createThrowawayProfile } from '../../test/editor/harness/throwawayProfile';
import { workbenchUrl } from '../../test/editor/harness/workbenchUrl';
import { copyExample } from './exampleWorkspace';
import { spread, type Spread } from './measure';

export interface ActivationResult {
  /** VS Code's figure: loading the extension's code + its `activate()` call. */
  activation: Spread;
  /** The extension's own log: the `activate()` call alone. */
  activateCall: Spread;
  /** The extension's own log: loading its code, from the extension host's marks around the `require`. */
  codeLoad: Spread;
  /** The extension's own log: the startup scan of the folder (thread, grammars, walk, analysis, audit). */
  startupScan: Spread;
  /** The extension's own log: loading its core bundle after activation (builds that split it off). */
  coreLoad: Spread;
  /**
   * From the start of the extension's `require` to the end of the startup scan (code load +
   * `startup work done … after activation began`): what the user waits for, from VS Code
   * starting to load this extension to the diagnostics being there.
   */
  toResults: Spread;
  /** From opening the window (page load) until the status bar shows the startup scan's counts. */
  windowToResults: Spread;
  /** VS Code's figure for the other extensions of the same window (built-ins activated at startup alongside). */
  others: Spread;
}

export type ActivationOutcome = { result: ActivationResult } | { skipped: string };

const STATUS_READY = /PI \d+ · \d+ undecided · \d+ sensitive/;
/** How the Running Extensions editor names the extension: its display name, or its id. */
const ROW_NAME = /^(PI Audit — personal information disposition audit|pi-audit\.pi-audit)$/;

/** `extension`: the checkout whose build is loaded (its dist/extension.js); the example comes from `repoRoot`. */
export async function benchActivation(repoRoot: string, extension: string, runs: number, log: (line: string) => void): Promise<ActivationOutcome> {
  const install = installedCodeServer(editorTestCacheDir());
  if (!install) return { skipped: `code-server is not installed in ${editorTestCacheDir()}: run \`npm run test:editor\` once, which installs it` };
  if (!findChromium()) return { skipped: 'Chromium not found (apt-get install -y chromium, or set PI_AUDIT_CHROMIUM)' };
  if (!existsSync(path.join(extension, 'dist', 'extension.js'))) return { skipped: `${path.join(extension, 'dist', 'extension.js')} is missing: run \`npm run build\`` };

  const example = copyExample(repoRoot);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'pi-audit-bench-activation-'));
  const profile = createThrowawayProfile(runDir, 'disabled');
  const server = await startCodeServer({ install, profile, trust: 'disabled', startTimeoutMs: 60_000 });
  const samples = { activation: [] as number[], activateCall: [] as number[], codeLoad: [] as number[], startupScan: [] as number[], others: [] as number[], coreLoad: [] as number[], toResults: [] as number[], windowToResults: [] as number[] };
  try {
    const browser = await launchWorkbenchBrowser(profile.chromiumProfile);
    try {
      const url = workbenchUrl({ origin: server.origin, authority: server.authority, workspace: example.root, extensionDevelopmentPath: extension });
      // The first load warms code-server and Chromium's caches; it is not counted.
      for (let run = 0; run <= runs; run++) {
        const loadedAfter = Date.now();
        await browser.page.goto(url);
        const { activation, others, readyAt } = await runningExtensionActivation(browser.page).catch(async (error: unknown) => {
          const shot = path.join(os.tmpdir(), `pi-audit-bench-activation-${process.pid}.png`);
          await browser.page.screenshot({ path: shot });
          throw new Error(`reading the activation time failed (screenshot ${shot}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        });
        const logged = await extensionLog(profile.userDataDir, loadedAfter);
        log(`activation run ${run === 0 ? 'warm-up' : run}: VS Code ${activation} ms, code loaded ${logged.loadMs ?? '?'} ms, activate() ${logged.activateMs ?? '?'} ms, core loaded ${logged.coreLoadMs ?? '–'} ms, startup scan ${logged.scanMs ?? '?'} ms (on the thread ${logged.threadScanMs ?? '?'} ms), results ${logged.toResultsMs ?? '?'} ms after the require began, ${readyAt - loadedAfter} ms after the window opened`);
        if (run === 0) continue;
        samples.activation.push(activation);
        samples.windowToResults.push(readyAt - loadedAfter);
        samples.others.push(...others);
        if (logged.activateMs !== undefined) samples.activateCall.push(logged.activateMs);
        if (logged.loadMs !== undefined) samples.codeLoad.push(logged.loadMs);
        if (logged.scanMs !== undefined) samples.startupScan.push(logged.scanMs);
        if (logged.coreLoadMs !== undefined) samples.coreLoad.push(logged.coreLoadMs);
        if (logged.toResultsMs !== undefined) samples.toResults.push(logged.toResultsMs);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
    example.remove();
  }
  return { result: { activation: spread(samples.activation), activateCall: spread(samples.activateCall), codeLoad: spread(samples.codeLoad), startupScan: spread(samples.startupScan), others: spread(samples.others), coreLoad: spread(samples.coreLoad), toResults: spread(samples.toResults), windowToResults: spread(samples.windowToResults) } };
}

/**
 * Waits for the startup scan (the status bar counts; `readyAt` is when they showed), then reads
 * the Running Extensions editor: PI Audit's row, and the other extensions' rows for comparison.
 */
async function runningExtensionActivation(page: Page): Promise<{ activation: number; others: number[]; readyAt: number }> {
  await page.locator('.statusbar-item', { hasText: STATUS_READY }).first().waitFor({ state: 'visible', timeout: 90_000 });
  const readyAt = Date.now();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const ours = page.locator('.monaco-list-row', { has: page.locator('.name', { hasText: ROW_NAME }) }).first().locator('.activation-time');
  await ours.filter({ hasText: /\d+ms/ }).waitFor({ state: 'visible', timeout: 30_000 });
  const text = await ours.innerText();
  const ms = /(\d+)ms/.exec(text)?.[1];
  if (ms === undefined) throw new Error(`no activation time in "${text}"`);
  const others: number[] = [];
  for (const row of await page.locator('.monaco-list-row', { has: page.locator('.activation-time') }).all()) {
    const name = (await row.locator('.name').first().innerText()).trim();
    const time = /(\d+)ms/.exec(await row.locator('.activation-time').first().innerText())?.[1];
    if (!ROW_NAME.test(name) && time !== undefined) others.push(Number(time));
  }
  return { activation: Number(ms), others, readyAt };
}

/**
 * The extension's output channel as the extension host wrote it to the profile's logs (the
 * newest `PI Audit.log` written since `since`): `activated in N ms (code loaded in L ms)`, the
 * core's `core loaded in C ms` (builds that load it after activation), the folder's
 * `scanned N files in M ms`, and `startup work done R ms after activation began` (the
 * extension's own clock; the log's timestamps are when the lines reached the log, not when
 * they were written). Waits a little for the log to be flushed.
 */
async function extensionLog(userDataDir: string, since: number): Promise<{ activateMs?: number; loadMs?: number; coreLoadMs?: number; scanMs?: number; threadScanMs?: number; toResultsMs?: number }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const file = newestLog(path.join(userDataDir, 'logs'), since);
    if (file) {
      const text = readFileSync(file, 'utf8');
      const activated = /activated in (\d+) ms(?: \(code loaded in (\d+) ms\))?/.exec(text);
      const scanned = /: scanned \d+ files in (\d+) ms(?: \(the analysis thread's scan: (\d+) ms\))?/.exec(text);
      const core = /core loaded in (\d+) ms/.exec(text);
      const done = /startup work done (\d+) ms after activation began/.exec(text);
      // A build without the `startup work done` line is read without it after two seconds.
      if (activated && scanned && (done || attempt >= 20)) {
        const number = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
        const loadMs = number(activated[2]);
        // From the start of this extension's `require` to the startup scan's results.
        const toResultsMs = loadMs === undefined || !done ? undefined : loadMs + Number(done[1]);
        return { activateMs: Number(activated[1]), loadMs, coreLoadMs: number(core?.[1]), scanMs: Number(scanned[1]), threadScanMs: number(scanned[2]), toResultsMs };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {};
}

function newestLog(dir: string, since: number): string | undefined {
  if (!existsSync(dir)) return undefined;
  let newest: { file: string; mtime: number } | undefined;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'PI Audit.log') continue;
    const file = path.join(entry.parentPath, entry.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime >= since && (!newest || mtime > newest.mtime)) newest = { file, mtime };
  }
  return newest?.file;
}
