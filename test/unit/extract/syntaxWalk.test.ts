import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { GrammarLoader, type GrammarName } from '../../../src/core/extract/treeSitter/grammarLoader';
import { descendantsOfTypes } from '../../../src/core/extract/treeSitter/descendantsOfTypes';
import { SyntaxIndex } from '../../../src/core/extract/treeSitter/syntaxIndex';

const FIXTURES = path.join(__dirname, '../../fixtures/extract');
const loader = new GrammarLoader();

/** The plain definition: every named node of those types, parent before children, left to right. */
function reference(node: Node, types: ReadonlySet<string>, found: string[] = []): string[] {
  if (node.isNamed && types.has(node.type)) found.push(where(node));
  for (const child of node.children) if (child) reference(child, types, found);
  return found;
}

function where(node: Node): string {
  return `${node.type}@${node.startIndex}-${node.endIndex}`;
}

async function check(grammar: GrammarName, text: string, types: string[], label: string): Promise<number> {
  const parser = await loader.parser(grammar);
  const tree = parser.parse(text);
  assert.ok(tree, label);
  try {
    const expected = reference(tree.rootNode, new Set(types));
    assert.deepEqual(descendantsOfTypes(tree.rootNode, types).map(where), expected, `${label}: ${types.join(' ')}`);
    return expected.length;
  } finally {
    tree.delete();
    parser.delete();
  }
}

const CASES: { folder: string; grammar: GrammarName; types: string[][] }[] = [
  { folder: 'java', grammar: 'java', types: [['line_comment', 'block_comment'], ['class_declaration', 'record_declaration'], ['field_declaration', 'constant_declaration'], ['ERROR']] },
  { folder: 'python', grammar: 'python', types: [['comment'], ['class_definition'], ['call'], ['ERROR']] },
  { folder: 'go', grammar: 'go', types: [['comment'], ['type_spec'], ['method_declaration', 'return_statement'], ['ERROR']] },
  { folder: 'csharp', grammar: 'c_sharp', types: [['comment'], ['class_declaration', 'record_declaration'], ['invocation_expression'], ['ERROR']] },
  // `class` names both a class expression and a keyword: only the named node counts.
  { folder: 'typescript', grammar: 'typescript', types: [['comment', 'variable_declarator', 'class_declaration', 'class', 'call_expression', 'new_expression', 'ERROR'], ['class']] },
];

describe('descendantsOfTypes', () => {
  it('finds the nodes a plain recursive walk finds, in the same order, on every fixture', async function () {
    this.timeout(60_000);
    let found = 0;
    for (const { folder, grammar, types } of CASES) {
      for (const name of fs.readdirSync(path.join(FIXTURES, folder))) {
        const text = fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8');
        for (const wanted of types) found += await check(grammar, text, wanted, `${folder}/${name}`);
      }
    }
    assert.ok(found > 200, `only ${found} nodes found: the fixtures were not read`);
  });

  it('finds them in damaged code too, and inside a subtree only', async () => {
    await check('java', 'class A {\n  // note\n  private String name;\n  void f( {\n', ['line_comment', 'field_declaration', 'ERROR'], 'damaged Java');
    await check('typescript', 'const A = class { x: string };\nclass B { y: number', ['class', 'class_declaration', 'ERROR'], 'damaged TypeScript');
    await check('python', '', ['comment', 'module'], 'empty file');
    const parser = await loader.parser('java');
    const tree = parser.parse('class A { int a; }\nclass B { int b; int c; }\n');
    assert.ok(tree);
    try {
      const second = tree.rootNode.namedChildren[1];
      assert.ok(second);
      assert.deepEqual(descendantsOfTypes(second, ['field_declaration']).map((n) => n.text), ['int b;', 'int c;']);
    } finally {
      tree.delete();
      parser.delete();
    }
  });
});

describe('SyntaxIndex', () => {
  it('gives each set of types what its own walk gives, from one walk of their union, on every fixture', async function () {
    this.timeout(60_000);
    let found = 0;
    const damaged = [{ folder: 'damaged', grammar: 'java' as const, name: 'A.java', text: 'class A {\n  // note\n  private String name;\n  void f( {\n' }];
    const fixtures = CASES.flatMap(({ folder, grammar }) =>
      fs.readdirSync(path.join(FIXTURES, folder)).map((name) => ({ folder, grammar, name, text: fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8') })),
    );
    for (const { folder, grammar, name, text } of [...fixtures, ...damaged]) {
      const types = CASES.find((c) => c.grammar === grammar)?.types ?? [];
      const parser = await loader.parser(grammar);
      const tree = parser.parse(text);
      assert.ok(tree);
      try {
        const index = new SyntaxIndex(tree.rootNode, types.flat());
        for (const wanted of [...types, types.flat(), ['identifier']]) {
          const expected = reference(tree.rootNode, new Set(wanted));
          assert.deepEqual(index.of(wanted).map(where), expected, `${folder}/${name}: ${wanted.join(' ')}`);
          found += expected.length;
        }
      } finally {
        tree.delete();
        parser.delete();
      }
    }
    assert.ok(found > 200, `only ${found} nodes found: the fixtures were not read`);
  });
});
