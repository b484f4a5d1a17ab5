import type { PiAuditConfig } from '../core/config/model';
import type { Engine } from '../core/engine';
import type { ScanResult } from '../core/scan/scanResult';
import { scanWorkspace } from '../core/scan/scanWorkspace';
import type { AnalyzedFile } from './analysisProtocol';

export interface FolderScanOptions {
  root: string;
  config: PiAuditConfig;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The folder's engine (its `analyze` is replaced by `analyze`). */
  engine: Engine;
  /** Analyses one file's text. */
  analyze: (file: string, text: string) => Promise<AnalyzedFile>;
  /** Told about every file analysed, with its text. */
  onFile: (analyzed: AnalyzedFile, text: string) => void;
}

/**
 * Scans a workspace folder from disk with the engine's `scanWorkspace` (walk, .gitignore,
 * globs, decoding, skips), analysing every file in-process through `analyze` and handing each
 * one with its text to `onFile`: what an editor needs to keep the folder's texts and re-audit
 * it after an edit. Runs on the extension's analysis thread.
 */
export function scanFolder(options: FolderScanOptions): Promise<ScanResult> {
  const { engine, analyze, onFile } = options;
  // Not an Engine instance: scanWorkspace calls it for every file, in-process and without cache.
  const recording: Engine = {
    config: engine.config,
    extractors: engine.extractors,
    classifier: engine.classifier,
    analyze: async (file, text) => {
      const analyzed = await analyze(file, text);
      onFile(analyzed, text);
      return analyzed.analysis;
    },
  };
  // `lang` only words the scan's own audit, which the editor does not use (it audits the index).
  return scanWorkspace({ root: options.root, config: options.config, lang: 'en', signal: options.signal, onProgress: options.onProgress, engine: recording });
}
