import * as vscode from 'vscode';

/** `source.fixAll.piAudit`: declare a disposition for every undecided field of the file. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('piAudit');

/** What the code action provider offers, declared when it is registered (at activation). */
export const CODE_ACTION_METADATA: vscode.CodeActionProviderMetadata = {
  providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
};
