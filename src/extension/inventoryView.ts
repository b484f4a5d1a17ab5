import * as vscode from 'vscode';
import { categoryLabel } from '../core/classify/categories';
import type { AuditWorkspace } from './auditWorkspace';
import { annotationText, decisionOf } from './decision';
import type { FieldState } from './fieldState';
import { declaredWhere } from './hoverContent';
import { buildInventory, inventoryRows, type InventoryFilter, type InventoryNode, type InventoryRow, type SystemNode } from './inventoryModel';

const ICONS: Record<FieldState, vscode.ThemeIcon> = {
  undecided: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  decided: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  ignored: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};
const SENSITIVE_UNDECIDED = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));

/**
 * The inventory: systems (workspace folders) → entities → PI fields, each field with its
 * disposition state as icon and description. Filters (undecided only, sensitive only) are
 * context keys toggled by two commands; the badge counts undecided fields.
 */
export class InventoryView implements vscode.TreeDataProvider<InventoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InventoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<InventoryNode>;
  private readonly subscription: vscode.Disposable;
  private readonly filter: InventoryFilter = { undecidedOnly: false, sensitiveOnly: false };
  private systems: SystemNode[] = [];

  /** `view`: the tree view registered at activation (see lateTreeProvider.ts), which this fills. */
  constructor(private readonly workspace: AuditWorkspace, view: vscode.TreeView<InventoryNode>) {
    this.view = view;
    this.subscription = workspace.onDidChange(() => this.refresh());
    void this.setContext();
    this.refresh();
  }

  /** What the tree shows now, for the test hook (the tree has no read API). */
  rows(): InventoryRow[] {
    return inventoryRows(this.systems);
  }

  async toggle(which: keyof InventoryFilter): Promise<void> {
    this.filter[which] = !this.filter[which];
    await this.setContext();
    this.refresh();
  }

  refresh(): void {
    const scanned = this.workspace.all().some((f) => f.scanned);
    this.systems = scanned
      ? buildInventory(this.workspace.all().filter((f) => f.audit).map((f) => ({ folderKey: f.key, system: f.system, fields: f.audit?.fields ?? [] })), this.filter)
      : [];
    const undecided = this.workspace.all().reduce((sum, f) => sum + (f.audit?.fields.filter((x) => x.disposition === null).length ?? 0), 0);
    this.view.badge = scanned && undecided > 0 ? { value: undecided, tooltip: vscode.l10n.t('{0} PI fields without a disposition', undecided) } : undefined;
    const filters = [this.filter.undecidedOnly ? vscode.l10n.t('undecided') : '', this.filter.sensitiveOnly ? vscode.l10n.t('sensitive') : ''].filter(Boolean);
    this.view.description = filters.length > 0 ? vscode.l10n.t('Filter: {0}', filters.join(' · ')) : undefined;
    this.view.message = scanned && this.systems.length === 0 ? vscode.l10n.t('No PI fields match the filters.') : undefined;
    void vscode.commands.executeCommand('setContext', 'piAudit.scanned', scanned);
    this.changed.fire(undefined);
  }

  getChildren(node?: InventoryNode): InventoryNode[] {
    if (!node) return this.systems;
    if (node.kind === 'system') return node.entities;
    if (node.kind === 'entity') return node.fields;
    return [];
  }

  getTreeItem(node: InventoryNode): vscode.TreeItem {
    if (node.kind === 'system') {
      const item = new vscode.TreeItem(node.system, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('repo');
      item.description = vscode.l10n.t('{0} undecided', node.undecided);
      item.contextValue = 'piAudit.system';
      item.id = `system:${node.folderKey}`;
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.entity, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('table');
      item.description = node.file;
      item.resourceUri = this.workspace.folderByKey(node.folderKey)?.uriOf(node.file);
      item.contextValue = 'piAudit.entity';
      item.id = `entity:${node.folderKey}:${node.file}#${node.entity}`;
      return item;
    }
    const { field, state } = node;
    const item = new vscode.TreeItem(field.field, vscode.TreeItemCollapsibleState.None);
    const label = field.category ? categoryLabel(field.category, this.workspace.lang) : vscode.l10n.t('personal information');
    item.iconPath = state === 'undecided' && field.sensitive ? SENSITIVE_UNDECIDED : ICONS[state];
    item.description = `${label}${field.sensitive ? ` · ${vscode.l10n.t('sensitive')}` : ''} · ${stateLabel(state)}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.appendText(`${field.entity}.${field.field} — ${label} (${field.category ?? '?'})\n\n`);
    tooltip.appendText(field.disposition ? `${annotationText(decisionOf(field.disposition))} — ${declaredWhere(field.disposition, vscode.l10n)}` : vscode.l10n.t('No disposition declared'));
    item.tooltip = tooltip;
    item.contextValue = `piAudit.field.${state}`;
    item.id = `field:${node.folderKey}:${field.id}`;
    item.command = { command: 'piAudit.revealField', title: vscode.l10n.t('Reveal the field'), arguments: [field.id, node.folderKey] };
    return item;
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'piAudit.filter.undecided', this.filter.undecidedOnly);
    await vscode.commands.executeCommand('setContext', 'piAudit.filter.sensitive', this.filter.sensitiveOnly);
  }

  dispose(): void {
    // The view itself belongs to the activation shell, which registered it.
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function stateLabel(state: FieldState): string {
  switch (state) {
    case 'undecided':
      return vscode.l10n.t('undecided');
    case 'decided':
      return vscode.l10n.t('decided');
    case 'ignored':
      return vscode.l10n.t('ignored');
  }
}
