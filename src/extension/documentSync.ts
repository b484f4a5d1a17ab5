import * as vscode from 'vscode';
import { errorText, type AuditWorkspace } from './auditWorkspace';
import { EARLY_ANALYSIS_MS, EDIT_DEBOUNCE_MS } from './editTiming';
import { KeyedDebouncer } from './keyedDebouncer';


/**
 * Keeps the analysis of open documents in step with what the user types: each document has its
 * own debounce timer; opening a document analyses its buffer right away when it differs from
 * what the last scan read; closing it falls back to the file on disk. Edits to the checklist
 * re-read its decisions the same way.
 */
export class DocumentSync implements vscode.Disposable {
  private readonly debouncer: KeyedDebouncer;
  private readonly early: KeyedDebouncer;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly workspace: AuditWorkspace) {
    this.debouncer = new KeyedDebouncer(EDIT_DEBOUNCE_MS, workspace.idle, (key, error) => workspace.log.error(`${key}: ${errorText(error)}`));
    this.early = new KeyedDebouncer(EARLY_ANALYSIS_MS, workspace.idle, (key, error) => workspace.log.error(`${key}: ${errorText(error)}`));
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.changed(event.document, EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)),
    );
  }

  /** Analyses the documents already open when the extension starts. */
  start(): void {
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  private opened(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const folder = this.workspace.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    if (!folder || relPath === undefined) return;
    if (this.isChecklist(document)) return;
    if (!this.workspace.isInScope(document)) return;
    if (folder.index.text(relPath) === document.getText()) return;
    this.changed(document, 0);
  }

  private changed(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme !== 'file') return;
    const folder = this.workspace.folderOf(document.uri);
    if (!folder) return;
    const key = document.uri.toString();
    if (this.isChecklist(document)) {
      this.schedule(key, delay, () => this.workspace.reloadDecisions(folder));
      return;
    }
    if (!this.workspace.isInScope(document)) return;
    if (delay > 0) {
      this.early.schedule(key, () => {
        this.workspace.startEarlyAnalysis(document);
        return Promise.resolve();
      });
    }
    this.schedule(key, delay, () => this.workspace.analyzeDocument(document));
  }

  private schedule(key: string, delay: number, task: () => Promise<void>): void {
    if (delay === 0 && !this.debouncer.isScheduled(key)) {
      void this.workspace.idle.run(task).catch((error: unknown) => this.workspace.log.error(`${key}: ${errorText(error)}`));
      return;
    }
    this.debouncer.schedule(key, task);
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    this.early.cancel(key);
    const folder = this.workspace.folderOf(document.uri);
    if (!folder) return;
    if (this.isChecklist(document)) {
      void this.workspace.idle.run(() => this.workspace.reloadDecisions(folder)).catch((error: unknown) => this.workspace.log.error(errorText(error)));
      return;
    }
    void this.workspace.idle.run(() => this.workspace.documentClosed(document)).catch((error: unknown) => this.workspace.log.error(errorText(error)));
  }

  private isChecklist(document: vscode.TextDocument): boolean {
    const folder = this.workspace.folderOf(document.uri);
    return folder?.checklistPath !== null && folder?.checklistPath !== undefined && document.uri.fsPath === folder.checklistPath;
  }

  dispose(): void {
    this.debouncer.dispose();
    this.early.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
