// Members who leave anywhere in the list, join at its newest end, or leave in a burst, page by page served; and the
// emulator's record of who was present from one served page to another (GET /__emulator/membership).
import * as assert from 'node:assert/strict';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import type { GroupMember } from '../../../src/api/types';
import { DEMO_KEY, startEmulator, type FaultOptions, type RunningEmulator } from '../../../src/emulator';
import { runAction } from '../../../src/emulator/actions';
import { Dataset, type GroupRecord } from '../../../src/emulator/dataset';
import { FaultInjector } from '../../../src/emulator/faults';
import { LegacyState } from '../../../src/emulator/legacyState';
import { raw } from './rawApi';

/** A dataset served through the faults as the gateway does, without HTTP. */
function moving(faults: FaultOptions) {
  const dataset = new Dataset(1);
  const injector = new FaultInjector('1');
  injector.set(faults);
  const f = dataset.info.fixtures;
  const group = dataset.groupById(f.thousandGroupId) as GroupRecord;
  const state = new LegacyState(dataset, Date.now);
  const serve = (PageNum: number, SortType: 0 | 1 = 0) =>
    runAction(
      'ListMessageGroupUser',
      dataset,
      { AppId: f.appId, GroupId: f.thousandGroupId, PageNum, PageSize: 50, SortType },
      { memberPageServed: (groupId) => injector.memberPageServed('ListMessageGroupUser', groupId), state },
    );
  /** The whole list now, oldest first, read without serving a page. */
  const now = (): GroupMember[] => Array.from({ length: dataset.memberCount(group) }, (_, i) => dataset.memberAt(group, i));
  return { dataset, injector, group, state, serve, now };
}

const ids = (members: readonly GroupMember[]) => members.map((member) => member.UserId);

describe('emulator: members leaving and joining as pages are served', () => {
  it('leavePerPage: that many leave after each page, chosen across the whole list; the pages show the list as it is', () => {
    const list = moving({ leavePerPage: 5 });
    const before = ids(list.now());
    for (let served = 1; served <= 40; served++) {
      const pageNum = 1 + (served % 16);
      const current = ids(list.now());
      const page = list.serve(pageNum);
      assert.equal(page.Total, 1000 - 5 * (served - 1), 'Total as the list was when the page was served');
      assert.deepEqual(ids(page.UserList), current.slice((pageNum - 1) * 50, pageNum * 50));
    }
    const after = new Set(ids(list.now()));
    assert.equal(after.size, 1000 - 200);
    const leftAt = before.flatMap((id, position) => (after.has(id) ? [] : [position]));
    assert.equal(leftAt.length, 200, 'nobody joined, 200 left');
    // Not one end: leavers from every tenth of the list.
    const tenths = new Set(leftAt.map((position) => Math.floor(position / 100)));
    assert.equal(tenths.size, 10, `leavers at ${leftAt.join(',')}`);
    // The order of those who stay is unchanged.
    assert.deepEqual(
      before.filter((id) => after.has(id)),
      [...after],
    );
  });

  it('joinPerPage: the newest join, after everyone (JoinTime), first in SortType 1; Total grows', () => {
    const list = moving({ joinPerPage: 4 });
    const before = list.now();
    list.serve(1);
    list.serve(7);
    const page = list.serve(1, 1);
    assert.equal(page.Total, 1008);
    const newest = page.UserList.slice(0, 8);
    assert.ok(newest.every((member) => !before.some((old) => old.UserId === member.UserId)));
    assert.ok(newest.every((member) => member.JoinTime > (before.at(-1) as GroupMember).JoinTime));
    assert.deepEqual(ids(page.UserList.slice(8)), ids(before.slice(-42).reverse()));
  });

  it('leaveBurst: members leave at once after the P-th page of the group served since the faults were set', () => {
    const list = moving({ leaveBurst: { members: 300, afterPage: 3 } });
    const totals = [1, 2, 3, 4, 5].map((pageNum) => list.serve(pageNum).Total);
    assert.deepEqual(totals, [1000, 1000, 1000, 700, 700]);
    list.injector.set({ leaveBurst: { members: 100, afterPage: 1 } });
    assert.equal(list.serve(1).Total, 700);
    assert.equal(list.serve(1).Total, 600, 'counted again from the new faults');
    assert.equal(list.serve(1).Total, 600, 'once');
  });

  it('churnPerPage keeps its meaning beside the others: the longest-standing leave and as many join', () => {
    const list = moving({ churnPerPage: 2, leavePerPage: 1, joinPerPage: 1 });
    const before = ids(list.now());
    list.serve(1);
    const after = ids(list.now());
    assert.equal(after.length, 1000 - 1 + 1);
    assert.ok(!after.includes(before[0]) && !after.includes(before[1]), 'the two longest-standing left');
    assert.equal(after.filter((id) => !before.includes(id)).length, 3, 'two swapped in, one joined');
  });

  it('members who left through the faults and through LeaveMessageGroup are both gone; the list keeps its order', () => {
    const list = moving({ leavePerPage: 7 });
    for (let pageNum = 1; pageNum <= 10; pageNum++) list.serve(pageNum);
    const moved = ids(list.now());
    const [early, late] = [moved[10], moved[600]];
    assert.ok(list.state.leave(list.group, early) && list.state.leave(list.group, late));
    const members = list.state.members(list.group);
    const listed = Array.from({ length: members.total }, (_, i) => members.at(i).UserId);
    assert.deepEqual(
      listed,
      moved.filter((id) => id !== early && id !== late),
    );
    const page = list.serve(13);
    assert.equal(page.Total, 1000 - 70 - 2);
    assert.deepEqual(ids(page.UserList), listed.slice(600, 650));
  });

  it('the record: who was present throughout served pages, and who only for some, matches what was served', () => {
    const list = moving({});
    const initial = new Set(ids(list.now()));
    list.serve(1); // page 1 served, nothing moved
    list.injector.set({ leavePerPage: 6, joinPerPage: 6, churnPerPage: 1 });
    const seen = new Set<string>();
    for (let pageNum = 1; pageNum <= 30; pageNum++) for (const id of ids(list.serve(pageNum, (pageNum % 2) as 0 | 1).UserList)) seen.add(id);
    list.injector.set({});
    list.serve(1);
    const final = new Set(ids(list.now()));
    assert.equal(list.dataset.memberPagesServed(list.group), 32);
    // Pages 2 to 32: the list as it was at the start, then as it is now (page 32 moved nothing).
    const record = list.dataset.presence(list.group, 2, 32);
    assert.deepEqual(new Set(record.throughout), new Set([...initial].filter((id) => final.has(id))));
    const partly = new Set(record.partly);
    for (const id of [...initial, ...final]) if (!(initial.has(id) && final.has(id))) assert.ok(partly.has(id), `${id} was present for some pages`);
    for (const id of seen) assert.ok(partly.has(id) || record.throughout.includes(id), `${id} was served, so present`);
    // Everyone who ever was in between: the first members and the 30 × (6 + 1) who joined; some of them joined and
    // left in between, in neither list.
    assert.equal(record.throughout.length + partly.size, 1000 + 30 * 7);
    assert.ok(
      [...partly].some((id) => !initial.has(id) && !final.has(id)),
      'someone joined and left between',
    );
    // One page: who was present when it was served.
    assert.deepEqual(new Set(list.dataset.presence(list.group, 32, 32).throughout), final);
  });
});

describe('emulator: GET /__emulator/membership', () => {
  let emulator: RunningEmulator;

  before(async () => {
    emulator = await startEmulator({ seed: 1, qps: 0, faults: { leavePerPage: 2, actions: ['ListMessageGroupUser'] } });
  });

  after(() => emulator.close());

  it('counts the pages of a group served and reports who was present; refuses what it cannot answer', async () => {
    const { smallGroupId, pagedGroupId, pagedGroupTotal } = emulator.dataset.fixtures;
    const path = (query: string) => `/__emulator/membership?${query}`;
    const start = await raw(emulator.url, 'GET', path(`groupId=${pagedGroupId}`));
    assert.equal(start.status, 200);
    assert.deepEqual(start.json, { groupId: pagedGroupId, served: 0, members: pagedGroupTotal });
    // Through the in-process API: the same record.
    assert.deepEqual(emulator.membership(pagedGroupId), start.json);
    assert.deepEqual(emulator.membership(smallGroupId).served, 0);
    assert.throws(() => emulator.membership('no such group'), TypeError);
    assert.throws(() => emulator.membership(pagedGroupId, { from: 1, to: 1 }), /from and to/);

    const bad = [
      [path('groupId=nope'), 404, /unknown groupId/],
      [path(`groupId=${pagedGroupId}&from=1`), 400, /together/],
      [path(`groupId=${pagedGroupId}&from=1&to=1`), 400, /1 <= from <= to <= 0/],
      [path(`groupId=${pagedGroupId}&from=x&to=1`), 400, /from and to/],
      [path(`groupId=${pagedGroupId}&page=1`), 400, /unknown parameter "page"/],
    ] as const;
    for (const [query, status, message] of bad) {
      const reply = await raw(emulator.url, 'GET', query);
      assert.equal(reply.status, status, query);
      assert.match((reply.json as { error: string }).error, message, query);
    }

    // Three pages served, two members leaving after each: 4 gone by the third, present for some of them only.
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: '2016-11-01', ...DEMO_KEY });
    for (const PageNum of [1, 2, 3]) {
      await client.request('ListMessageGroupUser', { AppId: emulator.dataset.fixtures.appId, GroupId: pagedGroupId, PageNum, PageSize: 50 });
    }
    const reply = await raw(emulator.url, 'GET', path(`groupId=${encodeURIComponent(pagedGroupId)}&from=1&to=3`));
    const report = reply.json as { served: number; members: number; presentThroughout: string[]; presentPartly: string[] };
    assert.equal(reply.status, 200);
    assert.equal(report.served, 3);
    assert.equal(report.members, pagedGroupTotal - 6);
    assert.equal(report.presentThroughout.length, pagedGroupTotal - 4);
    assert.equal(report.presentPartly.length, 4);
    assert.deepEqual(emulator.membership(pagedGroupId, { from: 1, to: 3 }), report);
  });
});
