// The one load-all engine (the tree's Load all, Pager.loadAll, the export, Search Members): pages in parallel at
// the rate limit, joined in page order, each key once; a failing page tried again within a per-load budget; a list
// that moves while it is read detected, and what slipped between its pages read again.
//
// Why it covers a list that moves: lists are ordered by time (SortType 0 oldest first, 1 newest first) and whoever
// joins is the newest, so new members only ever appear at the newest end; leaving can happen anywhere. A page holds
// every member present, as it was served, between its first and its last item. So:
// - Two pages that share a member cover everything between them, whenever each was served.
// - Two neighbouring pages that share nothing are adjacent if the list did not move between them.
// - If it did: leaving pulls members towards page 1, joining (newest first) pushes them away. When the higher page
//   was served first and nobody joined before the boundary since, leaving only pulls members of the higher page
//   into the lower one served later: nothing lies between them. Oldest first nobody ever joins before a boundary;
//   newest first, page 1 read between chunks (a head) shows whether anyone joined. Likewise, newest first, when
//   the lower page was served first and Total did not fall. Which was served first: while the list only grows or
//   only shrinks, Total tells; otherwise the order the calls were sent, which the server may not have kept. So
//   these boundaries are likely adjacent, not proven.
// - Otherwise members may have slipped between the two pages, and bridge() reads again once the later page has
//   answered (so that order is sure): the lower page and down from it until a read meets what was loaded, or
//   (joiners) the higher page and up until it meets that page.
// So the pass asks each chunk of pages highest first ('down'): only the boundary between chunks needs reading
// again. Newest first, it asks them in page order ('up') while members join, 'down' once they are seen leaving.
// A list is "stirring" from any sign of movement (a new Total, a page repeating its neighbour, a short page with
// more after it, the newest end looked at again) until a page read again is found as it was; boundaries taken as
// adjacent while it seemed still count as unproven once it is seen moving. At the end the newest end is read again
// until it meets what was loaded (reconcile()). "complete" only when the list did not move or every boundary and
// the newest end are proven.
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
/** Calls in flight while the list is seen moving: fewer, so that a page read again has drifted less. */
const STIRRING_CONCURRENCY = 6;
/** Pages asked as one chunk, in one direction (at most this many may be asked past the end of a list). */
export const CHUNK_PAGES = 16;
/** Pages fetched ahead of the one to join next, in windows of the calls in flight (at least two chunks). */
const BUFFERED_WINDOWS = 6;
/** Calls apart that two Totals are compared to tell whether a list grows or shrinks (answers come a little out of order). */
const TREND_CALLS = 16;
/** Rounds of reading the newest end again at the end of a load (each round adds those who joined meanwhile). */
const CATCH_UP_ROUNDS = 4;

interface Read<Item> {
  page: Page<Item>;
  /** Order in which the calls were sent (the list moves as pages are served; the server may serve them otherwise). */
  sent: number;
}

interface Joined<Item> {
  read: Read<Item>;
  keys: Set<string>;
}

/** In which order the pages of a chunk are asked: highest first, or in page order. */
type Direction = 'down' | 'up';

class Cancelled extends Error {}

/** Loads every page of `source` from `startPage` on. Never rejects for a failed page or a cancel: the report says. */
export async function loadAll<Item>(source: ListSource<Item>, pageSize: number, options: LoadOptions<Item> = {}): Promise<LoadReport> {
  return new LoadRun(source, pageSize, options).run();
}

/** The order pages are asked in: chunks of pages from the first not asked yet, each in its direction. */
class ChunkSchedule {
  private queue: number[] = [];
  private nextChunk: number;

  constructor(start: number) {
    this.nextChunk = start;
  }

  /** The next page to ask, up to `last`; undefined when all are asked. `startChunk` runs as a chunk is begun. */
  next(last: number, direction: () => Direction, startChunk: () => void): number | undefined {
    for (;;) {
      const page = this.queue.shift();
      if (page !== undefined && page <= last) return page;
      if (page !== undefined) continue; // past the end now that the list is shorter
      if (this.nextChunk > last) return undefined;
      const end = Math.min(last, this.nextChunk + CHUNK_PAGES - 1);
      const pages = Array.from({ length: end - this.nextChunk + 1 }, (_, i) => this.nextChunk + i);
      this.queue = direction() === 'down' ? pages.reverse() : pages;
      this.nextChunk = end + 1;
      startChunk();
    }
  }

  /** Whether `page` is still to be asked in the chunk under way. */
  holds(page: number): boolean {
    return this.queue.includes(page);
  }

  /** Asks again from `page` on (it was dropped while the list was shorter). */
  restartAt(page: number): void {
    this.queue = [];
    this.nextChunk = page;
  }
}

class LoadRun<Item> {
  private readonly seen: Set<string>;
  private readonly controller = new AbortController();
  private readonly started = performance.now();
  private total: number | undefined;
  /** The Total of the page seen last (not the one before this load): a change means the list moved in between. */
  private lastTotal: number | undefined;
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
  /** Total as answered lately, by call: whether the list grows or shrinks. */
  private readonly totals: { sent: number; total: number }[] = [];
  /** The last call whose answer showed the list moving (it moved before that call was served). */
  private lastMoveSent = 0;
  /** Boundaries that shared nothing while the list seemed still: adjacent, unless it turns out it was moving. */
  private pendingStill = 0;
  /** Boundaries taken as adjacent while the list moved (or since it seemed still), and bridges that did not meet. */
  private unproven = 0;
  /** The last page of the pass that brought items: where the tail of an oldest-first list is looked for. */
  private lastFilledPage = 1;
  private newest: { key: string | undefined; total: number | undefined } | undefined;
  /** How the next chunk is asked; newest first 'up' until members are seen leaving rather than joining. */
  private direction: Direction;
  /** Page 1 read between chunks of a newest-first list while it moves (and by the pass): who joined meanwhile. */
  private readonly heads: Promise<Read<Item> | undefined>[] = [];
  private readonly headsRead: Read<Item>[] = [];

  constructor(
    private readonly source: ListSource<Item>,
    private readonly pageSize: number,
    private readonly options: LoadOptions<Item>,
  ) {
    this.seen = options.seen ?? new Set();
    this.total = options.total;
    this.nextPage = options.startPage ?? 1;
    this.direction = source.order === 'oldest-first' ? 'down' : 'up';
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
      const read = await this.fetch(pageNum, this.controller.signal);
      this.noteTotal(read);
      return read;
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      return undefined; // a check that failed proves nothing; the pass itself is kept
    }
  }

  private async emit(items: Item[], at: 'end' | 'front'): Promise<void> {
    if (items.length > 0) await this.options.onItems?.(items, at);
  }

  private noteTotal({ page, sent }: Read<Item>): void {
    if (page.total === undefined) return;
    this.totals.push({ sent, total: page.total });
    if (this.totals.length > 2 * TREND_CALLS) this.totals.splice(0, TREND_CALLS);
    if (this.lastTotal !== undefined && page.total !== this.lastTotal) this.markMoved(sent);
    this.lastTotal = page.total;
    this.total = page.total;
  }

  /** Adds a page's new items; returns how many were new. */
  private async join(page: Page<Item>): Promise<number> {
    this.lastRequestId = page.requestId;
    const fresh = takeFresh(this.seen, this.source.keyOf, page.items);
    this.stats.duplicatesDropped += page.items.length - fresh.length;
    await this.emit(fresh, 'end');
    return fresh.length;
  }

  private lastPageByTotal(): number {
    return this.total === undefined ? this.nextPage : Math.min(LAST_PAGE_NUM, Math.max(this.nextPage, Math.ceil(this.total / this.pageSize)));
  }

  private keysOf(page: Page<Item>): Set<string> {
    return new Set(page.items.map(this.source.keyOf));
  }

  private meets(page: Page<Item>, keys: ReadonlySet<string>): boolean {
    return page.items.some((item) => keys.has(this.source.keyOf(item)));
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
      return this.stirring ? Math.min(target, STIRRING_CONCURRENCY) : target;
    };
    const inFlight = new Map<number, Promise<Read<Item>>>();
    /** Keys of the pages that arrived and are not joined yet, to see the list move as soon as pages arrive. */
    const arrived = new Map<number, Set<string>>();
    const schedule = new ChunkSchedule(this.nextPage);
    const running = new Set<Promise<unknown>>();
    let previous: Joined<Item> | undefined;
    let joinedThisLoad = 0;
    let shortBefore = false;
    let checkInterval = FIRST_CHECK_AFTER_PAGES;
    let nextCheck = FIRST_CHECK_AFTER_PAGES;
    // A new call as soon as one ends (not only when the next page in order joins); pages that arrived ahead of
    // their turn wait, at most a few windows' (and two chunks') worth.
    const fill = () => {
      // Before Total is known, one page at a time; past the end Total implied, too.
      const upTo = joinedThisLoad === 0 && this.total === undefined ? this.nextPage : this.lastPageByTotal();
      const limit = concurrency();
      const buffered = Math.max(limit * BUFFERED_WINDOWS, 2 * CHUNK_PAGES);
      while (running.size < limit && inFlight.size < buffered && !this.stoppedBecause && !controller.signal.aborted) {
        const pageNum = schedule.next(
          upTo,
          () => this.chunkDirection(),
          () => this.startChunk(),
        );
        if (pageNum === undefined) break;
        if (inFlight.has(pageNum)) continue;
        const request = this.fetch(pageNum, controller.signal);
        const settled = request.then(
          (read) => this.noteArrival(read, arrived),
          () => undefined,
        );
        running.add(settled);
        void settled.then(() => {
          running.delete(settled);
          fill();
        }); // the request itself is awaited in page order below
        inFlight.set(pageNum, request);
        this.stats.peakConcurrency = Math.max(this.stats.peakConcurrency, running.size);
      }
    };
    while (!this.stoppedBecause) {
      fill();
      // Highest first, the next page to join is the last of its chunk to be asked: wait for a call to end.
      while (!inFlight.has(this.nextPage)) {
        if (!schedule.holds(this.nextPage)) schedule.restartAt(this.nextPage);
        fill();
        if (inFlight.has(this.nextPage)) break;
        if (running.size === 0) throw new Cancelled(); // nothing could be asked: the load was cancelled
        await Promise.race(running);
      }
      const pageNum = this.nextPage;
      const pending = inFlight.get(pageNum) as Promise<Read<Item>>;
      let read: Read<Item>;
      try {
        read = await pending;
      } finally {
        inFlight.delete(pageNum);
        arrived.delete(pageNum);
      }
      this.stats.pagesFetched++;
      if (firstMs === undefined) firstMs = performance.now() - firstStarted;
      if (pageNum === 1 && this.source.order === 'newest-first') this.noteHead(read);
      if (previous) await this.bridge(previous, read);
      else if (pageNum > 1) this.pendingStill++; // where an earlier load ended: a gap if the list moved since
      const keys = this.keysOf(read.page);
      const before = this.seen.size;
      const fresh = await this.join(read.page);
      if (read.page.items.length > fresh && previous) this.markMoved(read.sent); // a page repeating the one before
      // A short page with more after it (not a server that keeps saying HasMore past the end).
      if (shortBefore && read.page.items.length > 0) this.markMoved(read.sent);
      shortBefore = read.page.hasMore && read.page.items.length > 0 && read.page.items.length < this.pageSize;
      if (read.page.items.length > 0) this.lastFilledPage = pageNum;
      this.stoppedBecause = this.stopReason(read.page, this.seen.size - before);
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

  /** As a page arrives (in about the order the server served it): a new Total, or a neighbour it repeats. */
  private noteArrival(read: Read<Item>, arrived: Map<number, Set<string>>): void {
    this.noteTotal(read);
    const { pageNum } = read.page;
    const keys = this.keysOf(read.page);
    for (const neighbour of [arrived.get(pageNum - 1), arrived.get(pageNum + 1)]) {
      if (neighbour && read.page.items.some((item) => neighbour.has(this.source.keyOf(item)))) this.markMoved(read.sent);
    }
    arrived.set(pageNum, keys);
  }

  /** The paging rules, except that a moving list repeats itself well before its end: that is no end. */
  private stopReason(page: Page<Item>, newItems: number): StopReason | undefined {
    const reason = stopReasonOf(page, newItems, this.seen.size, this.total);
    const insideList = this.total !== undefined && page.pageNum < Math.ceil(this.total / this.pageSize);
    return reason === 'no-new-items' && this.moved && insideList ? undefined : reason;
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
      const seen = { key: this.newestKeyOf(read.page), total: read.page.total };
      if (this.newest && (this.newest.key !== seen.key || this.newest.total !== seen.total)) this.markMoved(read.sent);
      this.newest ??= seen;
    })();
    if (!wait) check.catch(() => undefined);
    return check;
  }

  /** Oldest first always down (joiners come last); newest first as heads and bridges last showed the drift. */
  private chunkDirection(): Direction {
    return this.source.order === 'newest-first' || !this.source.order ? this.direction : 'down';
  }

  /** Between chunks of a newest-first list that moves, page 1: heads show whether anyone joined in between. */
  private startChunk(): void {
    if (this.source.order !== 'newest-first' || !this.stirring || this.direction !== 'down') return;
    this.readHead();
  }

  private readHead(): void {
    const head = this.extraRead(1);
    this.heads.push(head);
    head.then(
      (read) => read && this.noteHead(read),
      () => undefined, // cancelled: the pass sees it too
    );
  }

  /** A read of page 1: newcomers since the one before mean members join, and the next chunks go 'up'. */
  private noteHead(read: Read<Item>): void {
    const at = this.headsRead.findIndex((head) => head.sent > read.sent);
    const before = this.headsRead[(at < 0 ? this.headsRead.length : at) - 1];
    this.headsRead.splice(at < 0 ? this.headsRead.length : at, 0, read);
    if (before && at < 0) this.direction = this.newcomersBetween(before, read) ? 'up' : 'down';
  }

  /** Whether page 1 read as `after` starts with someone page 1 read as `before` did not hold. */
  private newcomersBetween(before: Read<Item>, after: Read<Item>): boolean {
    const newest = after.page.items[0];
    return newest !== undefined && !this.keysOf(before.page).has(this.source.keyOf(newest));
  }

  /**
   * Most likely nobody joined before a boundary between the calls `from` and `to` (as sent; the server may have
   * served them in another order): always oldest first; newest first when page 1, read before `from` and after
   * `to`, shows no newcomer.
   */
  private async nobodyJoinedBetween(from: number, to: number): Promise<boolean> {
    if (this.source.order === 'oldest-first') return true;
    if (this.source.order !== 'newest-first') return false;
    await Promise.all(this.heads);
    const before = this.headsRead.filter((read) => read.sent < from).at(-1);
    const after = this.headsRead.find((read) => read.sent > to);
    return before !== undefined && after !== undefined && !this.newcomersBetween(before, after);
  }

  /**
   * Whether `a` was served before `b`. Calls in flight together may be served in another order than they were
   * sent, but while the list only grows or only shrinks, Total tells which came first.
   */
  private servedFirst(a: Read<Item>, b: Read<Item>): boolean {
    const trend = this.totalTrend();
    const [totalA, totalB] = [a.page.total, b.page.total];
    if (trend !== 0 && totalA !== undefined && totalB !== undefined && totalA !== totalB) return totalA > totalB === trend < 0;
    return a.sent < b.sent;
  }

  /** +1 while the list grows, -1 while it shrinks, 0 when it seems to do neither: Totals TREND_CALLS apart (or fewer, early on). */
  private totalTrend(): number {
    const last = this.totals.at(-1);
    const earlier = last && (this.totals.filter((entry) => entry.sent <= last.sent - TREND_CALLS).at(-1) ?? this.totals[0]);
    return last && earlier ? Math.sign(last.total - earlier.total) : 0;
  }

  /**
   * Newest first, with A served first: B was pushed away from page 1 by those who joined, pulled towards it by
   * those who left before it; as many joined as Total grew and at least as many left as it fell, so a Total that
   * did not fall means B did not move towards page 1, into A.
   */
  private noneLeftBeforeJoiners(first: Read<Item>, then: Read<Item>): boolean {
    const [before, after] = [first.page.total, then.page.total];
    return this.source.order === 'newest-first' && before !== undefined && after !== undefined && after >= before;
  }

  /**
   * When page B shares nothing with page A before it. Adjacent if the list is still (proven at the end, when it
   * still is). While it moves: if B was served first and nobody joined in between, or A first and Total did not
   * fall (newest first), most likely adjacent, not proven. Otherwise the members that may have slipped between
   * them are read again and joined before B's: down from A if A was served first, up from B if B was.
   */
  private async bridge(previous: Joined<Item>, next: Read<Item>): Promise<void> {
    if (next.page.items.length === 0 || this.meets(next.page, previous.keys)) return;
    if (!this.stirring || !this.source.order) {
      this.pendingStill++;
      return;
    }
    const nextFirst = this.servedFirst(next, previous.read);
    // No answer after the earlier of the two showed a move: the list may have stopped; one read tells.
    const calm = this.lastMoveSent <= Math.min(next.sent, previous.read.sent);
    if (!calm && (nextFirst ? await this.nobodyJoinedBetween(next.sent, previous.read.sent) : this.noneLeftBeforeJoiners(previous.read, next))) {
      this.unproven++;
      return;
    }
    const nextKeys = this.keysOf(next.page);
    const found = nextFirst && !calm ? await this.readUp(next, nextKeys) : await this.readDown(previous, next, nextKeys);
    if (!found.proven) this.unproven++;
    const fresh = takeFresh(this.seen, this.source.keyOf, found.between);
    await this.emit(fresh, 'end');
    // Newest first, members slipping between pages show which way the list drifts: read the next chunks so.
    if (this.source.order === 'newest-first' && fresh.length > 0) this.direction = nextFirst ? 'up' : 'down';
  }

  /**
   * Members left before the boundary: the lower page A, read again now, holds those who slipped from B; if the
   * list drifted further, the page below it too, and so on down until a read meets what was loaded (or page 1).
   * Each read is asked once the one before it has answered, so the order is sure: oldest first, where nobody
   * joins before a boundary, each read covers up to the one before it; newest first only a shared member proves
   * it. What lies at or past B's first member is left to B.
   */
  private async readDown(previous: Joined<Item>, next: Read<Item>, nextKeys: Set<string>): Promise<{ between: Item[]; proven: boolean }> {
    const reads: Page<Item>[] = [];
    let proven = true;
    for (let pageNum = previous.read.page.pageNum; ; pageNum--) {
      const read = await this.extraRead(pageNum);
      if (!read) {
        proven = false;
        break;
      }
      const asItWas = reads.length === 0 && this.isAsItWas(read.page, previous);
      if (asItWas) {
        // Found as it was, served after B: the list has stopped moving here. The newest end, read now, is the new
        // reference.
        this.stirring = false;
        this.newest = undefined;
        void this.checkNewestEnd(false);
      }
      const higher = reads.at(-1) ?? next.page;
      if (!asItWas && this.source.order !== 'oldest-first' && !this.meets(read.page, this.keysOf(higher))) proven = false;
      reads.push(read.page);
      if (this.meets(read.page, this.seen) || pageNum === 1) break;
    }
    // Reads are from the highest page down: the last one holding members of B marks where B begins.
    let lastMeetingNext = reads.length - 1;
    while (lastMeetingNext >= 0 && !this.meets(reads[lastMeetingNext], nextKeys)) lastMeetingNext--;
    const between: Item[] = [];
    for (let i = reads.length - 1; i >= Math.max(0, lastMeetingNext); i--) {
      const items = reads[i].items;
      between.push(
        ...(i === lastMeetingNext
          ? items.slice(
              0,
              items.findIndex((item) => nextKeys.has(this.source.keyOf(item))),
            )
          : items),
      );
    }
    return { between, proven };
  }

  /**
   * Members joined before the boundary (newest first): B's page read again holds, before B's members, those
   * pushed into it; if more joined meanwhile, the pages after it too, up to the one that meets B. Proven when each
   * read meets the one before it (the first: what was loaded), so not when pages pushed past are skipped.
   */
  private async readUp(next: Read<Item>, nextKeys: Set<string>): Promise<{ between: Item[]; proven: boolean }> {
    const between: Item[] = [];
    // Those who joined since B was served pushed it at least as far as Total grew: begin a page before there.
    const grown = (this.total ?? 0) - (next.page.total ?? this.total ?? 0);
    const skipped = Math.max(0, Math.floor(grown / this.pageSize) - 1);
    let proven = skipped === 0;
    let lower: ReadonlySet<string> = this.seen;
    for (let pageNum = next.page.pageNum + skipped; pageNum <= LAST_PAGE_NUM; pageNum++) {
      const read = await this.extraRead(pageNum);
      if (!read) return { between, proven: false };
      if (!this.meets(read.page, lower)) proven = false;
      const at = read.page.items.findIndex((item) => nextKeys.has(this.source.keyOf(item)));
      if (at >= 0) return { between: [...between, ...read.page.items.slice(0, at)], proven };
      between.push(...read.page.items);
      if (!read.page.hasMore || read.page.items.length === 0) return { between, proven: false };
      lower = this.keysOf(read.page);
    }
    return { between, proven: false };
  }

  /** The same members, and the same Total: nothing moved there since. */
  private isAsItWas(page: Page<Item>, { read, keys }: Joined<Item>): boolean {
    return page.total === read.page.total && page.items.length === keys.size && page.items.every((item) => keys.has(this.source.keyOf(item)));
  }

  /** A sign the list is moving: boundaries taken as adjacent since it last seemed still are no longer proven. */
  private markMoved(sent: number): void {
    this.moved = true;
    this.lastMoveSent = Math.max(this.lastMoveSent, sent);
    if (this.stirring) return;
    this.stirring = true;
    this.unproven += this.pendingStill;
    this.pendingStill = 0;
    if (this.source.order === 'newest-first') this.readHead(); // the first head bracket
  }

  private catchUpContext(): CatchUpContext<Item> {
    return {
      keyOf: this.source.keyOf,
      seen: this.seen,
      read: async (pageNum) => (await this.extraRead(pageNum))?.page,
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
