// The emulator's data: fixtures, paging, sort orders, determinism, and the cost of a page.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import type { GroupMember, MessageGroup } from '../../../src/api/types';
import { DEMO_KEY, startEmulator, type RunningEmulator } from '../../../src/emulator';
import { runAction, STILL } from '../../../src/emulator/actions';
import { Dataset, DATASET_NOW } from '../../../src/emulator/dataset';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = any;

describe('emulator: dataset', () => {
  let emulator: RunningEmulator;
  let client: RPCClient;

  // pop-core parses with json-bigint (null-prototype objects): normalise for deepEqual.
  const plain = (value: unknown): Result => JSON.parse(JSON.stringify(value));
  const call = async (action: string, params: Record<string, unknown>): Promise<Result> =>
    plain((await client.request<{ Result: Result }>(action, params, { timeout: 5000 })).Result);

  /** Every page from 1 until HasMore is false; checks Total is the same on every page. */
  async function allPages(action: string, params: Record<string, unknown>, listName: string, pageSize = 50): Promise<Result[]> {
    const items: Result[] = [];
    let total: number | undefined;
    for (let pageNum = 1; ; pageNum++) {
      const result = await call(action, { ...params, PageNum: pageNum, PageSize: pageSize });
      total ??= result.Total;
      assert.equal(result.Total, total);
      items.push(...result[listName]);
      if (!result.HasMore) {
        assert.ok(result[listName].length <= pageSize);
        return items;
      }
      assert.equal(result[listName].length, pageSize, 'only the last page may be short');
    }
  }

  before(async () => {
    emulator = await startEmulator({ qps: 0 });
    client = new RPCClient({ endpoint: emulator.url, apiVersion: '2016-11-01', ...DEMO_KEY });
  });

  after(() => emulator.close());

  it('describes apps, users and named fixtures with their sizes', () => {
    const { apps, fixtures: f, groups } = emulator.dataset;
    assert.ok(apps.length >= 4);
    assert.equal(groups[f.emptyGroupId].members, 0);
    assert.equal(groups[f.oneMemberGroupId].members, 1);
    assert.ok(groups[f.smallGroupId].members > 1 && groups[f.smallGroupId].members < 10);
    assert.ok(groups[f.pagedGroupId].members > 100 && groups[f.pagedGroupId].members < 150);
    assert.equal(groups[f.thousandGroupId].members, 1000);
    assert.equal(groups[f.bigGroupId].members, 100_000);
    assert.equal(f.bigGroupTotal, 100_000);
    assert.equal(f.smallGroupTotal, groups[f.smallGroupId].members);
    assert.ok(f.manyGroupsCount > 50);
    const demo = apps.find((a) => a.AppId === f.appId);
    assert.ok(demo);
    assert.equal(demo.users.find((u) => u.UserId === f.manyGroupsUserId)?.groupIds.length, f.manyGroupsCount);
    assert.deepEqual(demo.users.find((u) => u.UserId === f.noGroupsUserId)?.groupIds, []);
    for (const id of [f.emptyGroupId, f.smallGroupId, f.pagedGroupId, f.thousandGroupId, f.bigGroupId]) {
      assert.equal(groups[id].AppId, f.appId);
    }
    for (const id of [f.specialAppId, f.specialUserId, f.specialGroupId]) {
      for (const ch of [' ', '*', '~', '/', '+', '=', '&', '%']) {
        assert.ok(id.includes(ch), `${id} lacks ${ch}`);
      }
      assert.ok(
        [...id].some((ch) => ch.charCodeAt(0) > 0x7f),
        `${id} has a non-ASCII character`,
      );
    }
    // UserIds mix formats: numeric-looking, uuid-like and names.
    const userIds = apps.flatMap((a) => a.users.map((u) => u.UserId));
    assert.ok(userIds.some((id) => /^\d+$/.test(id)));
    assert.ok(userIds.some((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id)));
    assert.ok(userIds.some((id) => /^[a-z]+\.[a-z]+\d*$/.test(id)));
  });

  it('apps: shape, paging and both sort orders', async () => {
    const asc = await allPages('ListMessageApp', { SortType: 0 }, 'AppList', 1);
    const desc = await allPages('ListMessageApp', { SortType: 1 }, 'AppList', 1);
    assert.equal(asc.length, emulator.dataset.apps.length);
    assert.deepEqual(desc, [...asc].reverse());
    for (const app of asc) {
      assert.deepEqual(Object.keys(app), ['AppId', 'AppName', 'CreateTime', 'Status', 'AppConfig', 'Extension']);
      assert.ok(Number.isInteger(app.CreateTime) && app.CreateTime < DATASET_NOW && app.CreateTime > DATASET_NOW - 3 * 365 * 86400);
      for (const map of [app.AppConfig, app.Extension]) {
        assert.ok(Object.values(map).every((v) => typeof v === 'string'));
      }
    }
    for (let i = 1; i < asc.length; i++) {
      assert.ok(asc[i - 1].CreateTime <= asc[i].CreateTime);
    }
    assert.deepEqual(await call('GetMessageApp', { AppId: asc[0].AppId }), asc[0]);
  });

  it('groups of a user with more than 50 groups page, sort by CreateTime, and reverse with SortType 1', async () => {
    const f = emulator.dataset.fixtures;
    const params = { AppId: f.appId, UserId: f.manyGroupsUserId };
    const first = await call('ListMessageGroup', { ...params, PageNum: 1, PageSize: 50 });
    assert.equal(first.HasMore, true);
    assert.equal(first.Total, f.manyGroupsCount);
    const asc: MessageGroup[] = await allPages('ListMessageGroup', { ...params, SortType: 0 }, 'GroupList');
    const desc: MessageGroup[] = await allPages('ListMessageGroup', { ...params, SortType: 1 }, 'GroupList');
    assert.equal(new Set(asc.map((g) => g.GroupId)).size, f.manyGroupsCount);
    assert.deepEqual(desc, [...asc].reverse());
    for (let i = 1; i < asc.length; i++) {
      assert.ok(asc[i - 1].CreateTime <= asc[i].CreateTime);
    }
    for (const group of asc) {
      assert.deepEqual(Object.keys(group), ['GroupId', 'AppId', 'CreateTime', 'Status', 'CreatorId', 'Extension']);
      assert.equal(group.AppId, f.appId);
      assert.ok(Number.isInteger(group.CreateTime) && group.CreateTime > DATASET_NOW - 3 * 365 * 86400 && group.CreateTime < DATASET_NOW);
      assert.ok(Object.values(group.Extension).every((v) => typeof v === 'string'));
    }
    assert.ok(asc.some((g) => g.Status === 1) && asc.some((g) => g.Status !== 1), 'mostly 1, some other status');
    const past = await call('ListMessageGroup', { ...params, PageNum: 3, PageSize: 50 });
    assert.deepEqual(past, { GroupList: [], HasMore: false, Total: f.manyGroupsCount });
  });

  for (const name of ['emptyGroupId', 'oneMemberGroupId', 'smallGroupId', 'pagedGroupId', 'thousandGroupId'] as const) {
    it(`members of ${name}: pages concatenate to exactly Total distinct members, sorted by JoinTime; SortType 1 reverses`, async () => {
      const f = emulator.dataset.fixtures;
      const params = { AppId: f.appId, GroupId: f[name] };
      const total = emulator.dataset.groups[f[name]].members;
      const asc: GroupMember[] = await allPages('ListMessageGroupUser', { ...params, SortType: 0 }, 'UserList');
      const desc: GroupMember[] = await allPages('ListMessageGroupUser', { ...params, SortType: 1 }, 'UserList');
      assert.equal(asc.length, total);
      assert.equal(new Set(asc.map((m) => m.UserId)).size, total);
      assert.deepEqual(desc, [...asc].reverse());
      const group = await call('GetMessageGroup', params);
      for (let i = 0; i < asc.length; i++) {
        assert.deepEqual(Object.keys(asc[i]), ['UserId', 'JoinTime']);
        assert.ok(Number.isInteger(asc[i].JoinTime) && asc[i].JoinTime > group.CreateTime && asc[i].JoinTime < DATASET_NOW);
        if (i > 0) {
          assert.ok(asc[i - 1].JoinTime < asc[i].JoinTime);
        }
      }
      const lastPage = Math.max(1, Math.ceil(total / 50));
      const past = await call('ListMessageGroupUser', { ...params, PageNum: lastPage + 1, PageSize: 50 });
      assert.deepEqual(past, { HasMore: false, Total: total, UserList: [] });
    });
  }

  it('the 100,000-member group: Total, last pages, and both ends agree', async () => {
    const f = emulator.dataset.fixtures;
    const params = { AppId: f.appId, GroupId: f.bigGroupId };
    const lastAsc = await call('ListMessageGroupUser', { ...params, PageNum: 2000, PageSize: 50 });
    assert.equal(lastAsc.Total, 100_000);
    assert.equal(lastAsc.UserList.length, 50);
    assert.equal(lastAsc.HasMore, false);
    const firstDesc = await call('ListMessageGroupUser', { ...params, PageNum: 1, PageSize: 50, SortType: 1 });
    assert.deepEqual(firstDesc.UserList, [...lastAsc.UserList].reverse());
    const past = await call('ListMessageGroupUser', { ...params, PageNum: 2001, PageSize: 50 });
    assert.deepEqual(past.UserList, []);
    assert.equal(past.Total, 100_000);
  });

  it('ListMessageGroupUserById returns details for members and leaves non-members out', async () => {
    const f = emulator.dataset.fixtures;
    const params = { AppId: f.appId, GroupId: f.bigGroupId };
    const page = await call('ListMessageGroupUser', { ...params, PageNum: 1234, PageSize: 3 });
    const ids: string[] = page.UserList.map((m: GroupMember) => m.UserId);
    const other = await call('ListMessageGroupUser', { AppId: f.appId, GroupId: f.pagedGroupId, PageNum: 2, PageSize: 1 });
    const outsider = other.UserList[0].UserId;
    const result = await call('ListMessageGroupUserById', { ...params, UserIdList: [ids[0], outsider, 'nobody', ids[1], ids[2]].join(',') });
    assert.deepEqual(
      result.UserList.map((u: { UserId: string }) => u.UserId),
      ids,
    );
    assert.equal(result.Total, 3);
    assert.equal(result.HasMore, false);
    for (const user of result.UserList) {
      assert.deepEqual(Object.keys(user), ['UserId', 'UserNick', 'UserAvatar', 'UserExtension', 'IsMute', 'MuteBy']);
      assert.match(user.UserAvatar, /^https:\/\//);
      assert.equal(typeof JSON.parse(user.UserExtension), 'object');
      assert.equal(typeof user.IsMute, 'boolean');
      assert.ok(Array.isArray(user.MuteBy));
    }
    const muted = await call('ListMessageGroupUser', { AppId: f.appId, GroupId: f.mutedGroupId, PageNum: 1, PageSize: 5 });
    const details = await call('ListMessageGroupUserById', {
      AppId: f.appId,
      GroupId: f.mutedGroupId,
      UserIdList: muted.UserList.map((m: GroupMember) => m.UserId).join(','),
    });
    assert.equal(details.UserList.length, 5);
    assert.ok(details.UserList.every((u: { IsMute: boolean; MuteBy: string[] }) => u.IsMute && u.MuteBy.includes('group')));
    assert.equal((await call('GetMessageGroup', { AppId: f.appId, GroupId: f.mutedGroupId })).IsMuteAll, true);
  });

  it('GetMessageGroup has the documented fields and matches the group list', async () => {
    const f = emulator.dataset.fixtures;
    const list: MessageGroup[] = await allPages('ListMessageGroup', { AppId: f.appId, UserId: f.userId }, 'GroupList');
    const group = await call('GetMessageGroup', { AppId: f.appId, GroupId: f.inactiveGroupId });
    assert.deepEqual(Object.keys(group), ['GroupId', 'CreatorId', 'CreateTime', 'Status', 'IsMuteAll', 'Extension']);
    const listed = list.find((g) => g.GroupId === f.inactiveGroupId);
    assert.ok(listed);
    assert.equal(group.CreateTime, listed.CreateTime);
    assert.equal(group.CreatorId, listed.CreatorId);
    assert.notEqual(group.Status, 1);
  });

  it('ListMessage pages, sorts and filters by Type', async () => {
    const f = emulator.dataset.fixtures;
    const params = { AppId: f.appId, GroupId: f.bigGroupId };
    const total = emulator.dataset.groups[f.bigGroupId].messages;
    const asc = [];
    for (let pageNum = 1; ; pageNum++) {
      const page = await call('ListMessage', { ...params, PageNum: pageNum, PageSize: 50 });
      assert.equal('Total' in page, false);
      asc.push(...page.MessageList);
      if (!page.HasMore) {
        break;
      }
    }
    assert.equal(asc.length, total);
    assert.equal(new Set(asc.map((m) => m.MessageId)).size, total);
    const descFirst = await call('ListMessage', { ...params, PageNum: 1, PageSize: 5, SortType: 1 });
    assert.deepEqual(descFirst.MessageList, asc.slice(-5).reverse());
    for (const message of asc) {
      assert.deepEqual(Object.keys(message), ['MessageId', 'GroupId', 'SenderId', 'Type', 'Data']);
      assert.equal(message.GroupId, f.bigGroupId);
    }
    const images = await call('ListMessage', { ...params, PageNum: 1, PageSize: 50, Type: 2 });
    assert.ok(images.MessageList.length > 0);
    assert.deepEqual(images.MessageList, asc.filter((m) => m.Type === 2).slice(0, 50));
    const empty = await call('ListMessage', { AppId: f.appId, GroupId: f.emptyGroupId, PageNum: 1, PageSize: 50 });
    assert.deepEqual(empty, { HasMore: false, MessageList: [] });
  });

  it('is deterministic: same seed, same data; another seed, other ids', async () => {
    const a = new Dataset(1);
    const b = new Dataset(1);
    const c = new Dataset('another seed');
    assert.deepEqual(a.info, b.info);
    assert.deepEqual(a.info, emulator.dataset);
    assert.notEqual(c.info.fixtures.bigGroupId, a.info.fixtures.bigGroupId);
    assert.notEqual(c.info.fixtures.userId, a.info.fixtures.userId);
    // Sizes do not depend on the seed.
    assert.equal(c.info.groups[c.info.fixtures.bigGroupId].members, 100_000);
    const page = (d: Dataset) =>
      runAction('ListMessageGroupUser', d, { AppId: d.info.fixtures.appId, GroupId: d.info.fixtures.bigGroupId, PageNum: 777, PageSize: 50 }, STILL);
    assert.deepEqual(page(a), page(b));
    assert.notDeepEqual(page(a).UserList, page(c).UserList);
    // And over HTTP, a second emulator with the same seed serves the same page.
    const twin = await startEmulator({ seed: 1, qps: 0 });
    try {
      const other = new RPCClient({ endpoint: twin.url, apiVersion: '2016-11-01', ...DEMO_KEY });
      const params = { AppId: a.info.fixtures.appId, GroupId: a.info.fixtures.pagedGroupId, PageNum: 2, PageSize: 50 };
      const mine = await call('ListMessageGroupUser', params);
      const theirs = plain((await other.request<{ Result: Result }>('ListMessageGroupUser', params)).Result);
      assert.deepEqual(theirs, mine);
    } finally {
      await twin.close();
    }
  });

  it('builds a page of 50 members of the 100,000-member group in well under 1 ms of CPU', () => {
    const d = new Dataset(3);
    const f = d.info.fixtures;
    const cpu = process.cpuUsage();
    let members = 0;
    for (let pageNum = 1; pageNum <= 2000; pageNum++) {
      const request = { AppId: f.appId, GroupId: f.bigGroupId, PageNum: pageNum, PageSize: 50, SortType: (pageNum % 2) as 0 | 1 };
      members += runAction('ListMessageGroupUser', d, request, STILL).UserList.length;
    }
    const used = process.cpuUsage(cpu);
    const perPageMs = (used.user + used.system) / 1000 / 2000;
    assert.equal(members, 100_000);
    assert.ok(perPageMs < 0.25, `a page took ${perPageMs.toFixed(3)} ms of CPU`);
  });

  it('keeps memory flat while the whole 100,000-member group is read (measured after GC in a child process)', () => {
    const dir = path.resolve(__dirname, '../../../src/emulator');
    const script = `
      const { Dataset } = require(${JSON.stringify(path.join(dir, 'dataset.js'))});
      const { runAction } = require(${JSON.stringify(path.join(dir, 'actions.js'))});
      const d = new Dataset(1);
      const f = d.info.fixtures;
      const read = () => { for (let p = 1; p <= 2000; p++) runAction('ListMessageGroupUser', d,
        { AppId: f.appId, GroupId: f.bigGroupId, PageNum: p, PageSize: 50, SortType: 0 },
        { memberPageServed: () => ({ swap: 1, leave: 0, join: 0 }) }); };
      read(); gc();
      const before = process.memoryUsage().heapUsed;
      read(); read(); gc();
      console.log(process.memoryUsage().heapUsed - before);`;
    const out = execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    const grown = Number(out.trim());
    // 100,000 retained members would be several MB; allow only noise.
    assert.ok(grown < 1024 * 1024, `heap grew by ${grown} bytes`);
  });
});
