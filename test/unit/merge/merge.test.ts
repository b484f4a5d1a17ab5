import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { buildGroupRegister } from '../../../src/core/merge/groupRegister';
import type { ChecklistSystemInput, GroupRegister, RegisterItem, ReportInput } from '../../../src/core/merge/model';
import { runCli } from '../cli/cliHarness';

const FIXTURES = path.join(__dirname, '../../fixtures/classify');

/** Two repositories as two CI jobs see them: `crm` (SQL) and `delivery` (Go). */
function makeGroup(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pi-audit-merge-'));
  for (const [repo, file] of [['crm', 'loyalty_mysql.sql'], ['delivery', 'rider.go']]) {
    fs.mkdirSync(path.join(dir, repo));
    fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, repo, file));
  }
  fs.mkdirSync(path.join(dir, 'reports'));
  return dir;
}

async function ok(args: string[]): Promise<void> {
  const run = await runCli(args);
  assert.ok(run.code === 0 || run.code === 1, `pi-audit ${args.join(' ')} → ${run.code}\n${run.stderr}`);
}

function readRegister(file: string): GroupRegister {
  return parse(fs.readFileSync(file, 'utf8')) as GroupRegister;
}

describe('pi-audit merge', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeGroup();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('combines per-repository reports and checklists, keeping every decision people recorded', async () => {
    await ok(['scan', path.join(dir, 'crm'), '--format', 'json', '--output', path.join(dir, 'reports/crm.json'), '--quiet']);
    await ok(['scan', path.join(dir, 'delivery'), '--format', 'json', '--output', path.join(dir, 'reports/delivery.json'), '--quiet']);
    await ok(['checklist', path.join(dir, 'crm'), '--quiet']);
    const checklistFile = path.join(dir, 'crm', 'pi-disposition.yaml');
    const original = parse(fs.readFileSync(checklistFile, 'utf8')) as { systems: { items: Record<string, unknown>[] }[] };
    const decidedId = String(original.systems[0].items[0].id);
    // A compliance officer's edits: a decision, its status, owner and note, a custom key, a hand-added item.
    let text = fs.readFileSync(checklistFile, 'utf8');
    text = text.replace(/disposition: null[^\n]*\n(\s+)evidence: \[\]\n\s+status: todo\n\s+owner: ""\n\s+note: ""/, (_m, indent: string) =>
      [`disposition:`, `  action: retain`, `  period: 3y`, `  basis: 电子商务法 第三十一条`, `  declaredIn: checklist`, `evidence: []`, `status: in-progress`, `owner: 王敏`, `note: 待法务确认`, `x-ticket: DPO-17`].join(`\n${indent}`));
    text = text.replace(/(\n {2}- name: crm\n {4}items:\n)/, `$1      - id: paper/archive#Contract.signature\n        manual: true\n        entity: Contract\n        field: signature\n        status: todo\n        owner: 李静\n        note: 纸质档案\n\n`);
    fs.writeFileSync(checklistFile, text);

    const output = path.join(dir, 'group-register.yaml');
    const run = await runCli(['merge', path.join(dir, 'reports/crm.json'), path.join(dir, 'reports/delivery.json'), checklistFile, '--output', output]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Merged 2 reports and 1 checklists/);

    const register = readRegister(output);
    assert.deepEqual(register.systems.map((s) => s.name), ['crm', 'delivery']);
    const crm = register.systems[0];
    const decided = crm.items.find((item) => item.id === decidedId) as RegisterItem;
    assert.deepEqual(decided.disposition, { action: 'retain', period: '3y', basis: '电子商务法 第三十一条', declaredIn: 'checklist' });
    assert.equal(decided.status, 'in-progress');
    assert.equal(decided.owner, '王敏');
    assert.equal(decided.note, '待法务确认');
    assert.equal(decided['x-ticket'], 'DPO-17');
    const manual = crm.items.find((item) => item.id === 'paper/archive#Contract.signature') as RegisterItem;
    assert.equal(manual.owner, '李静');
    assert.equal(manual.inReport, undefined, 'a hand-added item is not expected in a report');
    // Every item of the checklist is in the register, and every PI field of both reports.
    const written = parse(fs.readFileSync(checklistFile, 'utf8')) as { systems: { items: { id: string }[] }[] };
    for (const item of written.systems[0].items) assert.ok(crm.items.some((i) => i.id === item.id), item.id);
    for (const repo of ['crm', 'delivery']) {
      const report = JSON.parse(fs.readFileSync(path.join(dir, `reports/${repo}.json`), 'utf8')) as { fields: { id: string }[]; diagnostics: unknown[] };
      const system = register.systems.find((s) => s.name === repo);
      for (const field of report.fields) assert.ok(system?.items.some((i) => i.id === field.id), field.id);
      assert.equal(system?.totals.filesScanned, 1);
      assert.equal(Object.values(system?.totals.diagnostics ?? {}).reduce((a, b) => a + b, 0), report.diagnostics.length);
    }
    // The group's totals are the sum of the systems'.
    for (const key of ['fields', 'sensitive', 'decided', 'undecided'] as const) {
      assert.equal(register.totals[key], register.systems.reduce((sum, s) => sum + s.totals[key], 0), key);
    }
    assert.equal(register.totals.systems, 2);
    assert.equal(crm.totals.byStatus['in-progress'], 1);
    assert.equal(crm.totals.byAction.retain, 1);
    assert.equal(register.totals.fields, register.totals.decided + register.totals.undecided);
  });

  it('writes the same register whatever the order of its inputs', async () => {
    await ok(['scan', path.join(dir, 'crm'), '--format', 'json', '--output', path.join(dir, 'reports/crm.json'), '--quiet']);
    await ok(['scan', path.join(dir, 'delivery'), '--format', 'json', '--output', path.join(dir, 'reports/delivery.json'), '--quiet']);
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    assert.equal((await runCli(['merge', path.join(dir, 'reports/crm.json'), path.join(dir, 'reports/delivery.json'), '-o', a, '-q'])).code, 0);
    assert.equal((await runCli(['merge', path.join(dir, 'reports/delivery.json'), path.join(dir, 'reports/crm.json'), '-o', b, '-q'])).code, 0);
    assert.equal(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'));
    assert.ok(fs.readFileSync(a, 'utf8').startsWith('# 集团个人信息处置登记册 · Group register'));
  });

  it('refuses an input that is neither a report nor a checklist, and writes nothing', async () => {
    const bogus = path.join(dir, 'package.json');
    fs.writeFileSync(bogus, '{"name": "not-a-report"}\n');
    const output = path.join(dir, 'group-register.yaml');
    const run = await runCli(['merge', bogus, '--output', output]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Cannot merge: .*package\.json: not a pi-audit JSON report/);
    assert.equal(fs.existsSync(output), false);
  });

  it('names the file and line of a checklist that does not parse', async () => {
    const broken = path.join(dir, 'pi-disposition.yaml');
    fs.writeFileSync(broken, 'version: 1\nsystems:\n  - name: crm\n    items: [\n');
    const run = await runCli(['merge', broken, '--output', path.join(dir, 'out.yaml')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pi-disposition\.yaml:\d+:\d+/);
  });

  it('refuses two reports of the same system', async () => {
    await ok(['scan', path.join(dir, 'crm'), '--format', 'json', '--output', path.join(dir, 'reports/crm.json'), '--quiet']);
    fs.copyFileSync(path.join(dir, 'reports/crm.json'), path.join(dir, 'reports/crm-again.json'));
    const run = await runCli(['merge', path.join(dir, 'reports/crm.json'), path.join(dir, 'reports/crm-again.json'), '-o', path.join(dir, 'out.yaml')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /system "crm" is also reported by/);
  });

  it('asks for its inputs', async () => {
    const run = await runCli(['merge']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /merge expects the JSON reports/);
  });
});

describe('buildGroupRegister', () => {
  const report = (system: string, fields: ReportInput['fields']): ReportInput => ({ file: `${system}.json`, system, version: '0.1.0', files: 1, skipped: 0, fields, values: [], diagnostics: [] });
  const field = (id: string, disposition: ReportInput['fields'][number]['disposition'] = null): ReportInput['fields'][number] => ({
    id, file: id.split('#')[0], line: 3, entity: 'member', field: id.split('.').pop() ?? '', category: 'basic.phone', sensitive: false, evidence: [], disposition,
  });
  const checklist = (system: string, items: ChecklistSystemInput['items']): ChecklistSystemInput => ({ file: `${system}/pi-disposition.yaml`, system, items });

  it('keeps a decision taken in the checklist over the one declared in code, and refreshes a copied one', () => {
    const register = buildGroupRegister({
      reports: [report('crm', [
        field('a.sql#member.phone', { action: 'delete', source: 'annotation', extra: {} }),
        field('a.sql#member.email', { action: 'anonymize', source: 'annotation', extra: {} }),
        field('a.sql#member.name', { action: 'delete', source: 'policy', extra: {} }),
      ])],
      checklists: [checklist('crm', [
        { id: 'a.sql#member.phone', location: 'a.sql:3', status: 'done', disposition: { action: 'retain', period: '3y', declaredIn: 'checklist' } },
        { id: 'a.sql#member.email', location: 'a.sql:4', status: 'todo', disposition: { action: 'delete', declaredIn: 'annotation' } },
        { id: 'a.sql#member.name', location: 'a.sql:5', status: 'todo', disposition: null },
      ])],
    });
    const byId = new Map(register.systems[0].items.map((item) => [item.id, item]));
    assert.deepEqual(byId.get('a.sql#member.phone')?.disposition, { action: 'retain', period: '3y', declaredIn: 'checklist' });
    assert.deepEqual(byId.get('a.sql#member.email')?.disposition, { action: 'anonymize', declaredIn: 'annotation' });
    assert.deepEqual(byId.get('a.sql#member.name')?.disposition, { action: 'delete', declaredIn: 'policy' });
    assert.equal(register.systems[0].totals.decided, 3);
  });

  it('marks fields only one side knows, and pairs a report with the checklist of its fields', () => {
    const register = buildGroupRegister({
      reports: [report('repo-folder', [field('a.sql#member.phone'), field('a.sql#member.email'), field('b.sql#member.id_card')])],
      checklists: [checklist('crm', [
        { id: 'a.sql#member.phone', location: 'a.sql:3', status: 'todo' },
        { id: 'a.sql#member.email', location: 'a.sql:4', status: 'todo' },
        { id: 'old.sql#member.fax', location: 'old.sql:9', status: 'todo' },
        { id: 'old.sql#member.pager', location: 'old.sql:10', status: 'done', gone: true },
      ])],
    });
    assert.deepEqual(register.systems.map((s) => s.name), ['crm'], 'paired by the ids they share');
    const byId = new Map(register.systems[0].items.map((item) => [item.id, item]));
    assert.equal(byId.get('b.sql#member.id_card')?.inChecklist, false);
    assert.equal(byId.get('old.sql#member.fax')?.inReport, false);
    assert.equal(byId.get('old.sql#member.pager')?.inReport, undefined, 'a gone field is expected to be missing');
    assert.equal(register.systems[0].totals.gone, 1);
    assert.equal(register.systems[0].totals.fields, 4);
  });
});
