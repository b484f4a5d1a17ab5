import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { PiAuditConfig } from '../../../src/core/config/model';
import { scanLines } from '../../../src/core/disposition/evidence/lineEvidence';
import { Engine } from '../../../src/core/engine';
import { FolderIndex, recordingEngine } from '../../../src/core/scan/auditDocument';
import { systemName } from '../../../src/core/scan/auditFields';
import { scanWorkspace } from '../../../src/core/scan/scanWorkspace';
import { AnalysisThread, analysisThreadEntry } from '../../../src/extension/analysisThread';

const example = path.join(__dirname, '../../../examples/subsidiary');
const sourceDir = path.join(__dirname, '../../../src/extension');

describe('extension: the analysis thread', function () {
  // The thread starts from TypeScript sources through tsx, and compiles its grammars once.
  this.timeout(60_000);
  let root: string;
  let config: PiAuditConfig;
  let thread: AnalysisThread;
  const problems: string[] = [];

  before(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pi-audit-thread-'));
    root = path.join(dir, 'subsidiary');
    cpSync(example, root, { recursive: true, filter: (source) => !['pi-disposition.yaml', '.piaudit-cache'].includes(path.basename(source)) });
    config = (await loadConfig({ folder: root })).config;
    const entry = analysisThreadEntry(sourceDir);
    assert.ok(entry?.isEval, 'from sources, the thread runs analysisWorker.ts through tsx');
    thread = new AnalysisThread({ entry, onProblem: (message) => problems.push(message) });
    thread.configure('folder', config);
  });

  after(() => {
    thread.dispose();
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('analyses a document as the engine does, with the evidence line scan of its text', async () => {
    const text = "CREATE TABLE member (\n  sfzh varchar(18) COMMENT '身份证号',\n  sjhm varchar(11) COMMENT '手机号'\n);\nDELETE FROM member WHERE id = 1;\n";
    const { analysis, lines } = await thread.analyze('folder', 'db/member.sql', text);
    const expected = await new Engine(config).analyze('db/member.sql', text);
    assert.deepEqual(analysis, { ...expected, entities: [] });
    assert.deepEqual(analysis.fields.map((f) => f.field), ['sfzh', 'sjhm']);
    assert.deepEqual(lines, scanLines(text));
  });

  it('scans a folder to the same audit as the engine’s own scan, handing over every file with its text', async () => {
    const index = new FolderIndex();
    const { skipped } = await thread.scan('folder', root, { onFile: (file, text) => index.set(file.analysis, text, file.lines) });
    const local = new FolderIndex();
    const scanned = await scanWorkspace({ root, config, lang: 'en', engine: recordingEngine(new Engine(config), (analysis, text) => local.set(analysis, text)) });
    assert.deepEqual(index.files().sort(), local.files().sort());
    assert.deepEqual(skipped, scanned.skipped);
    for (const file of local.files()) assert.equal(index.text(file), local.text(file));
    const system = systemName(root, config);
    assert.deepEqual(index.audit({ config, lang: 'en', system }).diagnostics, scanned.diagnostics);
    assert.ok(scanned.diagnostics.length > 5);
  });

  it('stops a scan when its signal aborts', async () => {
    const controller = new AbortController();
    const files: string[] = [];
    const scan = thread.scan('folder', root, { signal: controller.signal, onFile: (file) => files.push(file.analysis.file) });
    controller.abort(new Error('cancelled by the user'));
    await assert.rejects(scan, /cancelled by the user/);
    // The thread goes on serving after a cancelled scan.
    const { analysis } = await thread.analyze('folder', 'a.sql', 'CREATE TABLE t (xm varchar(20));');
    assert.equal(analysis.fields.length, 1);
  });

  it('rejects a request for a configuration it was not given', async () => {
    await assert.rejects(thread.analyze('nobody', 'a.sql', ''), /no configuration for nobody/);
  });

  it('restarts a thread that stays silent beyond the folder’s time budget, failing what it had', async () => {
    const told: string[] = [];
    const silent = new AnalysisThread({ entry: { source: 'setInterval(() => {}, 1000);', isEval: true }, onProblem: (message) => told.push(message) });
    silent.configure('folder', { ...config, fileTimeoutMs: 10 });
    try {
      await assert.rejects(silent.analyze('folder', 'big.sql', 'CREATE TABLE t (a int);'), /did not answer for 1010 ms while analysing big\.sql/);
      assert.equal(told.length, 1);
    } finally {
      silent.dispose();
    }
  });

  it('gives up on a thread that cannot start, saying so, and without one fails with a clear message', async () => {
    const told: string[] = [];
    const broken = new AnalysisThread({ entry: { source: 'throw new Error("cannot load")', isEval: true }, onProblem: (message) => told.push(message) });
    broken.configure('folder', config);
    try {
      for (let attempt = 0; attempt < 3; attempt++) await assert.rejects(broken.analyze('folder', 'a.sql', ''), /cannot load/);
      await assert.rejects(broken.analyze('folder', 'a.sql', ''), /cannot start/);
      assert.match(told[told.length - 1], /no more analysis threads are started/);
    } finally {
      broken.dispose();
    }
    const none = new AnalysisThread({ entry: undefined });
    none.configure('folder', config);
    await assert.rejects(none.analyze('folder', 'a.sql', ''), /analysis thread is missing \(analysisWorker\.js/);
  });

  it('reported no problem with the working thread', () => {
    assert.deepEqual(problems, []);
  });
});
