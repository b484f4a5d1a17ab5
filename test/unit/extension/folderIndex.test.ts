import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import checklistSchema from '../../../schemas/pi-disposition.schema.json';
import { mergeChecklist } from '../../../src/core/checklist/mergeChecklist';
import { readChecklistDecisions } from '../../../src/core/checklist/readChecklistDecisions';
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { PiAuditConfig } from '../../../src/core/config/model';
import { Engine } from '../../../src/core/engine';
import { FolderIndex, engineReads, recordingEngine } from '../../../src/core/scan/auditDocument';
import { systemName } from '../../../src/core/scan/auditFields';
import type { ScanResult } from '../../../src/core/scan/scanResult';
import { scanWorkspace } from '../../../src/core/scan/scanWorkspace';
import { recordDecision } from '../../../src/extension/checklistDecision';
import { checklistInputFor } from '../../../src/core/checklist/checklistInput';
import { checklistDisposition } from '../../../src/extension/decision';

const root = path.join(__dirname, '../../../examples/subsidiary');

describe('engine facade for the editor: a folder index re-audited after one document changes', () => {
  let config: PiAuditConfig;
  let engine: Engine;
  let index: FolderIndex;
  let scanned: ScanResult;
  const system = (): string => systemName(root, config);

  before(async () => {
    config = (await loadConfig({ folder: root })).config;
    engine = new Engine(config);
    index = new FolderIndex();
    scanned = await scanWorkspace({ root, config, lang: 'en', engine: recordingEngine(engine, (analysis, text) => index.set(analysis, text)) });
  });

  it('records every file the workspace scan analysed, and audits to the same result as the scan', () => {
    assert.equal(index.size, scanned.files);
    const audit = index.audit({ config, lang: 'en', system: system() });
    assert.deepEqual(audit.diagnostics, scanned.diagnostics);
    assert.deepEqual(audit.fields.map((f) => f.id), scanned.fields.map((f) => f.id));
    const result = index.scanResult(audit, { root, skipped: scanned.skipped, ms: 0 });
    assert.equal(result.files, scanned.files);
    assert.equal(result.bytes, scanned.bytes);
    assert.deepEqual(result.values, scanned.values);
  });

  it('an edited buffer replaces its file: only that file’s findings change, evidence in other files still counts', async () => {
    const file = 'hr-db/hr_schema.sql';
    const text = index.text(file);
    assert.ok(text);
    const edited = text.replace('  `jtdz`', '  -- @pi delete\n  `jtdz`');
    const copy = new FolderIndex();
    copy.replaceWith(index);
    copy.set(await engine.analyze(file, edited), edited);
    const before = index.audit({ config, lang: 'en', system: system() });
    const after = copy.audit({ config, lang: 'en', system: system() });
    const missing = (a: typeof before): string[] => a.diagnostics.filter((d) => d.rule === 'pi/missing-disposition').map((d) => d.fieldId);
    assert.deepEqual(missing(before).filter((id) => !missing(after).includes(id)), [`${file}#employee.jtdz`]);
    assert.equal(after.fields.find((f) => f.id === `${file}#employee.jtdz`)?.disposition?.action, 'delete');
    assert.equal(index.text(file), text, 'the original index is untouched');
    assert.equal(copy.delete(file), true);
    assert.equal(copy.has(file), false);
  });

  it('tells which files an extractor reads', () => {
    assert.equal(engineReads(engine, 'a.sql', 'CREATE TABLE t (a int);'), true);
    assert.equal(engineReads(engine, 'notes.md', '# notes'), false);
  });

  describe('recording a decision in the checklist', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(checklistSchema);
    const target = 'hr-db/hr_schema.sql#employee.jtdz';

    function record(existing: string | undefined, action: 'delete' | 'retain', extra: Record<string, string> = {}): string {
      const audit = index.audit({ config, lang: 'en', system: system() });
      const disposition = checklistDisposition({ action, ...extra }, { file: 'pi-disposition.yaml', line: 1, column: 1 });
      const input = checklistInputFor(audit, config, system(), { fieldId: target, disposition });
      return recordDecision(existing, input, { system: system(), fieldId: target, disposition }, 'pi-disposition.yaml');
    }

    it('writes a new checklist with the decision, declared in the checklist, valid against the schema', () => {
      const text = record(undefined, 'delete');
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
      const decisions = readChecklistDecisions(text, { system: system() });
      assert.equal(decisions.get(target)?.action, 'delete');
      assert.equal(decisions.get(target)?.source, 'checklist');
      assert.equal(decisions.size, 1, 'no other field is decided in the checklist');
    });

    it('keeps human edits, replaces an earlier checklist decision and counts it in the summary', () => {
      const first = record(undefined, 'delete');
      const edited = first.replace(/(id: hr-db\/hr_schema\.sql#employee\.xm[\s\S]*?owner: )""/, '$1张经理');
      assert.notEqual(edited, first, 'the test edited an owner');
      const second = record(edited, 'retain', { period: '2y', basis: '劳动合同法 第五十条' });
      assert.ok(second.includes('owner: 张经理'), 'the human edit stays');
      const decision = readChecklistDecisions(second, { system: system() }).get(target);
      assert.equal(decision?.action, 'retain');
      assert.equal(decision?.period?.text, '2y');
      assert.equal(decision?.basis, '劳动合同法 第五十条');
      const summary = (parse(second) as { summary: { decided: number } }).summary;
      const generated = (parse(mergeChecklist(undefined, checklistInputFor(index.audit({ config, lang: 'en', system: system() }), config, system()))) as { summary: { decided: number } }).summary;
      assert.equal(summary.decided, generated.decided + 1);
    });
  });
});
