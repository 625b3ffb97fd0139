// The tree's paged lists in plain Node, over an in-memory list source: Load more, Load all joined in page order,
// a page that keeps failing (stopped, then Resume), a cancel keeping what was loaded, and a list that ended short.
import * as assert from 'node:assert/strict';
import { ApiError, cancelledError } from '../../../src/api/errors';
import { Pager, type ListSource, type Page } from '../../../src/api/pager';
import { PagedList } from '../../../src/model/pagedList';

interface Row {
  id: string;
}

/** `total` rows served `pageSize` at a time; `failing` pages fail while they are in the set. */
function source(
  total: number,
  options: { failing?: Set<number>; reportedTotal?: number; onFetch?: (pageNum: number) => void } = {},
): ListSource<Row> & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async fetchPage(pageNum, pageSize, signal): Promise<Page<Row>> {
      calls.push(pageNum);
      options.onFetch?.(pageNum);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (signal?.aborted) throw cancelledError('List');
      if (options.failing?.has(pageNum)) throw new ApiError({ code: 'InternalError', message: `page ${pageNum} failed`, status: 500, retryable: true });
      const start = (pageNum - 1) * pageSize;
      const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => ({ id: `r${start + i}` }));
      return { pageNum, items, hasMore: start + pageSize < total, total: options.reportedTotal ?? total, requestId: `req-${pageNum}` };
    },
    keyOf: (row) => row.id,
    callsPerSecond: 1000,
    latencyMs: () => 1,
  };
}

const ids = (list: PagedList<Row>) => list.items.map((row) => row.id);
const never = new AbortController().signal;

describe('PagedList', () => {
  it('loads page by page with Load more, each item once, and stops at the end', async () => {
    const list = new PagedList(new Pager(source(25), 10));
    await list.ensureFirstPage();
    assert.equal(list.items.length, 10);
    await list.loadMore();
    await list.loadMore();
    assert.deepEqual(
      ids(list),
      Array.from({ length: 25 }, (_, i) => `r${i}`),
    );
    assert.equal(list.hasMore, false);
  });

  it('Load all joins every page in page order and reports complete', async () => {
    const list = new PagedList(new Pager(source(1234), 50));
    const progress: number[] = [];
    const outcome = await list.loadAll(never, (loaded) => progress.push(loaded));
    assert.equal(outcome.status, 'complete');
    assert.equal(outcome.loaded, 1234);
    assert.deepEqual(
      ids(list),
      Array.from({ length: 1234 }, (_, i) => `r${i}`),
    );
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only grows',
    );
    assert.equal(list.incomplete, undefined);
  });

  it('a page that keeps failing stops the load there, keeps the pages before it, and Resume loads only the rest', async () => {
    const failing = new Set([7]);
    const rows = source(500, { failing });
    const list = new PagedList(new Pager(rows, 50));
    const stopped = await list.loadAll(never, () => undefined);
    assert.equal(stopped.status, 'stopped');
    assert.equal(stopped.stoppedAtPage, 7);
    assert.equal(list.items.length, 300, 'pages 1–6 kept');
    assert.ok(rows.calls.filter((page) => page === 7).length >= 2, 'the failing page was tried again within the load');
    assert.deepEqual(list.incomplete && { status: list.incomplete.status, page: 'page' in list.incomplete ? list.incomplete.page : undefined }, {
      status: 'stopped',
      page: 7,
    });
    failing.clear();
    rows.calls.length = 0;
    const resumed = await list.resume(never, () => undefined);
    assert.equal(resumed.status, 'complete');
    assert.deepEqual(
      ids(list),
      Array.from({ length: 500 }, (_, i) => `r${i}`),
    );
    assert.ok(Math.min(...rows.calls) >= 7, `resume starts at the missing page (asked ${rows.calls.join(',')})`);
    assert.equal(list.incomplete, undefined);
  });

  it('a cancel keeps what was loaded and a new Load all continues from there', async () => {
    const controller = new AbortController();
    const list = new PagedList(new Pager(source(2000), 50));
    const cancelled = await list.loadAll(controller.signal, (loaded) => {
      if (loaded >= 300) controller.abort();
    });
    assert.equal(cancelled.status, 'cancelled');
    const kept = list.items.length;
    assert.ok(kept >= 300 && kept < 2000, `kept ${kept}`);
    const again = await list.loadAll(never, () => undefined);
    assert.equal(again.status, 'complete');
    assert.equal(new Set(ids(list)).size, 2000);
  });

  it('a list that ends short of the Total it reported is "changed", never "complete"', async () => {
    const list = new PagedList(new Pager(source(480, { reportedTotal: 500 }), 50));
    const outcome = await list.loadAll(never, () => undefined);
    assert.equal(outcome.status, 'changed');
    assert.deepEqual(list.incomplete, { status: 'changed', loaded: 480, total: 500 });
  });

  it('Retry clears a failed page and loads it', async () => {
    const failing = new Set([1]);
    const list = new PagedList(new Pager(source(5, { failing }), 10));
    await assert.rejects(list.ensureFirstPage());
    assert.ok(list.error instanceof ApiError);
    failing.clear();
    await list.retry();
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, 5);
  });
});
