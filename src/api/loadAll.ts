// The one load-all engine (the tree's Load all, Pager.loadAll, the export): pages in parallel at the rate limit,
// joined in page order, each key once; a failing page tried again within a per-load budget; a list that moved while
// it was read detected and, where the list's order allows, caught up by re-reading where it moved.
//
// Why the catch-up works: lists are ordered by time (SortType 0 oldest first, 1 newest first) and whoever joins is
// the newest, so new members only ever appear at the newest end; leaving can happen anywhere. Two windows that
// share a member therefore cover everything between them, whenever each was read. A boundary between two pages
// that share nothing is proven only if the list did not move; once it is seen moving, the page read earlier is
// read again (it has drifted the way the later one did) to bridge the gap, and at the end the newest end is read
// again until it meets what was loaded.
import { setMaxListeners } from 'node:events';
import { catchUpHead, catchUpTail, type CatchUpContext } from './catchUp';
import {
  chooseConcurrency,
  DEFAULT_MAX_CONCURRENCY,
  isCancellation,
  LAST_PAGE_NUM,
  LOAD_RETRY_BUDGET,
  stopReasonOf,
  takeFresh,
  withPageRetries,
  type ListSource,
  type LoadOptions,
  type LoadReport,
  type LoadStatus,
  type Page,
  type RetryBudget,
  type StopReason,
} from './paging';

export * from './paging';

/** Extra pages one load may read to check and catch up a list that moved: a share of its pages, at least a few. */
const EXTRA_PAGES_SHARE = 1;
const MIN_EXTRA_PAGES = 20;
/** While the list seems still, its newest end is looked at again after 20 pages, then 40, 80, 160, and every 200 on. */
const FIRST_CHECK_AFTER_PAGES = 20;
const MAX_CHECK_INTERVAL_PAGES = 200;
/** Calls in flight while the list is seen moving. */
const STIRRING_CONCURRENCY = 6;
/** Pages fetched ahead of the one to join next, in windows of the calls in flight (fewer while the list moves). */
const BUFFERED_WINDOWS = 6;
const STIRRING_BUFFERED_WINDOWS = 2;
/** Rounds of reading the newest end again at the end of a load (each round adds those who joined meanwhile). */
const CATCH_UP_ROUNDS = 4;

interface Read<Item> {
  page: Page<Item>;
  /** Order in which the server was asked (the list moves as pages are served). */
  sent: number;
}

class Cancelled extends Error {}

/** Loads every page of `source` from `startPage` on. Never rejects for a failed page or a cancel: the report says. */
export async function loadAll<Item>(source: ListSource<Item>, pageSize: number, options: LoadOptions<Item> = {}): Promise<LoadReport> {
  return new LoadRun(source, pageSize, options).run();
}

class LoadRun<Item> {
  private readonly seen: Set<string>;
  private readonly controller = new AbortController();
  private readonly started = performance.now();
  private total: number | undefined;
  private firstTotal: number | undefined;
  private nextPage: number;
  private more = true;
  private stoppedBecause: StopReason | undefined;
  private sent = 0;
  private readonly retryBudget: RetryBudget = { left: LOAD_RETRY_BUDGET };
  private extraBudget = MIN_EXTRA_PAGES;
  private lastRequestId: string | undefined;
  private readonly stats = { pagesFetched: 0, extraPages: 0, duplicatesDropped: 0, peakConcurrency: 1 };
  private moved = false;
  /** Moving now: set by any sign of movement, cleared when a page read again is found as it was. */
  private stirring = false;
  /** Boundaries that shared nothing while the list seemed still: adjacent, unless it turns out it was moving. */
  private pendingStill = 0;
  /** Boundaries that share nothing, joined while the list seemed still, and bridges that did not meet. */
  private unproven = 0;
  /** The last page of the pass that brought items: where the tail of an oldest-first list is looked for. */
  private lastFilledPage = 1;
  private newest: { key: string | undefined; total: number | undefined } | undefined;

  constructor(
    private readonly source: ListSource<Item>,
    private readonly pageSize: number,
    private readonly options: LoadOptions<Item>,
  ) {
    this.seen = options.seen ?? new Set();
    this.total = options.total;
    this.nextPage = options.startPage ?? 1;
    // Every page call in flight listens to the signal (up to three listeners each); that is expected, not a leak.
    setMaxListeners(0, this.controller.signal);
  }

  async run(): Promise<LoadReport> {
    const onAbort = () => this.controller.abort();
    const callerSignal = this.options.signal;
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    if (callerSignal?.aborted) this.controller.abort();
    try {
      await this.pass();
      if (this.stoppedBecause && this.source.order && this.stats.pagesFetched > 1) await this.reconcile();
      return this.report(this.isProvenComplete() ? 'complete' : 'changed');
    } catch (error) {
      if (error instanceof Cancelled || callerSignal?.aborted || isCancellation(error)) return this.report('cancelled');
      return this.report('stopped', { stoppedAtPage: this.nextPage, error });
    } finally {
      this.controller.abort(); // pages requested past the end are not wanted
      callerSignal?.removeEventListener('abort', onAbort);
    }
  }

  private report(status: LoadStatus, extra: Partial<LoadReport> = {}): LoadReport {
    return {
      status,
      loaded: this.seen.size,
      total: this.total,
      nextPage: this.nextPage,
      more: this.more,
      ...(this.stoppedBecause ? { stoppedBecause: this.stoppedBecause } : {}),
      ...this.stats,
      moved: this.moved,
      lastRequestId: this.lastRequestId,
      durationMs: Math.round(performance.now() - this.started),
      ...extra,
    };
  }

  private isProvenComplete(): boolean {
    if (this.moved && this.unproven > 0) return false;
    return this.total === undefined || this.seen.size >= this.total;
  }

  private async fetch(pageNum: number, signal: AbortSignal): Promise<Read<Item>> {
    try {
      return await withPageRetries(
        async () => {
          if (signal.aborted) throw new Cancelled();
          const sent = ++this.sent;
          return { page: await this.source.fetchPage(pageNum, this.pageSize, signal), sent };
        },
        signal,
        this.retryBudget,
      );
    } catch (error) {
      if (signal.aborted || isCancellation(error)) throw new Cancelled();
      throw error;
    }
  }

  /** A read beyond the pass, within the extra-page budget; undefined when the budget is spent or the read failed. */
  private async extraRead(pageNum: number): Promise<Read<Item> | undefined> {
    if (this.extraBudget <= 0 || pageNum < 1 || pageNum > LAST_PAGE_NUM) return undefined;
    this.extraBudget--;
    this.stats.extraPages++;
    try {
      return await this.fetch(pageNum, this.controller.signal);
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      return undefined; // a check that failed proves nothing; the pass itself is kept
    }
  }

  private async emit(items: Item[], at: 'end' | 'front'): Promise<void> {
    if (items.length > 0) await this.options.onItems?.(items, at);
  }

  private noteTotal(page: Page<Item>): void {
    if (page.total === undefined) return;
    if (this.firstTotal === undefined) this.firstTotal = page.total;
    else if (page.total !== this.firstTotal) this.markMoved();
    this.total = page.total;
  }

  /** Adds a page's new items; returns how many were new. */
  private async join(page: Page<Item>): Promise<number> {
    this.noteTotal(page);
    this.lastRequestId = page.requestId;
    const fresh = takeFresh(this.seen, this.source.keyOf, page.items);
    this.stats.duplicatesDropped += page.items.length - fresh.length;
    await this.emit(fresh, 'end');
    return fresh.length;
  }

  private lastPageByTotal(): number {
    return this.total === undefined ? this.nextPage : Math.min(LAST_PAGE_NUM, Math.max(this.nextPage, Math.ceil(this.total / this.pageSize)));
  }

  /** Pages from nextPage on, in parallel, joined in page order, until a stop reason. */
  private async pass(): Promise<void> {
    const { source, controller } = this;
    const firstStarted = performance.now();
    let firstMs: number | undefined;
    const concurrency = () => {
      const target = chooseConcurrency(
        source.callsPerSecond,
        source.latencyMs() ?? firstMs ?? 50,
        Math.max(1, this.options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
      );
      // A moving list is read closer to page order, so that a page read again has not drifted past the gap.
      return this.stirring ? Math.min(target, STIRRING_CONCURRENCY) : target;
    };
    const inFlight = new Map<number, Promise<Read<Item>>>();
    let running = 0;
    let requested = this.nextPage - 1;
    let previous: { read: Read<Item>; keys: Set<string> } | undefined;
    let joinedThisLoad = 0;
    let shortBefore = false;
    let checkInterval = FIRST_CHECK_AFTER_PAGES;
    let nextCheck = FIRST_CHECK_AFTER_PAGES;
    // A new call as soon as one ends (not only when the next page in order joins); pages that arrived ahead of
    // their turn wait, at most a few windows' worth.
    const fill = () => {
      // Before Total is known, one page at a time; past the end Total implied, too.
      const upTo = joinedThisLoad === 0 && this.total === undefined ? this.nextPage : this.lastPageByTotal();
      const limit = concurrency();
      while (
        running < limit &&
        inFlight.size < limit * (this.stirring ? STIRRING_BUFFERED_WINDOWS : BUFFERED_WINDOWS) &&
        requested < upTo &&
        !this.stoppedBecause &&
        !controller.signal.aborted
      ) {
        const pageNum = ++requested;
        const request = this.fetch(pageNum, controller.signal);
        running++;
        const settled = () => {
          running--;
          fill();
        };
        request.then(settled, settled); // awaited in page order below
        inFlight.set(pageNum, request);
        this.stats.peakConcurrency = Math.max(this.stats.peakConcurrency, running);
      }
    };
    while (!this.stoppedBecause) {
      if (!inFlight.has(this.nextPage)) requested = this.nextPage - 1;
      fill();
      const pageNum = this.nextPage;
      const pending = inFlight.get(pageNum);
      if (!pending) throw new Cancelled(); // nothing could be asked: the load was cancelled
      let read: Read<Item>;
      try {
        read = await pending;
      } finally {
        inFlight.delete(pageNum);
      }
      this.stats.pagesFetched++;
      if (firstMs === undefined) firstMs = performance.now() - firstStarted;
      if (previous) await this.bridge(previous, read);
      else if (pageNum > 1) this.pendingStill++; // where an earlier load ended: a gap if the list moved since
      const keys = new Set(read.page.items.map(source.keyOf));
      const before = this.seen.size;
      const fresh = await this.join(read.page);
      if (read.page.items.length > fresh && previous) this.markMoved(); // a page repeating the one before
      // A short page with more after it (not a server that keeps saying HasMore past the end).
      if (shortBefore && read.page.items.length > 0) this.markMoved();
      shortBefore = read.page.hasMore && read.page.items.length > 0 && read.page.items.length < this.pageSize;
      if (read.page.items.length > 0) this.lastFilledPage = pageNum;
      this.stoppedBecause = stopReasonOf(read.page, this.seen.size - before, this.seen.size, this.total);
      if (joinedThisLoad === 0) this.startChecks(read.page);
      previous = { read, keys };
      joinedThisLoad++;
      this.nextPage++;
      this.more = !this.stoppedBecause;
      this.options.onProgress?.(this.seen.size, this.total);
      if (!this.stirring && !this.stoppedBecause && joinedThisLoad >= nextCheck) {
        void this.checkNewestEnd(false);
        checkInterval = Math.min(MAX_CHECK_INTERVAL_PAGES, checkInterval * 2);
        nextCheck = joinedThisLoad + checkInterval;
      }
    }
  }

  /** Sets the extra-page budget from Total and remembers the newest end, to see later whether the list moved. */
  private startChecks(first: Page<Item>): void {
    const total = first.total ?? this.total;
    const pages = total === undefined ? 0 : Math.ceil(total / this.pageSize);
    this.extraBudget = Math.max(MIN_EXTRA_PAGES, Math.ceil(pages * EXTRA_PAGES_SHARE));
    if (!this.source.order || !first.hasMore) return;
    if (this.source.order === 'newest-first' && first.pageNum === 1) {
      this.newest = { key: first.items[0] && this.source.keyOf(first.items[0]), total: first.total };
    } else {
      void this.checkNewestEnd(false);
    }
  }

  /** Page 1 of a newest-first list, the last page of an oldest-first one. */
  private newestEndPage(): number {
    if (this.source.order === 'newest-first') return 1;
    return Math.max(1, Math.ceil((this.total ?? 1) / this.pageSize));
  }

  private newestKeyOf(page: Page<Item>): string | undefined {
    const item = this.source.order === 'newest-first' ? page.items[0] : page.items.at(-1);
    return item === undefined ? undefined : this.source.keyOf(item);
  }

  /**
   * Reads the newest end and compares it with what it was: a new newest item means someone joined, a new Total
   * that someone left. The first call only remembers. In the background unless `wait`.
   */
  private checkNewestEnd(wait: boolean): Promise<void> {
    const check = (async () => {
      const read = await this.extraRead(this.newestEndPage());
      if (!read) {
        if (wait) this.unproven++;
        return;
      }
      this.noteTotal(read.page);
      const seen = { key: this.newestKeyOf(read.page), total: read.page.total };
      if (this.newest && (this.newest.key !== seen.key || this.newest.total !== seen.total)) this.markMoved();
      this.newest ??= seen;
    })();
    if (!wait) check.catch(() => undefined);
    return check;
  }

  /**
   * When page B shares nothing with page A before it: proven if the list is still; if it is moving, the page read
   * first is read again and its items joined before B's (it has drifted into the gap).
   */
  private async bridge(previous: { read: Read<Item>; keys: Set<string> }, next: Read<Item>): Promise<void> {
    const { keyOf } = this.source;
    if (next.page.items.length === 0 || next.page.items.some((item) => previous.keys.has(keyOf(item)))) return;
    if (!this.stirring || !this.source.order) {
      this.pendingStill++;
      return;
    }
    const earlier = previous.read.sent < next.sent ? previous.read.page.pageNum : next.page.pageNum;
    const again = await this.extraRead(earlier);
    if (!again) {
      this.unproven++;
      return;
    }
    const earlierKeys = earlier === next.page.pageNum ? new Set(next.page.items.map(keyOf)) : previous.keys;
    if (again.page.items.length === earlierKeys.size && again.page.items.every((item) => earlierKeys.has(keyOf(item)))) {
      // Found as it was: the list has stopped moving here. The newest end, read now, is the new reference.
      this.stirring = false;
      this.newest = undefined;
      void this.checkNewestEnd(false);
    } else {
      const meetsA = again.page.items.some((item) => previous.keys.has(keyOf(item)));
      const nextKeys = new Set(next.page.items.map(keyOf));
      const meetsB = again.page.items.some((item) => nextKeys.has(keyOf(item)));
      if (!meetsA || !meetsB) this.unproven++;
    }
    await this.join(again.page);
  }

  /** A sign the list is moving: boundaries taken as adjacent since it last seemed still are no longer proven. */
  private markMoved(): void {
    this.moved = true;
    if (this.stirring) return;
    this.stirring = true;
    this.unproven += this.pendingStill;
    this.pendingStill = 0;
  }

  private catchUpContext(): CatchUpContext<Item> {
    return {
      keyOf: this.source.keyOf,
      seen: this.seen,
      read: async (pageNum) => {
        const read = await this.extraRead(pageNum);
        if (read) this.noteTotal(read.page);
        return read?.page;
      },
      emit: (items, at) => this.emit(items, at),
    };
  }

  /** After the pass: has the list moved? If so, read its newest end again until it meets what was loaded. */
  private async reconcile(): Promise<void> {
    await this.checkNewestEnd(true);
    if (!this.moved) return; // the list was still: pages that shared nothing are adjacent
    let caughtUp = false;
    for (let round = 0; round < CATCH_UP_ROUNDS && !caughtUp; round++) {
      const found =
        this.source.order === 'newest-first'
          ? await catchUpHead(this.catchUpContext())
          : await catchUpTail(this.catchUpContext(), Math.min(this.newestEndPage(), this.lastFilledPage));
      if (found === undefined) break; // budget spent or a read failed
      caughtUp = found === 0;
    }
    if (!caughtUp) this.unproven++;
  }
}
