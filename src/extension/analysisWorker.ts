import { parentPort } from 'node:worker_threads';
import { scanLines } from '../core/disposition/evidence/lineEvidence';
import { Engine } from '../core/engine';
import { GrammarLoader } from '../core/extract/treeSitter/grammarLoader';
import type { FileAnalysis } from '../core/scan/analyzeFile';
import { redactValues } from '../core/values/redactValues';
import type { AnalysisRequest, AnalysisResponse, AnalyzedFile } from './analysisProtocol';
import { scanFolder } from './folderScan';

/** Progress of a scan is posted at most this often. */
const PROGRESS_MS = 100;

/**
 * The extension's analysis thread (bundled as dist/analysisWorker.js): the engine's parsing and
 * classification — workspace scans and the analysis of edited documents — run here, never on
 * the extension host's thread, and the host never loads the extractors, grammars or decoders.
 * One Engine per workspace folder configuration, one set of grammars for all. Requests are
 * served one at a time, in order; `cancel` stops a running scan at once.
 */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('analysisWorker must run in a worker thread');
  const grammars = new GrammarLoader();
  const engines = new Map<string, Engine>();
  const scans = new Map<number, AbortController>();
  let queue = Promise.resolve();
  const post = (response: AnalysisResponse): void => port.postMessage(response);

  const analyzed = async (engine: Engine, file: string, text: string): Promise<AnalyzedFile> => {
    const analysis: FileAnalysis = { ...(await engine.analyze(file, text)), entities: [] };
    return { analysis, lines: scanLines(text) };
  };

  const run = async (request: Extract<AnalysisRequest, { type: 'analyze' | 'scan' }>): Promise<void> => {
    const engine = engines.get(request.engine);
    if (!engine) {
      post({ type: 'failed', id: request.id, message: `no configuration for ${request.engine}` });
      return;
    }
    try {
      if (request.type === 'analyze') {
        post({ type: 'analysis', id: request.id, ...(await analyzed(engine, request.file, request.text)) });
        return;
      }
      const controller = new AbortController();
      scans.set(request.id, controller);
      let lastProgress = 0;
      const result = await scanFolder({
        root: request.root,
        config: engine.config,
        signal: controller.signal,
        engine,
        analyze: (file, text) => analyzed(engine, file, text),
        onFile: (file, text) => post({ type: 'file', id: request.id, text, ...file }),
        onProgress: (done, total) => {
          if (Date.now() - lastProgress < PROGRESS_MS && done < total) return;
          lastProgress = Date.now();
          post({ type: 'progress', id: request.id, done, total });
        },
      });
      post({ type: 'scanned', id: request.id, skipped: result.skipped, ms: result.ms });
    } catch (error) {
      // The message may quote a document: never a PI value whole.
      post({ type: 'failed', id: request.id, message: redactValues(error instanceof Error ? `${error.name}: ${error.message}` : String(error)) });
    } finally {
      scans.delete(request.id);
    }
  };

  port.on('message', (request: AnalysisRequest) => {
    switch (request.type) {
      case 'configure':
        engines.set(request.engine, new Engine(request.config, grammars));
        break;
      case 'forget':
        engines.delete(request.engine);
        break;
      case 'cancel':
        scans.get(request.id)?.abort();
        break;
      case 'analyze':
      case 'scan':
        queue = queue.then(() => run(request));
        break;
    }
  });
}

serve();
