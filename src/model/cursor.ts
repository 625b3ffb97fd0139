// How a paged list moves through its source: by page number (pager.ts; Load all in parallel through the load-all
// engine) or by token (tokenPager.ts; each page names the next, so Load all is sequential). PagedList holds the
// items and asks its cursor for the next page or for the rest; the cursor knows where the list stands.
import { ApiError } from '../api/errors';
import { loadAll, PAGE_RETRIES, type LoadStatus } from '../api/loadAll';
import type { Pager } from '../api/pager';
import { DEFAULT_MAX_TOKEN_PAGES, TokenPager, type TokenListSource } from '../api/tokenPager';
import { LIMITS } from '../api/types';

export interface CursorPage<Item> {
  items: Item[];
  hasMore: boolean;
  total?: number;
  requestId: string;
}

export interface RestOptions<Item> {
  signal: AbortSignal;
  /** Keys already loaded; the load adds to it. */
  seen: Set<string>;
  total: number | undefined;
  onItems: (items: Item[], at: 'end' | 'front') => void;
  onProgress: (loaded: number, total: number | undefined) => void;
}

export interface RestReport {
  status: LoadStatus;
  total: number | undefined;
  lastRequestId?: string;
  /** The page (counted from the list's first) that failed; loading resumes there. */
  stoppedAtPage?: number;
  error?: unknown;
  pagesFetched: number;
  /** Pages read to check whether the list moved and to catch it up. */
  extraPages: number;
  duplicatesDropped: number;
  durationMs: number;
}

export interface ListCursor<Item> {
  readonly pageSize: number;
  keyOf(item: Item): string;
  /** The number of the next page to load, 1 for the first. */
  readonly nextPage: number;
  /** Whether the source may have more after what was loaded. */
  readonly more: boolean;
  /** Fetches the next page without moving on. */
  fetchNext(signal?: AbortSignal): Promise<CursorPage<Item>>;
  /** Moves past a page fetched by fetchNext, of which `fresh` items were new. */
  advance(page: CursorPage<Item>, fresh: number): void;
  /** Loads every page after those loaded; never rejects for a failed page or a cancel. */
  loadRest(options: RestOptions<Item>): Promise<RestReport>;
}

/** Page numbers: the next page is the page number after the last loaded. */
class PageCursor<Item> implements ListCursor<Item> {
  nextPage = 1;
  more = true;

  constructor(private readonly pager: Pager<Item>) {}

  get pageSize(): number {
    return this.pager.pageSize;
  }

  keyOf(item: Item): string {
    return this.pager.source.keyOf(item);
  }

  fetchNext(signal?: AbortSignal): Promise<CursorPage<Item>> {
    return this.pager.source.fetchPage(this.nextPage, this.pager.pageSize, signal);
  }

  advance(page: CursorPage<Item>, fresh: number): void {
    this.nextPage++;
    // Stop when the server says so, on an empty page, on a page of nothing new (a server that keeps
    // saying HasMore), or at the API's last page number.
    this.more = page.hasMore && page.items.length > 0 && fresh > 0 && this.nextPage <= LIMITS.pageNum.max;
  }

  async loadRest(options: RestOptions<Item>): Promise<RestReport> {
    const report = await loadAll(this.pager.source, this.pager.pageSize, { ...options, startPage: this.nextPage });
    this.nextPage = report.nextPage;
    this.more = report.more;
    return report;
  }
}

/**
 * Tokens: the next page is the one the last loaded page named. A failing page leaves the token where it was, so
 * Load more, Retry and Resume ask for the same page again.
 */
class TokenCursor<Item> implements ListCursor<Item> {
  nextPage = 1;
  more = true;
  private token: string | undefined;
  private readonly seenTokens = new Set<string>();

  constructor(private readonly pager: TokenPager<Item>) {}

  private get source(): TokenListSource<Item> {
    return this.pager.source;
  }

  get pageSize(): number {
    return this.pager.pageSize;
  }

  keyOf(item: Item): string {
    return this.source.keyOf(item);
  }

  async fetchNext(signal?: AbortSignal): Promise<CursorPage<Item> & { nextToken?: string }> {
    return this.source.fetchPage(this.token, this.pager.pageSize, signal);
  }

  advance(page: CursorPage<Item> & { nextToken?: string }, _fresh: number): void {
    if (this.token !== undefined) this.seenTokens.add(this.token);
    this.nextPage++;
    const next = page.nextToken;
    // The token pager's stops: no more, no token, an empty page, a token given before (it would loop), the bound.
    this.more =
      page.hasMore &&
      next !== undefined &&
      page.items.length > 0 &&
      !this.seenTokens.has(next) &&
      next !== this.token &&
      this.nextPage <= DEFAULT_MAX_TOKEN_PAGES;
    this.token = this.more ? next : this.token;
  }

  async loadRest(options: RestOptions<Item>): Promise<RestReport> {
    const started = performance.now();
    const stats = { pagesFetched: 0, duplicatesDropped: 0 };
    let lastRequestId: string | undefined;
    const report = (status: LoadStatus, failure?: { error: unknown }): RestReport => ({
      status,
      total: undefined,
      lastRequestId,
      ...(failure ? { stoppedAtPage: this.nextPage, error: failure.error } : {}),
      ...stats,
      extraPages: 0,
      durationMs: Math.round(performance.now() - started),
    });
    while (this.more) {
      if (options.signal.aborted) return report('cancelled');
      let page: CursorPage<Item> & { nextToken?: string };
      try {
        page = await this.fetchWithRetries(options.signal);
      } catch (error) {
        if (options.signal.aborted || (error instanceof ApiError && error.isCancellation)) return report('cancelled');
        return report('stopped', { error });
      }
      if (options.signal.aborted) return report('cancelled');
      const fresh: Item[] = [];
      for (const item of page.items) {
        const key = this.keyOf(item);
        if (!options.seen.has(key)) {
          options.seen.add(key);
          fresh.push(item);
        }
      }
      stats.pagesFetched++;
      stats.duplicatesDropped += page.items.length - fresh.length;
      lastRequestId = page.requestId;
      this.advance(page, fresh.length);
      if (fresh.length > 0) options.onItems(fresh, 'end');
      options.onProgress(options.seen.size, undefined);
    }
    return report('complete');
  }

  private async fetchWithRetries(signal: AbortSignal): Promise<CursorPage<Item> & { nextToken?: string }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.fetchNext(signal);
      } catch (error) {
        const retryable = !(error instanceof ApiError) || (error.retryable && !error.isCancellation);
        if (!retryable || attempt >= PAGE_RETRIES || signal.aborted) throw error;
      }
    }
  }
}

/** The cursor for a pager of either paging style. */
export function cursorFor<Item>(pager: Pager<Item> | TokenPager<Item>): ListCursor<Item> {
  return pager instanceof TokenPager ? new TokenCursor(pager) : new PageCursor(pager);
}
