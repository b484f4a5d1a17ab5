import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChecklistError } from '../core/checklist/checklistError';
import { readChecklistDecisions } from '../core/checklist/readChecklistDecisions';
import { ConfigError, type ConfigProblem } from '../core/config/configError';
import { loadConfig } from '../core/config/loadConfig';
import { mergeSettings } from '../core/config/mergeSettings';
import type { PiAuditConfig } from '../core/config/model';
import type { Disposition } from '../core/disposition/model';
import type { Lang } from '../core/i18n/localizer';
import { RULE_IDS } from '../core/rules/registry';
import { FolderIndex } from '../core/scan/auditDocument';
import { systemName, type Audit } from '../core/scan/auditFields';
import { displayPath } from '../core/values/redactValues';
import type { SkippedFile } from '../core/scan/model';
import type { AuditedField, ScanResult } from '../core/scan/scanResult';
import type { AnalyzedFile } from './analysisProtocol';
import type { AnalysisThread } from './analysisThread';
import { boundForRestrictedMode, checklistFileIn } from './settingsOverlay';
import { realRelPath } from './maskedPaths';

/** The folder's engine: it lives on the analysis thread, under the folder's key. */
export interface FolderEngine {
  key: string;
  config: PiAuditConfig;
}

/** What loading a folder's configuration told, for the log and the config file's diagnostics. */
export interface ConfigLoadReport {
  /** The problems (errors when the configuration was refused, else warnings). */
  problems: readonly ConfigProblem[];
  /** Settings lowered or dropped because the workspace is not trusted. */
  restricted: string[];
  failed: boolean;
}

/**
 * One workspace folder (one system): its configuration (`.piaudit.yaml` overlaid with the
 * folder's settings through the engine's `mergeSettings`), its Engine, the decisions of its
 * checklist, the latest analysis of each of its files, and the audit of them all.
 */
export class FolderAudit {
  readonly key: string;
  readonly rootPath: string;
  config: PiAuditConfig | undefined;
  /** Set once a configuration loaded (the analysis thread has it); undefined while none could. */
  engine: FolderEngine | undefined;
  configError: ConfigError | undefined;
  checklistError: ChecklistError | undefined;
  decisions: Map<string, Disposition> | undefined;
  readonly index = new FolderIndex();
  audit: Audit | undefined;
  /** Files the last workspace scan read from disk (relative paths). */
  scannedFiles: ReadonlySet<string> = new Set();
  skipped: readonly SkippedFile[] = [];
  scanMs = 0;
  /** True once a workspace scan of the folder finished. */
  scanned = false;
  private fieldsById = new Map<string, AuditedField>();

  /** `thread` analyses the folder's files off the extension host's thread, for every folder. */
  constructor(readonly uri: vscode.Uri, readonly name: string, private readonly lang: Lang, private readonly thread: AnalysisThread) {
    this.key = uri.toString();
    this.rootPath = uri.fsPath;
  }

  get system(): string {
    return this.config ? systemName(this.rootPath, this.config) : this.name;
  }

  /** The checklist's absolute path, or null when its configured path leads outside the folder. */
  get checklistPath(): string | null {
    return this.config ? checklistFileIn(this.rootPath, this.config.checklistPath) : null;
  }

  /** The checklist as the user knows it: relative to the folder, forward slashes. */
  get checklistShownAs(): string {
    return this.config?.checklistPath.replace(/\\/g, '/') ?? 'pi-disposition.yaml';
  }

  /**
   * Path of a file of this folder relative to it (forward slashes), as the engine shows it (a PI
   * value in a file name masked), or undefined when outside.
   */
  relPath(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.uri.scheme || uri.authority !== this.uri.authority) return undefined;
    const relative = path.relative(this.rootPath, uri.fsPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return displayPath(relative.split(path.sep).join('/'));
  }

  /** The file behind a path as the engine shows it (see `relPath`). */
  uriOf(relPath: string): vscode.Uri {
    const real = relPath.includes('*') ? (realRelPath(this.rootPath, relPath) ?? relPath) : relPath;
    return vscode.Uri.joinPath(this.uri, ...real.split('/'));
  }

  field(id: string): AuditedField | undefined {
    return this.fieldsById.get(id);
  }

  /**
   * Reads `.piaudit.yaml` and lays the folder's settings over it, bounded when the workspace is
   * not trusted. A configuration error keeps the previous configuration (and Engine) in force.
   */
  async loadConfig(settings: Record<string, unknown>, trusted: boolean): Promise<ConfigLoadReport> {
    try {
      const loaded = await loadConfig({ folder: this.rootPath, knownRuleIds: RULE_IDS });
      const merged = mergeSettings(loaded.config, settings, 'settings', { knownRuleIds: RULE_IDS });
      const bounded = trusted ? { config: merged.config, changes: [] } : boundForRestrictedMode(merged.config);
      this.config = bounded.config;
      this.thread.configure(this.key, bounded.config);
      this.engine = { key: this.key, config: bounded.config };
      this.configError = undefined;
      return { problems: [...loaded.warnings, ...merged.warnings], restricted: bounded.changes, failed: false };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.configError = error;
      return { problems: error.problems, restricted: [], failed: true };
    }
  }

  /**
   * Takes the decisions recorded in the checklist text (undefined: there is no checklist).
   * A checklist that does not parse keeps the previous decisions in force and is reported.
   */
  readDecisions(text: string | undefined): void {
    if (text === undefined) {
      this.decisions = undefined;
      this.checklistError = undefined;
      return;
    }
    try {
      this.decisions = readChecklistDecisions(text, { file: this.checklistShownAs, system: this.system });
      this.checklistError = undefined;
    } catch (error) {
      if (!(error instanceof ChecklistError)) throw error;
      this.checklistError = error;
    }
  }

  /** One file's text analysed with the folder's configuration, on the analysis thread. */
  analyze(relPath: string, text: string): Promise<AnalyzedFile> {
    return this.thread.analyze(this.key, relPath, text);
  }

  /** Scans the whole folder from disk on the analysis thread; the index is replaced only when the scan finishes. */
  async scan(signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<void> {
    if (!this.engine) return;
    const fresh = new FolderIndex();
    const result = await this.thread.scan(this.key, this.rootPath, {
      signal,
      onProgress,
      onFile: (file, text) => fresh.set(file.analysis, text, file.lines),
    });
    signal.throwIfAborted();
    this.index.replaceWith(fresh);
    this.scannedFiles = new Set(fresh.files());
    this.skipped = result.skipped;
    this.scanMs = result.ms;
    this.scanned = true;
  }

  /** Re-runs the audit over the index (dispositions, evidence, rules). */
  reaudit(): Audit | undefined {
    if (!this.config) return undefined;
    this.audit = this.index.audit({ config: this.config, lang: this.lang, system: this.system, checklist: this.decisions });
    this.fieldsById = new Map(this.audit.fields.map((f) => [f.id, f]));
    return this.audit;
  }

  /** The current state as the engine's result type (for SARIF). */
  scanResult(): ScanResult | undefined {
    const audit = this.audit ?? this.reaudit();
    if (!audit) return undefined;
    return this.index.scanResult(audit, { root: this.rootPath, skipped: this.skipped, ms: this.scanMs });
  }
}
