import * as vscode from 'vscode';
import type { AuditWorkspace } from './auditWorkspace';
import { addCounts, countFields, type FieldCounts } from './fieldState';

/**
 * The `piAudit.status` item: PI fields / undecided / sensitive undecided over every folder,
 * updated after each analysis; a spinner while a scan runs; a warning when a configuration
 * could not be applied. A click opens the inventory.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('piAudit.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly workspace: AuditWorkspace) {
    this.item.name = vscode.l10n.t('PI Audit');
    this.item.command = 'workbench.view.extension.piAudit';
    this.subscription = workspace.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const folders = this.workspace.all();
    const counts = folders.reduce<FieldCounts>((sum, f) => addCounts(sum, countFields(f.audit?.fields ?? [])), { fields: 0, undecided: 0, sensitiveUndecided: 0 });
    const analysed = folders.some((f) => f.audit !== undefined);
    const broken = folders.filter((f) => f.configError !== undefined).map((f) => f.name);
    const icon = this.workspace.isScanning ? '$(sync~spin)' : broken.length > 0 ? '$(warning)' : '$(shield)';
    this.item.text = analysed || this.workspace.isScanning
      ? `${icon} ${vscode.l10n.t('PI {0} · {1} undecided · {2} sensitive', counts.fields, counts.undecided, counts.sensitiveUndecided)}`
      : `${icon} ${vscode.l10n.t('PI Audit')}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    tooltip.appendText(vscode.l10n.t('{0} personal-information fields, {1} without a disposition, {2} of them sensitive (PIPL Art. 28). Click to open the inventory.', counts.fields, counts.undecided, counts.sensitiveUndecided));
    if (broken.length > 0) tooltip.appendText(`\n\n${vscode.l10n.t('Configuration errors in: {0}', broken.join(', '))}`);
    if (!vscode.workspace.isTrusted) tooltip.appendText(`\n\n${vscode.l10n.t('Restricted mode: PI Audit only reads files, with bounded limits.')}`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = broken.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
