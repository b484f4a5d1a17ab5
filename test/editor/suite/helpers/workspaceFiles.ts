import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The single workspace folder of the suite (a copy of a fixture under test/editor/workspaces). */
export function workspaceRoot(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folders.length > 0, 'no workspace folder is open');
  return folders[0].uri;
}

export function fileUri(relPath: string, root: vscode.Uri = workspaceRoot()): vscode.Uri {
  return vscode.Uri.joinPath(root, ...relPath.split('/'));
}

export async function openDocument(relPath: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fileUri(relPath));
}

/** 0-based line of the first line containing `needle`. */
export function lineContaining(document: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.includes(needle)) return line;
  }
  assert.fail(`no line of ${document.uri.path} contains ${JSON.stringify(needle)}`);
}

/** The range of `word` on the first line containing `lineNeedle` (defaults to the word itself). */
export function wordRange(document: vscode.TextDocument, word: string, lineNeedle: string = word): vscode.Range {
  const line = lineContaining(document, lineNeedle);
  const text = document.lineAt(line).text;
  const start = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, '\\$&')}(?![\\w$])`).exec(text)?.index;
  assert.ok(start !== undefined, `"${word}" not found as a word on line ${line + 1}: ${text}`);
  return new vscode.Range(line, start, line, start + word.length);
}

/**
 * Remembers files as they are on disk and puts them back: tests that apply fixes restore the
 * fixture so the next test starts from the same text. Open editors are reverted too.
 */
export class FileSnapshot {
  private readonly saved = new Map<string, Buffer>();

  constructor(private readonly relPaths: readonly string[]) {
    for (const relPath of relPaths) this.saved.set(relPath, readFileSync(fileUri(relPath).fsPath));
  }

  async restore(): Promise<void> {
    for (const relPath of this.relPaths) {
      const uri = fileUri(relPath);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const original = this.saved.get(relPath) as Buffer;
      if (document) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original.toString('utf8'));
        assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${relPath}`);
        await document.save();
      } else {
        writeFileSync(uri.fsPath, original);
      }
    }
  }
}
