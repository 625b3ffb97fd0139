// The paged lists of the tree, by the id of the node whose children they hold, each with how the view's filter
// reads its items. Dropping a node's entry (and its descendants') is how a refresh forgets what was loaded.
import type { Pager } from '../api/pager';
import type { TokenPager } from '../api/tokenPager';
import type { FilterLevel } from './filter';
import { PagedList } from './pagedList';

/** How the view's filter matches the items of a list: the level they are at, and the text of each. */
export interface FilterAs<Item> {
  level: FilterLevel;
  text: (item: Item) => string;
}

export interface StoredList {
  ownerId: string;
  list: PagedList<unknown>;
  filterAs: FilterAs<unknown> | undefined;
}

export class ListStore {
  private readonly lists = new Map<string, StoredList>();

  get<Item>(ownerId: string, createPager: () => Pager<Item> | TokenPager<Item>, filterAs?: FilterAs<Item>): PagedList<Item> {
    let stored = this.lists.get(ownerId);
    if (!stored) {
      stored = { ownerId, list: new PagedList(createPager()) as PagedList<unknown>, filterAs: filterAs as FilterAs<unknown> | undefined };
      this.lists.set(ownerId, stored);
    }
    return stored.list as PagedList<Item>;
  }

  /** The list if it was created, without creating it. */
  peek<Item>(ownerId: string): PagedList<Item> | undefined {
    return this.lists.get(ownerId)?.list as PagedList<Item> | undefined;
  }

  /** Every list created, with the id of the node whose children it holds. */
  entries(): IterableIterator<StoredList> {
    return this.lists.values();
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
