// The TreeDataProvider of the Apps view. Nodes load their own children; this class owns the root of the active
// profile, the paged lists, the change events, and findNode: the one way to reach a node by its id; and the pins a
// hover offered for groups the tree has not loaded.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { formatNumber } from '../model/display';
import type { ExplorerLog } from '../log';
import type { ExpansionMemory } from '../model/expansion';
import type { TreeFilter } from '../model/filter';
import { filterSummary } from './filtering';
import { ListStore } from '../model/listStore';
import type { Pin, PinStore } from '../model/pins';
import type { Session } from '../session';
import { isTreeRow, type ExplorerNode, type TreeServices } from './node';
import { RootNode } from './rootNode';

export interface FindOptions {
  /** Load further pages of a list when the next node on the path is not loaded yet. */
  loadMore?: boolean;
  /** At most this many extra pages per list on the path (default 100). */
  maxPagesPerList?: number;
  token?: vscode.CancellationToken;
}

const DEFAULT_MAX_PAGES_PER_LIST = 100;
/** Pins offered by hovers and kept for their links; the oldest offer goes first. */
const MAX_PIN_OFFERS = 200;

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, TreeServices, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly lists = new ListStore();
  /** Details read on demand (Show Details), by node id; shown in tooltips. */
  readonly details = new Map<string, unknown>();
  readonly listOptions = new Map<string, unknown>();
  private root: RootNode | undefined;
  private currentFilter: TreeFilter | undefined;
  private readonly summaryChanged = new vscode.EventEmitter<string | undefined>();
  /** The view's message: what the filter keeps ("Filter: "abc" — 3 of 1,050 loaded match"), or undefined. */
  readonly onDidChangeSummary = this.summaryChanged.event;
  /** Every node handed to the view, by id, for commands that offer the loaded nodes. */
  private readonly shown = new Map<string, ExplorerNode>();
  /** The same nodes by the id they are named by (AppId, UserId, GroupId), for lookups of an id found in code. */
  private readonly byOwnId = new Map<string, Set<ExplorerNode>>();
  private readonly subscription: vscode.Disposable;
  /** Pins offered for groups read by id (a hover's Pin link), by the id their row would have under Pinned. */
  private readonly pinOffers = new Map<string, Pin>();

  constructor(
    readonly session: Session,
    readonly log: ExplorerLog,
    readonly pins: PinStore,
    readonly expansion: ExpansionMemory,
  ) {
    this.subscription = session.onDidChange((change) => {
      if (change.reloadsLists) this.refresh();
    });
  }

  /** The root of the active profile, or undefined when signed out. */
  rootNode(): RootNode | undefined {
    const profile = this.session.profile?.name;
    if (profile === undefined) {
      this.root = undefined;
    } else if (this.root?.profileName !== profile) {
      this.lists.clear();
      this.forget(() => true);
      this.pinOffers.clear();
      this.root = new RootNode(this, profile);
    }
    return this.root;
  }

  /** Shows the Pinned section again after a pin was added or removed; the whole view when the section appears or goes. */
  pinsChanged(): void {
    const root = this.rootNode();
    if (!root) return;
    const stays = root.listsPinned && root.pinned.pins().length > 0;
    this.fireChanged(stays ? root.pinned : undefined);
  }

  /**
   * Keeps a pin of a group that is not a row of the tree (read by id for a hover) for a link that pins it; returns
   * the id the link carries: the one its row will have under Pinned. Undefined when signed out.
   */
  offerPin(pin: Pin): string | undefined {
    const root = this.rootNode();
    if (!root) return undefined;
    const id = root.pinned.rowId(pin);
    this.pinOffers.delete(id);
    this.pinOffers.set(id, pin);
    if (this.pinOffers.size > MAX_PIN_OFFERS) this.pinOffers.delete(this.pinOffers.keys().next().value as string);
    return id;
  }

  /** The pin offered under this id, if one was. */
  offeredPin(id: string): Pin | undefined {
    return this.pinOffers.get(id);
  }

  get filter(): TreeFilter | undefined {
    return this.currentFilter;
  }

  /** Sets (or clears) the view's filter and shows the tree again with it; nothing is reloaded. */
  setFilter(filter: TreeFilter | undefined): void {
    this.currentFilter = filter;
    void vscode.commands.executeCommand('setContext', 'imExplorer.filtered', filter !== undefined);
    this.fireChanged(undefined);
    this.announceSummary();
  }

  /** What the filter keeps of the loaded rows, for the view's message. */
  summary(): string | undefined {
    const filter = this.currentFilter;
    if (!filter) return undefined;
    const { matching, loaded } = filterSummary(this.lists, filter);
    return l10n.t('Filter: "{0}" — {1} of {2} loaded match', filter.text, formatNumber(matching), formatNumber(loaded));
  }

  private announceSummary(): void {
    this.summaryChanged.fire(this.summary());
  }

  /** What runs on a row now ("Sending…"), by row id: shown instead of its description. */
  private readonly activities = new Map<string, string>();

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.treeItem();
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && this.expansion.isExpanded(node.id)) {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    }
    const activity = this.activities.get(node.id);
    if (activity) {
      item.description = activity;
      item.iconPath = new vscode.ThemeIcon('loading~spin');
    }
    return item;
  }

  /** Shows `text` on the row with this id while a change runs on it; undefined when it has ended. */
  setActivity(id: string, text: string | undefined): void {
    if (text === undefined) this.activities.delete(id);
    else this.activities.set(id, text);
    const node = this.shown.get(id);
    if (node) this.fireChanged(node);
  }

  /** What runs on the row with this id now, if anything. */
  activityOf(id: string): string | undefined {
    return this.activities.get(id);
  }

  /** Tooltips are built when a row is hovered, not for every row drawn. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    item.tooltip = node.tooltip();
    return item;
  }

  /** getChildren calls in progress. */
  private loading = 0;

  /** Whether the tree is reading anything: a row's children, or a page of any list (a load-all, a search). */
  get busy(): boolean {
    if (this.loading > 0) return true;
    for (const { list } of this.lists.entries()) if (list.isLoading) return true;
    return false;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    this.loading++;
    try {
      return await this.childrenOf(node);
    } finally {
      this.loading--;
    }
  }

  /**
   * Children of rows the next window shows expanded, read as soon as their parent's are: at start-up the workbench
   * asks for one level at a time, each answer a round trip through a renderer that is still busy starting, so the
   * reads of a restored tree would otherwise wait for it level by level. Taken once; any change to the tree since
   * (a refresh, a filter, a redraw) makes them stale.
   */
  private prefetched = new Map<ExplorerNode, Promise<ExplorerNode[]>>();

  private prefetchExpanded(nodes: readonly ExplorerNode[]): void {
    for (const node of nodes) {
      if (!this.expansion.isExpanded(node.id) || this.prefetched.has(node)) continue;
      const prefetched = this.prefetched;
      const children = node.children().then((found) => {
        if (this.prefetched === prefetched) this.prefetchExpanded(found);
        return found;
      });
      children.catch(() => undefined);
      prefetched.set(node, children);
    }
  }

  /** Tells the view that `node` (everything when undefined) changed: what was read ahead for it may be stale. */
  private fireChanged(node: ExplorerNode | undefined): void {
    if (this.prefetched.size > 0) this.prefetched = new Map();
    this.changed.fire(node);
  }

  private async childrenOf(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (node && node.kind !== 'root') {
      const prefetched = this.prefetched.get(node);
      this.prefetched.delete(node);
      const nodes = this.remember(await (prefetched ?? node.children()));
      this.prefetchExpanded(nodes);
      if (this.currentFilter) this.announceSummary();
      return nodes;
    }
    await this.session.ready();
    const root = this.rootNode();
    const children = root ? await root.children() : [];
    await vscode.commands.executeCommand('setContext', 'imExplorer.empty', root !== undefined && children.length === 0 && !this.currentFilter);
    if (this.currentFilter) this.announceSummary();
    this.prefetchExpanded(children);
    return this.remember(children);
  }

  /** Load-alls in progress (a command's, with its progress notification), by the id of the list's owner. */
  private readonly loadsAll = new Map<string, AbortController>();

  /** Runs `load` as the load-all of `ownerId`'s list, which cancelLoad(ownerId) cancels (a dashboard's Cancel). */
  async runLoadAll<T>(ownerId: string, controller: AbortController, load: () => Promise<T>): Promise<T> {
    this.loadsAll.set(ownerId, controller);
    try {
      return await load();
    } finally {
      if (this.loadsAll.get(ownerId) === controller) this.loadsAll.delete(ownerId);
    }
  }

  isLoadingAll(ownerId: string): boolean {
    return this.loadsAll.has(ownerId);
  }

  cancelLoad(ownerId: string): void {
    this.loadsAll.get(ownerId)?.abort();
  }

  /** The row with this id as the view was last given it, if it was. */
  shownNode(id: string): ExplorerNode | undefined {
    return this.shown.get(id);
  }

  /** Whether this node is one the view was given (and not an object that only looks like one). */
  holds(node: ExplorerNode): boolean {
    return this.shown.get(node.id) === node;
  }

  /**
   * The row a caller handed back, as the view holds it now: a refresh while the view was still reading the rows
   * before it can leave the caller with an earlier instance of the same row. Undefined for an object this tree did
   * not make, or a row no longer in the tree.
   */
  async current(value: unknown): Promise<ExplorerNode | undefined> {
    if (!isTreeRow(value)) return undefined;
    return this.shown.get(value.id) ?? (await this.findNode(value.id));
  }

  /** The nodes already shown in the view that match, in the order they were shown. */
  loadedNodes(predicate: (node: ExplorerNode) => boolean): ExplorerNode[] {
    return [...this.shown.values()].filter(predicate);
  }

  /**
   * The node with this hierarchical id, walking from the root and loading each list on the path as needed
   * (further pages only with `loadMore`). Undefined when some node on the path does not exist.
   */
  async findNode(id: string, options: FindOptions = {}): Promise<ExplorerNode | undefined> {
    await this.session.ready();
    let current: ExplorerNode | undefined = this.rootNode();
    while (current && current.id !== id) {
      if (!current.leadsTo(id)) return undefined;
      current = await this.findOnPath(current, id, options);
    }
    return current;
  }

  /** The child of `parent` that is `id` or one of its ancestors. */
  private async findOnPath(parent: ExplorerNode, id: string, options: FindOptions): Promise<ExplorerNode | undefined> {
    const maxPages = options.maxPagesPerList ?? DEFAULT_MAX_PAGES_PER_LIST;
    for (let page = 0; ; page++) {
      if (options.token?.isCancellationRequested) throw new vscode.CancellationError();
      const nodes = await this.getChildren(parent);
      const found = nodes.find((node) => node.leadsTo(id));
      if (found) return found;
      const list = parent.listOwner().pagedChildren();
      if (!options.loadMore || !list?.hasMore || list.error !== undefined || list.incomplete || page >= maxPages) return undefined;
      const controller = new AbortController();
      const subscription = options.token?.onCancellationRequested(() => controller.abort());
      try {
        await list.loadMore(controller.signal);
      } finally {
        subscription?.dispose();
      }
      this.redraw(parent.listOwner());
    }
  }

  /** Loaded nodes named by this AppId, GroupId or UserId (an app, group, user or member row). */
  nodesNamed(ownId: string): ExplorerNode[] {
    return [...(this.byOwnId.get(ownId) ?? [])];
  }

  private remember(nodes: ExplorerNode[]): ExplorerNode[] {
    for (const node of nodes) {
      const previous = this.shown.get(node.id);
      if (previous !== node) {
        if (previous) this.unindex(previous);
        this.shown.set(node.id, node);
        const ownId = node.ownId();
        if (ownId !== undefined) {
          let named = this.byOwnId.get(ownId);
          if (!named) this.byOwnId.set(ownId, (named = new Set()));
          named.add(node);
        }
      }
    }
    return nodes;
  }

  private unindex(node: ExplorerNode): void {
    const ownId = node.ownId();
    if (ownId === undefined) return;
    const named = this.byOwnId.get(ownId);
    named?.delete(node);
    if (named?.size === 0) this.byOwnId.delete(ownId);
  }

  private forget(predicate: (id: string) => boolean): void {
    for (const id of [...this.details.keys()]) if (predicate(id)) this.details.delete(id);
    for (const [id, node] of this.shown) {
      if (predicate(id)) {
        this.shown.delete(id);
        this.unindex(node);
      }
    }
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    const parent = node.shownUnder ?? node.parent;
    return parent?.kind === 'root' ? undefined : parent;
  }

  /** Forgets what was loaded under `node` (everything when undefined) and shows it again. */
  refresh(node?: ExplorerNode): void {
    if (!node || node.kind === 'root') {
      this.lists.clear();
      this.forget(() => true);
      this.root?.forgetChildren();
      this.fireChanged(undefined);
      return;
    }
    this.lists.drop(node.id);
    this.forget((id) => id.startsWith(node.id + '/'));
    node.forgetChildren();
    this.fireChanged(node);
  }

  /** Shows `node` again with what is loaded (after a page arrived, or while one is in flight). */
  redraw(node: ExplorerNode | undefined): void {
    this.fireChanged(!node || node.kind === 'root' ? undefined : node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.summaryChanged.dispose();
  }
}
