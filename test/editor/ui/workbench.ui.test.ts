/**
 * Browser-level test: the real workbench UI in Chromium, driven with playwright-core the way a
 * user drives it (keyboard, Problems panel, command palette, activity bar). Also takes the
 * README's screenshots into media/screenshots/.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWorkbenchBrowser, type WorkbenchBrowser } from '../harness/browser';
import { editorTestCacheDir } from '../harness/cacheDir';
import { installedCodeServer } from '../harness/codeServerInstall';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServerProcess';
import { repoRoot } from '../harness/repoRoot';
import { createThrowawayProfile } from '../harness/throwawayProfile';
import { workbenchUrl } from '../harness/workbenchUrl';

const root = repoRoot();
const screenshots = path.join(root, 'media', 'screenshots');

/** Resolves when `file` exists, watching its folder (no polling); rejects after `timeoutMs`. */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file), () => {
      if (existsSync(file)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (existsSync(file)) done();
  });
}

/** Screenshot for the README, with the pointer parked on the title bar so no tooltip covers the view. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(700, 4);
  await page.screenshot({ path: path.join(screenshots, name) });
}

/** Runs a command from the palette (F1) by its title, as a user would. */
async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
async function quickOpen(page: Page, relPath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relPath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relPath) }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relPath) }).waitFor({ state: 'visible' });
}

describe('workbench UI (Chromium + playwright-core)', function () {
  let runDir: string;
  let workspace: string;
  let server: RunningCodeServer | undefined;
  let browser: WorkbenchBrowser | undefined;
  let page: Page;
  let failed = false;

  before(async function () {
    const install = installedCodeServer(editorTestCacheDir());
    assert.ok(install, 'code-server is not installed (the harness installs it before this test)');
    runDir = mkdtempSync(path.join(os.tmpdir(), 'pi-audit-editor-ui-'));
    workspace = path.join(runDir, 'subsidiary');
    cpSync(path.join(root, 'test', 'editor', 'workspaces', 'subsidiary'), workspace, { recursive: true });
    const profile = createThrowawayProfile(runDir, 'disabled');
    server = await startCodeServer({ install, profile, trust: 'disabled', startTimeoutMs: 30_000 });
    browser = await launchWorkbenchBrowser(profile.chromiumProfile);
    page = browser.page;
    // The extension under development, loaded like F5 does; no tests module: the UI is ours to drive.
    await page.goto(workbenchUrl({ origin: server.origin, authority: server.authority, workspace, extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30_000 });
    mkdirSync(screenshots, { recursive: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    const shot = path.join(runDir, `failed-${(this.currentTest.title.match(/\w+/g) ?? []).slice(0, 4).join('-')}.png`);
    await page.screenshot({ path: shot }).catch((error: unknown) => console.error(`no screenshot: ${String(error)}`));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (failed) console.error(`[editor] UI test files kept in ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  });

  it('shows the PI status bar item once the workspace is scanned', async () => {
    await page.locator('.statusbar-item', { hasText: /PI \d+ · \d+ undecided · \d+ sensitive/ }).first().waitFor({ state: 'visible', timeout: 45_000 });
  });

  it('lists a PI diagnostic in the Problems panel (Ctrl+Shift+M)', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    // The list is virtualized: look for a row that is rendered, an ID-number field of any file.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /(employee\.sfzh|Patient\.id_number): Resident\sID\snumber/ }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row.innerText(), /identity\.id_number/);
    const panel = await page.locator('.markers-panel').innerText();
    assert.match(panel, /pi\/missing-disposition/, 'the rule id is shown as the code');
  });

  it('shows the hover on a diagnostic (screenshot diagnostic-hover.png)', async () => {
    await quickOpen(page, 'hr-db/hr_schema.sql');
    await page.locator('.monaco-editor.focused').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+G');
    // Go to Line opens the quick input prefilled with ":"; type only once it is that one.
    await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value === ':'");
    await page.keyboard.type('6:4');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Ln 6, Col 4' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The hover stacks the diagnostics and PI Audit's explanation of the field.
    const hover = page.locator('.monaco-hover', { hasText: 'Legal options' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /employee\.sfzh[\s\S]*Resident\sID\snumber/);
    await page.screenshot({ path: path.join(screenshots, 'diagnostic-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the inventory view in its activity-bar container (screenshot inventory.png)', async () => {
    // The badge (undecided count) covers the icon's link: click the activity-bar item itself.
    await page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="PI Audit"]') }).first().click();
    const sidebar = page.locator('.part.sidebar');
    const system = sidebar.locator('.monaco-list-row', { hasText: 'subsidiary' }).first();
    await system.waitFor({ state: 'visible', timeout: 15_000 });
    // Open the first entity so the picture shows fields with their state.
    const entity = sidebar.locator('.monaco-list-row', { hasText: 'employee' }).first();
    if (!(await entity.isVisible())) await system.click();
    await entity.waitFor({ state: 'visible' });
    if ((await entity.getAttribute('aria-expanded')) === 'false') await entity.click();
    await sidebar.locator('.monaco-list-row', { hasText: 'sfzh' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'inventory.png');
  });

  it('runs "PI Audit: Generate / Update Disposition Checklist" from the palette; the file appears (screenshot checklist.png)', async () => {
    const checklist = path.join(workspace, 'pi-disposition.yaml');
    assert.ok(!existsSync(checklist));
    const written = waitForFile(checklist, 30_000);
    await runFromPalette(page, 'PI Audit: Generate / Update Disposition Checklist');
    await written;
    await page.locator('.tabs-container .tab.active', { hasText: 'pi-disposition.yaml' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Personal-information disposition checklist' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'checklist.png');
  });
});
