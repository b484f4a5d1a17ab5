import * as vscode from 'vscode';
import type { AuditWorkspace } from './auditWorkspace';
import { hoverContent } from './hoverContent';
import { spanAt } from './textSpans';

/**
 * Hover on a PI field (its name where the engine found it): what PI Audit knows about it, as
 * untrusted markdown in which every piece of document text is escaped.
 */
export class PiHoverProvider implements vscode.HoverProvider {
  constructor(private readonly workspace: AuditWorkspace) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const folder = this.workspace.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    if (!folder?.audit || relPath === undefined) return undefined;
    const lineText = document.lineAt(position.line).text;
    for (const field of folder.audit.fields) {
      if (field.file !== relPath || field.line !== position.line + 1) continue;
      const span = spanAt(lineText, field.column, [field.field, ...field.fieldAliases]);
      if (position.character < span.start || position.character > span.end) continue;
      const markdown = new vscode.MarkdownString(undefined, false);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      for (const part of hoverContent(field, vscode.l10n, this.workspace.lang)) {
        if ('markdown' in part) markdown.appendMarkdown(part.markdown);
        else markdown.appendText(part.text);
      }
      return new vscode.Hover(markdown, new vscode.Range(position.line, span.start, position.line, span.end));
    }
    return undefined;
  }
}
