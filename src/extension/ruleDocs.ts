import * as vscode from 'vscode';
import { findRule } from '../core/rules/registry';

/**
 * Where a rule is documented: its section of the README shipped in the extension
 * (`README.md#pi-missing-disposition`), so the link in the Problems panel works offline.
 */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  const anchor = findRule(ruleId)?.anchor ?? ruleId.replace(/\//g, '-');
  return vscode.Uri.joinPath(extensionUri, 'README.md').with({ fragment: anchor });
}
