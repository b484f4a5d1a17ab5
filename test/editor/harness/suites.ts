import type { WorkspaceTrust } from './throwawayProfile';

/** One run of code-server with one fixture workspace and one folder of in-host mocha files. */
export interface EditorSuite {
  /** Folder of `test/editor/suite/` with an index.ts and its *.test.ts files. */
  name: string;
  /** Folder of `test/editor/workspaces/`, copied to a temporary folder before the run (the tests edit files). */
  workspace: string;
  /** A `.code-workspace` file inside that folder to open instead of the folder itself (multi-root). */
  workspaceFile?: string;
  /** Display language, passed to code-server as `--locale`. */
  locale?: string;
  trust: WorkspaceTrust;
}

export const EDITOR_SUITES: readonly EditorSuite[] = [
  { name: 'en', workspace: 'subsidiary', trust: 'disabled' },
  { name: 'quick-fixes', workspace: 'subsidiary', trust: 'disabled' },
  { name: 'zh-cn', workspace: 'subsidiary', locale: 'zh-cn', trust: 'disabled' },
  { name: 'multi-root', workspace: 'multi-root', workspaceFile: 'subsidiary.code-workspace', trust: 'disabled' },
  { name: 'restricted', workspace: 'untrusted', trust: 'restricted' },
];
