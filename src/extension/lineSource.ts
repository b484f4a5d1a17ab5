import * as vscode from 'vscode';
import type { FolderAudit } from './folderAudit';

/**
 * The lines of a folder's file as the editor shows them: the open document when there is one,
 * else the text the index holds (read from disk by the last scan). Used to turn the engine's
 * line/column into ranges.
 */
export class LineSource {
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly folder: FolderAudit) {}

  line(relPath: string, line: number): string {
    return this.lines(relPath)[line - 1] ?? '';
  }

  private lines(relPath: string): readonly string[] {
    let lines = this.cache.get(relPath);
    if (!lines) {
      const uri = this.folder.uriOf(relPath).toString();
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const text = open?.getText() ?? this.folder.index.text(relPath) ?? '';
      lines = text.split(/\r\n|\r|\n/);
      this.cache.set(relPath, lines);
    }
    return lines;
  }
}
