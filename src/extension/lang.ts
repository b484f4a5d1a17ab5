import type { Lang } from '../core/i18n/localizer';

/**
 * The engine's message language for VS Code's display language (`vscode.env.language`):
 * Simplified Chinese for `zh-cn` / `zh-hans` / `zh`, English otherwise — the same two languages
 * the l10n bundle has, so rule messages and the editor's own strings always agree.
 */
export function langOfDisplayLanguage(displayLanguage: string): Lang {
  return /^zh(-cn|-hans(-cn)?|-sg)?$/i.test(displayLanguage) ? 'zh-CN' : 'en';
}
