// Paging state of one tree node's children: the items loaded so far, whether the server has more, the page in
// flight and the last error. Kept in a model (not in the nodes) so that nodes can be rebuilt freely and a refresh
// is just dropping the model.
import { ApiError } from '../api/errors';
import { LIMITS } from '../api/types';
import type { Pager } from '../api/pager';

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
    return this.loadMore();
  }

  /** Replaces the list with every item, through the pager's parallel load-all. */
  resume(signal: AbortSignal, onProgress: LoadAllProgress): Promise<LoadAllOutcome> {
    return this.loadAll(signal, onProgress);
  }

  async loadAll(signal: AbortSignal, onProgress: LoadAllProgress): Promise<LoadAllOutcome> {
    const started = Date.now();
    await this.inFlight?.catch(() => undefined);
    const run = this.pager.loadAll({ signal, onProgress });
    this.inFlight = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await run;
      this.items = result.items;
      this.seen.clear();
      for (const item of result.items) this.seen.add(this.pager.source.keyOf(item));
      this.total = result.total;
      this.more = false;
      this.nextPage = result.lastPage + 1;
      this.error = undefined;
      return { status: 'complete', loaded: this.items.length, total: this.total, pagesFetched: result.pagesFetched, duplicatesDropped: result.duplicatesDropped, durationMs: Date.now() - started };
    } catch (error) {
      if (signal.aborted) return { status: 'cancelled', loaded: this.items.length, total: this.total, pagesFetched: 0, duplicatesDropped: 0, durationMs: Date.now() - started };
      throw error;
    } finally {
      this.inFlight = undefined;
    }
  }

  private async loadPage(signal?: AbortSignal): Promise<void> {
    if (!this.more) {
      return;
    }
    try {
      const page = await this.pager.source.fetchPage(this.nextPage, this.pager.pageSize, signal);
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
      this.error = undefined;
      this.nextPage++;
      // Stop when the server says so, on an empty page, on a page of nothing new (a server that keeps
      // saying HasMore), or at the API's last page number.
      this.more = page.hasMore && page.items.length > 0 && fresh > 0 && this.nextPage <= LIMITS.pageNum.max;
    } catch (error) {
      if (!(error instanceof ApiError && error.isCancellation)) {
        this.error = error;
      }
      throw error;
    }
  }
}
