import path from 'node:path';
import type { WorkspaceTrust } from './throwawayProfile';

/**
 * What `@vscode/test-electron`'s `runTests` passes to the `vscodeExecutablePath` program: the
 * desktop CLI's flags (`--extensionDevelopmentPath=…`, `--extensionTestsPath=…`,
 * `--user-data-dir=…`, `--extensions-dir=…`, `--locale=…`, a workspace) plus two of this
 * harness (`--pi-audit-restricted-mode`, `--pi-audit-timeout=MS`). Desktop-only flags such as
 * `--no-sandbox` or `--skip-welcome` are accepted and ignored.
 */
export interface WrapperArgs {
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  userDataDir: string;
  extensionsDir: string;
  locale: string | undefined;
  trust: WorkspaceTrust;
  timeoutMs: number;
}

export function parseWrapperArgs(argv: readonly string[]): WrapperArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/s.exec(arg);
    if (match) values.set(match[1], match[2]);
    else if (arg.startsWith('--')) flags.add(arg.slice(2));
    else positional.push(arg);
  }
  const required = (name: string): string => {
    const value = values.get(name);
    if (!value) throw new Error(`the editor wrapper needs --${name}=… (got: ${argv.join(' ')})`);
    return value;
  };
  if (positional.length !== 1) throw new Error(`the editor wrapper needs exactly one workspace folder or .code-workspace file, got ${positional.length}: ${positional.join(' ')}`);
  const timeout = Number(values.get('pi-audit-timeout') ?? 120_000);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new Error(`--pi-audit-timeout must be a positive number of milliseconds, got ${values.get('pi-audit-timeout')}`);
  return {
    workspace: path.resolve(positional[0]),
    extensionDevelopmentPath: path.resolve(required('extensionDevelopmentPath')),
    extensionTestsPath: path.resolve(required('extensionTestsPath')),
    userDataDir: path.resolve(required('user-data-dir')),
    extensionsDir: path.resolve(required('extensions-dir')),
    locale: values.get('locale'),
    // runTests always adds --disable-workspace-trust; restricted mode is this harness's own flag.
    trust: flags.has('pi-audit-restricted-mode') ? 'restricted' : 'disabled',
    timeoutMs: timeout,
  };
}
