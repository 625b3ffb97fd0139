// Token paging (the LiveMessage* family): each page names the next one with an opaque token, so pages can only be
// fetched one after another. The sibling of pager.ts (page numbers, parallel load-all); the retries and the
// stop reasons of a walk are the same as the load-all engine's (paging.ts).
import { cancelledError } from './errors';
import { isCancellation, LOAD_RETRY_BUDGET, takeFresh, withPageRetries, type RetryBudget } from './paging';

/** One page as a token source gives it: the spellings of the wire (HasMore / Hasmore, NextPageToken / NextpageToken) are already normalized. */
export interface TokenPage<Item> {
  items: Item[];
  /** The server's more-pages flag. */
  hasMore: boolean;
  /** The token of the next page; undefined when the server gave none (absent, 0 or -1). */
  nextToken: string | undefined;
  requestId: string;
}

/** What the token pager needs from a list call. */
export interface TokenListSource<Item> {
  /** `token` undefined: the first page. `pageSize` is ignored by lists whose page size the server chooses. */
  fetchPage(token: string | undefined, pageSize: number, signal?: AbortSignal): Promise<TokenPage<Item>>;
  /** Identity of an item, for dropping duplicates. */
  keyOf(item: Item): string;
  /** The client-side rate limit the calls run under. */
  readonly callsPerSecond: number;
  /** Typical duration of one HTTP call, rate-limit waits excluded; undefined if not known yet. */
  latencyMs(): number | undefined;
}

/**
 * Why paging ended: the server said there is nothing more; it said there is more but gave no token
 * ('missing-token'); a page came back empty; the server gave a token it had already given (it would loop
 * forever: 'repeated-token'); or the bound on pages was reached ('page-limit', resumable from `nextToken`).
 */
export type TokenStopReason = 'no-more-pages' | 'missing-token' | 'empty-page' | 'repeated-token' | 'page-limit';

export interface TokenPagerPage<Item> extends TokenPage<Item> {
  /** 1 for the first page fetched by this walk. */
  pageIndex: number;
  /** The token this page was fetched with (undefined for the first page). */
  token: string | undefined;
  duplicatesDropped: number;
  /** Set on the last page. */
  stoppedBecause?: TokenStopReason;
}

export interface TokenWalkOptions {
  signal?: AbortSignal;
  /** Resume from this token (a page's nextToken) instead of the first page. */
  startToken?: string;
  /** Upper bound of pages fetched by this walk (default DEFAULT_MAX_TOKEN_PAGES). */
  maxPages?: number;
}

export interface TokenLoadAllOptions extends TokenWalkOptions {
  /** After each page: unique items so far. */
  onProgress?: (loaded: number) => void;
}

export interface TokenLoadAllResult<Item> {
  /** In page order, each key once (its first occurrence). */
  items: Item[];
  pagesFetched: number;
  duplicatesDropped: number;
  stoppedBecause: TokenStopReason;
  /** Where a walk stopped at the page limit can resume; undefined otherwise. */
  resumeToken?: string;
}

/** 10,000 pages: 500,000 members at 50 a page, more than any list the explorer should walk in one go. */
export const DEFAULT_MAX_TOKEN_PAGES = 10_000;

function stopReasonOf(page: TokenPage<unknown>, seenTokens: ReadonlySet<string>, pageIndex: number, maxPages: number): TokenStopReason | undefined {
  if (!page.hasMore) return 'no-more-pages';
  if (page.nextToken === undefined) return 'missing-token';
  if (page.items.length === 0) return 'empty-page';
  if (seenTokens.has(page.nextToken)) return 'repeated-token';
  if (pageIndex >= maxPages) return 'page-limit';
  return undefined;
}

/** What a walk over the rest of a token list did; it never rejects for a failed page or a cancel. */
export interface TokenWalkReport {
  status: 'complete' | 'stopped' | 'cancelled';
  pagesFetched: number;
  duplicatesDropped: number;
  /** Set when the list ended (not when the walk was cancelled or stopped at a failing page). */
  stoppedBecause?: TokenStopReason;
  /** The failure of the page the walk stopped at (it resumes there). */
  error?: unknown;
  lastRequestId?: string;
  durationMs: number;
}

export interface TokenRestOptions<Item> {
  signal: AbortSignal;
  /** New items, in page order, as each page arrives. */
  onItems?: (items: Item[]) => void | Promise<void>;
  /** After each page: unique items so far. */
  onProgress?: (loaded: number) => void;
}

/**
 * The one walk over a token list, for the tree, the export and every search: where the list stands (the token of
 * the next page, the tokens already given), each item once, and why it ended. A failing page leaves the token
 * where it was, so the next call asks for the same page again.
 */
export class TokenWalk<Item> {
  private token: string | undefined;
  private readonly seenTokens = new Set<string>();
  private readonly maxPages: number;
  /** Pages read by this walk. */
  pagesRead = 0;
  more = true;
  stoppedBecause: TokenStopReason | undefined;

  constructor(
    readonly source: TokenListSource<Item>,
    readonly pageSize: number,
    options: { startToken?: string; maxPages?: number; seen?: Set<string> } = {},
  ) {
    this.token = options.startToken;
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_TOKEN_PAGES);
    this.seen = options.seen ?? new Set();
  }

  /** Keys of the items read so far (shared with whoever holds the items). */
  readonly seen: Set<string>;

  /** The token of the next page; after the page limit, where a new walk can resume. */
  get nextToken(): string | undefined {
    return this.token;
  }

  /** Fetches the next page (a failing one tried again while `retries` lasts), drops the items already seen, moves on. */
  async next(signal?: AbortSignal, retries?: RetryBudget): Promise<TokenPagerPage<Item>> {
    const token = this.token;
    const fetch = () => this.source.fetchPage(token, this.pageSize, signal);
    const page = retries && signal ? await withPageRetries(fetch, signal, retries) : await fetch();
    if (signal?.aborted) throw cancelledError();
    if (token !== undefined) this.seenTokens.add(token);
    const fresh = takeFresh(this.seen, (item: Item) => this.source.keyOf(item), page.items);
    const pageIndex = ++this.pagesRead;
    const stoppedBecause = stopReasonOf(page, this.seenTokens, pageIndex, this.maxPages);
    if (stoppedBecause) {
      this.more = false;
      this.stoppedBecause = stoppedBecause;
      if (stoppedBecause === 'page-limit') this.token = page.nextToken;
    } else {
      this.token = page.nextToken;
    }
    return { ...page, items: fresh, pageIndex, token, duplicatesDropped: page.items.length - fresh.length, ...(stoppedBecause ? { stoppedBecause } : {}) };
  }

  /** Every page after those read, one after another, each failing page tried again within the walk's budget. */
  async rest(options: TokenRestOptions<Item>): Promise<TokenWalkReport> {
    const started = performance.now();
    const retries: RetryBudget = { left: LOAD_RETRY_BUDGET };
    const stats = { pagesFetched: 0, duplicatesDropped: 0 };
    let lastRequestId: string | undefined;
    const report = (status: TokenWalkReport['status'], error?: unknown): TokenWalkReport => ({
      status,
      ...stats,
      ...(this.stoppedBecause && status === 'complete' ? { stoppedBecause: this.stoppedBecause } : {}),
      ...(status === 'stopped' ? { error } : {}),
      lastRequestId,
      durationMs: Math.round(performance.now() - started),
    });
    while (this.more) {
      if (options.signal.aborted) return report('cancelled');
      let page: TokenPagerPage<Item>;
      try {
        page = await this.next(options.signal, retries);
      } catch (error) {
        if (options.signal.aborted || isCancellation(error)) return report('cancelled');
        return report('stopped', error);
      }
      stats.pagesFetched++;
      stats.duplicatesDropped += page.duplicatesDropped;
      lastRequestId = page.requestId;
      if (page.items.length > 0) await options.onItems?.(page.items);
      options.onProgress?.(this.seen.size);
    }
    return report('complete');
  }
}

export class TokenPager<Item> {
  constructor(
    readonly source: TokenListSource<Item>,
    /** 50: the largest page the family allows. */
    readonly pageSize = 50,
  ) {}

  /** A walk from the first page (or `startToken`). */
  walk(options: { startToken?: string; maxPages?: number; seen?: Set<string> } = {}): TokenWalk<Item> {
    return new TokenWalk(this.source, this.pageSize, options);
  }

  /** Pages one after another, each item once, until one of the stop reasons. Aborting throws a Cancelled ApiError. */
  async *pages(options: TokenWalkOptions = {}): AsyncGenerator<TokenPagerPage<Item>, void, undefined> {
    const { signal } = options;
    const walk = this.walk(options);
    while (walk.more) {
      if (signal?.aborted) throw cancelledError();
      yield await walk.next(signal);
    }
  }

  /** Every item, page after page (a token walk cannot run in parallel). A cancel throws a Cancelled ApiError. */
  async loadAll(options: TokenLoadAllOptions = {}): Promise<TokenLoadAllResult<Item>> {
    const items: Item[] = [];
    const walk = this.walk(options);
    const report = await walk.rest({
      signal: options.signal ?? new AbortController().signal,
      onItems: (fresh) => {
        for (const item of fresh) items.push(item);
      },
      onProgress: options.onProgress,
    });
    if (report.status === 'cancelled') throw cancelledError();
    if (report.status === 'stopped') throw report.error;
    return {
      items,
      pagesFetched: report.pagesFetched,
      duplicatesDropped: report.duplicatesDropped,
      stoppedBecause: walk.stoppedBecause ?? 'no-more-pages',
      ...(walk.stoppedBecause === 'page-limit' ? { resumeToken: walk.nextToken } : {}),
    };
  }
}
