// A row whose children are a paged list: the one place a child's id is built (childId), the list is created (with
// the pager its request pages with, and how the view's filter reads it) and its rows are listed. The filter, the
// ranges, findNode and the commands ask the owner for ids; none is concatenated anywhere else.
import type { Pager } from '../api/pager';
import { pagerOf, type ListRequest } from '../api/requests';
import type { TokenPager } from '../api/tokenPager';
import { SEARCH_TEXT } from '../model/filter';
import type { FilterAs } from '../model/listStore';
import type { PagedList } from '../model/pagedList';
import type { IdScope } from './concepts';
import { ExplorerNode, segment } from './node';
import { pagedChildren, type RowList } from './pagedChildren';

/** What a kind of list is, whoever owns it: what it holds, its rows' id segment, how the view's filter reads it. */
export interface ListShape<Item> {
  /** What the list holds, for messages and counts ('member'). */
  noun: string;
  /** The id segment of the list's rows ('member' in …/group/G/member/U). */
  segment: string;
  filterAs: FilterAs<Item>;
  /** Whether the filter's summary ("n of N loaded match") counts the list's items (default true). */
  counted?: boolean;
}

/** The lists both families have. */
export const LISTS = {
  apps: { noun: 'app', segment: 'app', filterAs: { level: 'app', text: SEARCH_TEXT.app } },
  groups: { noun: 'group', segment: 'group', filterAs: { level: 'group', text: SEARCH_TEXT.group } },
  members: { noun: 'member', segment: 'member', filterAs: { level: 'member', text: SEARCH_TEXT.member } },
} as const satisfies Record<string, ListShape<never>>;

/** The id of the row named `key` in a list of `shape` that the row `ownerId` owns (whether or not that row is shown). */
export function childIdOf(ownerId: string, shape: Pick<ListShape<never>, 'segment'>, key: string): string {
  return ownerId + segment(shape.segment, key);
}

export abstract class ListOwner<Item> extends ExplorerNode implements IdScope {
  protected abstract readonly shape: ListShape<Item>;
  /** Redraw this row when the list's first page arrived (its description shows the Total); see pagedChildren. */
  protected readonly showTotal: boolean = false;

  /** What the list holds, for messages and counts ('member'). */
  get childNoun(): string {
    return this.shape.noun;
  }

  /** The request that lists the children (paging left to the pager). */
  abstract listRequest(): ListRequest;
  /** The key an item's row is named by (its UserId, GroupId…). */
  protected abstract keyOf(item: Item): string;
  /** The row of an item: a new node, or the one already shown for it. */
  protected abstract toNode(item: Item): ExplorerNode;

  /** The id of the row named `key` in this list. */
  childId(key: string): string {
    return childIdOf(this.id, this.shape, key);
  }

  override request(): ListRequest {
    return this.listRequest();
  }

  override pagedChildren(): PagedList<Item> {
    const { session, lists } = this.services;
    return lists.get(
      this.id,
      () => pagerOf(session.client, this.listRequest(), session.settings.pageSize) as Pager<Item> | TokenPager<Item>,
      this.shape.counted === false ? undefined : this.shape.filterAs,
    );
  }

  /** The list as rows. */
  protected rows(): RowList<Item> {
    return {
      owner: this,
      list: this.pagedChildren(),
      toNode: (item) => this.toNode(item),
      rowId: (item) => this.childId(this.keyOf(item)),
      noun: this.childNoun,
      filterAs: this.shape.filterAs,
    };
  }

  override children(): Promise<ExplorerNode[]> {
    return pagedChildren(this, this.services, () => this.rows(), this.showTotal);
  }
}
