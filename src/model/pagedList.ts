// Paging state of one tree node's children: the items loaded so far, whether the server has more, the page in
// flight and the last error. Kept in a model (not in the nodes) so that nodes can be rebuilt freely and a refresh
// is just dropping the model.
import { ApiError } from '../api/errors';
import type { LoadStatus } from '../api/loadAll';
import type { Pager } from '../api/pager';
import type { TokenPager } from '../api/tokenPager';
import { cursorFor, type ListCursor, type RestReport } from './cursor';

export interface LoadAllProgress {
  (loaded: number, total: number | undefined): void;
}

/** Sees the items a load adds, as they join (a search looking for matches while the list loads). */
export type ItemsObserver<Item> = (items: readonly Item[]) => void;

export type LoadAllStatus = LoadStatus;

/** What a load-all did: the cursor's report, with the items now loaded instead of the last RequestId. */
export interface LoadAllOutcome extends Omit<RestReport, 'lastRequestId'> {
  loaded: number;
}

export class PagedList<Item> {
  /** Set after a load-all that did not get everything; cleared by the next load-all, resume() or retry(). */
  incomplete: { status: 'stopped'; page: number; error: unknown } | { status: 'changed'; loaded: number; total: number } | undefined;
  items: Item[] = [];
  total: number | undefined;
  /** Raw RequestId of the last page, for the log and Open as JSON. */
  lastRequestId: string | undefined;
  error: unknown;
  private inFlight: Promise<void> | undefined;
  private readonly seen = new Set<string>();
  private readonly cursor: ListCursor<Item>;

  /** Either paging style: page numbers (Load all in parallel) or tokens (Load all page after page). */
  constructor(pager: Pager<Item> | TokenPager<Item>) {
    this.cursor = cursorFor(pager, this.seen);
  }

  /** True until a first page has been loaded successfully. */
  get isUnloaded(): boolean {
    return this.cursor.nextPage === 1 && this.items.length === 0;
  }

  get hasMore(): boolean {
    return this.cursor.more;
  }

  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }

  get pageSize(): number {
    return this.cursor.pageSize;
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

  /** Continues a load-all that stopped (or was cancelled) from the first page it did not get. */
  resume(signal: AbortSignal, onProgress: LoadAllProgress): Promise<LoadAllOutcome> {
    return this.loadAll(signal, onProgress);
  }

  /**
   * Loads every page after those already loaded, through the load-all engine: pages in parallel joined in page
   * order, a failing page tried again within a per-load budget, a list that moved caught up where it can be.
   * Never rejects for a failed page or a cancel: what was loaded stays, and `incomplete` says what is missing.
   */
  async loadAll(signal: AbortSignal, onProgress: LoadAllProgress, observe?: ItemsObserver<Item>): Promise<LoadAllOutcome> {
    await this.inFlight?.catch(() => undefined);
    let run!: () => void;
    this.inFlight = new Promise<void>((resolve) => (run = resolve));
    this.incomplete = undefined;
    this.error = undefined;
    try {
      if (!this.cursor.more) {
        const status = this.total !== undefined && this.items.length < this.total ? 'changed' : 'complete';
        if (status === 'changed') this.incomplete = { status, loaded: this.items.length, total: this.total! };
        return { status, loaded: this.items.length, total: this.total, pagesFetched: 0, extraPages: 0, duplicatesDropped: 0, durationMs: 0 };
      }
      const report = await this.cursor.rest({
        signal,
        total: this.total,
        onItems: (fresh, at) => {
          if (at === 'front') this.items = [...fresh, ...this.items];
          else for (const item of fresh) this.items.push(item);
          observe?.(fresh);
        },
        onProgress,
      });
      this.total = report.total;
      this.lastRequestId = report.lastRequestId ?? this.lastRequestId;
      if (report.status === 'stopped') this.incomplete = { status: 'stopped', page: this.cursor.nextPage, error: report.error };
      // Offset paging over a list that moved while it was read skips members: never call that "all".
      if (report.status === 'changed') this.incomplete = { status: 'changed', loaded: this.items.length, total: report.total ?? this.items.length };
      return {
        status: report.status,
        loaded: this.items.length,
        total: this.total,
        ...(report.stoppedAtPage !== undefined ? { stoppedAtPage: report.stoppedAtPage, error: report.error } : {}),
        pagesFetched: report.pagesFetched,
        extraPages: report.extraPages,
        duplicatesDropped: report.duplicatesDropped,
        durationMs: report.durationMs,
      };
    } finally {
      this.inFlight = undefined;
      run();
    }
  }

  private async loadPage(signal?: AbortSignal): Promise<void> {
    if (!this.cursor.more) {
      return;
    }
    try {
      const page = await this.cursor.next(signal);
      for (const item of page.fresh) this.items.push(item);
      this.total = page.total ?? this.total;
      this.lastRequestId = page.requestId;
      this.error = undefined;
    } catch (error) {
      if (!(error instanceof ApiError && error.isCancellation)) {
        this.error = error;
      }
      throw error;
    }
  }
}
