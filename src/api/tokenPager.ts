// Token paging (the LiveMessage* family): each page names the next one with an opaque token, so pages can only be
// fetched one after another. The sibling of pager.ts (page numbers, parallel load-all).
import { cancelledError } from './errors';

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

export class TokenPager<Item> {
  constructor(
    readonly source: TokenListSource<Item>,
    /** 50: the largest page the family allows. */
    readonly pageSize = 50,
  ) {}

  /** Pages one after another, each item once, until one of the stop reasons. Aborting throws a Cancelled ApiError. */
  async *pages(options: TokenWalkOptions = {}): AsyncGenerator<TokenPagerPage<Item>, void, undefined> {
    const { signal } = options;
    const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_TOKEN_PAGES);
    const seen = new Set<string>();
    const seenTokens = new Set<string>();
    let token = options.startToken;
    for (let pageIndex = 1; ; pageIndex++) {
      if (signal?.aborted) throw cancelledError();
      if (token !== undefined) seenTokens.add(token);
      const page = await this.source.fetchPage(token, this.pageSize, signal);
      if (signal?.aborted) throw cancelledError();
      const fresh: Item[] = [];
      for (const item of page.items) {
        const key = this.source.keyOf(item);
        if (!seen.has(key)) {
          seen.add(key);
          fresh.push(item);
        }
      }
      const stoppedBecause = stopReasonOf(page, seenTokens, pageIndex, maxPages);
      yield { ...page, items: fresh, pageIndex, token, duplicatesDropped: page.items.length - fresh.length, ...(stoppedBecause ? { stoppedBecause } : {}) };
      if (stoppedBecause) return;
      token = page.nextToken;
    }
  }

  /** Every item, page after page (a token walk cannot run in parallel). A cancel throws a Cancelled ApiError. */
  async loadAll(options: TokenLoadAllOptions = {}): Promise<TokenLoadAllResult<Item>> {
    const items: Item[] = [];
    let pagesFetched = 0;
    let duplicatesDropped = 0;
    for await (const page of this.pages(options)) {
      pagesFetched++;
      duplicatesDropped += page.duplicatesDropped;
      for (const item of page.items) items.push(item);
      options.onProgress?.(items.length);
      if (page.stoppedBecause) {
        return {
          items,
          pagesFetched,
          duplicatesDropped,
          stoppedBecause: page.stoppedBecause,
          ...(page.stoppedBecause === 'page-limit' ? { resumeToken: page.nextToken } : {}),
        };
      }
    }
    throw new Error('unreachable: the walk ends only on a stop reason');
  }
}
