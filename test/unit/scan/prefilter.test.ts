import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/defaults';
import { collectEvidence } from '../../../src/core/disposition/evidence/collect';
import { entitiesFromFindings } from '../../../src/core/disposition/evidence/entityIndex';
import { Engine } from '../../../src/core/engine';
import type { FileAnalysis } from '../../../src/core/scan/analyzeFile';
import { decodeText } from '../../../src/core/scan/decode';
import { evidenceExcerpt, excerptText } from '../../../src/core/scan/evidenceExcerpt';
import { redactExcerpt, redactFindings } from '../../../src/core/scan/redactResult';
import { plannedAnalysis } from '../../../src/core/scan/fileJob';
import { planFile } from '../../../src/core/scan/prefilter';
import { FOREVER, validUntil } from '../../../src/core/scan/resultValidity';
import { creditCodeCheckChar } from '../../../src/core/values/creditCode';
import { detectValues } from '../../../src/core/values/detectValues';

const FIXTURES = path.join(__dirname, '../../fixtures');

/** Every text file under the fixtures (the checklist and config fixtures are not code). */
function fixtureTexts(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const decoded = decodeText(fs.readFileSync(full));
        if ('text' in decoded) out.push({ file: path.relative(FIXTURES, full).split(path.sep).join('/'), text: decoded.text });
      }
    }
  };
  for (const dir of ['extract', 'disposition', 'classify', 'values']) walk(path.join(FIXTURES, dir));
  return out;
}

/** Lines that exercise every rule of the excerpt: UPDATE windows, next lines, long lines, comments. */
const TRICKY = [
  {
    file: 'tricky/purge.sql',
    text: [
      'CREATE TABLE member (id bigint, sfzh varchar(18), del_flag char(1));',
      '-- nightly job',
      'UPDATE member',
      '',
      '   SET sfzh = MD5(sfzh),',
      '-- a comment inside the statement',
      '       del_flag = \'2\'',
      ' WHERE id > 0;',
      `SELECT '${'x'.repeat(2500)}' FROM member; DELETE FROM member WHERE id = 1;`,
      `DELETE FROM member WHERE note = '${'y'.repeat(2100)}';`,
      "UPDATE member SET sjhm = '13812345678', sfzh = MD5(sfzh) WHERE email = 'a.b@example.com';",
      'TRUNCATE TABLE member;',
    ].join('\r\n'),
  },
  {
    file: 'tricky/Patient.java',
    text: [
      '@Entity',
      'public class Patient {',
      '  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)',
      '  // the visits',
      '  private List<Visit> visits;',
      '  @OneToMany(cascade = CascadeType.REMOVE)',
      '  private List<Allergy> allergies;',
      '  private String sfzh;',
      '}',
      '@Entity',
      'public class Visit { private String diagnosis; }',
      '@Entity',
      'public class Allergy { private String allergen; }',
      '@Scheduled(cron = "0 0 2 * * ?")',
      'void purge() { patientRepository.deleteAll(); }',
    ].join('\n'),
  },
];

describe('evidence excerpt', () => {
  it('finds exactly the evidence the whole texts give', async () => {
    const engine = new Engine(defaultConfig());
    const texts = [...fixtureTexts(), ...TRICKY];
    const analyses: FileAnalysis[] = [];
    for (const { file, text } of texts) analyses.push(await engine.analyze(file, text));
    const entities = entitiesFromFindings(analyses.flatMap((a) => a.fields));
    assert.ok(entities.length > 50, 'the fixtures declare entities');
    const whole = collectEvidence(texts, entities);
    const excerpts = collectEvidence(texts.map(({ file, text }) => ({ file, text: excerptText(evidenceExcerpt(text)) })), entities);
    assert.ok(whole.size > 10, 'the fixtures hold evidence');
    assert.deepEqual([...excerpts], [...whole]);
    // The scan keeps the excerpt with PI values masked (redactResult.ts): the same evidence again.
    const masked = collectEvidence(texts.map(({ file, text }) => ({ file, text: excerptText(redactExcerpt(evidenceExcerpt(text))) })), entities);
    assert.deepEqual([...masked], [...whole]);
  });

  it('keeps few lines of ordinary code', () => {
    const code = Array.from({ length: 400 }, (_, i) => `  const value${i} = compute(${i}); // 处理业务逻辑`).join('\n');
    const excerpt = evidenceExcerpt(`class Helper {\n${code}\n  remove() { this.cache.clear(); }\n}\n`);
    assert.ok(excerpt.lines.length <= 4, JSON.stringify(excerpt));
  });

  it('keeps line numbers: a kept line sits at its own line in the excerpt text', () => {
    const excerpt = evidenceExcerpt('a\nb\nDELETE FROM member;\nc\r\nd\rTRUNCATE member;\n');
    const lines = excerptText(excerpt).split('\n');
    assert.equal(lines[2], 'DELETE FROM member;');
    assert.equal(lines[5], 'TRUNCATE member;');
  });
});

describe('masked findings', () => {
  it('mask values in comments and descriptions, keep annotations and lengths', async () => {
    const engine = new Engine(defaultConfig());
    const text = [
      'CREATE TABLE member (',
      "  sjhm varchar(11) COMMENT '手机号, 例如 13812345678',",
      "  email varchar(50) COMMENT '邮箱 @pi transfer to=\"集团\" contact=\"dpo@example.com\"'",
      ");",
    ].join('\n');
    const analysis = await engine.analyze('db/member.sql', text);
    const masked = redactFindings(analysis.fields);
    const phone = masked.find((f) => f.field === 'sjhm');
    assert.equal(phone?.description, '手机号, 例如 138******78');
    assert.equal(phone?.description?.length, analysis.fields.find((f) => f.field === 'sjhm')?.description?.length);
    assert.match(masked.find((f) => f.field === 'email')?.description ?? '', /contact="dpo@example\.com"/);
    assert.deepEqual(redactFindings(masked), masked, 'masking twice changes nothing');
  });
});

describe('prefilter', () => {
  it('plans the same analysis as the engine makes, for every fixture', async () => {
    const engine = new Engine(defaultConfig());
    for (const { file, text } of [...fixtureTexts(), ...TRICKY]) {
      assert.deepEqual(await plannedAnalysis(file, text, engine), await engine.analyze(file, text), file);
    }
  });

  it('skips value detection only where no detector can match', () => {
    const engine = new Engine(defaultConfig());
    const first17 = 'ABCDEFGHJKLMNPQRT';
    const letterCode = `${first17}${creditCodeCheckChar(first17) ?? ''}`;
    assert.equal(letterCode.length, 18);
    const samples = [
      '纯中文注释, 没有任何号码。',
      'function helper() { return this.name.trim(); }',
      `统一社会信用代码 ${letterCode} 仅由字母组成`,
      'mail me: someone@example.com',
      'call 13812345678',
      'HKMO permit H12345678',
    ];
    for (const text of samples) {
      const values = detectValues(text);
      const plan = planFile(engine.extractors, 'notes.md', text);
      if (!plan.values) assert.deepEqual(values, [], text);
    }
    assert.equal(planFile(engine.extractors, 'notes.md', samples[0]).values, false);
    assert.equal(planFile(engine.extractors, 'notes.md', samples[2]).values, true, 'a letters-only credit code is still looked at');
    assert.ok(detectValues(samples[2]).length > 0, 'the detectors recognise it, so the prefilter must not skip it');
  });

  it('never skips a text with values, over many random texts', () => {
    const engine = new Engine(defaultConfig());
    const alphabet = 'ABCDEFGHJKLMNPQRTUWXYabcxyz中文 ,.;:-_()\n';
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 2000; i++) {
      const length = 10 + Math.floor(next() * 60);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (!planFile(engine.extractors, 'random.txt', text).values) assert.deepEqual(detectValues(text), [], text);
    }
  });
});

describe('result validity', () => {
  it('ends on the first day an ID number in the text would be born', () => {
    const today = 20261128;
    assert.equal(validUntil('身份证 310104199207164526', today), FOREVER);
    assert.equal(validUntil('born tomorrow: 310104202611294521 and later 310104202712014521', today), 20261129);
    assert.equal(validUntil('no long digit runs: 20261231 123456', today), FOREVER);
  });
});
