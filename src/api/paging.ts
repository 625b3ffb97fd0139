// The rules every page loop shares (the load-all engine, the pagers, the token walk): what a page and a list source
// are, how many calls to keep in flight, when a list has ended, each key once, and how a failing page is tried again.
import { ApiError } from './errors';
import { LIMITS } from './types';

export interface Page<Item> {
  pageNum: number;
  items: Item[];
  hasMore: boolean;
  total?: number;
  requestId: string;
}

/** Which end of a list ordered by time is the newest (where members who join appear), if the list is so ordered. */
export type ListOrder = 'newest-first' | 'oldest-first';

/** What the pager needs from a list call. */
export interface ListSource<Item> {
  fetchPage(pageNum: number, pageSize: number, signal?: AbortSignal): Promise<Page<Item>>;
  /** Identity of an item, for dropping duplicates (people join and leave between pages, so pages shift). */
  keyOf(item: Item): string;
  /** The client-side rate limit the calls run under. */
  readonly callsPerSecond: number;
  /** Typical duration of one HTTP call, rate-limit waits excluded; undefined if not known yet. */
  latencyMs(): number | undefined;
  /** Set for lists ordered by time: lets a load that saw the list move catch up at its newest end. */
  readonly order?: ListOrder;
}

export const DEFAULT_MAX_CONCURRENCY = 16;
const MIN_CONCURRENCY = 2;
/** Parallel calls per call the rate allows during one latency; more than 1 absorbs latency variation. */
const CONCURRENCY_HEADROOM = 2;
export const LAST_PAGE_NUM = LIMITS.pageNum.max;

/**
 * Page calls in flight needed to keep `callsPerSecond` busy when one call takes `latencyMs` (Little's law,
 * doubled for headroom), within [2, max]. Calls beyond the rate simply wait at the limiter.
 */
export function chooseConcurrency(callsPerSecond: number, latencyMs: number, max = DEFAULT_MAX_CONCURRENCY): number {
  const needed = Math.ceil(((callsPerSecond * latencyMs) / 1000) * CONCURRENCY_HEADROOM);
  return Math.max(Math.min(MIN_CONCURRENCY, max), Math.min(max, needed));
}

/**
 * Why paging ended: the server said there is nothing more (HasMore false), a page came back empty, a page brought
 * no item not already seen although Total was reached (a server that keeps saying HasMore), or the API's last
 * page number (100000) was reached.
 */
export type StopReason = 'no-more-pages' | 'empty-page' | 'no-new-items' | 'page-limit';

export function stopReasonOf(page: Page<unknown>, newItems: number, uniqueSoFar: number, total: number | undefined): StopReason | undefined {
  if (!page.hasMore) return 'no-more-pages';
  if (page.items.length === 0) return 'empty-page';
  if (newItems === 0 && (total === undefined || uniqueSoFar >= total)) return 'no-new-items';
  if (page.pageNum >= LAST_PAGE_NUM) return 'page-limit';
  return undefined;
}

/** The items of a page whose key is not in `seen`, which remembers them. */
export function takeFresh<Item>(seen: Set<string>, keyOf: (item: Item) => string, items: readonly Item[]): Item[] {
  const fresh: Item[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) {
      seen.add(key);
      fresh.push(item);
    }
  }
  return fresh;
}

/** complete: the result covers the list; changed: it moved and the result may miss some; stopped at a failing page. */
export type LoadStatus = 'complete' | 'stopped' | 'changed' | 'cancelled';

export interface LoadOptions<Item> {
  signal?: AbortSignal;
  /** The first page not loaded yet (default 1). */
  startPage?: number;
  /** Keys already loaded; the load adds to it. */
  seen?: Set<string>;
  /** Total known from pages loaded before. */
  total?: number;
  /** New items in list order, as they join; `front` for those found at the head of a newest-first list at the end. */
  onItems?: (items: Item[], at: 'end' | 'front') => void | Promise<void>;
  /** After each page joins: unique items so far and the server's Total. */
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** Upper bound of parallel page calls (default 16). */
  maxConcurrency?: number;
}

export interface LoadReport {
  status: LoadStatus;
  /** Unique items loaded, this load and before. */
  loaded: number;
  total: number | undefined;
  /** The first page not joined yet, and whether the server has more from there. */
  nextPage: number;
  more: boolean;
  stoppedAtPage?: number;
  error?: unknown;
  stoppedBecause?: StopReason;
  /** Pages of the pass joined, or fetched past the end while running in parallel. */
  pagesFetched: number;
  /** Pages read to check whether the list moved and to catch it up. */
  extraPages: number;
  duplicatesDropped: number;
  peakConcurrency: number;
  /** Whether the list was seen moving while it was read. */
  moved: boolean;
  lastRequestId?: string;
  durationMs: number;
}

export function isCancellation(error: unknown): boolean {
  return error instanceof ApiError && error.isCancellation;
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.retryable;
}

/** Times one load tries a failing page again after the client's own retries, and in all. */
export const PAGE_RETRIES = 2;
export const LOAD_RETRY_BUDGET = 20;
const RETRY_DELAY_MS = 500;

/** What is left of a load's retries, shared by its pages. */
export interface RetryBudget {
  left: number;
}

/**
 * Runs `attempt` (0, 1, …) until it resolves: a retryable failure is tried again after a growing delay, at most
 * PAGE_RETRIES times and while the load's budget lasts. Rejects with the last failure, or at once on a cancel.
 */
export async function withPageRetries<T>(attempt: (index: number) => Promise<T>, signal: AbortSignal, budget: RetryBudget): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      if (signal.aborted || isCancellation(error) || !isRetryable(error) || index >= PAGE_RETRIES || budget.left <= 0) throw error;
      budget.left--;
      await delay(RETRY_DELAY_MS * (index + 1), signal);
      if (signal.aborted) throw error;
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
