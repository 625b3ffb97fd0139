// What every node of the explorer tree has, and the services nodes use to load their children.
import vscode = require('vscode');
import type { ActionName } from '../api/types';
import type { ListStore } from '../model/listStore';
import type { PagedList } from '../model/pagedList';
import type { Session } from '../session';

export type NodeKind = 'app' | 'user' | 'group' | 'member' | 'loadMore' | 'message';

export interface TreeServices {
  readonly session: Session;
  readonly lists: ListStore;
  /** Shows a node again (its label may depend on what its children's first page said, e.g. a Total). */
  redraw(node: ExplorerNode | undefined): void;
}

/** The API call a node stands for (for Copy as Code). */
export interface NodeCall {
  action: ActionName;
  params: Record<string, string | number>;
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

export abstract class ExplorerNode {
  abstract readonly kind: NodeKind;
  /** Hierarchical and stable across refreshes, e.g. /p/default/app/A/user/U/group/G. */
  abstract readonly id: string;
  private readonly childNodes = new Map<string, ExplorerNode>();

  constructor(readonly parent: ExplorerNode | undefined, protected readonly services: TreeServices) {}

  abstract treeItem(): vscode.TreeItem;

  async children(): Promise<ExplorerNode[]> {
    return [];
  }

  ids(): NodeIds {
    return {};
  }

  /** The API data behind this node, for Open as JSON. */
  json(): unknown {
    return undefined;
  }

  call(): NodeCall | undefined {
    return undefined;
  }

  /** The paged list holding this node's children, if it has one. */
  pagedChildren(): PagedList<unknown> | undefined {
    return undefined;
  }

  /** Keeps one instance per child id, so events and reveal address the same object the tree holds. */
  protected reuse<T extends ExplorerNode>(node: T): T {
    const existing = this.childNodes.get(node.id);
    if (existing && existing.constructor === node.constructor && existing.sameData(node)) {
      return existing as T;
    }
    this.childNodes.set(node.id, node);
    return node;
  }

  /** Forgets the child instances (after a refresh their data may differ). */
  forgetChildren(): void {
    this.childNodes.clear();
  }

  /** Whether two instances of the same id show the same data; nodes compare what their label depends on. */
  protected sameData(other: ExplorerNode): boolean {
    return JSON.stringify(this.json()) === JSON.stringify(other.json());
  }
}
