import * as vscode from 'vscode';
import { CODE_ACTION_METADATA } from './codeActionKinds';
import { codeLoadTime } from './codeLoadTime';
import type { ExtensionCore } from './extensionCore';
import type { InventoryNode, InventoryRow } from './inventoryModel';
import { langOfDisplayLanguage } from './lang';
import { LateTreeProvider } from './lateTreeProvider';

/** What `activate` returns: a hook for the editor tests (the status bar and tree have no read API). */
export interface PiAuditApi {
  /** Resolves when no analysis, scan or reload is pending (the core and the folders loaded). */
  whenIdle(): Promise<void>;
  statusText(): string;
  inventory(): InventoryRow[];
}

/** Every file: the engine decides by path and content which files it reads. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }];

/**
 * Activation registers what the manifest contributes — the commands, the hover and code action
 * providers, the inventory tree — and returns; this bundle holds only that. The core
 * (configuration, audit, rules, checklist, views, command implementations: extensionCore.ts,
 * bundled as dist/extensionCore.js) loads as soon as the extension host has finished activating,
 * then loads and scans the folders as tracked background work (as activation did before). Until
 * it is there the providers have nothing to give (there is no audit yet), the tree shows its
 * progress and a command waits for it. A failure is shown to the user and logged, and the
 * extension stays inert instead of half-working.
 */
export function activate(context: vscode.ExtensionContext): PiAuditApi {
  const activatedAt = Date.now();
  const log = vscode.window.createOutputChannel('PI Audit', { log: true });
  const tree = new LateTreeProvider<InventoryNode>();
  const view = vscode.window.createTreeView('piAudit.inventory', { treeDataProvider: tree, showCollapseAll: true });
  const core = loadCore(context, log, view, activatedAt);
  // The providers read the core through `loaded`: there is no result to give before it exists.
  let loaded: ExtensionCore | undefined;
  void core.then((c) => {
    loaded = c;
    tree.attach(c?.inventory);
  });
  context.subscriptions.push(
    log,
    tree,
    view,
    vscode.languages.registerHoverProvider(SELECTOR, { provideHover: (...args) => loaded?.hover.provideHover(...args) }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, { provideCodeActions: (...args) => loaded?.codeActions.provideCodeActions(...args) }, CODE_ACTION_METADATA),
  );
  for (const id of contributedCommands(context)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: never[]) => (await core)?.command(id)?.(...args)));
  }
  const codeLoaded = codeLoadTime(context.extension.id);
  log.info(`PI Audit ${String((context.extension.packageJSON as { version?: string }).version)} (${langOfDisplayLanguage(vscode.env.language)}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted mode'}) activated in ${Date.now() - activatedAt} ms${codeLoaded === undefined ? '' : ` (code loaded in ${codeLoaded} ms)`}`);
  return {
    whenIdle: async () => {
      await (await core)?.whenIdle();
    },
    statusText: () => loaded?.statusText() ?? '',
    inventory: () => loaded?.inventoryRows() ?? [],
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/**
 * Loads and starts the core once the extension host is done with this activation (a macrotask
 * later: the activation events' other extensions and VS Code's own bookkeeping run first).
 * Resolves undefined when it failed, after telling the user.
 */
async function loadCore(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, view: vscode.TreeView<InventoryNode>, activatedAt: number): Promise<ExtensionCore | undefined> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    const loadStarted = Date.now();
    const { startCore } = await import('./extensionCore');
    const loadMs = Date.now() - loadStarted;
    const core = startCore(context, log, view, activatedAt, (error) => reportFailure(log, error));
    log.info(`core loaded in ${loadMs} ms, started ${Date.now() - activatedAt} ms after activation began`);
    return core;
  } catch (error) {
    reportFailure(log, error);
    return undefined;
  }
}

/** The command ids of the manifest: each is registered at activation and run by the core. */
function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

function reportFailure(log: vscode.LogOutputChannel, error: unknown): void {
  log.error(`PI Audit failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const show = vscode.l10n.t('Show log');
  void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit could not start: {0}', error instanceof Error ? error.message : String(error)), show).then((choice) => {
    if (choice === show) log.show();
  });
}
