// The load-all engine over lists that move while they are read: members joining (always the newest) and leaving
// as pages are served, in both orders; what the load returns is compared with the list as it is at the end.
import * as assert from 'node:assert/strict';
import { loadAll } from '../../../src/api/loadAll';
import type { ListOrder, ListSource, Page } from '../../../src/api/pager';
import { memberPager } from '../../../src/api/pager';
import { newClient, useEmulator } from '../helpers';

interface Row {
  id: string;
}

/**
 * `size` members (member i joined i-th); after each page served, `churn(served)` of the longest-standing leave and
 * as many new ones join. `leaveAt` makes one member in the middle leave (without anyone joining) at that serve.
 */
function movingList(size: number, order: ListOrder, churn: (served: number) => number, leaveAt?: { serve: number; member: number }) {
  let first = 0; // the longest-standing member still in
  let next = size; // the next member to join
  const gone = new Set<number>();
  let served = 0;
  const current = () => {
    const members: number[] = [];
    for (let i = first; i < next; i++) if (!gone.has(i)) members.push(i);
    return order === 'newest-first' ? members.reverse() : members;
  };
  const source: ListSource<Row> = {
    order,
    async fetchPage(pageNum, pageSize): Promise<Page<Row>> {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const members = current();
      const start = (pageNum - 1) * pageSize;
      const items = members.slice(start, start + pageSize).map((i) => ({ id: `m${i}` }));
      const page = { pageNum, items, hasMore: start + pageSize < members.length, total: members.length, requestId: `r${served}` };
      served++;
      const count = churn(served);
      first += count;
      next += count;
      if (leaveAt && served === leaveAt.serve) gone.add(leaveAt.member);
      return page;
    },
    keyOf: (row) => row.id,
    callsPerSecond: 1000,
    latencyMs: () => 1,
  };
  return { source, finalIds: () => current().map((i) => `m${i}`) };
}

async function load(list: ReturnType<typeof movingList>) {
  let items: Row[] = [];
  const report = await loadAll(list.source, 50, {
    onItems: (fresh, at) => {
      items = at === 'front' ? [...fresh, ...items] : [...items, ...fresh];
    },
  });
  const ids = items.map((row) => row.id);
  const returned = new Set(ids);
  const final = list.finalIds();
  const coverage = final.filter((id) => returned.has(id)).length / final.length;
  return { report, ids, coverage, final };
}

describe('load-all engine: lists that move while they are read', () => {
  for (const order of ['newest-first', 'oldest-first'] as const) {
    it(`${order}: a list that stays still is complete, with two reads to check it`, async () => {
      const { report, ids, final } = await load(movingList(2000, order, () => 0));
      assert.equal(report.status, 'complete');
      assert.deepEqual(ids, final);
      assert.equal(report.moved, false);
      assert.ok(report.extraPages <= 2 + 40 / 20, `${report.extraPages} extra pages: one at each end, one every 20 pages`);
    });

    it(`${order}: 3 members leaving and joining per page served: at least 99.5% of the final list, no duplicates, "changed"`, async () => {
      const size = 20_000;
      const { report, ids, coverage } = await load(movingList(size, order, () => 3));
      assert.equal(new Set(ids).size, ids.length, 'duplicates');
      assert.ok(coverage >= 0.995, `coverage ${coverage}`);
      assert.equal(report.status, 'changed', 'a list that never stops moving is never proven complete');
      assert.ok(report.moved);
      assert.ok(report.extraPages <= size / 50 + 20, `${report.extraPages} extra pages`);
    });

    it(`${order}: churn that stops during the load: caught up, and "complete" only when nothing of the final list is missing`, async () => {
      const { report, ids, final } = await load(movingList(3000, order, (served) => (served <= 30 ? 3 : 0)));
      const returned = new Set(ids);
      const missing = final.filter((id) => !returned.has(id));
      // Newest first the pages overlap as the list moves, so the load can prove it caught up; oldest first the
      // early gaps show only at the first look at the tail, too late to re-read them.
      if (order === 'newest-first') assert.equal(report.status, 'complete', `${report.extraPages} extra pages`);
      if (report.status === 'complete') assert.deepEqual(missing, [], 'complete means every member of the final list');
      else assert.ok(missing.length > 0 || report.moved);
    });

    it(`${order}: one member in the middle leaving mid-load (Total falls): never "complete" while one is skipped`, async () => {
      const list = movingList(3000, order, () => 0, { serve: 10, member: 1500 });
      const { report, coverage } = await load(list);
      assert.ok(report.moved, 'the new Total was noticed');
      if (coverage < 1) assert.equal(report.status, 'changed');
    });
  }
});

describe('load-all engine: against the emulator', function () {
  const emulator = useEmulator();

  for (const SortType of [0, 1] as const) {
    it(`churn 3 per page (SortType ${SortType}): 99.5% of the group as it ends, no duplicates, never reported complete`, async () => {
      const { appId, thousandGroupId } = emulator().dataset.fixtures;
      emulator().setFaults({ churnPerPage: 3 });
      const { client } = newClient(emulator().url);
      const result = await memberPager(client, { AppId: appId, GroupId: thousandGroupId, SortType }, 50).loadAll();
      emulator().setFaults({});
      const ids = result.items.map((m) => m.UserId);
      assert.equal(new Set(ids).size, ids.length, 'duplicates');
      const final = new Set<string>();
      for await (const page of memberPager(client, { AppId: appId, GroupId: thousandGroupId }, 50).pages()) for (const m of page.items) final.add(m.UserId);
      const returned = new Set(ids);
      const coverage = [...final].filter((id) => returned.has(id)).length / final.size;
      // Oldest first, a 20-page load is over before the first look at its tail shows it moving: only newest first,
      // where the pages overlap at once, can be caught up in so short a load.
      if (SortType === 1) assert.ok(coverage >= 0.99, `coverage ${coverage}`); // the last reads' own churn stays out
      assert.equal(result.status, 'changed');
    });
  }
});
