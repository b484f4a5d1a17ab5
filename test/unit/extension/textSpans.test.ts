import { strict as assert } from 'node:assert';
import { annotationSpanOnLine, enclosingString, indentationOf, spanAt } from '../../../src/extension/textSpans';

describe('extension: where a diagnostic sits on its line', () => {
  it('covers a backquoted SQL column name without its quotes', () => {
    const line = '  `sfzh` varchar(18) DEFAULT NULL COMMENT \'身份证号\',';
    assert.deepEqual(spanAt(line, 3, ['sfzh']), { start: 3, end: 7 });
  });

  it('prefers the longest declared name or alias found at the column', () => {
    assert.deepEqual(spanAt('  receiverPhone!: string;', 3, ['receiver', 'receiverPhone']), { start: 2, end: 15 });
  });

  it('covers the whole @pi annotation of a declaration diagnostic', () => {
    const line = '  // @pi retain 3y';
    assert.deepEqual(spanAt(line, 6), { start: 5, end: 18 });
  });

  it('falls back to the word at the column, then to the rest of the line, and never runs past it', () => {
    assert.deepEqual(spanAt('    "mobile": "x"', 5), { start: 5, end: 11 });
    assert.deepEqual(spanAt('  (( weird', 3), { start: 2, end: 10 });
    assert.deepEqual(spanAt('', 9), { start: 0, end: 0 });
  });

  it('finds the only annotation on a line when no column says which', () => {
    assert.deepEqual(annotationSpanOnLine("  `sfzh` varchar COMMENT '身份证号 @pi anonymize method=hash',"), { start: 31, end: 56 });
    assert.equal(annotationSpanOnLine('// @pi delete @pi anonymize'), null);
    assert.deepEqual(annotationSpanOnLine('// @pi delete @pi anonymize', 14), { start: 14, end: 27 });
  });

  it('knows when a position is inside a string literal, and where the string closes', () => {
    assert.deepEqual(enclosingString("COMMENT 'it''s @pi x' -- y", 15), { quote: "'", close: 20 });
    assert.equal(enclosingString("COMMENT 'it''s' @pi", 16), null);
    assert.equal(enclosingString("-- it's @pi delete", 8), null, 'an apostrophe in a comment opens no string');
    assert.deepEqual(enclosingString('name = models.CharField("姓名 @pi delete", max_length=5)', 27), { quote: '"', close: 38 });
    assert.equal(enclosingString("x = 'open @pi", 9), null, 'a string that does not close on the line');
  });

  it('reads the indentation of a line', () => {
    assert.equal(indentationOf('\t  x'), '\t  ');
    assert.equal(indentationOf('x'), '');
  });
});
