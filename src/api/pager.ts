// Paging over any list call: page-by-page iteration, and a load-all that keeps the rate limit busy.
import { setMaxListeners } from 'node:events';
import type { InteractiveMessagesClient } from './client';
import { type ApiError, cancelledError } from './errors';
import { LIMITS, type ApiResponse, type GroupMember, type Message, type MessageApp, type MessageGroup, type SortType } from './types';

export interface Page<Item> {
  pageNum: number;
  items: Item[];
  hasMore: boolean;
  total?: number;
  requestId: string;
}

/** What the pager needs from a list call. */
export interface ListSource<Item> {
  fetchPage(pageNum: number, pageSize: number, signal?: AbortSignal): Promise<Page<Item>>;
  /** Identity of an item, for dropping duplicates (people join and leave between pages, so pages shift). */
  keyOf(item: Item): string;
  /** The client-side rate limit the calls run under. */
  readonly callsPerSecond: number;
  /** Typical duration of one HTTP call, rate-limit waits excluded; undefined if not known yet. */
  latencyMs(): number | undefined;
}

/**
 * Why paging ended: the server said there is nothing more (HasMore false), a page came back empty, a page brought
 * no item not already seen although Total was reached (a server that keeps saying HasMore), or the API's last
 * page number (100000) was reached.
 */
export type StopReason = 'no-more-pages' | 'empty-page' | 'no-new-items' | 'page-limit';

/** A page as `pages()` yields it: items already yielded on earlier pages are dropped. */
export interface PagerPage<Item> extends Page<Item> {
  duplicatesDropped: number;
  /** Set on the last page. */
  stoppedBecause?: StopReason;
}

export interface LoadAllResult<Item> {
  /** In page order, each key once (its first occurrence). */
  items: Item[];
  /** The Total of the last page that reported one. */
  total?: number;
  /** Successful page calls, including any fetched past the end while running in parallel. */
  pagesFetched: number;
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

export const DEFAULT_MAX_CONCURRENCY = 16;
const MIN_CONCURRENCY = 2;
/** Parallel calls per call the rate allows during one latency; more than 1 absorbs latency variation. */
const CONCURRENCY_HEADROOM = 2;
const LAST_PAGE_NUM = LIMITS.pageNum.max;

/**
 * Page calls in flight needed to keep `callsPerSecond` busy when one call takes `latencyMs` (Little's law,
 * doubled for headroom), within [2, max]. Calls beyond the rate simply wait at the limiter.
 */
export function chooseConcurrency(callsPerSecond: number, latencyMs: number, max = DEFAULT_MAX_CONCURRENCY): number {
  const needed = Math.ceil(((callsPerSecond * latencyMs) / 1000) * CONCURRENCY_HEADROOM);
  return Math.max(Math.min(MIN_CONCURRENCY, max), Math.min(max, needed));
}

function stopReasonOf(page: Page<unknown>, newItems: number, uniqueSoFar: number, total: number | undefined): StopReason | undefined {
  if (!page.hasMore) return 'no-more-pages';
  if (page.items.length === 0) return 'empty-page';
  if (newItems === 0 && (total === undefined || uniqueSoFar >= total)) return 'no-new-items';
  if (page.pageNum >= LAST_PAGE_NUM) return 'page-limit';
  return undefined;
}

/** Keeps the first occurrence of each key, in the order pages are added. */
class Deduper<Item> {
  readonly items: Item[] = [];
  private readonly seen = new Set<string>();
  duplicates = 0;

  constructor(private readonly keyOf: (item: Item) => string) {}

  /** Returns the items of `page` not seen before, and remembers them. */
  add(pageItems: Item[]): Item[] {
    const fresh: Item[] = [];
    for (const item of pageItems) {
      const key = this.keyOf(item);
      if (this.seen.has(key)) {
        this.duplicates++;
      } else {
        this.seen.add(key);
        fresh.push(item);
        this.items.push(item);
      }
    }
    return fresh;
  }
}

export class Pager<Item> {
  constructor(
    readonly source: ListSource<Item>,
    readonly pageSize: number = LIMITS.pageSize.max,
  ) {}

  /** Pages one after another from `startPage` (default 1), each item once, until one of the stop reasons. */
  async *pages(options: { signal?: AbortSignal; startPage?: number } = {}): AsyncGenerator<PagerPage<Item>, void, undefined> {
    const deduper = new Deduper(this.source.keyOf);
    let total: number | undefined;
    for (let pageNum = options.startPage ?? 1; pageNum <= LAST_PAGE_NUM; pageNum++) {
      const page = await this.source.fetchPage(pageNum, this.pageSize, options.signal);
      total = page.total ?? total;
      const before = deduper.duplicates;
      const fresh = deduper.add(page.items);
      const stoppedBecause = stopReasonOf(page, fresh.length, deduper.items.length, total);
      yield { ...page, items: fresh, duplicatesDropped: deduper.duplicates - before, ...(stoppedBecause ? { stoppedBecause } : {}) };
      if (stoppedBecause) return;
    }
  }

  /**
   * Every item. Page 1 comes first and tells Total; pages 2..N then run in parallel (as many as the rate and the
   * observed latency call for), and join the result in page order. If the server still has more after page N
   * (Total was too small), paging goes on past it until a stop reason; pages past a stop are never requested
   * once the stop is known, so a wrong Total or an endless HasMore costs at most a few extra calls.
   */
  async loadAll(options: LoadAllOptions = {}): Promise<LoadAllResult<Item>> {
    const { onProgress } = options;
    const maxConcurrency = Math.max(1, options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY);
    // Our own controller, so that a failed page can stop the pages still in flight.
    const controller = new AbortController();
    // Every page call in flight listens to it (up to three listeners each); that is expected, not a leak.
    setMaxListeners(0, controller.signal);
    const onCallerAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (options.signal?.aborted) controller.abort();

    const deduper = new Deduper(this.source.keyOf);
    const fetched = new Map<number, Page<Item>>();
    let nextToJoin = 1;
    let total: number | undefined;
    let stop: { pageNum: number; reason: StopReason } | undefined;
    let pagesFetched = 0;
    let peakConcurrency = 1;

    const fetchPage = async (pageNum: number): Promise<void> => {
      const page = await this.source.fetchPage(pageNum, this.pageSize, controller.signal);
      pagesFetched++;
      if (stop && pageNum > stop.pageNum) return; // In flight when the end was found: not part of the list.
      fetched.set(pageNum, page);
      // Join every page that is now next in order.
      for (let next = fetched.get(nextToJoin); next && !stop; next = fetched.get(nextToJoin)) {
        fetched.delete(nextToJoin);
        total = next.total ?? total;
        const fresh = deduper.add(next.items);
        const reason = stopReasonOf(next, fresh.length, deduper.items.length, total);
        if (reason) stop = { pageNum: nextToJoin, reason };
        nextToJoin++;
        onProgress?.(deduper.items.length, total);
      }
      if (stop) for (const pending of fetched.keys()) if (pending > stop.pageNum) fetched.delete(pending);
    };

    const started = performance.now();
    try {
      if (controller.signal.aborted) throw cancelledError();
      await fetchPage(1);
      const firstPageMs = performance.now() - started;
      const targetConcurrency = () => chooseConcurrency(this.source.callsPerSecond, this.source.latencyMs() ?? firstPageMs, maxConcurrency);

      // Round 1: pages 2..N from Total. Round 2 (only when the server still has more): open-ended.
      let from = 2;
      let to = total === undefined ? LAST_PAGE_NUM : Math.min(LAST_PAGE_NUM, Math.max(1, Math.ceil(total / this.pageSize)));
      while (!stop) {
        if (from <= to) {
          peakConcurrency = Math.max(peakConcurrency, await this.#runInParallel(from, to, () => stop?.pageNum, targetConcurrency, fetchPage, controller));
        }
        if (stop) break;
        if (to >= LAST_PAGE_NUM) {
          stop = { pageNum: LAST_PAGE_NUM, reason: 'page-limit' };
          break;
        }
        from = to + 1;
        to = LAST_PAGE_NUM;
      }
    } catch (error) {
      controller.abort();
      if (options.signal?.aborted) throw cancelledError((error as ApiError)?.action);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
    return {
      items: deduper.items,
      total,
      pagesFetched,
      lastPage: stop.pageNum,
      duplicatesDropped: deduper.duplicates,
      stoppedBecause: stop.reason,
      peakConcurrency,
    };
  }

  /**
   * Requests pages from..to in order, keeping targetConcurrency() calls in flight, and never a page past the
   * stop once it is known. The first failure aborts the rest and is thrown. Returns the peak concurrency.
   */
  #runInParallel(
    from: number,
    to: number,
    stopPage: () => number | undefined,
    targetConcurrency: () => number,
    fetchPage: (pageNum: number) => Promise<void>,
    controller: AbortController,
  ): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let next = from;
      let inFlight = 0;
      let peak = 0;
      let failed = false;
      const hasWork = () => next <= to && next <= (stopPage() ?? Infinity);
      const pump = () => {
        if (failed) return;
        while (inFlight < targetConcurrency() && hasWork()) {
          const pageNum = next++;
          inFlight++;
          peak = Math.max(peak, inFlight);
          fetchPage(pageNum).then(
            () => {
              inFlight--;
              pump();
            },
            (error: unknown) => {
              inFlight--;
              if (failed) return;
              failed = true;
              controller.abort();
              reject(error);
            },
          );
        }
        if (inFlight === 0) resolve(peak);
      };
      pump();
    });
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
): ListSource<Item> {
  return {
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

/** Apps of the account, deduplicated by AppId. */
export function appPager(client: InteractiveMessagesClient, request: { SortType?: SortType } = {}, pageSize?: number): Pager<MessageApp> {
  return new Pager(
    clientSource(
      client,
      (PageNum, PageSize, signal) => client.listMessageApp({ ...request, PageNum, PageSize }, { signal }),
      (r) => r.AppList,
      (app) => app.AppId,
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
