import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/extract/lineIndex';

describe('LineIndex', () => {
  it('maps offsets to 1-based positions across LF, CRLF and CR line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.deepEqual(index.position(0), { line: 1, column: 1 });
    assert.deepEqual(index.position(text.indexOf('d')), { line: 2, column: 2 });
    assert.deepEqual(index.position(text.indexOf('e')), { line: 3, column: 1 });
    assert.deepEqual(index.position(text.indexOf('h')), { line: 4, column: 2 });
    assert.equal(index.lineCount, 4);
  });
});
