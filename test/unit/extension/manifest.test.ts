import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleKeys } from '../../../src/core/i18n/localizer';

const root = path.join(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface Manifest {
  displayName: string;
  description: string;
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; description: string }; virtualWorkspaces: boolean };
  l10n: string;
  icon: string;
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    viewsWelcome: { view: string; when: string }[];
    yamlValidation: { fileMatch: string | string[]; url: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
    walkthroughs: { id: string; steps: { media: { image: string } }[] }[];
  };
}

const manifest = read('package.json') as Manifest;
const nls = read('package.nls.json') as Record<string, string>;
const nlsZh = read('package.nls.zh-cn.json') as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('extension manifest and translations', () => {
  it('has every %key% of package.json in both nls files, and the same keys in both', () => {
    const used = [...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 30);
    assert.deepEqual(used.filter((key) => !(key in nls)), [], 'missing in package.nls.json');
    assert.deepEqual(used.filter((key) => !(key in nlsZh)), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsZh).sort());
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), [], 'nls keys nobody uses');
    for (const [key, value] of Object.entries(nlsZh)) assert.ok(key === 'command.category' || value !== nls[key], `${key} is not translated`);
  });

  it('has a Simplified Chinese translation for every runtime string of the extension', () => {
    const keys = new Set(bundleKeys('zh-CN'));
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(path.join(root, 'src/extension'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        used++;
        if (!keys.has(match[1])) missing.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    assert.ok(used > 60, `the scan found the t() calls (${used})`);
    assert.deepEqual(missing, []);
  });

  it('contributes the commands of the contract under the PI Audit category, titles in nls', () => {
    const ids = ['piAudit.scanWorkspace', 'piAudit.generateChecklist', 'piAudit.checkChecklist', 'piAudit.exportSarif', 'piAudit.showOutput', 'piAudit.openWalkthrough', 'piAudit.setDisposition', 'piAudit.inventory.toggleUndecided', 'piAudit.inventory.toggleSensitive', 'piAudit.revealField'];
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), [...ids].sort());
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%command\.[\w.]+%$/);
      assert.equal(nls[command.category.slice(1, -1)], 'PI Audit');
    }
    const registered = fs.readFileSync(path.join(root, 'src/extension/commands.ts'), 'utf8');
    for (const id of ids) assert.ok(registered.includes(`'${id}'`), `${id} is registered`);
  });

  it('activates lazily: on the schema file types, on .piaudit.yaml and on the languages the engine reads', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    for (const event of ['workspaceContains:**/*.{sql,prisma,proto,graphql,gql}', 'workspaceContains:**/.piaudit.yaml', 'onLanguage:sql', 'onLanguage:typescript', 'onLanguage:python', 'onLanguage:csv', 'onLanguage:plaintext']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
    // VS Code's own settings, launch and tsconfig files are jsonc, and the workbench fires
    // onLanguage:jsonc at startup in every window (code-server 4.100): PI Audit would activate
    // everywhere, in one batch with the JSON and TypeScript extensions, whose loading VS Code
    // then counts in PI Audit's activation time. `.jsonc` schemas are rare; json stays.
    assert.ok(!manifest.activationEvents.includes('onLanguage:jsonc'));
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('declares limited restricted-mode support and no virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(nls[manifest.capabilities.untrustedWorkspaces.description.slice(1, -1)].includes('no regular expressions'));
    assert.equal(manifest.capabilities.virtualWorkspaces, false);
  });

  it('scopes every setting to the resource (multi-root) and describes it in both languages', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['piAudit.checklistPath', 'piAudit.exclude', 'piAudit.include', 'piAudit.maxFileSize', 'piAudit.rules', 'piAudit.scanOnStartup', 'piAudit.sensitiveIdReading']);
    for (const [key, property] of Object.entries(properties)) assert.equal(property.scope, 'resource', key);
  });

  it('has its view, container icon, welcome view, YAML schemas, grammar and walkthrough media on disk', () => {
    assert.deepEqual(manifest.contributes.views.piAudit.map((v) => v.id), ['piAudit.inventory']);
    const container = manifest.contributes.viewsContainers.activitybar[0];
    assert.equal(container.id, 'piAudit');
    assert.equal(container.icon, 'media/pi-audit.svg');
    assert.ok(manifest.contributes.viewsWelcome.some((w) => w.view === 'piAudit.inventory' && w.when === '!piAudit.scanned'));
    const files = [
      container.icon, manifest.icon,
      ...manifest.contributes.yamlValidation.map((v) => v.url),
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.image)),
    ];
    for (const file of files) assert.ok(fs.existsSync(path.join(root, file)), file);
    assert.deepEqual(manifest.contributes.yamlValidation.map((v) => v.url), ['./schemas/pi-disposition.schema.json', './schemas/piaudit-config.schema.json']);
  });

  it('packages from an allow-list: nothing but the bundle, grammars, schemas, media and translations', () => {
    const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'everything is excluded first');
    assert.ok(lines.slice(1).every((l) => l.startsWith('!')), 'then only re-included');
    for (const forbidden of ['src', 'test', 'node_modules', 'scripts', '.map']) assert.ok(!lines.some((l) => l.includes(forbidden)), forbidden);
    // Activation's bundle, the core it loads after activation, and the analysis thread's.
    for (const bundle of ['dist/extension.js', 'dist/extensionCore.js', 'dist/analysisWorker.js']) assert.ok(lines.includes(`!${bundle}`), bundle);
    assert.match(manifest.scripts.package, /^vsce package --no-dependencies/);
  });
});
