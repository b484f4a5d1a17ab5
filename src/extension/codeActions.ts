import * as vscode from 'vscode';
import type { AuditWorkspace } from './auditWorkspace';
import { FIX_ALL_KIND } from './codeActionKinds';
import { DIAGNOSTIC_SOURCE, engineDiagnosticOf } from './diagnosticsPublisher';
import { addAnnotationAbove, canAnnotate, removeAnnotationAt, replaceAnnotationAt } from './documentEdits';
import type { FolderAudit } from './folderAudit';
import { defaultDecision, planFixes, type FixPlan } from './fixPlans';
import { annotationSpanOnLine } from './textSpans';

/**
 * Quick fixes for PI Audit diagnostics and the file's "fix all" source action. Honours
 * `context.only`; exactly one action is preferred. Fix-all is only offered when asked for
 * explicitly (never on save: it writes legal decisions into the code).
 */
export class PiCodeActionProvider implements vscode.CodeActionProvider {
  constructor(private readonly workspace: AuditWorkspace) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const folder = this.workspace.folderOf(document.uri);
    const relPath = folder?.relPath(document.uri);
    if (!folder?.audit || relPath === undefined) return [];
    const actions: vscode.CodeAction[] = [];
    if (wants(context, vscode.CodeActionKind.QuickFix)) actions.push(...this.quickFixes(document, folder, relPath, context.diagnostics));
    if (context.only?.contains(FIX_ALL_KIND) && context.triggerKind === vscode.CodeActionTriggerKind.Invoke) {
      const fixAll = this.fixAll(document, folder, relPath);
      if (fixAll) actions.push(fixAll);
    }
    let preferredSeen = false;
    for (const action of actions) {
      if (action.isPreferred && preferredSeen) action.isPreferred = false;
      preferredSeen ||= action.isPreferred === true;
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, folder: FolderAudit, relPath: string, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      if (diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'object' && diagnostic.code.value === 'pi/checklist-stale' && !seen.has('checklist')) {
        // Raised by "check checklist" on the checklist (or on a field it misses): regenerate it.
        seen.add('checklist');
        const update = new vscode.CodeAction(vscode.l10n.t('Update the checklist'), vscode.CodeActionKind.QuickFix);
        update.command = { command: 'piAudit.generateChecklist', title: update.title };
        update.diagnostics = [diagnostic];
        update.isPreferred = true;
        actions.push(update);
        continue;
      }
      const engine = engineDiagnosticOf(folder, relPath, diagnostic);
      const field = engine && folder.audit?.assessed.find((a) => a.finding.id === engine.fieldId);
      if (!engine || !field) continue;
      // A field flagged by several rules gets the declaration fixes once.
      const undecidedKey = field.disposition === null ? `declare:${field.finding.id}` : `${engine.rule}:${engine.line}`;
      if (seen.has(undecidedKey)) continue;
      seen.add(undecidedKey);
      const lineText = engine.line <= document.lineCount ? document.lineAt(engine.line - 1).text : '';
      const plans = planFixes({
        rule: engine.rule,
        field,
        folderKey: folder.key,
        canInsert: field.finding.file === relPath && canAnnotate(document, folder, field.finding),
        site: { line: engine.line, column: engine.column, replaceable: annotationSpanOnLine(lineText, engine.column - 1) !== null },
        lang: this.workspace.lang,
      }, vscode.l10n);
      for (const plan of plans) {
        const action = this.toAction(plan, document, folder, field.finding.id);
        if (!action) continue;
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }

  private toAction(plan: FixPlan, document: vscode.TextDocument, folder: FolderAudit, fieldId: string): vscode.CodeAction | undefined {
    const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
    action.isPreferred = plan.preferred === true;
    const finding = folder.audit?.assessed.find((a) => a.finding.id === fieldId)?.finding;
    switch (plan.kind) {
      case 'insert': {
        const edit = new vscode.WorkspaceEdit();
        if (!finding || !addAnnotationAbove(edit, document, folder, finding, plan.decision)) return undefined;
        action.edit = edit;
        return action;
      }
      case 'replace': {
        const edit = new vscode.WorkspaceEdit();
        if (!replaceAnnotationAt(edit, document, plan.line, plan.column, plan.decision)) return undefined;
        action.edit = edit;
        return action;
      }
      case 'remove': {
        const edit = new vscode.WorkspaceEdit();
        if (!removeAnnotationAt(edit, document, plan.line, plan.column)) return undefined;
        action.edit = edit;
        return action;
      }
      case 'command':
        action.command = {
          command: plan.command,
          title: plan.title,
          arguments: plan.command === 'piAudit.setDisposition' ? [fieldId, plan.options ?? {}] : [],
        };
        return action;
    }
  }

  /**
   * One edit declaring, above every undecided PI field of the file that can be annotated, the
   * decision that never conflicts with a law: retain for the longest retention duty that applies
   * (then destroy), else delete. Deterministic: the same file gives the same edit.
   */
  private fixAll(document: vscode.TextDocument, folder: FolderAudit, relPath: string): vscode.CodeAction | undefined {
    const edit = new vscode.WorkspaceEdit();
    let count = 0;
    const undecided = (folder.audit?.assessed ?? []).filter((a) => a.finding.file === relPath && a.finding.isPI && a.disposition === null && a.invalid.length === 0);
    const judged = new Set((folder.audit?.diagnostics ?? []).filter((d) => d.rule === 'pi/missing-disposition').map((d) => d.fieldId));
    for (const field of undecided.filter((a) => judged.has(a.finding.id)).sort((a, b) => a.finding.line - b.finding.line)) {
      if (addAnnotationAbove(edit, document, folder, field.finding, defaultDecision(field, this.workspace.lang))) count++;
    }
    if (count === 0) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('PI Audit: declare a disposition for {0} undecided fields (retain where a law requires it, else delete)', count), FIX_ALL_KIND);
    action.edit = edit;
    return action;
  }
}

function wants(context: vscode.CodeActionContext, kind: vscode.CodeActionKind): boolean {
  return context.only === undefined || context.only.contains(kind);
}
