import path from 'node:path';

export interface WorkbenchTarget {
  /** `http://127.0.0.1:PORT` of the running code-server. */
  origin: string;
  /** `127.0.0.1:PORT`: code-server's remote authority as the workbench sees it. */
  authority: string;
  /** A folder, or a `.code-workspace` file, on the server's disk. */
  workspace: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/**
 * The web workbench URL that opens `workspace` and, through the `payload` parameter (JSON
 * `[key, value]` pairs, like the desktop CLI's flags), loads the extension under development and
 * runs its tests in the server-side Node extension host.
 */
export function workbenchUrl(target: WorkbenchTarget): string {
  const remote = (file: string) => `vscode-remote://${target.authority}${path.resolve(file)}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const url = new URL('/', target.origin);
  url.searchParams.set(target.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', path.resolve(target.workspace));
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
