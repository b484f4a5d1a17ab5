import assert from 'node:assert/strict';
import { activatePiAudit } from '../helpers/extensionApi';
import { hoversAt } from '../helpers/hover';
import { openDocument, wordRange } from '../helpers/workspaceFiles';

/** The PI Audit hover among those at a position (other providers may add theirs). */
async function piHover(relPath: string, word: string, line: string): Promise<{ text: string; trusted: boolean }> {
  const document = await openDocument(relPath);
  const range = wordRange(document, word, line);
  const hovers = await hoversAt(document.uri, range.start.translate(0, 1));
  const hover = hovers.find((h) => h.text.includes('PI Audit'));
  assert.ok(hover, `no PI Audit hover on ${word}: ${JSON.stringify(hovers)}`);
  return hover;
}

describe('hover', () => {
  before(async () => {
    await (await activatePiAudit()).whenIdle();
  });

  it('explains a sensitive SQL column: category, reasons, no disposition, legal options with citations', async () => {
    const { text, trusted } = await piHover('hr-db/hr_schema.sql', 'sfzh', '`sfzh` varchar');
    assert.equal(trusted, false, 'hover markdown must not be trusted (it carries document text)');
    for (const expected of ['employee.sfzh', 'Resident ID number', 'identity.id_number', 'sensitive', 'Art. 28', '身份证号', 'Art. 47', 'Art. 73', 'Art. 22']) {
      assert.ok(text.includes(expected), `hover should mention ${expected}:\n${text}`);
    }
    for (const action of ['delete', 'anonymize', 'transfer', 'retain']) assert.match(text, new RegExp(`\\b${action}\\b`), `legal option ${action}`);
  });

  it('never shows the sample ID number or phone of the INSERT row whole', async () => {
    const { text } = await piHover('hr-db/hr_schema.sql', 'sfzh', '`sfzh` varchar');
    assert.ok(!text.includes('11010519491231002X'), text);
    assert.ok(!text.includes('13800138000'), text);
  });

  it('shows the disposition in force and where it was declared', async () => {
    const { text } = await piHover('hr-db/hr_schema.sql', 'gross_salary', '`gross_salary`');
    assert.ok(text.includes('retain 30y'), text);
    assert.ok(text.includes('会计档案管理办法'), text);
    assert.match(text, /hr-db\/hr_schema\.sql:\d+/, 'the place of the declaration');
  });

  it('shows the evidence of handling found in the code', async () => {
    const { text } = await piHover('clinic/patients/models.py', 'id_number', 'id_number = models');
    assert.ok(text.includes('Patient.id_number'), text);
    assert.ok(text.includes('clinic/patients/tasks.py'), `evidence of the purge job:\n${text}`);
  });

  it('escapes document text: a field name never becomes markup', async () => {
    const { text } = await piHover('mall-api/src/entities/member.entity.ts', 'nickName', 'nickName!: string');
    assert.ok(text.includes('Member.nickName'), text);
    assert.ok(!/\]\(command:/.test(text), 'no command links in the hover');
  });
});
