import { strict as assert } from 'node:assert';
import type { AssessedField, Disposition } from '../../../src/core/disposition/model';
import { Localizer } from '../../../src/core/i18n/localizer';
import { annotationText } from '../../../src/extension/decision';
import { defaultDecision, planFixes, type FixContext, type FixPlan } from '../../../src/extension/fixPlans';
import { finding } from '../disposition/findingFixture';

const l10n = new Localizer('en');
const at = (line: number): Disposition['declaredAt'] => ({ file: 'a.ts', line, column: 6 });
const annotation = (d: Partial<Disposition> & Pick<Disposition, 'action'>): Disposition => ({ extra: {}, source: 'annotation', declaredAt: at(12), ...d });

const xm: AssessedField = { finding: finding({ entity: 'employee', field: 'xm', category: 'basic.name' }), disposition: null, evidence: [], invalid: [] };
const sfzh: AssessedField = { finding: finding({ entity: 'employee', field: 'sfzh', category: 'identity.id_number', sensitive: true }), disposition: null, evidence: [], invalid: [] };
const salary: AssessedField = { finding: finding({ entity: 'payroll', field: 'gross_salary', category: 'property.income', sensitive: true }), disposition: null, evidence: [], invalid: [] };

function plans(rule: string, field: AssessedField, overrides: Partial<FixContext> = {}): FixPlan[] {
  return planFixes({ rule, field, folderKey: 'file:///ws', canInsert: true, site: { line: 10, column: 3, replaceable: false }, lang: 'en', ...overrides }, l10n);
}

function summary(list: FixPlan[]): string[] {
  return list.map((p) => `${p.preferred ? '*' : ''}${p.kind === 'insert' || p.kind === 'replace' ? `${p.kind} ${annotationText(p.decision)}` : p.kind === 'command' ? `${p.command} ${JSON.stringify(p.options ?? {})}` : p.kind}`);
}

describe('extension: quick fixes per rule', () => {
  it('undeclared field: delete (preferred), anonymize, transfer…, retain…, not PI, checklist', () => {
    assert.deepEqual(summary(plans('pi/missing-disposition', xm)), [
      '*insert @pi delete',
      'insert @pi anonymize',
      'piAudit.setDisposition {"folder":"file:///ws","action":"transfer","target":"annotation"}',
      'piAudit.setDisposition {"folder":"file:///ws","action":"retain","target":"annotation"}',
      'insert @pi ignore reason="not personal information"',
      'piAudit.setDisposition {"folder":"file:///ws","target":"checklist"}',
    ]);
  });

  it('undeclared field under a retention duty: the preferred fix keeps it for the longest duty (never a conflicting delete)', () => {
    const list = plans('pi/missing-disposition', salary);
    assert.equal(summary(list)[0], '*insert @pi retain 10y basis="税收征收管理法实施细则 (Tax Collection Law Implementing Rules) Art. 29" then=destroy');
    assert.ok(!summary(list).includes('insert @pi delete'));
    assert.deepEqual(defaultDecision(xm, 'en'), { action: 'delete' });
  });

  it('sensitive PI kept in the clear: anonymize is preferred', () => {
    assert.deepEqual(summary(plans('pi/sensitive-unprotected', sfzh)).slice(0, 2), ['*insert @pi anonymize', 'insert @pi delete']);
  });

  it('a file without comments (JSON): only the checklist, preferred', () => {
    assert.deepEqual(summary(plans('pi/missing-disposition', xm, { canInsert: false })), ['*piAudit.setDisposition {"folder":"file:///ws","target":"checklist"}']);
  });

  it('retain without a basis: completes the annotation in place, keeping its period', () => {
    const field = { ...xm, disposition: annotation({ action: 'retain', period: { text: '3y', months: 36 } }) };
    assert.deepEqual(summary(plans('pi/retain-without-basis', field, { site: { line: 12, column: 6, replaceable: true } })), [
      '*piAudit.setDisposition {"folder":"file:///ws","action":"retain","target":"annotation","period":"3y","replace":{"line":12,"column":6}}',
    ]);
    const duty = { ...salary, disposition: annotation({ action: 'retain', period: { text: '3y', months: 36 } }) };
    assert.equal(summary(plans('pi/retention-conflict', duty, { site: { line: 12, column: 6, replaceable: true } }))[0], '*replace @pi retain 10y basis="税收征收管理法实施细则 (Tax Collection Law Implementing Rules) Art. 29" then=destroy');
  });

  it('transfer without recipient: asks for the missing parts, replacing the annotation', () => {
    const field = { ...xm, disposition: annotation({ action: 'transfer' }) };
    assert.deepEqual(summary(plans('pi/transfer-without-recipient', field, { site: { line: 12, column: 6, replaceable: true } })), [
      '*piAudit.setDisposition {"folder":"file:///ws","action":"transfer","target":"annotation","replace":{"line":12,"column":6}}',
    ]);
  });

  it('cross-border transfer: one replacement per Art. 38 mechanism, the standard contract preferred', () => {
    const field = { ...xm, disposition: annotation({ action: 'transfer', to: 'Example Pte. Ltd.', contact: 'dpo@example.sg' }) };
    assert.deepEqual(summary(plans('pi/cross-border-transfer', field, { site: { line: 12, column: 6, replaceable: true } })), [
      'replace @pi transfer to="Example Pte. Ltd." contact="dpo@example.sg" mechanism=security-assessment',
      'replace @pi transfer to="Example Pte. Ltd." contact="dpo@example.sg" mechanism=certification',
      '*replace @pi transfer to="Example Pte. Ltd." contact="dpo@example.sg" mechanism=standard-contract',
    ]);
  });

  it('a decision recorded in the checklist is corrected in the checklist', () => {
    const field = { ...xm, disposition: { ...annotation({ action: 'transfer' }), source: 'checklist' as const } };
    const [plan] = plans('pi/transfer-without-recipient', field);
    assert.ok(plan.kind === 'command' && plan.options?.target === 'checklist');
  });

  it('malformed annotation: replace (asks for the action) or remove', () => {
    assert.deepEqual(summary(plans('pi/invalid-annotation', xm, { site: { line: 25, column: 6, replaceable: true } })), [
      '*piAudit.setDisposition {"folder":"file:///ws","target":"annotation","replace":{"line":25,"column":6}}',
      'remove',
    ]);
  });

  it('a stale checklist: regenerate it', () => {
    assert.deepEqual(summary(plans('pi/checklist-stale', xm)), ['*piAudit.generateChecklist {}']);
  });

  it('exactly one preferred fix for every rule and situation', () => {
    const rules = ['pi/missing-disposition', 'pi/sensitive-unprotected', 'pi/soft-delete-only', 'pi/retain-without-basis', 'pi/retention-conflict', 'pi/transfer-without-recipient', 'pi/cross-border-transfer', 'pi/invalid-annotation', 'pi/checklist-stale'];
    const fields = [xm, sfzh, salary, { ...xm, disposition: annotation({ action: 'retain' }) }, { ...xm, disposition: annotation({ action: 'transfer', to: 'Acme Inc.', contact: 'x@acme.us' }) }];
    for (const rule of rules) {
      for (const field of fields) {
        for (const canInsert of [true, false]) {
          for (const replaceable of [true, false]) {
            const list = plans(rule, field, { canInsert, site: { line: 12, column: 6, replaceable } });
            if (list.length === 0) continue;
            assert.equal(list.filter((p) => p.preferred).length, 1, `${rule} ${field.finding.field} ${canInsert} ${replaceable}: ${summary(list).join(' | ')}`);
          }
        }
      }
    }
  });
});
