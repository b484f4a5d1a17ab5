import zhCN from '../../../l10n/bundle.l10n.zh-cn.json';

export type Lang = 'en' | 'zh-CN';

const BUNDLES: Record<Lang, Record<string, string>> = { en: {}, 'zh-CN': zhCN };

/**
 * Message lookup shared by the CLI and the engine, reading the same bundle format as
 * `vscode.l10n` (`l10n/bundle.l10n.zh-cn.json`: English message → translation), so one
 * translation file serves the editor and the terminal. `{0}`, `{1}` are positional arguments.
 */
export class Localizer {
  constructor(readonly lang: Lang) {}

  t(message: string, ...args: (string | number)[]): string {
    const template = BUNDLES[this.lang][message] ?? message;
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
      const value = args[Number(index)];
      return value === undefined ? whole : String(value);
    });
  }
}

/** `zh-CN` when the environment asks for Chinese (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English. */
export function langFromEnvironment(env: NodeJS.ProcessEnv = process.env): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

export function parseLang(value: string): Lang | undefined {
  if (/^zh(-cn|_cn|-hans)?$/i.test(value)) return 'zh-CN';
  if (/^en(-us|_us|-gb)?$/i.test(value)) return 'en';
  return undefined;
}

export function bundleKeys(lang: Lang): string[] {
  return Object.keys(BUNDLES[lang]);
}
