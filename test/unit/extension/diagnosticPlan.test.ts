import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../../src/core/rules/model';
import type { AuditedField } from '../../../src/core/scan/scanResult';
import { diagnosticSpan, planDiagnostics } from '../../../src/extension/diagnosticPlan';

function diagnostic(file: string, line: number, message = 'xm: no disposition'): Diagnostic {
  return { rule: 'pi/missing-disposition', severity: 'warning', file, line, column: 4, message, fieldId: `${file}#t.xm` };
}

describe('extension: what an audit changes in the Problems panel', () => {
  it('sends every file the first time, then only files whose diagnostics or document version changed', () => {
    const first = planDiagnostics([diagnostic('a.sql', 2), diagnostic('b.sql', 3), diagnostic('a.sql', 5)], new Map(), () => '');
    assert.deepEqual(first.changed.map((c) => [c.file, c.diagnostics.map((d) => d.line)]), [['a.sql', [2, 5]], ['b.sql', [3]]]);
    assert.deepEqual(first.removed, []);

    const same = planDiagnostics([diagnostic('a.sql', 2), diagnostic('b.sql', 3), diagnostic('a.sql', 5)], first.signatures, () => '');
    assert.deepEqual(same.changed, []);

    const edited = planDiagnostics([diagnostic('a.sql', 2), diagnostic('b.sql', 3), diagnostic('a.sql', 5)], first.signatures, (file) => (file === 'a.sql' ? '7' : ''));
    assert.deepEqual(edited.changed.map((c) => c.file), ['a.sql'], 'a newer document version moves ranges: sent again');

    const moved = planDiagnostics([diagnostic('a.sql', 2), diagnostic('b.sql', 4)], edited.signatures, (file) => (file === 'a.sql' ? '7' : ''));
    assert.deepEqual(moved.changed.map((c) => [c.file, c.diagnostics.length]), [['a.sql', 1], ['b.sql', 1]]);
  });

  it('clears files that have no diagnostics any more', () => {
    const first = planDiagnostics([diagnostic('a.sql', 2), diagnostic('b.sql', 3)], new Map(), () => '');
    const next = planDiagnostics([diagnostic('b.sql', 3)], first.signatures, () => '');
    assert.deepEqual(next.removed, ['a.sql']);
    assert.deepEqual([...next.signatures.keys()], ['b.sql']);
  });

  it('puts a diagnostic on the field’s name when it sits on the field, else on the word at its column', () => {
    const field = { file: 'a.sql', line: 2, column: 4, field: 'xm', fieldAliases: ['full name'] } as AuditedField;
    assert.deepEqual(diagnosticSpan(diagnostic('a.sql', 2), field, '  "full name" text'), { start: 3, end: 12 });
    assert.deepEqual(diagnosticSpan(diagnostic('a.sql', 2), undefined, '  "full name" text'), { start: 3, end: 7 });
    assert.deepEqual(diagnosticSpan(diagnostic('a.sql', 3), field, '  "full name" text'), { start: 3, end: 7 }, 'on another line than the field: not its name');
    assert.deepEqual(diagnosticSpan({ ...diagnostic('a.sql', 9), column: 6 }, field, '  -- @pi retain 2y'), { start: 5, end: 18 });
  });
});
