// Paging state of one tree node's children: the items loaded so far, whether the server has more, the page in
// flight and the last error. Kept in a model (not in the nodes) so that nodes can be rebuilt freely and a refresh
// is just dropping the model.
import { ApiError } from '../api/errors';
import { chooseConcurrency, type Page, type Pager } from '../api/pager';
import { LIMITS } from '../api/types';

/** Times one load-all tries a failing page again after the client's own retries, and in all. */
const PAGE_RETRIES = 2;
const LOAD_RETRY_BUDGET = 20;
const RETRY_DELAY_MS = 500;

function isCancellationError(error: unknown): boolean {
  return error instanceof ApiError && error.isCancellation;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
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

export interface LoadAllProgress {
  (loaded: number, total: number | undefined): void;
}

export type LoadAllStatus = 'complete' | 'stopped' | 'changed' | 'cancelled';

export interface LoadAllOutcome {
  status: LoadAllStatus;
  loaded: number;
  total: number | undefined;
  stoppedAtPage?: number;
  error?: unknown;
  pagesFetched: number;
  duplicatesDropped: number;
  durationMs: number;
}

export class PagedList<Item> {
  /** Set after a load-all that did not get everything; cleared by the next load-all, resume() or retry(). */
  incomplete: { status: 'stopped'; page: number; error: unknown } | { status: 'changed'; loaded: number; total: number } | undefined;
  items: Item[] = [];
  total: number | undefined;
  /** Raw RequestId of the last page, for the log and Open as JSON. */
  lastRequestId: string | undefined;
  error: unknown;
  private nextPage = 1;
  private more = true;
  private inFlight: Promise<void> | undefined;
  private readonly seen = new Set<string>();

  constructor(private readonly pager: Pager<Item>) {}

  /** True until a first page has been loaded successfully. */
  get isUnloaded(): boolean {
    return this.nextPage === 1 && this.items.length === 0;
  }

  get hasMore(): boolean {
    return this.more;
  }

  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }

  get pageSize(): number {
    return this.pager.pageSize;
  }

  /** Loads page 1 unless it is loaded (or failed: a failure stays until retry()). */
  async ensureFirstPage(): Promise<void> {
    if (this.isUnloaded && this.error === undefined) {
      await this.loadMore();
    }
  }

  /** Loads the next page. A second call while a page is in flight joins it instead of loading another. */
  loadMore(signal?: AbortSignal): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.loadPage(signal).finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  /** Clears the error and loads the page that failed. */
  retry(): Promise<void> {
    this.error = undefined;
    this.incomplete = undefined;
    return this.loadMore();
  }

  /** Replaces the list with every item, through the pager's parallel load-all. */
  /** Continues a load-all that stopped (or was cancelled) from the first page it did not get. */
  resume(signal: AbortSignal, onProgress: LoadAllProgress): Promise<LoadAllOutcome> {
    return this.loadAll(signal, onProgress);
  }

  /**
   * Loads every page after those already loaded: pages in parallel (as many as the rate and the observed latency
   * call for), joined in page order. A page that still fails after the client's retries is tried again later in
   * the same load (a per-load budget); if it keeps failing the load stops there. Never rejects for a failed page
   * or a cancel: what was loaded stays, and `incomplete` says what is missing.
   */
  async loadAll(signal: AbortSignal, onProgress: LoadAllProgress): Promise<LoadAllOutcome> {
    await this.inFlight?.catch(() => undefined);
    const started = Date.now();
    const stats = { pagesFetched: 0, duplicatesDropped: 0 };
    let run!: () => void;
    this.inFlight = new Promise<void>((resolve) => (run = resolve));
    this.incomplete = undefined;
    this.error = undefined;
    const outcome = (status: LoadAllStatus, extra: Partial<LoadAllOutcome> = {}): LoadAllOutcome => ({
      status,
      loaded: this.items.length,
      total: this.total,
      durationMs: Date.now() - started,
      ...stats,
      ...extra,
    });
    try {
      const { source, pageSize } = this.pager;
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      const retriesLeft = { budget: LOAD_RETRY_BUDGET };
      const fetchWithRetries = async (pageNum: number): Promise<Page<Item>> => {
        for (let attempt = 0; ; attempt++) {
          try {
            const page = await source.fetchPage(pageNum, pageSize, controller.signal);
            stats.pagesFetched++;
            return page;
          } catch (error) {
            if (controller.signal.aborted || isCancellationError(error) || attempt >= PAGE_RETRIES || retriesLeft.budget <= 0) throw error;
            retriesLeft.budget--;
            await delay(RETRY_DELAY_MS * (attempt + 1), controller.signal);
          }
        }
      };
      try {
        const concurrency = () => chooseConcurrency(source.callsPerSecond, source.latencyMs() ?? 50);
        const inFlight = new Map<number, Promise<Page<Item>>>();
        let requested = this.nextPage - 1;
        while (this.more) {
          const lastByTotal =
            this.total === undefined ? this.nextPage : Math.min(LIMITS.pageNum.max, Math.max(this.nextPage, Math.ceil(this.total / pageSize)));
          while (inFlight.size < concurrency() && requested < lastByTotal) {
            const pageNum = ++requested;
            const request = fetchWithRetries(pageNum);
            request.catch(() => undefined); // awaited in page order below
            inFlight.set(pageNum, request);
          }
          if (!inFlight.has(this.nextPage)) {
            requested = this.nextPage - 1; // past the end Total implied: one page at a time
            continue;
          }
          const pageNum = this.nextPage;
          let page: Page<Item>;
          try {
            page = await inFlight.get(pageNum)!;
          } catch (error) {
            controller.abort();
            if (signal.aborted || isCancellationError(error)) return outcome('cancelled');
            this.incomplete = { status: 'stopped', page: pageNum, error };
            return outcome('stopped', { stoppedAtPage: pageNum, error });
          } finally {
            inFlight.delete(pageNum);
          }
          const before = this.items.length;
          this.join(page);
          stats.duplicatesDropped += page.items.length - (this.items.length - before);
          onProgress(this.items.length, this.total);
        }
        controller.abort(); // pages requested past the end are not wanted
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
      if (this.total !== undefined && this.items.length < this.total) {
        // Offset paging over a list that moved while it was read skips members: never call that "all".
        this.incomplete = { status: 'changed', loaded: this.items.length, total: this.total };
        return outcome('changed');
      }
      return outcome('complete');
    } finally {
      this.inFlight = undefined;
      run();
    }
  }

  /** Adds the next page's new items, in order, and moves on to the page after it. */
  private join(page: Page<Item>): void {
    let fresh = 0;
    for (const item of page.items) {
      const key = this.pager.source.keyOf(item);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.items.push(item);
        fresh++;
      }
    }
    this.total = page.total ?? this.total;
    this.lastRequestId = page.requestId;
    this.nextPage++;
    // Stop when the server says so, on an empty page, on a page of nothing new (a server that keeps
    // saying HasMore), or at the API's last page number.
    this.more = page.hasMore && page.items.length > 0 && fresh > 0 && this.nextPage <= LIMITS.pageNum.max;
  }

  private async loadPage(signal?: AbortSignal): Promise<void> {
    if (!this.more) {
      return;
    }
    try {
      const page = await this.pager.source.fetchPage(this.nextPage, this.pager.pageSize, signal);
      this.join(page);
      this.error = undefined;
    } catch (error) {
      if (!(error instanceof ApiError && error.isCancellation)) {
        this.error = error;
      }
      throw error;
    }
  }
}
