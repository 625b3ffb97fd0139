// The tree's paged lists over a token source (the LiveMessage family's paging): Load more follows the tokens,
// Load all walks page after page (never two calls at once), a cancel keeps what was loaded, a failing page stops
// the walk and Resume asks for that page's token again; a token the server repeats ends the list.
import * as assert from 'node:assert/strict';
import { ApiError, cancelledError } from '../../../src/api/errors';
import { TokenPager, type TokenListSource, type TokenPage } from '../../../src/api/tokenPager';
import { PagedList } from '../../../src/model/pagedList';

interface Row {
  id: string;
}

interface Options {
  /** Tokens that fail while they are in the set ('' = the first page). */
  failing?: Set<string>;
  /** Answer every page with this token (a server that repeats itself). */
  repeat?: string;
  onFetch?: (token: string | undefined) => void;
}

/** `total` rows, `pageSize` a page; the token of a page is the index of its first row. */
function source(total: number, options: Options = {}): TokenListSource<Row> & { calls: (string | undefined)[]; maxInFlight: number } {
  let inFlight = 0;
  const state = {
    calls: [] as (string | undefined)[],
    maxInFlight: 0,
    async fetchPage(token: string | undefined, pageSize: number, signal?: AbortSignal): Promise<TokenPage<Row>> {
      state.calls.push(token);
      options.onFetch?.(token);
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (signal?.aborted) throw cancelledError('List');
        if (options.failing?.has(token ?? '')) throw new ApiError({ code: 'ServerError', message: `token ${token} failed`, status: 500, retryable: true });
        const start = Number(token ?? 0);
        const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => ({ id: `r${start + i}` }));
        const hasMore = start + pageSize < total;
        return { items, hasMore, nextToken: hasMore ? (options.repeat ?? String(start + pageSize)) : undefined, requestId: `req-${token ?? 'first'}` };
      } finally {
        inFlight--;
      }
    },
    keyOf: (row: Row) => row.id,
    callsPerSecond: 1000,
    latencyMs: () => 1,
  };
  return state;
}

const ids = (list: PagedList<Row>) => list.items.map((row) => row.id);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `r${from + i}`);
const never = new AbortController().signal;

describe('PagedList over tokens', () => {
  it('Load more follows each page’s token and stops at the last page', async () => {
    const rows = source(25);
    const list = new PagedList(new TokenPager(rows, 10));
    await list.ensureFirstPage();
    assert.deepEqual(ids(list), range(0, 10));
    await list.loadMore();
    await list.loadMore();
    assert.deepEqual(ids(list), range(0, 25));
    assert.equal(list.hasMore, false);
    assert.deepEqual(rows.calls, [undefined, '10', '20']);
    assert.equal(list.total, undefined, 'token lists have no Total');
  });

  it('Load all walks every page one after another, each item once, and reports complete', async () => {
    const rows = source(1234);
    const list = new PagedList(new TokenPager(rows, 50));
    await list.ensureFirstPage();
    const progress: number[] = [];
    const outcome = await list.loadAll(never, (loaded) => progress.push(loaded));
    assert.equal(outcome.status, 'complete');
    assert.equal(outcome.loaded, 1234);
    assert.deepEqual(ids(list), range(0, 1234));
    assert.equal(rows.maxInFlight, 1, 'a token walk is sequential');
    assert.equal(outcome.pagesFetched, 24, 'the first page is not fetched again');
    assert.equal(progress.at(-1), 1234);
    assert.equal(list.hasMore, false);
  });

  it('a cancel keeps what was loaded and Resume continues from the next token', async () => {
    const controller = new AbortController();
    const rows = source(500, { onFetch: (token) => token === '200' && controller.abort() });
    const list = new PagedList(new TokenPager(rows, 50));
    const outcome = await list.loadAll(controller.signal, () => undefined);
    assert.equal(outcome.status, 'cancelled');
    assert.deepEqual(ids(list), range(0, 200));
    const resumed = await list.resume(never, () => undefined);
    assert.equal(resumed.status, 'complete');
    assert.deepEqual(ids(list), range(0, 500));
    assert.equal(rows.calls.filter((token) => token === '200').length, 2, 'the cancelled page is asked for again');
  });

  it('a failing page stops Load all at that page; Resume asks for its token again and completes', async () => {
    const failing = new Set(['150']);
    const rows = source(300, { failing });
    const list = new PagedList(new TokenPager(rows, 50));
    const outcome = await list.loadAll(never, () => undefined);
    assert.equal(outcome.status, 'stopped');
    assert.equal(outcome.stoppedAtPage, 4);
    assert.deepEqual(list.incomplete && list.incomplete.status === 'stopped' ? list.incomplete.page : undefined, 4);
    assert.deepEqual(ids(list), range(0, 150), 'what was loaded stays');
    assert.ok(rows.calls.filter((token) => token === '150').length >= 2, 'the failing page was tried again before stopping');
    failing.clear();
    const resumed = await list.resume(never, () => undefined);
    assert.equal(resumed.status, 'complete');
    assert.deepEqual(ids(list), range(0, 300));
    assert.equal(list.incomplete, undefined);
  });

  it('a failing Load more keeps the token: Retry loads the same page', async () => {
    const failing = new Set(['10']);
    const rows = source(30, { failing });
    const list = new PagedList(new TokenPager(rows, 10));
    await list.ensureFirstPage();
    await assert.rejects(list.loadMore(), /failed/);
    assert.ok(list.error instanceof ApiError);
    failing.clear();
    await list.retry();
    assert.deepEqual(ids(list), range(0, 20));
  });

  it('a server that repeats its token ends the list instead of looping', async () => {
    const rows = source(1000, { repeat: '10' });
    const list = new PagedList(new TokenPager(rows, 10));
    const outcome = await list.loadAll(never, () => undefined);
    assert.equal(outcome.status, 'complete');
    assert.deepEqual(ids(list), range(0, 20));
    assert.deepEqual(rows.calls, [undefined, '10']);
  });
});
