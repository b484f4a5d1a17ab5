import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ThrowawayProfile } from './throwawayProfile';

const STUB_PUBLISHER = 'pi-audit-tests';

/**
 * Makes `locale` the display language of code-server, so `vscode.env.language` is `zh-cn` in the
 * extension host and VS Code loads the extension's `package.nls.zh-cn.json` and
 * `l10n/bundle.l10n.zh-cn.json`.
 *
 * `--locale zh-cn` alone is not enough on code-server (measured: `vscode.env.language` stays
 * `en`): the server resolves a locale only through an installed language pack listed in
 * `<user-data>/languagepacks.json`. The real Chinese pack comes from a marketplace this machine
 * cannot reach, so this installs an empty stand-in pack (workbench chrome stays English; only the
 * language id matters to the extension) and lists it, the way the server's language-pack service
 * would after installing one.
 */
export function installDisplayLanguage(profile: ThrowawayProfile, locale: string): void {
  const name = `locale-${locale}`;
  const version = '1.0.0';
  const extensionDir = path.join(profile.extensionsDir, `${STUB_PUBLISHER}.${name}-${version}`);
  const translations = path.join(extensionDir, 'translations', 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version, contents: {} }));
  writeFileSync(path.join(extensionDir, 'package.json'), JSON.stringify({
    name,
    publisher: STUB_PUBLISHER,
    version,
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }, null, 2));
  mkdirSync(profile.userDataDir, { recursive: true });
  writeFileSync(path.join(profile.userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `${STUB_PUBLISHER}-${name}-${version}`,
      extensions: [{ extensionIdentifier: { id: `${STUB_PUBLISHER}.${name}` }, version }],
      translations: { vscode: translations },
      label: locale,
    },
  }, null, 2));
}
