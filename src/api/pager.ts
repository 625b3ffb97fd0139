// Paging over any list call: page-by-page iteration, and load-all through the one engine (loadAll.ts).
import type { InteractiveMessagesClient } from './client';
import { cancelledError } from './errors';
import { LAST_PAGE_NUM, loadAll, stopReasonOf, takeFresh, type ListOrder, type ListSource, type Page, type StopReason } from './loadAll';
import { LIMITS, type ApiResponse, type GroupMember, type Message, type MessageApp, type MessageGroup, type MutedMember, type SortType } from './types';

export { chooseConcurrency, DEFAULT_MAX_CONCURRENCY, type ListOrder, type ListSource, type Page, type StopReason } from './loadAll';

/** A page as `pages()` yields it: items already yielded on earlier pages are dropped. */
export interface PagerPage<Item> extends Page<Item> {
  duplicatesDropped: number;
  /** Set on the last page. */
  stoppedBecause?: StopReason;
}

export interface LoadAllResult<Item> {
  /** In list order, each key once (its first occurrence). */
  items: Item[];
  /** complete, or changed: the list moved while it was read and the result may miss some of it. */
  status: 'complete' | 'changed';
  /** The Total of the last page that reported one. */
  total?: number;
  /** Successful page calls, including any fetched past the end while running in parallel. */
  pagesFetched: number;
  /** Pages read to check whether the list moved and to catch it up. */
  extraPages: number;
  /** The page at which paging ended. */
  lastPage: number;
  duplicatesDropped: number;
  stoppedBecause: StopReason;
  /** The largest number of page calls that were in flight at once. */
  peakConcurrency: number;
}

export interface LoadAllOptions {
  signal?: AbortSignal;
  /** After each page joins the result, in page order: unique items so far and the server's Total. */
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** Upper bound of parallel page calls (default 16). */
  maxConcurrency?: number;
}

export class Pager<Item> {
  constructor(
    readonly source: ListSource<Item>,
    readonly pageSize: number = LIMITS.pageSize.max,
  ) {}

  /** Pages one after another from `startPage` (default 1), each item once, until one of the stop reasons. */
  async *pages(options: { signal?: AbortSignal; startPage?: number } = {}): AsyncGenerator<PagerPage<Item>, void, undefined> {
    const seen = new Set<string>();
    let total: number | undefined;
    for (let pageNum = options.startPage ?? 1; pageNum <= LAST_PAGE_NUM; pageNum++) {
      const page = await this.source.fetchPage(pageNum, this.pageSize, options.signal);
      total = page.total ?? total;
      const fresh = takeFresh(seen, this.source.keyOf, page.items);
      const stoppedBecause = stopReasonOf(page, fresh.length, seen.size, total);
      yield { ...page, items: fresh, duplicatesDropped: page.items.length - fresh.length, ...(stoppedBecause ? { stoppedBecause } : {}) };
      if (stoppedBecause) return;
    }
  }

  /**
   * Every item, through the load-all engine (see loadAll.ts): pages in parallel, joined in page order, a list that
   * moved caught up where it can be. Rejects with the error of a page that kept failing, or Cancelled.
   */
  async loadAll(options: LoadAllOptions = {}): Promise<LoadAllResult<Item>> {
    let items: Item[] = [];
    const report = await loadAll(this.source, this.pageSize, {
      ...options,
      onItems: (fresh, at) => {
        if (at === 'front') items = [...fresh, ...items];
        else for (const item of fresh) items.push(item);
      },
    });
    if (report.status === 'cancelled') throw cancelledError();
    if (report.status === 'stopped') throw report.error;
    return {
      items,
      status: report.status,
      total: report.total,
      pagesFetched: report.pagesFetched,
      extraPages: report.extraPages,
      lastPage: report.nextPage - 1,
      duplicatesDropped: report.duplicatesDropped,
      stoppedBecause: report.stoppedBecause ?? 'no-more-pages',
      peakConcurrency: report.peakConcurrency,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pagers for the client's list calls

interface ListResult {
  HasMore: boolean;
  Total?: number;
}

function clientSource<Item, R extends ListResult>(
  client: InteractiveMessagesClient,
  call: (pageNum: number, pageSize: number, signal?: AbortSignal) => Promise<ApiResponse<R>>,
  listOf: (result: R) => Item[],
  keyOf: (item: Item) => string,
  order?: ListOrder,
): ListSource<Item> {
  return {
    ...(order ? { order } : {}),
    async fetchPage(pageNum, pageSize, signal) {
      const response = await call(pageNum, pageSize, signal);
      const result = response.Result;
      return { pageNum, items: listOf(result), hasMore: result.HasMore, total: result.Total, requestId: response.RequestId };
    },
    keyOf,
    get callsPerSecond() {
      return client.callsPerSecond;
    },
    latencyMs: () => client.typicalLatencyMs,
  };
}

/** SortType 0 (the default) lists oldest first by time, 1 newest first; whoever is created or joins is the newest. */
function orderOf(sortType: SortType | undefined): ListOrder {
  return sortType === 1 ? 'newest-first' : 'oldest-first';
}

/** Apps of the account, deduplicated by AppId. */
export function appPager(client: InteractiveMessagesClient, request: { SortType?: SortType } = {}, pageSize?: number): Pager<MessageApp> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMessageApp({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.AppList,
      (app) => app.AppId,
      orderOf(request.SortType),
    ),
    pageSize,
  );
}

/** Groups of a user in an app, deduplicated by GroupId. */
export function groupPager(
  client: InteractiveMessagesClient,
  request: { AppId: string; UserId: string; SortType?: SortType },
  pageSize?: number,
): Pager<MessageGroup> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMessageGroup({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.GroupList,
      (group) => group.GroupId,
      orderOf(request.SortType),
    ),
    pageSize,
  );
}

/** Members of a group, deduplicated by UserId. */
export function memberPager(
  client: InteractiveMessagesClient,
  request: { AppId: string; GroupId: string; SortType?: SortType },
  pageSize?: number,
): Pager<GroupMember> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMessageGroupUser({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.UserList,
      (member) => member.UserId,
      orderOf(request.SortType),
    ),
    pageSize,
  );
}

/** Messages of a group, deduplicated by MessageId. ListMessage reports no Total. */
export function messagePager(
  client: InteractiveMessagesClient,
  request: { AppId: string; GroupId: string; SortType?: SortType; Type?: number },
  pageSize?: number,
): Pager<Message> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMessage({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.MessageList,
      (message) => message.MessageId,
    ),
    pageSize,
  );
}

/** The members muted one by one in a group (ListMuteGroupUser), deduplicated by UserId. */
export function mutedMemberPager(
  client: InteractiveMessagesClient,
  request: { AppId: string; GroupId: string; OperatorUserId?: string },
  pageSize?: number,
): Pager<MutedMember> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMuteGroupUser({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.UserList,
      (member) => member.UserId,
    ),
    pageSize,
  );
}
