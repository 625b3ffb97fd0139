// The TreeDataProvider of the Apps view. Nodes load their own children; this class owns the root of the active
// profile, the paged lists, and the change events.
import vscode = require('vscode');
import { ListStore } from '../model/listStore';
import type { Session } from '../session';
import { ExplorerNode, TreeServices } from './node';
import { RootNode } from './rootNode';

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, TreeServices, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly lists = new ListStore();
  private root: RootNode | undefined;
  /** Every node handed to the view, by id, for lookups that reveal what is already loaded. */
  private readonly shown = new Map<string, ExplorerNode>();
  private readonly subscription: vscode.Disposable;

  constructor(readonly session: Session) {
    this.subscription = session.onDidChange(() => this.refresh());
  }

  /** The root of the active profile, or undefined when signed out. */
  rootNode(): RootNode | undefined {
    const profile = this.session.profile?.name;
    if (profile === undefined) {
      this.root = undefined;
    } else if (this.root?.profileName !== profile) {
      this.lists.clear();
      this.shown.clear();
      this.root = new RootNode(this, profile);
    }
    return this.root;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) {
      return this.remember(await node.children());
    }
    await this.session.ready();
    const root = this.rootNode();
    const children = root ? await root.children() : [];
    await vscode.commands.executeCommand('setContext', 'imExplorer.empty', root !== undefined && children.length === 0);
    return this.remember(children);
  }

  /** A node already shown in the view that matches. */
  findLoaded(predicate: (node: ExplorerNode) => boolean): ExplorerNode | undefined {
    for (const node of this.shown.values()) {
      if (predicate(node)) return node;
    }
    return undefined;
  }

  private remember(nodes: ExplorerNode[]): ExplorerNode[] {
    for (const node of nodes) this.shown.set(node.id, node);
    return nodes;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent instanceof RootNode ? undefined : node.parent;
  }

  /** Forgets what was loaded under `node` (everything when undefined) and shows it again. */
  refresh(node?: ExplorerNode): void {
    if (!node || node instanceof RootNode) {
      this.lists.clear();
      this.shown.clear();
      this.root?.forgetChildren();
      this.changed.fire(undefined);
      return;
    }
    this.lists.drop(node.id);
    for (const id of [...this.shown.keys()]) if (id.startsWith(node.id + '/')) this.shown.delete(id);
    node.forgetChildren();
    this.changed.fire(node);
  }

  /** Shows `node` again with what is loaded (after a page arrived, or while one is in flight). */
  redraw(node: ExplorerNode | undefined): void {
    this.changed.fire(!node || node instanceof RootNode ? undefined : node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
