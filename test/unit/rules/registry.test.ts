import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS, RULES, findRule, ruleMessage } from '../../../src/core/rules/registry';
import { ruleMetadata } from '../../../src/core/rules/ruleMetadata';
import { runRules } from '../../../src/core/rules/runRules';
import { annotated, assessed, config, sfzh, sjhm } from './assessedFixture';

/** PIPL articles listed in shared/spec/legal.md: the only ones the tool may cite. */
const PIPL_ARTICLES = new Set([4, 13, 17, 19, 22, 23, 28, 29, 38, 39, 40, 47, 51, 55, 56, 73]);
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = ZH_DIGITS[c] ?? 0;
  }
  return total + digit;
}

const allTexts = (lang: 'en' | 'zh'): string[] => RULES.flatMap(({ meta }) => [meta.title[lang], meta.doc[lang], ...Object.values(meta.messages).map((m) => m[lang])]);

describe('rule registry', () => {
  it('registers the stable rule ids', () => {
    assert.deepEqual(RULE_IDS, [
      'pi/missing-disposition',
      'pi/retain-without-basis',
      'pi/transfer-without-recipient',
      'pi/cross-border-transfer',
      'pi/retention-conflict',
      'pi/soft-delete-only',
      'pi/sensitive-unprotected',
      'pi/invalid-annotation',
      'pi/checklist-stale',
    ]);
  });

  it('gives every rule a severity, a README anchor, titles, docs and messages in both languages', () => {
    for (const { meta } of RULES) {
      assert.ok(['error', 'warning', 'info'].includes(meta.defaultSeverity), meta.id);
      assert.equal(meta.anchor, meta.id.replace('/', '-'));
      for (const text of [meta.title, meta.doc, ...Object.values(meta.messages)]) {
        assert.ok(text.en.trim() && text.zh.trim(), meta.id);
        assert.match(text.zh, /[\u4e00-\u9fff]/, `${meta.id} zh is Chinese`);
      }
      for (const [variant, text] of Object.entries(meta.messages)) {
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        assert.deepEqual(placeholders(text.zh), placeholders(text.en), `${meta.id} ${variant}: same placeholders`);
      }
    }
  });

  it('cites only PIPL articles that shared/spec/legal.md lists', () => {
    const legalPath = path.join(__dirname, '../../../../shared/spec/legal.md');
    if (fs.existsSync(legalPath)) {
      const legal = fs.readFileSync(legalPath, 'utf8');
      for (const article of PIPL_ARTICLES) assert.match(legal, new RegExp(`^\\| ${article}(\\(\\d\\))? \\|`, 'm'));
    }
    for (const text of allTexts('en')) {
      for (const match of text.matchAll(/PIPL Art\. (\d+)/g)) assert.ok(PIPL_ARTICLES.has(Number(match[1])), `PIPL Art. ${match[1]} in: ${text}`);
      for (const match of text.matchAll(/\(Art\. (\d+)\)|Art\. (\d+) requires|Art\. (\d+) also/g)) {
        const article = Number(match[1] ?? match[2] ?? match[3]);
        if (!text.includes('PIPL')) continue;
        assert.ok(PIPL_ARTICLES.has(article), `Art. ${article} in: ${text}`);
      }
    }
    for (const text of allTexts('zh')) {
      for (const match of text.matchAll(/《个人信息保护法》第([一二三四五六七八九十]+)条/g)) {
        assert.ok(PIPL_ARTICLES.has(chineseNumber(match[1])), `第${match[1]}条 in: ${text}`);
      }
    }
  });

  it('finds rules and renders messages for modules that raise them (checklist-stale)', () => {
    assert.equal(findRule('pi/checklist-stale')?.defaultSeverity, 'error');
    assert.equal(findRule('pi/nope'), undefined);
    assert.equal(
      ruleMessage('pi/checklist-stale', 'stale', 'zh-CN', { file: 'pi-disposition.yaml', detail: '缺少 3 个字段' }),
      '处置清单 pi-disposition.yaml 已过期：缺少 3 个字段——请运行 pi-audit checklist',
    );
    assert.throws(() => ruleMessage('pi/checklist-stale', 'nope', 'en', {}), /no message "nope"/);
  });

  it('provides SARIF rule metadata with help pointing at the README anchor', () => {
    const en = ruleMetadata('en');
    assert.equal(en.length, RULES.length);
    const missing = en.find((r) => r.id === 'pi/missing-disposition');
    assert.equal(missing?.shortDescription, 'PI field without a declared disposition');
    assert.match(missing?.help ?? '', /README\.md#pi-missing-disposition$/);
    assert.match(ruleMetadata('zh-CN')[0].fullDescription, /个人信息保护法/);
  });
});

describe('runRules', () => {
  it('sorts diagnostics by file, line, column and rule', () => {
    const other = { ...sjhm, id: 'db/a.sql#t.sjhm', file: 'db/a.sql', line: 30 };
    const diagnostics = runRules([assessed(sfzh), assessed(sjhm), assessed(other)], config(), 'en');
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`),
      ['db/a.sql:30 pi/missing-disposition', 'db/hr_schema.sql:6 pi/missing-disposition', 'db/hr_schema.sql:6 pi/sensitive-unprotected', 'db/hr_schema.sql:7 pi/missing-disposition'],
    );
  });

  it('applies configured severities and turns rules off', () => {
    const fields = [assessed(sfzh), assessed(sjhm, annotated('db/hr_schema.sql', 7, { action: 'transfer' }))];
    const diagnostics = runRules(fields, config({ 'pi/sensitive-unprotected': 'off', 'pi/transfer-without-recipient': 'warning' }), 'en');
    assert.deepEqual(diagnostics.map((d) => `${d.rule} ${d.severity}`), ['pi/missing-disposition error', 'pi/transfer-without-recipient warning']);
  });

  it('ignores a severity that is not one (the config module reports it)', () => {
    const diagnostics = runRules([assessed(sjhm)], config({ 'pi/missing-disposition': 'loud' as 'error' }), 'en');
    assert.equal(diagnostics[0].severity, 'warning');
  });
});
