import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pi-audit.pi-audit';

/** One row of the inventory tree as the test hook reports it. */
export interface InventoryItem {
  system: string;
  entity: string;
  field: string;
  category: string;
  state: string;
}

/**
 * The test hook `activate()` returns (the extension contract): the status bar and the tree have
 * no read API in VS Code, and `whenIdle` replaces sleeping until analyses settle.
 */
export interface PiAuditTestApi {
  whenIdle(): Promise<void>;
  statusText(): string;
  inventory(): InventoryItem[];
}

/** Activates PI Audit (if the workspace did not already) and checks the hook's shape. */
export async function activatePiAudit(): Promise<PiAuditTestApi> {
  const extension = vscode.extensions.getExtension<PiAuditTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in the extension host`);
  const api = await extension.activate();
  assert.ok(api, 'activate() returned no test API');
  for (const name of ['whenIdle', 'statusText', 'inventory'] as const) {
    assert.equal(typeof api[name], 'function', `the test API has no ${name}()`);
  }
  return api;
}

/** The extension's manifest as the extension host sees it (localized for the display language). */
export function manifest(): Record<string, unknown> & { contributes: Record<string, unknown> } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.packageJSON as Record<string, unknown> & { contributes: Record<string, unknown> };
}
