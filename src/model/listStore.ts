// The paged lists of the tree, by the id of the node whose children they hold. Dropping a node's entry (and its
// descendants') is how a refresh forgets what was loaded.
import type { Pager } from '../api/pager';
import type { TokenPager } from '../api/tokenPager';
import { PagedList } from './pagedList';

export class ListStore {
  private readonly lists = new Map<string, PagedList<unknown>>();

  get<Item>(ownerId: string, createPager: () => Pager<Item> | TokenPager<Item>): PagedList<Item> {
    let list = this.lists.get(ownerId) as PagedList<Item> | undefined;
    if (!list) {
      list = new PagedList(createPager());
      this.lists.set(ownerId, list as PagedList<unknown>);
    }
    return list;
  }

  /** The list if it was created, without creating it. */
  peek<Item>(ownerId: string): PagedList<Item> | undefined {
    return this.lists.get(ownerId) as PagedList<Item> | undefined;
  }

  /** Every list created, with the id of the node whose children it holds. */
  entries(): IterableIterator<[string, PagedList<unknown>]> {
    return this.lists.entries();
  }

  /** Forgets the list of this node and of every node below it. */
  drop(ownerId: string): void {
    for (const id of [...this.lists.keys()]) {
      if (id === ownerId || id.startsWith(ownerId + '/')) {
        this.lists.delete(id);
      }
    }
  }

  clear(): void {
    this.lists.clear();
  }
}
