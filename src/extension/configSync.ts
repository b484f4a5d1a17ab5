import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../core/config/defaults';
import { errorText, type AuditWorkspace } from './auditWorkspace';
import type { FolderAudit } from './folderAudit';
import { KeyedDebouncer } from './keyedDebouncer';
import { SECTION } from './settings';

/** Files written in bursts (a save, a checkout) settle for this long before the folder reloads. */
const RELOAD_DEBOUNCE_MS = 200;

/**
 * Re-analyses without a reload when what decides the results changes: `.piaudit.yaml` (file
 * watcher), the `piAudit.*` settings of a folder, the checklist on disk, workspace trust, the
 * workspace folders, and files of the index changed or deleted outside the editor.
 */
export class ConfigSync implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly folderWatchers = new Map<string, vscode.Disposable[]>();
  private readonly debouncer: KeyedDebouncer;

  constructor(private readonly workspace: AuditWorkspace, onFolderAdded: (folder: FolderAudit) => Promise<void>) {
    this.debouncer = new KeyedDebouncer(RELOAD_DEBOUNCE_MS, workspace.idle, (key, error) => workspace.log.error(`${key}: ${errorText(error)}`));
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const folder of workspace.all()) {
          if (event.affectsConfiguration(SECTION, folder.uri)) this.reloadLater(folder);
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        workspace.log.info('workspace trust granted: reloading every folder');
        for (const folder of workspace.all()) this.reloadLater(folder);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          this.unwatch(removed.uri.toString());
          workspace.removeFolder(removed.uri);
        }
        for (const added of event.added) {
          void workspace.idle.run(async () => onFolderAdded(await this.add(added))).catch((error: unknown) => workspace.log.error(errorText(error)));
        }
      }),
    );
  }

  async add(workspaceFolder: vscode.WorkspaceFolder): Promise<FolderAudit> {
    const folder = await this.workspace.addFolder(workspaceFolder);
    this.watch(folder);
    return folder;
  }

  /** Watches the folder's config file, its checklist and the files it has analysed. */
  private watch(folder: FolderAudit): void {
    this.unwatch(folder.key);
    const watchers: vscode.Disposable[] = [];
    const configWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.uri, `{${CONFIG_FILE_NAMES.join(',')}}`));
    const onConfig = (): void => this.reloadLater(folder);
    watchers.push(configWatcher, configWatcher.onDidCreate(onConfig), configWatcher.onDidChange(onConfig), configWatcher.onDidDelete(onConfig));

    const filesWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.uri, '**/*'), true, false, false);
    const onFile = (uri: vscode.Uri, deleted: boolean): void => {
      if (this.isChecklist(folder, uri)) {
        this.debouncer.schedule(`checklist:${folder.key}`, () => this.workspace.reloadDecisions(folder));
        return;
      }
      this.debouncer.schedule(`file:${uri.toString()}`, () => this.workspace.fileChangedOnDisk(uri, deleted));
    };
    watchers.push(filesWatcher, filesWatcher.onDidChange((uri) => onFile(uri, false)), filesWatcher.onDidDelete((uri) => onFile(uri, true)));
    // A checklist created on disk (by the CLI, say) must be read too.
    const created = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.uri, '**/*.{yaml,yml}'), false, true, true);
    watchers.push(created, created.onDidCreate((uri) => (this.isChecklist(folder, uri) ? onFile(uri, false) : undefined)));
    this.folderWatchers.set(folder.key, watchers);
  }

  private isChecklist(folder: FolderAudit, uri: vscode.Uri): boolean {
    return folder.checklistPath !== null && uri.fsPath === folder.checklistPath;
  }

  private reloadLater(folder: FolderAudit): void {
    this.debouncer.schedule(`config:${folder.key}`, () => this.workspace.reload(folder));
  }

  private unwatch(key: string): void {
    for (const watcher of this.folderWatchers.get(key) ?? []) watcher.dispose();
    this.folderWatchers.delete(key);
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const key of [...this.folderWatchers.keys()]) this.unwatch(key);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
