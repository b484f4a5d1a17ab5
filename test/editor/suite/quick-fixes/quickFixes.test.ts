import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, findAction, quickFixesOnceOffered } from '../helpers/codeActions';
import { diagnosticsAt, piDiagnostics, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { activatePiAudit, type PiAuditTestApi } from '../helpers/extensionApi';
import { FileSnapshot, fileUri, openDocument, wordRange } from '../helpers/workspaceFiles';

const SQL = 'hr-db/hr_schema.sql';
const ENTITY = 'mall-api/src/entities/member.entity.ts';
const ADDRESS = 'mall-api/src/entities/member-address.entity.ts';
const MODEL = 'clinic/patients/models.py';
const CHECKLIST = 'pi-disposition.yaml';

/** Lines of `after` that are not in `before` (a multiset difference, enough for inserted annotations). */
function addedLines(before: string, after: string): string[] {
  const remaining = before.split('\n');
  return after.split('\n').filter((line) => {
    const index = remaining.indexOf(line);
    if (index < 0) return true;
    remaining.splice(index, 1);
    return false;
  });
}

describe('quick fixes', () => {
  let api: PiAuditTestApi;
  let snapshot: FileSnapshot;

  before(async () => {
    api = await activatePiAudit();
    await api.whenIdle();
  });
  beforeEach(() => {
    snapshot = new FileSnapshot([SQL, ENTITY, ADDRESS, MODEL]);
  });
  afterEach(async () => {
    await snapshot.restore();
    rmSync(fileUri(CHECKLIST).fsPath, { force: true });
    await api.whenIdle();
  });

  /**
   * Applies the quick fix titled `title` (or the preferred one) for `rule` on `word`, and waits
   * until `rule` has left the field (rules on a field) or the file (rules on a declaration,
   * which each fixture has once).
   */
  async function fix(relPath: string, word: string, line: string, rule: string, title: RegExp | 'preferred'): Promise<{ before: string; after: string; document: vscode.TextDocument }> {
    const document = await openDocument(relPath);
    // Opening a file re-analyses its buffer: ask for fixes once that settled, as a user would see them.
    await api.whenIdle();
    const range = wordRange(document, word, line);
    const onField = diagnosticsAt(document.uri, range).get(rule);
    const diagnostic = onField ?? piDiagnostics(document.uri).find((d) => ruleOf(d) === rule && d.range.start.line === range.start.line);
    assert.ok(diagnostic, `${rule} is not on ${word} before the fix`);
    const actions = await quickFixesOnceOffered(document.uri, diagnostic.range);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1, `exactly one preferred action: ${actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
    const action = title === 'preferred' ? actions.find((a) => a.isPreferred) as vscode.CodeAction : findAction(actions, title);
    const before = document.getText();
    await applyAction(action);
    const gone = onField
      ? () => !diagnosticsAt(document.uri, wordRange(document, word, line)).has(rule)
      : () => !piDiagnostics(document.uri).some((d) => ruleOf(d) === rule);
    try {
      await waitForDiagnostics(api, document.uri, gone, `${rule} to leave ${word} after "${action.title}"`, 10_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nlines the fix added: ${JSON.stringify(addedLines(before, document.getText()))}`, { cause: error });
    }
    return { before, after: document.getText(), document };
  }

  it('missing-disposition, preferred fix (TypeScript): a // @pi annotation above the field', async () => {
    const { before, after } = await fix(ENTITY, 'mobile', 'mobile!: string', 'pi/missing-disposition', 'preferred');
    const added = addedLines(before, after);
    assert.equal(added.length, 1, `one line added: ${JSON.stringify(added)}`);
    assert.match(added[0], /^\s*\/\/ @pi (delete|retain \S+ basis="[^"]+" then=destroy)\s*$/);
    const lines = after.split('\n');
    const annotation = lines.indexOf(added[0]);
    assert.ok(lines[annotation + 1]?.includes("name: 'mobile'"), `the annotation sits right above the field's decorator:\n${lines.slice(annotation - 2, annotation + 3).join('\n')}`);
  });

  it('missing-disposition, "@pi anonymize" (TypeScript)', async () => {
    const { before, after } = await fix(ENTITY, 'email', 'email!: string', 'pi/missing-disposition', /@pi anonymize/);
    assert.deepEqual(addedLines(before, after).map((l) => l.trim()), ['// @pi anonymize']);
  });

  it('missing-disposition, "not personal information" writes @pi ignore with a reason', async () => {
    const { before, after } = await fix(ENTITY, 'nickName', 'nickName!: string', 'pi/missing-disposition', /@pi ignore/);
    const added = addedLines(before, after);
    assert.equal(added.length, 1);
    assert.match(added[0], /\/\/ @pi ignore reason="[^"]+"/);
    assert.equal(api.inventory().find((i) => i.entity === 'Member' && i.field === 'nickName')?.state, 'ignored');
  });

  it('missing-disposition in SQL: the annotation uses SQL comment syntax', async () => {
    const { before, after } = await fix(SQL, 'xm', '`xm` varchar', 'pi/missing-disposition', 'preferred');
    const added = addedLines(before, after);
    const changed = added.join('\n');
    assert.match(changed, /(--|\/\*|COMMENT ').*@pi (delete|retain|anonymize)/, `SQL annotation: ${changed}`);
    // The other columns of the table are untouched and still reported.
    const document = await openDocument(SQL);
    assert.ok(diagnosticsAt(document.uri, wordRange(document, 'sjhm', '`sjhm` varchar')).has('pi/missing-disposition'));
  });

  it('missing-disposition in Python: a # @pi annotation', async () => {
    const { before, after } = await fix(MODEL, 'name', 'name = models.CharField("姓名"', 'pi/missing-disposition', /@pi anonymize/);
    assert.deepEqual(addedLines(before, after).map((l) => l.trim()), ['# @pi anonymize']);
  });

  it('sensitive-unprotected on a declared field: the preferred fix changes the disposition', async () => {
    // exam_report is transferred (annotation above it) but kept in the clear.
    const { before, after } = await fix(MODEL, 'exam_report', 'exam_report = models', 'pi/sensitive-unprotected', 'preferred');
    const added = addedLines(before, after);
    assert.equal(added.length, 1, `the annotation is replaced in place: ${JSON.stringify(added)}`);
    assert.match(added[0], /^\s*# @pi (delete|anonymize)\b/);
    assert.ok(!after.includes('# @pi transfer'), 'the old transfer annotation is gone');
  });

  it('a field flagged by two rules gets one set of declaration fixes that clears both', async () => {
    const { document } = await fix(MODEL, 'id_number', 'id_number = models', 'pi/sensitive-unprotected', 'preferred');
    const range = wordRange(document, 'id_number', 'id_number = models');
    assert.deepEqual([...diagnosticsAt(document.uri, range).keys()], []);
    assert.match(document.getText(), /# @pi (delete|anonymize|retain)/);
  });

  it('retain-without-basis: the fix adds a legal basis', async () => {
    const { after } = await fix(ADDRESS, '@pi', '// @pi retain 3y', 'pi/retain-without-basis', 'preferred');
    assert.match(after, /\/\/ @pi retain \S+ basis="[^"]+"/);
  });

  it('transfer-without-recipient: the fix asks for recipient and contact (defaults from .piaudit.yaml)', async () => {
    const { after } = await fix(ADDRESS, '@pi', '// @pi transfer\n'.trimEnd(), 'pi/transfer-without-recipient', 'preferred');
    assert.match(after, /\/\/ @pi transfer .*to="上海示例集团有限公司".*contact="dpo@example.com"/);
  });

  it('cross-border-transfer: the preferred fix declares the standard contract (Art. 38)', async () => {
    const { after } = await fix(ADDRESS, '@pi', 'Singapore', 'pi/cross-border-transfer', 'preferred');
    assert.match(after, /\/\/ @pi transfer .*mechanism=standard-contract/);
  });

  it('invalid-annotation: "remove" deletes the malformed annotation', async () => {
    const { before, after } = await fix(ADDRESS, '@pi', '// @pi purge', 'pi/invalid-annotation', /remove/i);
    assert.ok(before.includes('@pi purge') && !after.includes('@pi purge'), after);
    assert.ok(after.includes("name: 'postal_code'"), 'only the annotation is removed');
  });

  it('"record the decision in the checklist instead" writes pi-disposition.yaml and leaves the code alone', async () => {
    const { before, after } = await fix(SQL, 'jtdz', '`jtdz` varchar', 'pi/missing-disposition', /checklist/i);
    assert.equal(after, before, 'the SQL file is unchanged');
    const checklist = fileUri(CHECKLIST).fsPath;
    assert.ok(existsSync(checklist), 'pi-disposition.yaml was written');
    const text = readFileSync(checklist, 'utf8');
    assert.match(text, /id: hr-db\/hr_schema\.sql#employee\.jtdz[\s\S]*?declaredIn: checklist/, 'the decision is recorded for employee.jtdz');
  });

  it('fix all in file (source action) declares every undecided field of the entity', async () => {
    const document = await openDocument(ENTITY);
    const all = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActionsAt(document.uri, all, vscode.CodeActionKind.SourceFixAll.append('piAudit'));
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.every((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind)), 'context.only honoured: only fix-all actions');
    await applyAction(actions[0]);
    await waitForDiagnostics(api, document.uri, (d) => !d.some((x) => ruleOf(x) === 'pi/missing-disposition'), 'every missing disposition to be declared');
    assert.equal(document.getText().split('\n').filter((l) => l.includes('// @pi ')).length, 4, 'three new annotations beside the existing "@pi delete"');
  });

  it('honours context.only: refactor requests get no PI Audit action, quick-fix requests only quick fixes', async () => {
    const document = await openDocument(ENTITY);
    const range = diagnosticsAt(document.uri, wordRange(document, 'mobile', 'mobile!: string')).get('pi/missing-disposition')?.range;
    assert.ok(range);
    const refactors = await codeActionsAt(document.uri, range, vscode.CodeActionKind.Refactor);
    assert.deepEqual(refactors.filter((a) => /@pi|checklist|PI Audit|disposition/i.test(a.title)).map((a) => a.title), []);
    const quickFixes = await codeActionsAt(document.uri, range, vscode.CodeActionKind.QuickFix);
    assert.ok(quickFixes.length > 0);
    assert.ok(quickFixes.every((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)), quickFixes.map((a) => `${a.title}: ${a.kind?.value}`).join(' | '));
  });
});
