import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PiAuditTestApi } from './extensionApi';

export const DIAGNOSTIC_SOURCE = 'PI Audit';

export function piDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

/** The PI Audit diagnostics whose range covers `range` exactly, by rule id. */
export function diagnosticsAt(uri: vscode.Uri, range: vscode.Range): Map<string, vscode.Diagnostic> {
  return new Map(piDiagnostics(uri).filter((d) => d.range.isEqual(range)).map((d) => [ruleOf(d), d]));
}

/** Rule ids of the diagnostics on 0-based `line`, sorted. */
export function rulesOnLine(uri: vscode.Uri, line: number): string[] {
  return piDiagnostics(uri).filter((d) => d.range.start.line === line).map(ruleOf).sort();
}

/**
 * Waits until the extension is idle and `condition` holds for `uri`'s diagnostics, re-checking
 * on every diagnostics change of that file (events, not sleeps); fails with the last state.
 */
export async function waitForDiagnostics(api: PiAuditTestApi, uri: vscode.Uri, condition: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  await api.whenIdle();
  if (condition(piDiagnostics(uri))) return piDiagnostics(uri);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new assert.AssertionError({ message: `timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; diagnostics now: ${describe(piDiagnostics(uri))}` }));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      void api.whenIdle().then(() => {
        if (!condition(piDiagnostics(uri))) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(piDiagnostics(uri));
      });
    });
  });
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)}`).join(', ') || '(none)';
}
