import { strict as assert } from 'node:assert';
import { codeLoadTime } from '../../../src/extension/codeLoadTime';

describe('extension: how long the extension host took to load the code', () => {
  const marks = [
    { name: 'code/extHost/willLoadExtensionCode/vscode.git', startTime: 1000 },
    { name: 'code/extHost/willLoadExtensionCode/pi-audit.pi-audit', startTime: 1200 },
    { name: 'code/extHost/didLoadExtensionCode/vscode.git', startTime: 1100 },
    { name: 'code/extHost/didLoadExtensionCode/pi-audit.pi-audit', startTime: 1237 },
  ];

  it('is the time between the host’s marks around this extension’s require', () => {
    assert.equal(codeLoadTime('pi-audit.pi-audit', { MonacoPerformanceMarks: { getMarks: () => marks } }), 37);
  });

  it('is unknown outside an extension host that sets those marks', () => {
    assert.equal(codeLoadTime('pi-audit.pi-audit', {}), undefined);
    assert.equal(codeLoadTime('pi-audit.pi-audit', { MonacoPerformanceMarks: { getMarks: () => marks.slice(0, 2) } }), undefined);
  });
});
