import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { ProgressLine } from '../../../src/cli/progress';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('ProgressLine', () => {
  it('draws and clears one line on a terminal', () => {
    const sink = new Sink();
    const progress = new ProgressLine(sink, true);
    progress.update('Scanning 10 files…', 10, 10);
    assert.ok(sink.text.includes('\r\u001b[2KScanning 10 files… 10/10 (100%)'), JSON.stringify(sink.text));
    progress.clear();
    assert.ok(sink.text.endsWith('\r\u001b[2K'));
  });

  it('writes nothing when disabled (CI, pipes, --quiet)', () => {
    const sink = new Sink();
    const progress = new ProgressLine(sink, false);
    progress.update('Scanning', 1, 2);
    progress.clear();
    assert.equal(sink.text, '');
  });
});
