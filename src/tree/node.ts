// What every row of the explorer tree has, and the services rows use to load their children. A row's kind is a
// concept (an app, a group, a member…); a row from the API also says which family answered (`family`).
import vscode = require('vscode');
import type { NodeRequest } from '../api/requests';
import type { Family } from '../api/types';
import type { TreeFilter } from '../model/filter';
import type { ListStore } from '../model/listStore';
import type { PagedList } from '../model/pagedList';
import type { PinStore } from '../model/pins';
import type { ExplorerLog } from '../log';
import type { Session } from '../session';
import { contextValue, type Modifier } from './contextValues';

/**
 * What a row is. `message` is a message of a group; `notice` a row that is not an API object (an error, a hint);
 * `pinned` the section of pinned groups and members at the top of the view.
 */
export type NodeKind = 'root' | 'pinned' | 'app' | 'user' | 'group' | 'member' | 'messages' | 'message' | 'range' | 'more' | 'notice';

export interface TreeServices {
  readonly session: Session;
  readonly lists: ListStore;
  readonly log: ExplorerLog;
  /** Details read on demand, by node id. */
  readonly details: Map<string, unknown>;
  /** Choices a user made for a node's list (a LiveMessage app's GroupStatus, a Messages row's filters), by node id. */
  readonly listOptions: Map<string, unknown>;
  /** The view's filter, if one is set. */
  readonly filter: TreeFilter | undefined;
  /** The pins of every profile (the Pinned section shows the active profile's). */
  readonly pins: PinStore;
  /** Shows a node again (its label may depend on what its children's first page said, e.g. a Total). */
  redraw(node: ExplorerNode | undefined): void;
}

/** Ids a node carries, for copy and insert commands. */
export interface NodeIds {
  appId?: string;
  userId?: string;
  groupId?: string;
}

/** One path segment of a node id: ids may contain "/" and anything else. */
export function segment(kind: string, value: string): string {
  return `/${kind}/${encodeURIComponent(value)}`;
}

/** Every row this tree made: an object from elsewhere that only looks like a row is not among them. */
const made = new WeakSet<object>();

export function isTreeRow(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && made.has(value);
}

export abstract class ExplorerNode {
  abstract readonly kind: NodeKind;
  /** Hierarchical and stable across refreshes, e.g. /profile/default/app/A/user/U/group/G. */
  abstract readonly id: string;
  /** The API family of a row that stands for an API object; undefined for the others (root, range, more, notice). */
  readonly family: Family | undefined;
  /** Created on the first child: most nodes (members) never have one. */
  private childNodes: Map<string, ExplorerNode> | undefined;
  /**
   * The row this node is shown under when that is not its parent, the view's parent then: a range row of its parent's
   * list, or the Pinned section for a pinned member (whose parent is its group).
   */
  shownUnder: ExplorerNode | undefined;

  constructor(
    readonly parent: ExplorerNode | undefined,
    protected readonly services: TreeServices,
  ) {
    made.add(this);
  }

  /** Facts about the row that menus tell apart (a configured app, a deleted group, an error row). */
  protected modifiers(): readonly Modifier[] {
    return [];
  }

  /** Whether the row is one of the Pinned section's own (not a row below one of them). */
  get inPinned(): boolean {
    return (this.shownUnder ?? this.parent)?.kind === 'pinned';
  }

  /** `kind;family;modifier…`: package.json's menus match these tokens (see contextValues.ts); a pinned row's value ends in `pinned`. */
  get contextValue(): string | undefined {
    return contextValue(this.kind, this.family, this.inPinned ? [...this.modifiers(), 'pinned'] : this.modifiers());
  }

  /** The row without its tooltip, which resolveTreeItem adds when the row is hovered. */
  abstract treeItem(): vscode.TreeItem;

  tooltip(): vscode.MarkdownString | string | undefined {
    return undefined;
  }

  async children(): Promise<ExplorerNode[]> {
    return [];
  }

  ids(): NodeIds {
    return {};
  }

  /** The id the node is named by (an app's AppId, a group's GroupId, a user's or member's UserId). */
  ownId(): string | undefined {
    return undefined;
  }

  /** The API data behind this node, for Open as JSON. */
  json(): unknown {
    return undefined;
  }

  /** The API request this node stands for: the list of its children, or the call that reads its object. */
  request(): NodeRequest | undefined {
    return undefined;
  }

  /** The paged list holding this node's children, if it has one. */
  pagedChildren(): PagedList<unknown> | undefined {
    return undefined;
  }

  /** Whether the node with this id is this node or below it (a range row overrides: its rows are not below its id). */
  leadsTo(id: string): boolean {
    return this.id === id || id.startsWith(this.id + '/');
  }

  /** The node a paging command (Load more, Retry, Resume) acts on: itself, or for a row in a list its owner. */
  listOwner(): ExplorerNode {
    return this;
  }

  /** Keeps one instance per child id, so events and reveal address the same object the tree holds. */
  reuse<T extends ExplorerNode>(node: T): T {
    const existing = this.childNodes?.get(node.id);
    if (existing && existing.kind === node.kind && existing.sameData(node)) {
      return existing as T;
    }
    (this.childNodes ??= new Map()).set(node.id, node);
    return node;
  }

  /** Forgets the child instances (after a refresh their data may differ). */
  forgetChildren(): void {
    this.childNodes = undefined;
  }

  /** Whether two instances of the same id show the same data; nodes compare what their label depends on. */
  protected sameData(other: ExplorerNode): boolean {
    return JSON.stringify(this.json()) === JSON.stringify(other.json());
  }
}
