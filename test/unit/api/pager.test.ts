import * as assert from 'node:assert/strict';
import { type ApiError, ClientErrorCode } from '../../../src/api/errors';
import { Pager, chooseConcurrency, groupPager, memberPager, messagePager, appPager, type ListSource, type Page } from '../../../src/api/pager';
import { CHUNK_PAGES } from '../../../src/api/loadAll';
import type { GroupMember } from '../../../src/api/types';
import { DEMO_KEY, STS_KEY } from '../../../src/emulator';
import { newClient, sleep, useEmulator } from '../helpers';

function assertUnique(ids: string[]): void {
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
}

describe('pager: against the emulator', function () {
  const emulator = useEmulator();
  const fixtures = () => emulator().dataset.fixtures;

  it('pages() walks a 123-member group page by page and stops when HasMore is false', async () => {
    const { client, calls } = newClient(emulator().url);
    const pager = memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId });
    const pages = [];
    for await (const page of pager.pages()) pages.push(page);
    assert.deepEqual(
      pages.map((p) => [p.pageNum, p.items.length, p.hasMore]),
      [
        [1, 50, true],
        [2, 50, true],
        [3, 23, false],
      ],
    );
    assert.equal(pages[2].stoppedBecause, 'no-more-pages');
    assert.equal(pages[0].total, 123);
    assertUnique(pages.flatMap((p) => p.items.map((m) => m.UserId)));
    assert.equal(calls.length, 3);
  });

  it('loadAll: all 1000 members, in page order, with progress up to (1000, 1000)', async () => {
    const { client } = newClient(emulator().url);
    const pager = memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId });
    const sequential: string[] = [];
    for await (const page of pager.pages()) sequential.push(...page.items.map((m) => m.UserId));
    const progress: [number, number | undefined][] = [];
    const result = await pager.loadAll({ onProgress: (loaded, total) => progress.push([loaded, total]) });
    assert.deepEqual(
      result.items.map((m) => m.UserId),
      sequential,
    );
    assert.equal(result.items.length, 1000);
    assert.equal(result.total, 1000);
    assert.equal(result.stoppedBecause, 'no-more-pages');
    assert.equal(result.pagesFetched, 20);
    assert.equal(result.lastPage, 20);
    assert.equal(result.duplicatesDropped, 0);
    assert.deepEqual(progress.at(-1), [1000, 1000]);
    assert.ok(
      progress.every(([loaded], i) => i === 0 || loaded >= progress[i - 1][0]),
      'progress never goes back',
    );
  });

  it('loadAll keeps the rate saturated without exceeding it: 200 pages at qps 100, throttled 0', async () => {
    emulator().setFaults({ latencyMs: { min: 5, max: 25 } });
    // Its own AccessKey, so that the calls of earlier tests are not in the window.
    const { client, calls } = newClient(emulator().url, STS_KEY);
    const pager = memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId }, 5);
    const t0 = performance.now();
    const result = await pager.loadAll();
    const elapsed = performance.now() - t0;
    assert.equal(result.items.length, 1000);
    assert.equal(result.pagesFetched, 200);
    const stats = emulator().stats();
    assert.equal(stats.throttled, 0);
    assert.ok(stats.peakCallsPerSecond <= 100, `peak ${stats.peakCallsPerSecond}`);
    assert.equal(calls.length, 200 + result.extraPages, 'the pages, and the reads that check the list did not move');
    assert.ok(result.peakConcurrency >= 2 && result.peakConcurrency <= 16, `concurrency ${result.peakConcurrency}`);
    // 100 calls in each one-second window (the last one partly filled, + a round trip); one by one would take 3 s.
    const windows = Math.ceil(calls.length / 100);
    assert.ok(elapsed < windows * 1000, `took ${elapsed} ms for ${calls.length} calls`);
  });

  it('an empty group: one call, no items', async () => {
    const { client, calls } = newClient(emulator().url);
    const result = await memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().emptyGroupId }).loadAll();
    assert.deepEqual(result.items, []);
    assert.equal(result.stoppedBecause, 'no-more-pages');
    assert.equal(calls.length, 1);
  });

  it('groups (a user with 57 groups), apps, and messages (no Total) load completely', async () => {
    const { client } = newClient(emulator().url);
    const groups = await groupPager(client, { AppId: fixtures().appId, UserId: fixtures().manyGroupsUserId }).loadAll();
    assert.equal(groups.items.length, fixtures().manyGroupsCount);
    assertUnique(groups.items.map((g) => g.GroupId));
    const apps = await appPager(client, {}, 2).loadAll();
    assert.deepEqual(
      apps.items.map((a) => a.AppId).sort(),
      emulator()
        .dataset.apps.map((a) => a.AppId)
        .sort(),
    );
    const messages = await messagePager(client, { AppId: fixtures().appId, GroupId: fixtures().bigGroupId }).loadAll();
    assert.equal(messages.items.length, emulator().dataset.groups[fixtures().bigGroupId].messages);
    assert.equal(messages.total, undefined);
    assertUnique(messages.items.map((m) => m.MessageId));
  });

  it('HasMore always true: stops at the first empty page, few extra calls', async () => {
    emulator().setFaults({ lyingHasMore: true });
    const { client, calls } = newClient(emulator().url);
    const sequential = [];
    for await (const page of memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId }).pages()) sequential.push(page);
    assert.equal(sequential.at(-1)!.stoppedBecause, 'empty-page');
    assert.equal(sequential.length, 4);
    calls.length = 0;
    const result = await memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId }).loadAll();
    assert.equal(result.items.length, 1000);
    assert.equal(result.stoppedBecause, 'empty-page');
    assert.equal(result.lastPage, 21);
    assert.ok(calls.length <= 21 + result.peakConcurrency + result.extraPages, `${calls.length} calls`);
    assert.ok(result.extraPages <= 3, `${result.extraPages} reads to check the list: at the start, after 20 pages, at the end`);
  });

  it('Total too small (x0.3): loads past it until HasMore is false', async () => {
    emulator().setFaults({ lyingTotal: 0.3 });
    const { client } = newClient(emulator().url);
    const result = await memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId }).loadAll();
    assert.equal(result.items.length, 1000);
    assert.equal(result.total, 300);
    assert.equal(result.stoppedBecause, 'no-more-pages');
    assertUnique(result.items.map((m) => m.UserId));
  });

  it('Total too large (x50) and HasMore always true together: still terminates with every member once', async () => {
    emulator().setFaults({ lyingTotal: 50, lyingHasMore: true });
    const { client, calls } = newClient(emulator().url);
    const result = await memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId }).loadAll();
    assert.equal(result.items.length, 123);
    assert.equal(result.stoppedBecause, 'empty-page');
    // Pages are asked a chunk at a time, highest first: at most a chunk and the calls in flight past the end.
    assert.ok(calls.length <= 4 + CHUNK_PAGES + result.peakConcurrency + result.extraPages, `${calls.length} calls for 3 pages of data`);
    assert.ok(result.extraPages <= 2, `${result.extraPages} reads to check the list`);
  });

  it('Total zero while pages are full (x0): loads every member anyway', async () => {
    emulator().setFaults({ lyingTotal: 0 });
    const { client } = newClient(emulator().url);
    const result = await memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId }).loadAll();
    assert.equal(result.items.length, 123);
  });

  for (const SortType of [0, 1] as const) {
    it(`members joining and leaving between pages (SortType ${SortType}): no duplicate UserIds`, async () => {
      emulator().setFaults({ churnPerPage: 7 });
      const { client } = newClient(emulator().url);
      const pager = memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId, SortType });
      const result = await pager.loadAll();
      assertUnique(result.items.map((m) => m.UserId));
      const sequential: string[] = [];
      for await (const page of pager.pages()) sequential.push(...page.items.map((m) => m.UserId));
      assertUnique(sequential);
      if (SortType === 1) assert.ok(result.duplicatesDropped > 0, 'newest-first paging under churn repeats members; they were dropped');
    });
  }

  it('cancellation mid-load-all: rejects at once with Cancelled and stops sending', async () => {
    emulator().setFaults({ latencyMs: 40 });
    const attemptStarts: number[] = [];
    const { client } = newClient(emulator().url, DEMO_KEY, { onCall: (record) => attemptStarts.push(performance.now() - record.durationMs) });
    const controller = new AbortController();
    const loading = memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().bigGroupId }).loadAll({ signal: controller.signal });
    await sleep(300);
    const t0 = performance.now();
    controller.abort();
    await assert.rejects(loading, (e: ApiError) => e.code === ClientErrorCode.Cancelled);
    assert.ok(performance.now() - t0 < 100);
    assert.ok(attemptStarts.length > 5 && attemptStarts.length < 100, `${attemptStarts.length} attempts`);
    assert.ok(
      attemptStarts.every((start) => start <= t0 + 1),
      'no attempt started after the cancel',
    );
    await sleep(200);
    const requests = emulator().stats().requests;
    await sleep(200);
    assert.equal(emulator().stats().requests, requests, 'nothing more reaches the server');
  });

  it('a page that keeps failing fails loadAll with that error (and aborts the other pages)', async () => {
    emulator().setFaults({ errorRate: 1, errorCodes: ['Forbidden'], actions: ['ListMessageGroupUser'] });
    const { client } = newClient(emulator().url);
    await assert.rejects(
      memberPager(client, { AppId: fixtures().appId, GroupId: fixtures().thousandGroupId }).loadAll(),
      (e: ApiError) => e.code === 'Forbidden',
    );
  });
});

describe('pager: servers that lie in ways the emulator does not', () => {
  function source(pageOf: (pageNum: number) => Page<GroupMember>): ListSource<GroupMember> & { calls: number[] } {
    const calls: number[] = [];
    return {
      calls,
      async fetchPage(pageNum) {
        calls.push(pageNum);
        await sleep(1);
        return pageOf(pageNum);
      },
      keyOf: (m) => m.UserId,
      callsPerSecond: 1000,
      latencyMs: () => 1,
    };
  }
  const member = (i: number): GroupMember => ({ UserId: `u${i}`, JoinTime: i });

  it('the same full page forever with HasMore true: stops once a page brings nothing new past Total', async () => {
    const src = source((pageNum) => ({ pageNum, items: [member(1), member(2)], hasMore: true, total: 2, requestId: 'r' }));
    const result = await new Pager(src, 2).loadAll();
    assert.deepEqual(
      result.items.map((m) => m.UserId),
      ['u1', 'u2'],
    );
    assert.equal(result.stoppedBecause, 'no-new-items');
    assert.ok(src.calls.length < 20, `${src.calls.length} calls`);
    const pages = [];
    for await (const page of new Pager(src, 2).pages()) pages.push(page);
    assert.equal(pages.at(-1)!.stoppedBecause, 'no-new-items');
    assert.equal(pages.length, 2);
  });

  it('an endless list stops at PageNum 100000', async () => {
    const src = source((pageNum) => ({ pageNum, items: [member(pageNum)], hasMore: true, total: 10 ** 9, requestId: 'r' }));
    const pages = [];
    for await (const page of new Pager(src, 1).pages({ startPage: 99_998 })) pages.push(page);
    assert.deepEqual(
      pages.map((p) => p.pageNum),
      [99_998, 99_999, 100_000],
    );
    assert.equal(pages.at(-1)!.stoppedBecause, 'page-limit');
  });

  it('chooseConcurrency follows rate x latency, within [2, max]', () => {
    assert.equal(chooseConcurrency(100, 30), 6);
    assert.equal(chooseConcurrency(100, 1), 2);
    assert.equal(chooseConcurrency(100, 1000), 16);
    assert.equal(chooseConcurrency(100, 1000, 4), 4);
    assert.equal(chooseConcurrency(100, 30, 1), 1);
  });
});
