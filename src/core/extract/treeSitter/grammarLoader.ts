import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { parseGuarded, type GuardedParse } from './guardedParse';

/** Grammar names as they appear in `tree-sitter-wasms/out/tree-sitter-<name>.wasm`. */
export type GrammarName = 'typescript' | 'tsx' | 'javascript' | 'python' | 'java' | 'go' | 'c_sharp';

/**
 * Loads tree-sitter grammars (WebAssembly, no native build) once per engine instance.
 * In the bundle the .wasm files sit in `dist/grammars/`; when running from sources they are
 * resolved from node_modules. The instance owns its cache, so two engines never share state.
 */
export class GrammarLoader {
  private runtime: Promise<void> | undefined;
  private readonly languages = new Map<GrammarName, Promise<Language>>();
  private readonly parsers = new Map<GrammarName, Promise<Parser>>();

  constructor(private readonly bundleDir: string = path.join(__dirname, 'grammars')) {}

  /**
   * `parseGuarded` with this instance's own parser for the grammar. A parser costs about as much
   * to make as a small file costs to parse, so one per grammar is kept; a parse runs to its end
   * without yielding, so no two parses ever share it at once.
   */
  async parse(name: GrammarName, text: string): Promise<GuardedParse> {
    let pending = this.parsers.get(name);
    if (!pending) {
      pending = this.parser(name);
      this.parsers.set(name, pending);
    }
    const parser = await pending;
    // A parse the guard stopped would otherwise be resumed by the next one.
    parser.reset();
    return parseGuarded(parser, text);
  }

  /** A new parser for the grammar, which the caller deletes; languages are cached. */
  async parser(name: GrammarName): Promise<Parser> {
    const language = await this.language(name);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  }

  language(name: GrammarName): Promise<Language> {
    let pending = this.languages.get(name);
    if (!pending) {
      pending = this.init().then(() => Language.load(this.wasmPath(`tree-sitter-${name}.wasm`, `tree-sitter-wasms/out/tree-sitter-${name}.wasm`)));
      this.languages.set(name, pending);
    }
    return pending;
  }

  private init(): Promise<void> {
    this.runtime ??= Parser.init({
      locateFile: (file: string) => this.wasmPath(file, `web-tree-sitter/${file}`),
    });
    return this.runtime;
  }

  private wasmPath(file: string, moduleRequest: string): string {
    const bundled = path.join(this.bundleDir, file);
    return fs.existsSync(bundled) ? bundled : require.resolve(moduleRequest);
  }
}
