import * as vscode from 'vscode';
import { formatSarif } from '../core/report/sarifReport';
import type { AuditWorkspace } from './auditWorkspace';
import { ensureScanned } from './checklistCommands';
import type { FolderAudit } from './folderAudit';

/**
 * `piAudit.exportSarif(target?)`: writes the engine's SARIF 2.1.0 for one folder (asked when
 * there are several) to the file the user picks, or to `target` when given.
 */
export async function exportSarif(workspace: AuditWorkspace, target?: vscode.Uri, folderKey?: string): Promise<vscode.Uri | undefined> {
  const folder = folderKey ? workspace.folderByKey(folderKey) : await pickFolder(workspace, target);
  if (!folder) return undefined;
  if (!(await ensureScanned(workspace, [folder]))) return undefined;
  const result = folder.scanResult();
  if (!result) return undefined;
  const uri = target ?? (await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder.uri, 'pi-audit.sarif'),
    filters: { SARIF: ['sarif', 'json'] },
    title: vscode.l10n.t('Export SARIF'),
  }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(formatSarif(result, workspace.ruleMetadata()), 'utf8'));
  workspace.log.info(`${folder.name}: wrote SARIF to ${uri.fsPath}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('PI Audit: wrote {0}', vscode.workspace.asRelativePath(uri)));
  return uri;
}

async function pickFolder(workspace: AuditWorkspace, target: vscode.Uri | undefined): Promise<FolderAudit | undefined> {
  const folders = workspace.all().filter((f) => f.engine);
  const byTarget = target && workspace.folderOf(target);
  if (byTarget) return byTarget;
  if (folders.length <= 1) return folders[0];
  const picked = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.name, description: f.rootPath, folder: f })), { title: vscode.l10n.t('Export SARIF for which folder?') });
  return picked?.folder;
}
