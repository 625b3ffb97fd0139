// Children of a node backed by a paged list: the loaded items, then an error node, a "Load more…" node,
// or a note that the list is empty.
import type { PagedList } from '../model/pagedList';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { ExplorerNode, TreeServices } from './node';

export async function pagedChildren<Item>(
  owner: ExplorerNode,
  services: TreeServices,
  listOf: () => PagedList<Item>,
  toNode: (item: Item) => ExplorerNode,
  noun: string,
  /**
   * Redraw the owner once its first page arrived, so its description shows the Total. Only for owners whose
   * children are leaves: redrawing a node makes VS Code drop and re-fetch its children, and a child being
   * expanded at that moment would lose its place ("No tree item with id …").
   */
  showTotalOnOwner = false,
): Promise<ExplorerNode[]> {
  let list: PagedList<Item>;
  try {
    list = listOf();
  } catch (error) {
    return [MessageNode.failure(owner, services, error)]; // no client (e.g. the profile's key is unreadable)
  }
  const firstLoad = list.isUnloaded;
  try {
    await list.ensureFirstPage();
  } catch {
    // The failure is kept in list.error and shown as a node below.
  }
  if (showTotalOnOwner && firstLoad && list.total !== undefined) {
    setTimeout(() => services.redraw(owner), 0);
  }
  const nodes = list.items.map(toNode);
  if (list.error !== undefined) {
    nodes.push(MessageNode.failure(owner, services, list.error));
  } else if (list.hasMore) {
    nodes.push(new LoadMoreNode(owner, services, list as PagedList<unknown>, noun));
  } else if (nodes.length === 0) {
    nodes.push(new MessageNode(owner, services, 'info', `No ${noun}s`));
  }
  return nodes;
}
