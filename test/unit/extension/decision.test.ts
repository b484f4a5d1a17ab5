import { strict as assert } from 'node:assert';
import { parseAnnotations } from '../../../src/core/disposition/annotation';
import { annotationText, checklistDisposition, decisionOf, type Decision } from '../../../src/extension/decision';

function parsedBack(text: string): Decision {
  const [parse] = parseAnnotations({ text: `-- ${text}`, line: 1, column: 1 });
  assert.ok(parse?.ok, `${text} does not parse: ${parse && !parse.ok ? parse.message : 'no annotation'}`);
  return decisionOf({ ...parse.disposition, source: 'annotation', declaredAt: { file: 'x', line: 1, column: 1 } });
}

describe('extension: annotation text', () => {
  const decisions: [Decision, string][] = [
    [{ action: 'delete' }, '@pi delete'],
    [{ action: 'anonymize', method: 'hash' }, '@pi anonymize method=hash'],
    [{ action: 'retain', period: '30y', basis: '会计档案管理办法 第十四条', then: 'destroy' }, '@pi retain 30y basis="会计档案管理办法 第十四条" then=destroy'],
    [{ action: 'transfer', to: '上海示例集团有限公司', contact: 'dpo@example.com' }, '@pi transfer to="上海示例集团有限公司" contact="dpo@example.com"'],
    [{ action: 'transfer', to: 'Example Pte. Ltd.', contact: '+65 6123 4567', mechanism: 'standard-contract' }, '@pi transfer to="Example Pte. Ltd." contact="+65 6123 4567" mechanism=standard-contract'],
    [{ action: 'ignore', reason: 'the store’s phone, not a person’s' }, '@pi ignore reason="the store’s phone, not a person’s"'],
  ];
  for (const [decision, text] of decisions) {
    it(`writes ${text} and the engine reads the same decision back`, () => {
      assert.equal(annotationText(decision), text);
      assert.deepEqual(parsedBack(text), decision);
    });
  }

  it('escapes quotes and backslashes, and ends at nothing inside the value (; */ -->)', () => {
    const decision: Decision = { action: 'ignore', reason: 'says "no"; see C:\\docs */ --> done' };
    assert.deepEqual(parsedBack(annotationText(decision)), decision);
  });

  it('collapses line breaks in a value to spaces (an annotation is one line)', () => {
    assert.equal(annotationText({ action: 'ignore', reason: 'two\nlines' }), '@pi ignore reason="two lines"');
  });

  it('writes the period for retain only, and skips empty values', () => {
    assert.equal(annotationText({ action: 'delete', period: '30y', basis: ' ' }), '@pi delete');
  });

  it('turns a decision into a checklist-declared disposition', () => {
    const disposition = checklistDisposition({ action: 'retain', period: '10y', basis: '税收征收管理法实施细则 第二十九条' }, { file: 'pi-disposition.yaml', line: 1, column: 1 });
    assert.equal(disposition.source, 'checklist');
    assert.deepEqual(disposition.period, { text: '10y', months: 120 });
    assert.equal(disposition.basis, '税收征收管理法实施细则 第二十九条');
  });
});
