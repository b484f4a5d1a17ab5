import { strict as assert } from 'node:assert';
import type { Parser } from 'web-tree-sitter';
import { GrammarLoader, type GrammarName } from '../../../src/core/extract/treeSitter/grammarLoader';

describe('GrammarLoader', () => {
  it('loads each grammar the extractors use and parses with it', async () => {
    const loader = new GrammarLoader();
    const samples: Record<string, string> = {
      typescript: 'class Member { name: string = "" }',
      python: 'class Member:\n    name = 1\n',
      java: 'class Member { String name; }',
      go: 'package m\n\ntype Member struct {\n\tName string\n}\n',
      c_sharp: 'class Member { public string Name { get; set; } }',
    };
    for (const [name, source] of Object.entries(samples)) {
      const parser = await loader.parser(name as 'typescript');
      const tree = parser.parse(source);
      assert.ok(tree, `${name} produced no tree`);
      assert.equal(tree.rootNode.hasError, false, `${name} reported a syntax error`);
    }
  });
});

/** A loader whose parser comes with a parse of another text left unfinished (stopped by its guard). */
class InterruptedLoader extends GrammarLoader {
  override async parser(name: GrammarName): Promise<Parser> {
    const parser = await super.parser(name);
    const other = `class Other {\n${'  String field;\n'.repeat(2000)}}\n`;
    // Returning true from the progress callback cancels the parse (web-tree-sitter 0.25).
    const stopped = parser.parse(other, null, { progressCallback: () => true });
    assert.equal(stopped, null, 'the setup parse was stopped');
    return parser;
  }
}

describe('GrammarLoader.parse', () => {
  it('parses each text on its own with the one parser it keeps per grammar', async () => {
    const loader = new InterruptedLoader();
    for (const name of ['Member', 'Order', 'Member']) {
      const parsed = await loader.parse('java', `class ${name} { String xm; }`);
      assert.ok(parsed.tree, name);
      try {
        assert.equal(parsed.tree.rootNode.text, `class ${name} { String xm; }`);
        assert.equal(parsed.tree.rootNode.hasError, false);
      } finally {
        parsed.tree.delete();
      }
    }
  });
});
