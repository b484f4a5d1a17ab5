import * as vscode from 'vscode';

/**
 * Runs a command that asks through quick picks or input boxes and accepts what each prompt
 * offers first (the selected item, or the prefilled value) until the command finishes. The
 * extension host has no event for "a quick input opened", so acceptance is retried on a short
 * interval while the command is pending; the accept command is a no-op when nothing is open.
 */
export async function runAcceptingDefaults<T>(command: string, args: unknown[], timeoutMs = 15_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`${command} still waits for input after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}
