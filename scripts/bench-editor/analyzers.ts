import type { PiAuditConfig } from '../../src/core/config/model';
import { scanLines } from '../../src/core/disposition/evidence/lineEvidence';
import { Engine } from '../../src/core/engine';
import { FolderIndex } from '../../src/core/scan/auditDocument';
import type { SkippedFile } from '../../src/core/scan/model';
import type { AnalyzedFile } from '../../src/extension/analysisProtocol';
import { AnalysisThread, analysisThreadEntry } from '../../src/extension/analysisThread';
import { scanFolder } from '../../src/extension/folderScan';

/** Analysis as the extension runs it (on its analysis thread), or on this thread for comparison and profiles. */
export interface BenchAnalyzer {
  analyze(file: string, text: string): Promise<{ analysis: AnalyzedFile['analysis']; lines?: AnalyzedFile['lines'] }>;
  /** A workspace folder's scan into a fresh index (`FolderAudit.scan`). */
  scan(root: string): Promise<{ index: FolderIndex; skipped: SkippedFile[] }>;
  dispose(): void;
}

const KEY = 'bench';

/** The extension's own: `AnalysisThread` running dist-like `analysisWorker.js` from `bundleDir`. */
export function threadAnalyzer(config: PiAuditConfig, bundleDir: string): BenchAnalyzer {
  const entry = analysisThreadEntry(bundleDir);
  if (!entry) throw new Error(`no analysis thread bundle in ${bundleDir}`);
  const thread = new AnalysisThread({ entry, onProblem: (message) => console.error(`[bench:editor] ${message}`) });
  thread.configure(KEY, config);
  return {
    analyze: (file, text) => thread.analyze(KEY, file, text),
    scan: async (root) => {
      const index = new FolderIndex();
      const { skipped } = await thread.scan(KEY, root, { onFile: (file, text) => index.set(file.analysis, text, file.lines) });
      return { index, skipped };
    },
    dispose: () => thread.dispose(),
  };
}

/**
 * Everything on this thread, as the extension did before it had an analysis thread: the
 * engine's analysis, and evidence line scans left to the audit.
 */
export function inThreadAnalyzer(config: PiAuditConfig): BenchAnalyzer {
  const engine = new Engine(config);
  return {
    analyze: async (file, text) => ({ analysis: await engine.analyze(file, text) }),
    scan: async (root) => {
      const index = new FolderIndex();
      const result = await scanFolder({
        root,
        config,
        engine,
        analyze: async (file, text) => ({ analysis: await engine.analyze(file, text), lines: scanLines(text) }),
        onFile: (file, text) => index.set(file.analysis, text),
      });
      return { index, skipped: result.skipped };
    },
    dispose: () => undefined,
  };
}
