import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticsAt, piDiagnostics, rulesOnLine, ruleOf, waitForDiagnostics } from '../helpers/diagnostics';
import { activatePiAudit, type PiAuditTestApi } from '../helpers/extensionApi';
import { FileSnapshot, lineContaining, openDocument, wordRange } from '../helpers/workspaceFiles';

const { Error: ERROR, Warning: WARNING } = vscode.DiagnosticSeverity;

/** One field of a fixture and the diagnostics expected on its name. */
interface Expectation {
  field: string;
  /** Text of the line that declares it (the name alone can recur, e.g. in an INSERT). */
  line: string;
  rules: Record<string, vscode.DiagnosticSeverity>;
  /** Words the missing-disposition message must contain (entity.field, category label and id). */
  message?: string[];
}

const SQL = 'hr-db/hr_schema.sql';
const ENTITY = 'mall-api/src/entities/member.entity.ts';
const MODEL = 'clinic/patients/models.py';

const SQL_FIELDS: Expectation[] = [
  { field: 'emp_no', line: '`emp_no` varchar(20) NOT NULL COMMENT \'工号\',', rules: { 'pi/missing-disposition': WARNING, 'pi/soft-delete-only': WARNING } },
  { field: 'xm', line: '`xm` varchar', rules: { 'pi/missing-disposition': WARNING }, message: ['employee.xm', 'Name', 'basic.name'] },
  { field: 'sfzh', line: '`sfzh` varchar', rules: { 'pi/missing-disposition': ERROR, 'pi/sensitive-unprotected': WARNING }, message: ['employee.sfzh', 'Resident ID number', 'identity.id_number', 'sensitive', 'PIPL Art. 28'] },
  { field: 'sjhm', line: '`sjhm` varchar', rules: { 'pi/missing-disposition': WARNING }, message: ['employee.sjhm', 'basic.phone'] },
  { field: 'jtdz', line: '`jtdz` varchar', rules: { 'pi/missing-disposition': WARNING } },
  { field: 'hyzk', line: '`hyzk` char', rules: { 'pi/missing-disposition': ERROR, 'pi/sensitive-unprotected': WARNING }, message: ['employee.hyzk', 'other.marital'] },
  // payroll: the table's "@pi retain 30y basis=…" covers both fields; the card number is encrypted.
  { field: 'gross_salary', line: '`gross_salary`', rules: { 'pi/sensitive-unprotected': WARNING } },
  { field: 'salary_card_no', line: '`salary_card_no`', rules: {} },
  // Not PI at all: keys, timestamps, a warehouse's own name and phone.
  { field: 'dept_id', line: '`dept_id`', rules: {} },
  { field: 'create_time', line: '`create_time`', rules: {} },
  { field: 'name', line: '`name` varchar(100) COMMENT \'仓库名称\'', rules: {} },
  { field: 'phone', line: '`phone` varchar(30) COMMENT \'仓库电话\'', rules: {} },
];

const ENTITY_FIELDS: Expectation[] = [
  { field: 'nickName', line: 'nickName!: string', rules: { 'pi/missing-disposition': WARNING }, message: ['Member.nickName', 'network.account'] },
  { field: 'mobile', line: 'mobile!: string', rules: { 'pi/missing-disposition': WARNING }, message: ['Member.mobile', 'Phone number', 'basic.phone'] },
  { field: 'email', line: 'email!: string', rules: { 'pi/missing-disposition': WARNING } },
  { field: 'birthday', line: 'birthday!: Date', rules: {} }, // "// @pi delete" above it
  { field: 'createdAt', line: 'createdAt!: Date', rules: {} },
];

const MODEL_FIELDS: Expectation[] = [
  { field: 'name', line: 'name = models.CharField("姓名"', rules: { 'pi/missing-disposition': WARNING }, message: ['Patient.name', 'basic.name'] },
  { field: 'id_number', line: 'id_number = models', rules: { 'pi/missing-disposition': ERROR, 'pi/sensitive-unprotected': WARNING }, message: ['Patient.id_number', 'identity.id_number', 'sensitive'] },
  { field: 'blood_type', line: 'blood_type = models', rules: { 'pi/missing-disposition': ERROR, 'pi/sensitive-unprotected': WARNING }, message: ['Patient.blood_type', 'health.physiology'] },
  { field: 'allergy_history', line: 'allergy_history = models', rules: { 'pi/missing-disposition': ERROR, 'pi/sensitive-unprotected': WARNING } },
  // Transferred to the health-management successor (annotation above it), still kept in the clear.
  { field: 'exam_report', line: 'exam_report = models', rules: { 'pi/sensitive-unprotected': WARNING } },
];

describe('diagnostics', () => {
  let api: PiAuditTestApi;

  before(async () => {
    api = await activatePiAudit();
    await api.whenIdle();
  });

  for (const [file, fields] of [[SQL, SQL_FIELDS], [ENTITY, ENTITY_FIELDS], [MODEL, MODEL_FIELDS]] as const) {
    it(`${file}: the right rules, severities and ranges on each field name`, async () => {
      const document = await openDocument(file);
      await waitForDiagnostics(api, document.uri, (all) => all.length > 0, 'the first diagnostics');
      const expectedCount = fields.reduce((sum, f) => sum + Object.keys(f.rules).length, 0);
      for (const expectation of fields) {
        const range = wordRange(document, expectation.field, expectation.line);
        const found = diagnosticsAt(document.uri, range);
        const onLine = rulesOnLine(document.uri, range.start.line);
        assert.deepEqual([...found.keys()].sort(), Object.keys(expectation.rules).sort(), `${file}:${range.start.line + 1} ${expectation.field}: rules on the field name (all rules on the line: ${onLine.join(', ') || 'none'})`);
        for (const [rule, severity] of Object.entries(expectation.rules)) {
          assert.equal(found.get(rule)?.severity, severity, `${expectation.field} ${rule} severity`);
        }
        const message = found.get('pi/missing-disposition')?.message ?? '';
        for (const word of expectation.message ?? []) assert.ok(message.includes(word), `${expectation.field}: "${message}" should mention ${word}`);
      }
      // Nothing beyond the expected fields is reported on field lines of this file.
      const onFields = piDiagnostics(document.uri).filter((d) => ruleOf(d) !== 'pi/invalid-annotation');
      assert.equal(onFields.length, expectedCount, `diagnostics in ${file}: ${onFields.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`).join(', ')}`);
    });
  }

  it('every diagnostic has source "PI Audit" and its rule id linking to the README section', async () => {
    const document = await openDocument(SQL);
    const diagnostics = piDiagnostics(document.uri);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code !== null && 'target' in code, `code of "${diagnostic.message}" has no target`);
      assert.match(String(code.value), /^pi\/[a-z-]+$/);
      assert.ok(code.target.path.endsWith('/README.md'), `target ${code.target.toString()}`);
      assert.equal(code.target.fragment, String(code.value).replace('/', '-'));
      // The link lands on a real section: the README shipped with the extension has that anchor.
      const readme = readFileSync(code.target.fsPath, 'utf8');
      assert.ok(readme.includes(`<a id="${code.target.fragment}"></a>`), `README.md has no anchor ${code.target.fragment}`);
    }
  });

  it('points at the evidence found elsewhere as related information', async () => {
    const model = await openDocument(MODEL);
    const idNumber = diagnosticsAt(model.uri, wordRange(model, 'id_number', 'id_number = models')).get('pi/missing-disposition');
    const purge = idNumber?.relatedInformation?.find((r) => r.location.uri.path.endsWith('/clinic/patients/tasks.py'));
    assert.ok(purge, `missing-disposition on Patient.id_number should relate to the purge job in tasks.py: ${JSON.stringify(idNumber?.relatedInformation)}`);
    const tasks = await openDocument('clinic/patients/tasks.py');
    assert.equal(purge.location.range.start.line, lineContaining(tasks, 'Patient.objects.filter'));
    assert.match(purge.message, /delete/i);

    const sql = await openDocument(SQL);
    const softDelete = diagnosticsAt(sql.uri, wordRange(sql, 'emp_no', '`emp_no` varchar(20) NOT NULL COMMENT \'工号\',')).get('pi/soft-delete-only');
    assert.equal(softDelete?.relatedInformation?.[0]?.location.range.start.line, lineContaining(sql, '`del_flag`'));
  });

  it('declaration problems sit on the annotation', async () => {
    const document = await openDocument('mall-api/src/entities/member-address.entity.ts');
    await waitForDiagnostics(api, document.uri, (all) => all.length > 0, 'diagnostics');
    const expectations: [string, string][] = [
      ['// @pi retain 3y', 'pi/retain-without-basis'],
      ['// @pi transfer\n', 'pi/transfer-without-recipient'],
      ['Singapore', 'pi/cross-border-transfer'],
      ['// @pi purge', 'pi/invalid-annotation'],
    ];
    for (const [needle, rule] of expectations) {
      const line = lineContaining(document, needle.trimEnd());
      assert.ok(rulesOnLine(document.uri, line).includes(rule), `${rule} on line ${line + 1}: ${rulesOnLine(document.uri, line).join(', ')}`);
    }
  });

  it('never shows a PI value whole, even for the INSERT row with a real-looking ID number', async () => {
    const document = await openDocument(SQL);
    const diagnostics = await waitForDiagnostics(api, document.uri, (all) => all.length > 0, 'diagnostics');
    const texts = diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]);
    for (const text of texts) {
      assert.ok(!text.includes('11010519491231002X'), text);
      assert.ok(!text.includes('13800138000'), text);
    }
  });

  describe('as the user types', () => {
    let snapshot: FileSnapshot;
    beforeEach(() => {
      snapshot = new FileSnapshot([ENTITY]);
    });
    afterEach(async () => {
      await snapshot.restore();
      await api.whenIdle();
    });

    it('an unsaved @pi annotation clears the field\'s diagnostic, and undoing it brings it back', async () => {
      const document = await openDocument(ENTITY);
      await vscode.window.showTextDocument(document);
      const range = wordRange(document, 'mobile', 'mobile!: string');
      const decorator = lineContaining(document, "name: 'mobile'");
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(decorator, 0), '  // @pi delete\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(document.isDirty, 'the edit stays unsaved: diagnostics follow the buffer, not the disk');
      const moved = range.with(range.start.translate(1), range.end.translate(1));
      await waitForDiagnostics(api, document.uri, () => !diagnosticsAt(document.uri, moved).has('pi/missing-disposition'), 'mobile to be declared');

      await vscode.commands.executeCommand('undo');
      await waitForDiagnostics(api, document.uri, () => diagnosticsAt(document.uri, range).has('pi/missing-disposition'), 'mobile to be undeclared again');
    });
  });
});
