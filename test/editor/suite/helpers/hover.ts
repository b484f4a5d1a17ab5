import * as vscode from 'vscode';

/**
 * Hover markdown as the reader sees it: appended plain text arrives escaped (`&nbsp;` for
 * spaces, backslashes before markdown punctuation), which is undone here so tests can look for
 * words; markup such as `**` stays.
 */
export function renderedText(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

/** The hovers at `position` as the editor would show them: their rendered text and whether they are trusted. */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; trusted: boolean }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => {
    if (typeof content === 'string') return { text: content, trusted: false };
    // Markdown strings come back as MarkdownString or as plain objects with the same fields.
    const markdown = content as { value?: unknown; isTrusted?: unknown };
    return {
      text: renderedText(typeof markdown.value === 'string' ? markdown.value : ''),
      trusted: markdown.isTrusted === true || typeof markdown.isTrusted === 'object',
    };
  }));
}
