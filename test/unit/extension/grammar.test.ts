import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule { match?: string; begin?: string; end?: string; name?: string; captures?: Record<string, { name: string }>; beginCaptures?: Record<string, { name: string }> }
interface Grammar { scopeName: string; injectionSelector: string; repository: Record<string, Rule> }

const root = path.join(__dirname, '../../..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/pi-annotation.injection.tmLanguage.json'), 'utf8')) as Grammar;
/** The Oniguruma patterns of this grammar use only syntax JavaScript shares (checked by compiling them). */
const regex = (source: string | undefined): RegExp => new RegExp(source ?? '(?!)', 'g');

/** The scopes the grammar gives to one annotation, read with the grammar's own patterns. */
function scopes(line: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (scope: string, text: string): void => void (out[scope] ??= []).push(text);
  const annotation = grammar.repository.annotation;
  const begin = regex(annotation.begin).exec(line);
  if (!begin) return out;
  for (const [group, { name }] of Object.entries(annotation.beginCaptures ?? {})) if (begin[Number(group)]) add(name, begin[Number(group)]);
  const rest = line.slice(begin.index + begin[0].length);
  const end = regex(annotation.end).exec(rest);
  const body = ` ${end ? rest.slice(0, end.index) : rest}`;
  for (const key of ['period', 'quoted-pair', 'bare-pair']) {
    const rule = grammar.repository[key];
    for (const match of body.matchAll(regex(rule.match))) {
      if (rule.name) add(rule.name, match[0]);
      for (const [group, { name }] of Object.entries(rule.captures ?? {})) if (match[Number(group)]) add(name, match[Number(group)]);
    }
  }
  return out;
}

describe('extension: @pi annotation grammar', () => {
  it('is injected into comments and SQL strings under the contract’s scope name', () => {
    assert.equal(grammar.scopeName, 'pi-annotation.injection');
    assert.equal(grammar.injectionSelector, 'L:comment, L:source.sql string.quoted');
  });

  it('scopes the keyword, the action, the period, keys and quoted values', () => {
    const s = scopes('-- @pi retain 30y basis="会计档案管理办法 第十四条" then=destroy');
    assert.deepEqual(s['keyword.other.pi-annotation'], ['@pi']);
    assert.deepEqual(s['keyword.control.pi-action.retain'], ['retain']);
    assert.deepEqual(s['constant.numeric.pi-period'], ['30y']);
    assert.deepEqual(s['variable.parameter.pi-key'], ['basis', 'then']);
    assert.deepEqual(s['string.quoted.double.pi-value'], ['"会计档案管理办法 第十四条"']);
    assert.deepEqual(s['string.unquoted.pi-value'], ['destroy']);
  });

  it('has one action scope per action, and still marks @pi before an unknown action', () => {
    for (const action of ['delete', 'anonymize', 'transfer', 'retain', 'destroy', 'ignore']) {
      assert.deepEqual(scopes(`// @pi ${action}`)[`keyword.control.pi-action.${action}`], [action]);
    }
    const unknown = scopes('// @pi purge');
    assert.deepEqual(unknown['keyword.other.pi-annotation'], ['@pi']);
    assert.equal(Object.keys(unknown).some((k) => k.startsWith('keyword.control')), false);
  });

  it('stops at a comment closer, a semicolon or the end of a SQL string, and ignores look-alikes', () => {
    assert.deepEqual(scopes('/* @pi delete reason=x */ int a; b=c')['string.unquoted.pi-value'], ['x']);
    assert.deepEqual(scopes("COMMENT '身份证号 @pi anonymize method=hash', x=y")['string.unquoted.pi-value'], ['hash']);
    assert.deepEqual(scopes('<!-- @pi transfer to="A B" -->')['string.quoted.double.pi-value'], ['"A B"']);
    assert.deepEqual(scopes('// mail dpo@pi.example or @pipeline'), {});
  });
});
