import * as vscode from 'vscode';
import { SETTING_KEYS, settingsOverlay, type SettingName } from './settingsOverlay';

export const SECTION = 'piAudit';

/** Settings whose workspace values an untrusted workspace may not set (see `capabilities`). */
const RESTRICTED: readonly SettingName[] = ['maxFileSize', 'checklistPath'];

/**
 * The `piAudit.*` settings of one folder (resource scope, so each folder of a multi-root
 * workspace has its own), only where the user set them, as the configuration overlay.
 */
export function folderSettings(folder: vscode.Uri, trusted: boolean): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration(SECTION, folder);
  const values: Partial<Record<SettingName, unknown>> = {};
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    const inspected = configuration.inspect(name);
    if (!inspected) continue;
    values[name] = trusted || !RESTRICTED.includes(name)
      ? inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue
      : inspected.globalValue;
  }
  return settingsOverlay(values);
}

export function scanOnStartup(folder: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, folder).get<boolean>('scanOnStartup', true);
}
