import { strict as assert } from 'node:assert';
import { GrammarLoader } from '../../../src/core/extract/treeSitter/grammarLoader';

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
