import * as vscode from 'vscode';

/**
 * A tree data provider registered at activation for a provider that exists only once the
 * extension's core has loaded (see extension.ts): until `attach` the tree waits (VS Code shows
 * its progress bar) instead of showing "no data provider"; afterwards every call and change
 * event is the real provider's. `attach(undefined)` (the core failed) leaves the tree empty.
 */
export class LateTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private attached: (target: vscode.TreeDataProvider<T> | undefined) => void = () => undefined;
  private readonly ready = new Promise<vscode.TreeDataProvider<T> | undefined>((resolve) => (this.attached = resolve));
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  attach(target: vscode.TreeDataProvider<T> | undefined): void {
    this.target = target;
    const forwarded = target?.onDidChangeTreeData?.((node) => this.changed.fire(node as T | undefined));
    if (forwarded) this.subscriptions.push(forwarded);
    this.attached(target);
    this.changed.fire();
  }

  getTreeItem(node: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // Nodes only come from the real provider, so it is there when VS Code asks about one.
    if (!this.target) throw new Error('PI Audit: a tree item was asked for before the inventory was ready');
    return this.target.getTreeItem(node);
  }

  async getChildren(node?: T): Promise<T[]> {
    const target = this.target ?? (await this.ready);
    return (await target?.getChildren(node)) ?? [];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
