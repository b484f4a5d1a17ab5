import * as vscode from 'vscode';
import { AuditWorkspace } from './auditWorkspace';
import { PiCodeActionProvider } from './codeActions';
import { commandHandlers, type CommandHandler } from './commands';
import { ConfigSync } from './configSync';
import { DocumentSync } from './documentSync';
import type { FolderAudit } from './folderAudit';
import { PiHoverProvider } from './hoverProvider';
import type { InventoryNode, InventoryRow } from './inventoryModel';
import { InventoryView } from './inventoryView';
import { langOfDisplayLanguage } from './lang';
import { scanOnStartup } from './settings';
import { StatusBar } from './statusBar';

/** What the activation shell (extension.ts) forwards to once this bundle has loaded. */
export interface ExtensionCore {
  command(id: string): CommandHandler | undefined;
  readonly hover: vscode.HoverProvider;
  readonly codeActions: vscode.CodeActionProvider;
  readonly inventory: vscode.TreeDataProvider<InventoryNode>;
  /** Resolves when no analysis, scan or reload is pending. */
  whenIdle(): Promise<void>;
  statusText(): string;
  inventoryRows(): InventoryRow[];
}

/**
 * The extension's core: every folder's configuration, Engine on the analysis thread, audit,
 * views and command implementations. It is a bundle of its own (dist/extensionCore.js) that the
 * activation shell loads right after `activate()` has registered everything (see extension.ts);
 * it then loads the workspace folders and runs the startup scan as tracked background work.
 * `activatedAt`: when activation began, for the log line saying when the results were ready;
 * `reportFailure` shows and logs a failure of that work.
 */
export function startCore(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, view: vscode.TreeView<InventoryNode>, activatedAt: number, reportFailure: (error: unknown) => void): ExtensionCore {
  const workspace = new AuditWorkspace(context.extensionUri, langOfDisplayLanguage(vscode.env.language), log);
  const inventory = new InventoryView(workspace, view);
  const status = new StatusBar(workspace);
  const documents = new DocumentSync(workspace);
  const scanIfWanted = async (folder: FolderAudit): Promise<void> => {
    if (folder.engine && scanOnStartup(folder.uri)) await workspace.scan([folder], 'notification');
  };
  const config = new ConfigSync(workspace, scanIfWanted);
  context.subscriptions.push(workspace, inventory, status, documents, config);
  const commands = commandHandlers(context, workspace, inventory);

  void workspace.idle.run(async () => {
    workspace.warmUp();
    const folders: FolderAudit[] = [];
    for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) folders.push(await config.add(workspaceFolder));
    documents.start();
    const wanted = folders.filter((f) => f.engine && scanOnStartup(f.uri));
    if (wanted.length > 0) await workspace.scan(wanted, 'notification');
    log.info(`startup work done ${Date.now() - activatedAt} ms after activation began (${folders.length} folders loaded, ${wanted.length} scanned)`);
  }).catch(reportFailure);

  return {
    command: (id) => commands.get(id),
    hover: new PiHoverProvider(workspace),
    codeActions: new PiCodeActionProvider(workspace),
    inventory,
    whenIdle: () => workspace.idle.whenIdle(),
    statusText: () => status.text,
    inventoryRows: () => inventory.rows(),
  };
}
