import * as vscode from 'vscode';
import { findRule } from '../core/rules/registry';
import { langOfDisplayLanguage } from './lang';

/**
 * Where a rule is documented: its section of the README shipped in the extension, in the
 * display language (`README.zh-CN.md#pi-missing-disposition` in Chinese; both READMEs have the
 * same anchors), so the link in the Problems panel works offline.
 */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string, displayLanguage: string = vscode.env.language): vscode.Uri {
  const anchor = findRule(ruleId)?.anchor ?? ruleId.replace(/\//g, '-');
  const readme = langOfDisplayLanguage(displayLanguage) === 'zh-CN' ? 'README.zh-CN.md' : 'README.md';
  return vscode.Uri.joinPath(extensionUri, readme).with({ fragment: anchor });
}
