import type { PiAuditConfig } from '../core/config/model';
import type { LineEvidence } from '../core/disposition/evidence/lineEvidence';
import type { FileAnalysis } from '../core/scan/analyzeFile';
import type { SkippedFile } from '../core/scan/model';

/**
 * Messages between the extension host and its analysis thread (analysisWorker.ts). The thread
 * keeps one Engine per configuration (`engine` names it: a workspace folder's key). Everything
 * here is plain data (structured clone).
 */
export type AnalysisRequest =
  | { type: 'configure'; engine: string; config: PiAuditConfig }
  | { type: 'forget'; engine: string }
  | { type: 'analyze'; id: number; engine: string; file: string; text: string }
  | { type: 'scan'; id: number; engine: string; root: string }
  /** Stops a scan (handled at once, not after the requests queued before it). */
  | { type: 'cancel'; id: number };

/**
 * One file as the thread analysed it: its analysis (without the extracted entities, which only
 * the engine itself reads — a workspace scan drops them too) and the evidence line scan of its
 * text, so the extension host neither parses nor searches the text itself.
 */
export interface AnalyzedFile {
  analysis: FileAnalysis;
  lines: LineEvidence[];
}

/**
 * Answers: one `analysis` per `analyze`; per `scan`, a `file` for each file read (with its text),
 * `progress` now and then, and `scanned` at the end; `failed` for either.
 */
export type AnalysisResponse =
  | ({ type: 'analysis'; id: number } & AnalyzedFile)
  | ({ type: 'file'; id: number; text: string } & AnalyzedFile)
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'scanned'; id: number; skipped: SkippedFile[]; ms: number }
  | { type: 'failed'; id: number; message: string };
