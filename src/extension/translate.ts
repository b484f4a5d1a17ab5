/**
 * The one translation function the editor-independent helpers take: `vscode.l10n` in the
 * extension, the CLI's `Localizer` in unit tests (both read `l10n/bundle.l10n.zh-cn.json`).
 */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
}
