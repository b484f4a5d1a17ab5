import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsAt, waitForDiagnostics } from '../helpers/diagnostics';
import { activatePiAudit, EXTENSION_ID, manifest, type PiAuditTestApi } from '../helpers/extensionApi';
import { hoversAt } from '../helpers/hover';
import { openDocument, wordRange } from '../helpers/workspaceFiles';

const HAN = /\p{Script=Han}/u;

describe('in Chinese (display language zh-cn)', () => {
  let api: PiAuditTestApi;

  before(async () => {
    assert.equal(vscode.env.language, 'zh-cn', 'the harness should have set the display language');
    api = await activatePiAudit();
    await api.whenIdle();
  });

  it('shows command titles from package.nls.zh-cn.json', () => {
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath as string;
    const nls = JSON.parse(readFileSync(path.join(extensionPath, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    // VS Code hands localized titles to extensions as { value, original }.
    const commands = (manifest().contributes.commands ?? []) as { command: string; title: string | { value: string; original: string } }[];
    const title = (c: (typeof commands)[number]) => (typeof c.title === 'string' ? c.title : c.title.value);
    const generate = commands.find((c) => c.command === 'piAudit.generateChecklist');
    assert.ok(generate);
    assert.equal(title(generate), nls['command.generateChecklist']);
    for (const command of commands) assert.match(title(command), HAN, `${command.command} title "${title(command)}" is not Chinese`);
  });

  it('writes diagnostic messages in Chinese, naming the field and its category', async () => {
    const document = await openDocument('hr-db/hr_schema.sql');
    await waitForDiagnostics(api, document.uri, (all) => all.length > 0, 'diagnostics');
    const missing = diagnosticsAt(document.uri, wordRange(document, 'sfzh', '`sfzh` varchar')).get('pi/missing-disposition');
    assert.ok(missing, 'missing-disposition on sfzh');
    for (const expected of ['employee.sfzh', '身份证号', 'identity.id_number', '敏感', '第二十八条']) {
      assert.ok(missing.message.includes(expected), `"${missing.message}" should contain ${expected}`);
    }
  });

  it('links each rule to its section of the Chinese README', async () => {
    const document = await openDocument('hr-db/hr_schema.sql');
    const missing = diagnosticsAt(document.uri, wordRange(document, 'sfzh', '`sfzh` varchar')).get('pi/missing-disposition');
    const code = missing?.code;
    assert.ok(typeof code === 'object' && code !== null && 'target' in code, 'the diagnostic links to its documentation');
    assert.ok(code.target.path.endsWith('/README.zh-CN.md'), `target ${code.target.toString()}`);
    const readme = readFileSync(code.target.fsPath, 'utf8');
    assert.ok(readme.includes(`<a id="${code.target.fragment}"></a>`), `README.zh-CN.md has no anchor ${code.target.fragment}`);
  });

  it('writes the hover in Chinese', async () => {
    const document = await openDocument('hr-db/hr_schema.sql');
    const range = wordRange(document, 'sfzh', '`sfzh` varchar');
    const hover = (await hoversAt(document.uri, range.start.translate(0, 1))).find((h) => h.text.includes('employee.sfzh'));
    assert.ok(hover, 'a PI Audit hover on sfzh');
    assert.ok(hover.text.includes('身份证号'), hover.text);
    // Its own labels (category, disposition, legal options), not only the category name, are Chinese.
    const withoutCategory = hover.text.replace(/身份证号/g, '').replace(/"[^"]*"/g, '');
    assert.match(withoutCategory, HAN, `hover labels are not Chinese:\n${hover.text}`);
    assert.ok(!/Legal options|Category|Disposition/.test(hover.text), `English labels left in the hover:\n${hover.text}`);
  });

  it('shows the status bar in Chinese: 个人信息 N · 未决 N · 敏感 N', () => {
    const text = api.statusText();
    const match = /^\$\(shield\) 个人信息 (\d+) · 未决 (\d+) · 敏感 (\d+)$/.exec(text);
    assert.ok(match, `status text: ${text}`);
    assert.equal(Number(match[1]), api.inventory().length);
  });
});
