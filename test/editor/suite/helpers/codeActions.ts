import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runAcceptingDefaults } from './quickInput';

/** The code actions VS Code would offer for `range`, restricted to `kind` (as `context.only`). */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind = vscode.CodeActionKind.QuickFix): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
  return actions.filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/**
 * The quick fixes for `range` once VS Code offers any: the workbench gets diagnostics from the
 * extension host a moment after they are published, and asks for fixes only where it has them
 * (a user sees no lightbulb in that moment either).
 */
export async function quickFixesOnceOffered(uri: vscode.Uri, range: vscode.Range, timeoutMs = 5_000): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actions = await codeActionsAt(uri, range);
    if (actions.length > 0 || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function findAction(actions: readonly vscode.CodeAction[], title: RegExp): vscode.CodeAction {
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action matching ${String(title)} among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** Applies an action the way the lightbulb does: its edit, then its command (answering prompts with their defaults). */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was not applied`);
  if (action.command) await runAcceptingDefaults(action.command.command, action.command.arguments ?? []);
  assert.ok(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
}
