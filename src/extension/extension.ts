import * as vscode from 'vscode';
import { AuditWorkspace, errorText } from './auditWorkspace';
import { codeLoadTime } from './codeLoadTime';
import { PiCodeActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { ConfigSync } from './configSync';
import { DocumentSync } from './documentSync';
import type { FolderAudit } from './folderAudit';
import { PiHoverProvider } from './hoverProvider';
import type { InventoryRow } from './inventoryModel';
import { InventoryView } from './inventoryView';
import { langOfDisplayLanguage } from './lang';
import { scanOnStartup } from './settings';
import { StatusBar } from './statusBar';

/** What `activate` returns: a hook for the editor tests (the status bar and tree have no read API). */
export interface PiAuditApi {
  /** Resolves when no analysis, scan or reload is pending. */
  whenIdle(): Promise<void>;
  statusText(): string;
  inventory(): InventoryRow[];
}

/** Every file: the engine decides by path and content which files it reads. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }];

/**
 * Activation stays short: it registers the views, providers and commands and returns; folders
 * are loaded and scanned afterwards as tracked background work. A failure is shown to the user
 * and logged, and the extension stays inert instead of half-working.
 */
export function activate(context: vscode.ExtensionContext): PiAuditApi {
  const log = vscode.window.createOutputChannel('PI Audit', { log: true });
  context.subscriptions.push(log);
  try {
    return start(context, log);
  } catch (error) {
    reportFailure(log, error);
    return { whenIdle: () => Promise.resolve(), statusText: () => '', inventory: () => [] };
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): PiAuditApi {
  const started = Date.now();
  const workspace = new AuditWorkspace(context.extensionUri, langOfDisplayLanguage(vscode.env.language), log);
  const inventory = new InventoryView(workspace);
  const status = new StatusBar(workspace);
  const documents = new DocumentSync(workspace);
  const scanIfWanted = async (folder: FolderAudit): Promise<void> => {
    if (folder.engine && scanOnStartup(folder.uri)) await workspace.scan([folder], 'notification');
  };
  const config = new ConfigSync(workspace, scanIfWanted);
  context.subscriptions.push(
    workspace, inventory, status, documents, config,
    vscode.languages.registerHoverProvider(SELECTOR, new PiHoverProvider(workspace)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new PiCodeActionProvider(workspace), PiCodeActionProvider.metadata),
  );
  registerCommands(context, workspace, inventory);
  const loaded = codeLoadTime(context.extension.id);
  log.info(`PI Audit ${String((context.extension.packageJSON as { version?: string }).version)} (${workspace.lang}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted mode'}) activated in ${Date.now() - started} ms${loaded === undefined ? '' : ` (code loaded in ${loaded} ms)`}`);

  void workspace.idle.run(async () => {
    workspace.warmUp();
    const folders: FolderAudit[] = [];
    for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) folders.push(await config.add(workspaceFolder));
    documents.start();
    const wanted = folders.filter((f) => f.engine && scanOnStartup(f.uri));
    if (wanted.length > 0) await workspace.scan(wanted, 'notification');
  }).catch((error: unknown) => reportFailure(log, error));

  return {
    whenIdle: () => workspace.idle.whenIdle(),
    statusText: () => status.text,
    inventory: () => inventory.rows(),
  };
}

function reportFailure(log: vscode.LogOutputChannel, error: unknown): void {
  log.error(`PI Audit failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const show = vscode.l10n.t('Show log');
  void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit could not start: {0}', errorText(error)), show).then((choice) => {
    if (choice === show) log.show();
  });
}
