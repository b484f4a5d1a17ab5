import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './prerequisites';

/** Flags for Debian's Chromium as root on a machine without internet (see the offline notes). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface WorkbenchBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** The machine's Chromium (never a downloaded one) with a throwaway profile, one page, a fixed viewport. */
export async function launchWorkbenchBrowser(profileDir: string, viewport = { width: 1400, height: 860 }): Promise<WorkbenchBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium, or set PI_AUDIT_CHROMIUM)');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}
