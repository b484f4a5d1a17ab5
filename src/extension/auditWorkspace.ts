import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatConfigProblem } from '../core/config/configError';
import type { Lang } from '../core/i18n/localizer';
import { ruleMetadata } from '../core/rules/ruleMetadata';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { EarlyAnalyses } from './earlyAnalyses';
import type { AnalyzedFile } from './analysisProtocol';
import { AnalysisThread, analysisThreadEntry } from './analysisThread';
import { FileProblems, type FileProblem } from './fileProblems';
import { FolderAudit } from './folderAudit';
import { IdleTracker } from './idleTracker';
import { inScope } from './scope';
import { folderSettings } from './settings';
import { VersionGate } from './versionGate';

/** How a scan shows its progress: a cancellable notification (command, startup) or the status bar (re-analysis). */
export type ScanPresentation = 'notification' | 'window';

/**
 * The workspace as PI Audit sees it: one FolderAudit (configuration, Engine, index, audit) per
 * workspace folder. Everything that changes results goes through here — document analyses,
 * scans, configuration and checklist reloads — and ends in `refresh`, which re-audits the folder,
 * publishes its diagnostics and tells the views.
 */
export class AuditWorkspace implements vscode.Disposable {
  readonly idle = new IdleTracker();
  readonly diagnostics: DiagnosticsPublisher;
  readonly fileProblems = new FileProblems();
  private readonly folders = new Map<string, FolderAudit>();
  private readonly gate = new VersionGate();
  /**
   * Parses and classifies every file off the extension host's thread, for all folders (its
   * grammars load once, whatever the configurations): see analysisThread.ts.
   */
  private readonly thread: AnalysisThread;
  /** Analyses of edited documents started before their debounce ends (see earlyAnalyses.ts). */
  private readonly early = new EarlyAnalyses<AnalyzedFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly pendingRefresh = new Set<string>();
  /** The scan running for each folder, so a newer one (or Cancel) can abort it. */
  private readonly folderScans = new Map<string, AbortController>();
  private runningScans = 0;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly lang: Lang,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.diagnostics = new DiagnosticsPublisher(extensionUri);
    this.thread = new AnalysisThread({ entry: analysisThreadEntry(), onProblem: (message) => this.log.warn(message) });
  }

  /** Starts the analysis thread before the folders load (see `AnalysisThread.warmUp`). */
  warmUp(): void {
    this.thread.warmUp();
  }

  get isScanning(): boolean {
    return this.runningScans > 0;
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  all(): FolderAudit[] {
    return [...this.folders.values()];
  }

  /** The folder a file belongs to (the innermost workspace folder holding it). */
  folderOf(uri: vscode.Uri): FolderAudit | undefined {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
    return workspaceFolder ? this.folders.get(workspaceFolder.uri.toString()) : undefined;
  }

  folderByKey(key: string): FolderAudit | undefined {
    return this.folders.get(key);
  }

  /** Finds a field by id, in the given folder or else the first folder that has it. */
  findField(fieldId: string, folderKey?: string): { folder: FolderAudit; fieldId: string } | undefined {
    const candidates = folderKey ? [this.folders.get(folderKey)].filter((f) => f !== undefined) : this.all();
    const folder = candidates.find((f) => f.field(fieldId) !== undefined);
    return folder ? { folder, fieldId } : undefined;
  }

  async addFolder(workspaceFolder: vscode.WorkspaceFolder): Promise<FolderAudit> {
    const folder = new FolderAudit(workspaceFolder.uri, workspaceFolder.name, this.lang, this.thread);
    this.folders.set(folder.key, folder);
    await this.loadFolderConfig(folder);
    await this.reloadDecisions(folder, false);
    return folder;
  }

  removeFolder(uri: vscode.Uri): void {
    const folder = this.folders.get(uri.toString());
    if (!folder) return;
    this.folders.delete(folder.key);
    this.thread.forget(folder.key);
    this.diagnostics.clear(folder);
    this.fileProblems.clearFolder(folder.key);
    this.changed.fire();
  }

  /**
   * Reads the folder's configuration again (after `.piaudit.yaml` or a setting changed, or trust
   * was granted) and re-analyses: the whole folder when it was scanned, else its open documents.
   */
  async reload(folder: FolderAudit): Promise<void> {
    await this.idle.run(async () => {
      const ok = await this.loadFolderConfig(folder);
      if (!ok) {
        this.refresh(folder);
        return;
      }
      await this.reloadDecisions(folder, false);
      if (folder.scanned) await this.scan([folder], 'window');
      else await this.reanalyzeOpenDocuments(folder);
      this.refresh(folder);
    });
  }

  /** Reads the checklist's decisions again (from the open buffer when there is one) and re-audits. */
  async reloadDecisions(folder: FolderAudit, refresh = true): Promise<void> {
    const file = folder.checklistPath;
    let text: string | undefined;
    if (file !== null) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
      text = open ? open.getText() : await readIfExists(file);
    }
    folder.readDecisions(text);
    const problems: FileProblem[] = (folder.checklistError?.problems ?? []).map((p) => ({
      uri: folder.uriOf(folder.checklistShownAs),
      line: p.line,
      column: p.column,
      message: p.key ? `${p.key}: ${p.message}` : p.message,
      severity: 'error',
    }));
    this.fileProblems.set(folder.key, 'checklist-read', problems);
    if (folder.checklistError) this.log.warn(`${folder.name}: ${folder.checklistError.message}`);
    if (refresh) this.refresh(folder);
  }

  /**
   * Scans folders from disk, one after the other, with a progress notification whose Cancel
   * aborts the engine's walk and analysis (an AbortSignal goes into `scanWorkspace`). A new scan
   * of a folder aborts the one still running for that folder (other folders go on). Resolves
   * false when cancelled.
   */
  async scan(folders: readonly FolderAudit[], presentation: ScanPresentation): Promise<boolean> {
    const run = new AbortController();
    this.runningScans++;
    this.changed.fire();
    const release = this.idle.hold();
    try {
      return await vscode.window.withProgress(
        {
          location: presentation === 'notification' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
          title: vscode.l10n.t('PI Audit: scanning'),
          cancellable: presentation === 'notification',
        },
        async (progress, token) => {
          const subscription = token.onCancellationRequested(() => run.abort());
          try {
            for (const folder of folders) {
              if (run.signal.aborted) break;
              await this.scanOne(folder, run.signal, (message, increment) => progress.report({ message, increment }), folders.length);
            }
          } finally {
            subscription.dispose();
          }
          return !run.signal.aborted;
        },
      );
    } finally {
      this.runningScans--;
      release();
      this.changed.fire();
    }
  }

  /** One folder's scan, aborted by the run's Cancel or by a newer scan of the same folder. */
  private async scanOne(folder: FolderAudit, run: AbortSignal, report: (message: string, increment?: number) => void, folderCount: number): Promise<void> {
    this.folderScans.get(folder.key)?.abort();
    const controller = new AbortController();
    this.folderScans.set(folder.key, controller);
    const abort = (): void => controller.abort();
    run.addEventListener('abort', abort);
    try {
      await this.scanFolder(folder, controller.signal, report, folderCount);
    } finally {
      run.removeEventListener('abort', abort);
      if (this.folderScans.get(folder.key) === controller) this.folderScans.delete(folder.key);
    }
  }

  private async scanFolder(folder: FolderAudit, signal: AbortSignal, report: (message: string, increment?: number) => void, folderCount: number): Promise<void> {
    if (!folder.engine) {
      report(vscode.l10n.t('{0}: configuration error, not scanned', folder.name));
      return;
    }
    const started = Date.now();
    let reported = 0;
    try {
      await folder.scan(signal, (done, total) => {
        const share = total === 0 ? 100 / folderCount : ((done / total) * 100) / folderCount;
        report(vscode.l10n.t('{0}: {1}/{2} files', folder.name, done, total), share - reported);
        reported = share;
      });
    } catch (error) {
      if (signal.aborted) {
        this.log.info(`${folder.name}: scan cancelled`);
        return;
      }
      throw error;
    }
    // The scan read the disk: open documents may hold newer, unsaved text.
    await this.reanalyzeOpenDocuments(folder);
    this.refresh(folder, true);
    this.log.info(`${folder.name}: scanned ${folder.index.size} files in ${Date.now() - started} ms (the analysis thread's scan: ${folder.scanMs} ms), ${folder.audit?.fields.length ?? 0} PI fields, ${folder.skipped.length} skipped`);
    for (const skip of folder.skipped) this.log.debug(`${folder.name}: skipped ${skip.file} (${skip.reason})`);
  }

  /** True when the document is a file of a folder that the folder's configuration puts in scope. */
  isInScope(document: vscode.TextDocument): boolean {
    const folder = this.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    return folder?.config !== undefined && relPath !== undefined && inScope(relPath, folder.config);
  }

  /**
   * Starts analysing a document's current text on the analysis thread ahead of its debounce, so
   * that `analyzeDocument` finds the result ready when typing has paused long enough.
   */
  startEarlyAnalysis(document: vscode.TextDocument): void {
    const target = this.analysisTarget(document);
    if (!target) return;
    const { folder, relPath, text } = target;
    this.early.start(document.uri.toString(), { version: document.version, text, engine: folder.engine }, () => folder.analyze(relPath, text));
  }

  /**
   * Analyses one document's current text on the analysis thread (or takes the analysis started
   * early for this very version) and re-audits the folder. A result for an older version than
   * one already applied is dropped.
   */
  async analyzeDocument(document: vscode.TextDocument): Promise<void> {
    const target = this.analysisTarget(document);
    if (!target) return;
    const { folder, relPath, text } = target;
    const version = document.version;
    const early = this.early.take(document.uri.toString(), { version, text, engine: folder.engine });
    const { analysis, lines } = await (early ?? folder.analyze(relPath, text));
    if (document.isClosed || !this.gate.accept(document.uri.toString(), version)) return;
    folder.index.set(analysis, text, lines);
    this.refresh(folder);
  }

  /** The folder, path and text of a document the folder's configuration puts in scope, within the size limit. */
  private analysisTarget(document: vscode.TextDocument): { folder: FolderAudit; relPath: string; text: string } | undefined {
    const folder = this.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    if (!folder || relPath === undefined || !folder.engine || !folder.config || !inScope(relPath, folder.config)) return undefined;
    const text = document.getText();
    if (text.length > folder.config.maxFileSize) return undefined;
    return { folder, relPath, text };
  }

  /** A document was closed: its unsaved text no longer counts; the file on disk does (if scanned). */
  async documentClosed(document: vscode.TextDocument): Promise<void> {
    this.gate.forget(document.uri.toString());
    this.early.forget(document.uri.toString());
    const folder = this.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    if (!folder || relPath === undefined || !folder.index.has(relPath)) return;
    if (!folder.scannedFiles.has(relPath)) {
      folder.index.delete(relPath);
      this.refresh(folder);
      return;
    }
    await this.reanalyzeFromDisk(folder, relPath);
  }

  /** A file known to the index changed on disk or was deleted, while not open in an editor. */
  async fileChangedOnDisk(uri: vscode.Uri, deleted: boolean): Promise<void> {
    const folder = this.folderOf(uri);
    const relPath = folder?.relPath(uri);
    if (!folder || relPath === undefined || !folder.index.has(relPath)) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (deleted) {
      folder.index.delete(relPath);
      this.refresh(folder);
      return;
    }
    await this.reanalyzeFromDisk(folder, relPath);
  }

  private async reanalyzeFromDisk(folder: FolderAudit, relPath: string): Promise<void> {
    const text = await readIfExists(folder.uriOf(relPath).fsPath);
    if (text === undefined || !folder.engine) {
      folder.index.delete(relPath);
    } else if (folder.index.text(relPath) !== text) {
      const { analysis, lines } = await folder.analyze(relPath, text);
      folder.index.set(analysis, text, lines);
    } else {
      return;
    }
    this.refresh(folder);
  }

  private async reanalyzeOpenDocuments(folder: FolderAudit): Promise<void> {
    for (const document of vscode.workspace.textDocuments) {
      const relPath = folder.relPath(document.uri);
      if (relPath === undefined || document.uri.scheme !== 'file') continue;
      if (this.folderOf(document.uri) !== folder) continue;
      if (!document.isDirty && folder.index.text(relPath) === document.getText()) continue;
      await this.analyzeDocument(document);
    }
  }

  /**
   * Re-audits a folder and publishes the result. Several requests in the same tick (a scan's
   * overlay of open documents, a burst of finished analyses) run the audit once.
   */
  refresh(folder: FolderAudit, now = false): void {
    if (now) {
      this.pendingRefresh.delete(folder.key);
      this.runRefresh(folder);
      return;
    }
    if (this.pendingRefresh.has(folder.key)) return;
    this.pendingRefresh.add(folder.key);
    const release = this.idle.hold();
    setImmediate(() => {
      try {
        if (this.pendingRefresh.delete(folder.key) && this.folders.get(folder.key) === folder) this.runRefresh(folder);
      } catch (error) {
        this.log.error(`${folder.name}: ${errorText(error)}`);
      } finally {
        release();
      }
    });
  }

  private runRefresh(folder: FolderAudit): void {
    folder.reaudit();
    this.diagnostics.publish(folder);
    this.changed.fire();
  }

  /** Loads configuration and settings, reporting problems on `.piaudit.yaml` and in the log. */
  private async loadFolderConfig(folder: FolderAudit): Promise<boolean> {
    const report = await folder.loadConfig(folderSettings(folder.uri, this.trusted), this.trusted);
    const problems: FileProblem[] = [];
    for (const problem of report.problems) {
      const line = formatConfigProblem(problem);
      if (problem.severity === 'error') this.log.error(`${folder.name}: ${line}`);
      else this.log.warn(`${folder.name}: ${line}`);
      if (problem.file !== 'settings') {
        problems.push({ uri: folder.uriOf(problem.file), line: problem.line, column: problem.column, message: problem.key ? `${problem.key}: ${problem.message}` : problem.message, severity: problem.severity });
      }
    }
    this.fileProblems.set(folder.key, 'config', problems);
    for (const change of report.restricted) this.log.info(`${folder.name}: restricted mode: ${change}`);
    if (report.failed) {
      const first = report.problems[0];
      const where = first ? formatConfigProblem(first) : '';
      void vscode.window.showErrorMessage(vscode.l10n.t('PI Audit: the configuration of {0} has errors and was not applied: {1}', folder.name, where));
    }
    return !report.failed;
  }

  /** Rule metadata in the user's language (SARIF export). */
  ruleMetadata(): ReturnType<typeof ruleMetadata> {
    return ruleMetadata(this.lang);
  }

  dispose(): void {
    for (const controller of this.folderScans.values()) controller.abort();
    this.thread.dispose();
    this.changed.dispose();
    this.diagnostics.dispose();
    this.fileProblems.dispose();
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
