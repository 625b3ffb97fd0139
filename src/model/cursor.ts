// How a paged list moves through its source: by page number (pager.ts; Load all in parallel through the load-all
// engine) or by token (tokenPager.ts's walk; each page names the next, so Load all is sequential). PagedList holds
// the items and asks its cursor for the next page or for the rest; the cursor knows where the list stands and
// drops the items the list already holds (both share one set of keys).
import { loadAll, takeFresh, type LoadStatus } from '../api/loadAll';
import type { Pager } from '../api/pager';
import { TokenPager, type TokenWalk } from '../api/tokenPager';
import { LIMITS } from '../api/types';

export interface CursorPage<Item> {
  /** The page's items the list did not hold yet, in page order. */
  fresh: Item[];
  total?: number;
  requestId: string;
}

export interface RestOptions<Item> {
  signal: AbortSignal;
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
  /** The number of the next page to load, 1 for the first. */
  readonly nextPage: number;
  /** Whether the source may have more after what was loaded. */
  readonly more: boolean;
  /** Loads the next page and moves past it. A failure leaves the cursor where it was. */
  next(signal?: AbortSignal): Promise<CursorPage<Item>>;
  /** Loads every page after those loaded; never rejects for a failed page or a cancel. */
  rest(options: RestOptions<Item>): Promise<RestReport>;
}

/** Page numbers: the next page is the page number after the last loaded. */
class PageCursor<Item> implements ListCursor<Item> {
  nextPage = 1;
  more = true;

  constructor(
    private readonly pager: Pager<Item>,
    private readonly seen: Set<string>,
  ) {}

  get pageSize(): number {
    return this.pager.pageSize;
  }

  async next(signal?: AbortSignal): Promise<CursorPage<Item>> {
    const page = await this.pager.source.fetchPage(this.nextPage, this.pager.pageSize, signal);
    const fresh = takeFresh(this.seen, (item: Item) => this.pager.source.keyOf(item), page.items);
    this.nextPage++;
    // Stop when the server says so, on an empty page, on a page of nothing new (a server that keeps
    // saying HasMore), or at the API's last page number.
    this.more = page.hasMore && page.items.length > 0 && fresh.length > 0 && this.nextPage <= LIMITS.pageNum.max;
    return { fresh, total: page.total, requestId: page.requestId };
  }

  async rest(options: RestOptions<Item>): Promise<RestReport> {
    const report = await loadAll(this.pager.source, this.pager.pageSize, { ...options, seen: this.seen, startPage: this.nextPage });
    this.nextPage = report.nextPage;
    this.more = report.more;
    return report;
  }
}

/** Tokens: the list's token walk, one page after another. */
class TokenCursor<Item> implements ListCursor<Item> {
  private readonly walk: TokenWalk<Item>;

  constructor(pager: TokenPager<Item>, seen: Set<string>) {
    this.walk = pager.walk({ seen });
  }

  get pageSize(): number {
    return this.walk.pageSize;
  }

  get nextPage(): number {
    return this.walk.pagesRead + 1;
  }

  get more(): boolean {
    return this.walk.more;
  }

  async next(signal?: AbortSignal): Promise<CursorPage<Item>> {
    const page = await this.walk.next(signal);
    return { fresh: page.items, requestId: page.requestId };
  }

  async rest(options: RestOptions<Item>): Promise<RestReport> {
    const report = await this.walk.rest({
      signal: options.signal,
      onItems: (items) => options.onItems(items, 'end'),
      onProgress: (loaded) => options.onProgress(loaded, undefined),
    });
    return {
      status: report.status,
      total: undefined,
      lastRequestId: report.lastRequestId,
      ...(report.status === 'stopped' ? { stoppedAtPage: this.nextPage, error: report.error } : {}),
      pagesFetched: report.pagesFetched,
      extraPages: 0,
      duplicatesDropped: report.duplicatesDropped,
      durationMs: report.durationMs,
    };
  }
}

/** The cursor for a pager of either paging style; `seen` holds the keys of the items the list holds. */
export function cursorFor<Item>(pager: Pager<Item> | TokenPager<Item>, seen: Set<string>): ListCursor<Item> {
  return pager instanceof TokenPager ? new TokenCursor(pager, seen) : new PageCursor(pager, seen);
}
