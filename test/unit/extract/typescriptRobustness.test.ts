import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { ExtractionResult } from '../../../src/core/extract/model';
import { GrammarLoader, type GrammarName } from '../../../src/core/extract/treeSitter/grammarLoader';
import { TypeScriptExtractor } from '../../../src/core/extract/typescript/typescriptExtractor';

const FIXTURES = path.join(__dirname, '../../fixtures/extract/typescript');
const extractor = new TypeScriptExtractor(new GrammarLoader());

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function fieldNames(result: ExtractionResult, entity: string): string[] {
  return result.entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];
}

/** A loader whose grammar cannot be loaded, as when the .wasm files are missing from a bundle. */
class BrokenLoader extends GrammarLoader {
  override parser(_name: GrammarName): Promise<Parser> {
    return Promise.reject(new Error('tree-sitter-typescript.wasm not found'));
  }
}

describe('TypeScriptExtractor: file selection', () => {
  it('accepts TypeScript and JavaScript files that mention an ORM or declare typed shapes', () => {
    assert.equal(extractor.accepts('src/member.entity.ts', "import { Entity } from 'typeorm';"), true);
    assert.equal(extractor.accepts('models/member.js', "const mongoose = require('mongoose');"), true);
    assert.equal(extractor.accepts('models/member.cjs', "const { DataTypes } = require('sequelize');"), true);
    assert.equal(extractor.accepts('models/member.mjs', "import { Sequelize } from 'sequelize';"), true);
    assert.equal(extractor.accepts('src/dto.ts', 'export interface MemberDto {\n  xm: string;\n}'), true);
    assert.equal(extractor.accepts('src/dto.ts', 'export type MemberDto = {\n  sjhm?: string;\n};'), true);
    assert.equal(extractor.accepts('src/Card.tsx', 'interface Props { nickname: string }'), true);
  });

  it('rejects other files, bundles and code without models', () => {
    assert.equal(extractor.accepts('models/member.py', "from django.db import models  # sequelize"), false);
    assert.equal(extractor.accepts('dist/app.min.js', "var mongoose=require('mongoose');"), false);
    assert.equal(extractor.accepts('src/util.ts', 'export function add(a: number, b: number) { return a + b; }'), false);
    assert.equal(extractor.accepts('src/app.js', 'class App { start() { return 1; } }'), false);
  });
});

describe('TypeScriptExtractor: malformed input never throws', () => {
  it('reads an entity cut off in the middle and reports the syntax error', async () => {
    const text = fixtureText('member.entity.ts');
    const cut = text.slice(0, text.indexOf("@Column({ name: 'gender'") + 20);
    const result = await extractor.extract(cut, 'member.entity.ts');
    assert.ok(result.problems.length > 0);
    assert.ok(result.problems.every((p) => p.message.startsWith('Syntax error') || p.message.includes('syntax errors')));
    assert.deepEqual(fieldNames(result, 'Member').slice(0, 4), ['id', 'xm', 'sfzh', 'sjhm']);
  });

  it('reads a Mongoose file cut off inside a schema', async () => {
    const text = fixtureText('behavior.mongoose.js');
    const cut = text.slice(0, text.indexOf('points:'));
    const result = await extractor.extract(cut, 'behavior.mongoose.js');
    assert.ok(result.problems.length > 0);
    assert.deepEqual(fieldNames(result, 'address'), ['shr', 'lxdh', 'xxdz']);
  });

  it('survives every prefix of a Sequelize model file', async () => {
    const text = fixtureText('member.sequelize.js');
    for (let end = 0; end <= text.length; end += 7) {
      const result = await extractor.extract(text.slice(0, end), 'member.sequelize.js');
      assert.equal(result.format, 'typescript');
      for (const entity of result.entities) assert.ok(entity.name.length > 0);
    }
  });

  it('handles empty, binary and wrong-grammar input', async () => {
    assert.deepEqual(await extractor.extract('', 'empty.ts'), { format: 'typescript', entities: [], problems: [] });

    const binary = await extractor.extract('\u0000\u0001\uFFFD@Entity(\u0000 class {{{ ]]]', 'blob.ts');
    assert.ok(binary.problems.length > 0);

    const tsAsJs = await extractor.extract('interface Member { xm: string }\nconst a: number = 1;\n', 'member.js');
    assert.ok(tsAsJs.problems.length > 0, 'TypeScript syntax in a .js file is reported');
  });

  it('never quotes source text in a problem message', async () => {
    const result = await extractor.extract("const s = new Schema({ sfzh: '310101199001011234' ,,, ", 'leak.js');
    assert.ok(result.problems.length > 0);
    for (const problem of result.problems) assert.ok(!problem.message.includes('310101199001011234'));
  });

  it('reports a grammar that cannot be loaded instead of throwing', async () => {
    const result = await new TypeScriptExtractor(new BrokenLoader()).extract('interface A { b: string }', 'a.ts');
    assert.deepEqual(result.entities, []);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /could not be started or failed: tree-sitter-typescript.wasm not found/);
  });

  it('copes with deep nesting', async () => {
    const depth = 300;
    const source = `const mongoose = require('mongoose');\nconst deepSchema = new mongoose.Schema(${'{ a: '.repeat(depth)}String${' }'.repeat(depth)});\n`;
    const result = await extractor.extract(source, 'deep.js');
    assert.equal(result.entities.length, depth);
    assert.equal(result.entities.at(-1)?.fields[0].name, 'a');
  });
});

describe('TypeScriptExtractor: positions', () => {
  it('counts lines over CRLF and lone CR, and columns in UTF-16 code units', async () => {
    const source = "// 会员 😀\r\ninterface Member {\r\n  /** 姓名 😀 */ xm: string; // 😀 @pi delete\r  sfzh: string;\n}\n";
    const result = await extractor.extract(source, 'crlf.ts');
    assert.deepEqual(result.problems, []);
    const member = result.entities[0];
    assert.deepEqual([member.name, member.line, member.column], ['Member', 2, 11]);
    assert.deepEqual(member.comments, [{ text: '会员 😀', line: 1, column: 1 }]);
    const [xm, sfzh] = member.fields;
    assert.deepEqual([xm.line, xm.column, xm.description], [3, 16, '姓名 😀']);
    assert.deepEqual(xm.comments, [
      { text: '姓名 😀', line: 3, column: 3 },
      { text: '😀 @pi delete', line: 3, column: 28 },
    ]);
    assert.deepEqual([sfzh.line, sfzh.column, sfzh.comments], [4, 3, []]);
  });
});
