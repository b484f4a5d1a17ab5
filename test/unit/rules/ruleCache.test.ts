import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { PiAuditConfig } from '../../../src/core/config/model';
import { assessFields } from '../../../src/core/disposition/assess';
import { AssessCache } from '../../../src/core/disposition/assessCache';
import type { Disposition } from '../../../src/core/disposition/model';
import { Engine } from '../../../src/core/engine';
import { categoryLabel } from '../../../src/core/classify/categories';
import { partsOf, RuleCache } from '../../../src/core/rules/ruleCache';
import { runRules } from '../../../src/core/rules/runRules';
import type { FileAnalysis } from '../../../src/core/scan/analyzeFile';

const ROOTS = [path.join(__dirname, '../../fixtures/disposition/evidence'), path.join(__dirname, '../../../examples/subsidiary')];

function filesUnder(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('pi-disposition') && !entry.parentPath.includes('.piaudit-cache'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file: path.relative(path.dirname(dir), file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') }));
}

describe('rules run part by part, kept while a part is unchanged', function () {
  this.timeout(60_000);
  // Policies that reach into several files (a group across files) and one that declares too little.
  const config: PiAuditConfig = {
    ...defaultConfig(),
    policies: [
      { match: '*/*.sjhm', action: 'retain', period: '3y', basis: '电子商务法 第三十一条', line: 3 },
      { categories: ['identity'], action: 'transfer', to: 'Example Holdings Ltd (Hong Kong)', contact: 'dpo@example.com', line: 5 },
      { match: '*/*.xm', action: 'retain', line: 7 },
    ],
  };
  const files = ROOTS.flatMap(filesUnder);
  let analyses: FileAnalysis[];
  let checklist: Map<string, Disposition>;

  before(async () => {
    const engine = new Engine(config);
    analyses = await Promise.all(files.map((f) => engine.analyze(f.file, f.text)));
    const someField = analyses.flatMap((a) => a.fields).find((f) => f.isPI && f.field !== 'sjhm' && f.field !== 'xm');
    assert.ok(someField);
    checklist = new Map([[someField.id, { action: 'delete', extra: {}, source: 'checklist', declaredAt: { file: 'pi-disposition.yaml', line: 12, column: 5 } }]]);
  });

  const assess = (all: FileAnalysis[], cache?: AssessCache) =>
    assessFields(all.flatMap((a) => a.fields), files, { checklist, policies: config.policies, system: 'subsidiary' }, cache).fields;

  it('gives exactly the diagnostics of one run over all fields, in the same order', () => {
    const fields = assess(analyses);
    const expected = runRules(fields, config, 'en', { categoryLabel });
    assert.ok(expected.length > 20);
    assert.ok(expected.some((d) => d.related?.some((r) => r.file !== d.file)), 'a policy covers fields of several files');
    assert.deepEqual(new RuleCache().run(fields, config, 'en', { categoryLabel }), expected);
    assert.deepEqual(new RuleCache().run(fields, config, 'zh-CN', { categoryLabel }), runRules(fields, config, 'zh-CN', { categoryLabel }));
  });

  it('links the files a policy covers into one part, and leaves the others on their own', () => {
    const parts = partsOf(assess(analyses));
    const sizes = [...parts.keys()].map((key) => key.split('\n').length);
    assert.ok(sizes.some((n) => n > 1), 'one part spans files');
    assert.ok(sizes.filter((n) => n === 1).length >= 1, 'a file without policy fields stands alone');
    assert.equal([...parts.values()].flat().length, assess(analyses).length, 'every field in exactly one part');
  });

  it('judges only the part whose file changed, and still gives one run’s diagnostics', async () => {
    const assessCache = new AssessCache();
    const rules = new RuleCache();
    rules.run(assess(analyses, assessCache), config, 'en', { categoryLabel });
    const partCount = rules.lastRun.parts;
    assert.equal(rules.lastRun.judged, partCount, 'everything is judged the first time');

    rules.run(assess(analyses, assessCache), config, 'en', { categoryLabel });
    assert.equal(rules.lastRun.judged, 0, 'nothing changed, nothing judged');

    // A file whose fields no policy reaches, edited: an annotation added.
    const alone = [...partsOf(assess(analyses)).keys()].find((key) => !key.includes('\n') && key.endsWith('.py'));
    assert.ok(alone, 'a Python file in a part of its own');
    const index = analyses.findIndex((a) => a.file === alone);
    const text = files[index].text.replace(/\n(\s+)(\w+ = models\.)/, '\n$1# @pi delete\n$1$2');
    assert.notEqual(text, files[index].text);
    const edited = [...analyses];
    edited[index] = await new Engine(config).analyze(alone, text);
    const fields = assess(edited, assessCache);
    const diagnostics = rules.run(fields, config, 'en', { categoryLabel });
    assert.equal(rules.lastRun.judged, 1);
    assert.deepEqual(diagnostics, runRules(fields, config, 'en', { categoryLabel }));
  });

  it('agrees with one run over all fields for any mix of policies and checklist decisions', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const all = analyses.flatMap((a) => a.fields);
    const actions = ['delete', 'retain', 'transfer', 'anonymize', 'destroy'] as const;
    for (let round = 0; round < 30; round++) {
      const policies = Array.from({ length: 1 + random(4) }, (_, i) => ({
        match: `*/*.${all[random(all.length)].field}`,
        action: actions[random(actions.length)],
        ...(random(2) === 0 ? { period: '1y', basis: '会计档案管理办法 第十四条' } : {}),
        ...(random(2) === 0 ? { to: 'Example GmbH (Germany)', contact: 'dpo@example.de' } : {}),
        line: i + 1,
      }));
      const decided = new Map<string, Disposition>(Array.from({ length: random(5) }, (_, i) => [all[random(all.length)].id, { action: actions[random(actions.length)], extra: {}, source: 'checklist' as const, declaredAt: { file: 'pi-disposition.yaml', line: 10 + i, column: 3 } }]));
      const mixed: PiAuditConfig = { ...config, policies };
      const fields = assessFields(all, files, { checklist: decided, policies, system: 'subsidiary' }).fields;
      assert.deepEqual(new RuleCache().run(fields, mixed, 'en', { categoryLabel }), runRules(fields, mixed, 'en', { categoryLabel }), `round ${round}`);
    }
  });

  it('judges everything again under another configuration or language', () => {
    const rules = new RuleCache();
    const fields = assess(analyses);
    rules.run(fields, config, 'en', { categoryLabel });
    rules.run(fields, { ...config, rules: { 'pi/sensitive-unprotected': 'off' } }, 'en', { categoryLabel });
    assert.equal(rules.lastRun.judged, rules.lastRun.parts);
    rules.run(fields, config, 'zh-CN', { categoryLabel });
    assert.equal(rules.lastRun.judged, rules.lastRun.parts);
  });
});
