import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';
import { grammarFor, headLooksLikeModels, textDeclaresModels } from '../../../src/core/extract/typescript/fileSelection';
import { mayDeclareEntitySchemas, readEntitySchemas } from '../../../src/core/extract/typescript/entitySchemas';
import { mayDeclareMongooseSchemas, readMongooseSchemas } from '../../../src/core/extract/typescript/mongooseSchemas';
import { mayCallSequelize, readSequelizeModels } from '../../../src/core/extract/typescript/sequelizeModels';
import { SourceFile } from '../../../src/core/extract/typescript/sourceFile';
import { TypeScriptExtractor } from '../../../src/core/extract/typescript/typescriptExtractor';

const FIXTURES = path.join(__dirname, '../../fixtures/extract/typescript');
const loader = new GrammarLoader();
const extractor = new TypeScriptExtractor(loader);

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Every TypeScript/JavaScript file under a folder (no dependencies). */
function sourcesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && grammarFor(entry.name) !== undefined && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every TypeScript/JavaScript file of the tests, the sources, the scripts and the accuracy corpus. */
function everySource(): string[] {
  const root = path.join(__dirname, '../../..');
  return [
    ...sourcesUnder(path.join(root, 'test')),
    ...sourcesUnder(path.join(root, 'src')),
    ...sourcesUnder(path.join(root, 'scripts')),
    ...sourcesUnder(path.join(root, '../shared/corpus')),
  ];
}

describe('TypeScriptExtractor: texts without models are not parsed', () => {
  it('skips services and controllers: typed parameters and object literals are not models', async () => {
    for (const name of ['member.service.ts', 'member.controller.js']) {
      const text = fixtureText(name);
      assert.equal(headLooksLikeModels(text.slice(0, 4096)), true, `${name}: the head test alone lets it through`);
      assert.equal(textDeclaresModels(text), false, name);
      // Parsing it anyway finds nothing, so skipping it loses nothing.
      const read = await extractor.readModels(text, name);
      assert.deepEqual({ entities: read.entities, problems: read.problems }, { entities: [], problems: [] }, name);
      assert.deepEqual(await extractor.extract(text, name), read, name);
    }
  });

  it('reads a model declared after a service, past the head', async () => {
    const text = fixtureText('service-then-dto.ts');
    assert.equal(textDeclaresModels(text), true);
    const result = await extractor.extract(text, 'service-then-dto.ts');
    assert.deepEqual(result.entities.map((e) => `${e.name}: ${e.fields.map((f) => f.name).join(', ')}`), ['ProfileDto: realName, mobile']);
  });

  it('recognises every way a member declares a property', () => {
    const declared = [
      'export interface Member {\n  xm: string;\n}',
      'interface Member { xm: string; sjhm?: string }',
      'export type Member = { xm: string } & Base;',
      'type Member = {\n  "real_name": string;\n};',
      'class Member {\n  @Column({ default: () => "now()" }) readonly createdAt!: Date;\n}',
      'class Member {\n  @observable\n  nickname = "";\n}',
      'class Member {\n  @Prop() nickname;\n}',
      'export class Member { public realName?: string }',
      // A computed name is reported as unreadable: the text must still be read.
      'interface Tagged {\n  readonly [Symbol.toStringTag]: string;\n}',
    ];
    for (const text of declared) assert.equal(textDeclaresModels(text), true, text);
    const notDeclared = [
      'export class MemberService {\n  constructor(private readonly repo: MemberRepository) {}\n}',
      'export class MemberService {\n  find(options: { page?: number; size?: number } = {}) {\n    return this.repo.find({ where: { id: 1 }, take: 10 });\n  }\n}',
      'function toPage(query) {\n  return { page: 1 };\n}',
    ];
    for (const text of notDeclared) assert.equal(textDeclaresModels(text), false, text);
  });

  it('finds a library name in any case exactly where the lowered text holds it', () => {
    // Letters whose case mapping leaves ASCII or enters it: dotted/dotless i, long s, Kelvin sign.
    const lookAlikes: Record<string, string[]> = { i: ['I', '\u0130', '\u0131'], s: ['S', '\u017F'], k: ['K', '\u212A'] };
    for (const name of ['typeorm', 'sequelize', 'mongoose', '@mikro-orm']) {
      const variants = [name, name.toUpperCase(), name.slice(0, -1), `${name[0].toUpperCase()}${name.slice(1)}`];
      for (let i = 0; i < name.length; i++) {
        for (const replacement of lookAlikes[name[i]] ?? [name[i].toUpperCase()]) variants.push(name.slice(0, i) + replacement + name.slice(i + 1));
      }
      for (const variant of variants) {
        const text = `import { x } from '${variant}';\nconst y = 1;\n`;
        assert.equal(textDeclaresModels(text), text.toLowerCase().includes(name), JSON.stringify(variant));
      }
    }
  });

  it('gives the very result of parsing on every TypeScript/JavaScript file of the tests, the sources and the accuracy corpus', async function () {
    this.timeout(120_000);
    const files = everySource();
    assert.ok(files.length > 100, `only ${files.length} files found`);
    let skipped = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (!extractor.accepts(file, text.slice(0, 4096)) || textDeclaresModels(text)) continue;
      skipped++;
      const read = await extractor.readModels(text, file);
      assert.deepEqual({ entities: read.entities.map((e) => e.name), problems: read.problems }, { entities: [], problems: [] }, file);
    }
    assert.ok(skipped > 0, 'no file was skipped: the test proves nothing');
  });
});

describe('TypeScriptExtractor: readers of calls run only where their names are written', () => {
  const readers = [
    { name: 'Sequelize', may: mayCallSequelize, read: (file: SourceFile) => readSequelizeModels(file).map((model) => model.entity) },
    { name: 'Mongoose', may: mayDeclareMongooseSchemas, read: readMongooseSchemas },
    { name: 'EntitySchema', may: mayDeclareEntitySchemas, read: readEntitySchemas },
  ];

  it('finds nothing in a file whose text lacks their names, on every TypeScript/JavaScript file of the tests, the sources and the accuracy corpus', async function () {
    this.timeout(120_000);
    const skipped = new Map<string, number>();
    const read = new Map<string, number>();
    for (const filePath of everySource()) {
      const text = fs.readFileSync(filePath, 'utf8').replace(/\r(?!\n)/g, '\n');
      const parsed = await loader.parse(grammarFor(filePath) ?? 'typescript', text);
      if (!parsed.tree) continue;
      try {
        for (const reader of readers) {
          const file: SourceFile = new SourceFile(text, filePath, parsed.tree.rootNode);
          const entities = reader.read(file);
          if (entities.length > 0) read.set(reader.name, (read.get(reader.name) ?? 0) + 1);
          if (reader.may(text)) continue;
          skipped.set(reader.name, (skipped.get(reader.name) ?? 0) + 1);
          assert.deepEqual({ entities: entities.map((e) => e.name), problems: file.problems }, { entities: [], problems: [] }, `${reader.name}: ${filePath}`);
        }
      } finally {
        parsed.tree.delete();
      }
    }
    for (const reader of readers) {
      assert.ok((skipped.get(reader.name) ?? 0) > 0 && (read.get(reader.name) ?? 0) > 0, `${reader.name}: files read and skipped, or the test proves nothing`);
    }
  });
});
