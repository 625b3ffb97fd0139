// The emulator's LiveMessage* family, through raw signed HTTP: exact spellings, ranges, tokens, data centers,
// super and deleted groups, messages, band state, online check, per-action throttling, faults.
import * as assert from 'node:assert/strict';
import { DEMO_KEY, LEGACY_ONLY_KEY, LIVE_ONLY_KEY, startEmulator, type LiveMessageFixtures, type RunningEmulator } from '../../../src/emulator';
import { LiveMessageDataset } from '../../../src/emulator/liveDataset';
import { assertError, flattened, send, type Reply } from './rawApi';

function assertFlat(reply: Reply, keys: string[]): void {
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual(Object.keys(reply.json), ['RequestId', ...keys]);
}

describe('emulator: LiveMessage family', () => {
  let emulator: RunningEmulator;
  let f: LiveMessageFixtures;
  let now = Date.UTC(2026, 10, 20, 12, 0, 0);
  // A fresh second per call keeps the throttle out of the way, except in the throttling test.
  const call = (action: string, params: Record<string, string | number>, method: 'GET' | 'POST' = 'POST') => {
    now += 1000;
    return send(emulator.url, { action, params, method, now });
  };
  const lm = (action: string, params: Record<string, string | number> = {}) => call(action, { AppId: f.appId, ...params });

  before(async () => {
    emulator = await startEmulator({ seed: 1, clock: () => now });
    f = emulator.liveMessage.fixtures;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.setFaults({}));

  it('ListLiveMessageApps: HasMore and a numeric NextPageToken, items with Disable as a string; a stable walk of one data center, cn-shanghai without DataCenter', async () => {
    const first = await call('ListLiveMessageApps', { SortType: 1 });
    assertFlat(first, ['HasMore', 'NextPageToken', 'AppList']);
    assert.equal(first.json.HasMore, true);
    assert.equal(typeof first.json.NextPageToken, 'number');
    const app = first.json.AppList[0];
    assert.deepEqual(Object.keys(app), ['AppId', 'AppKey', 'AppName', 'AppSign', 'CreateTime', 'DataCenter', 'Disable', 'ModifyTime', 'MsgLifeCycle']);
    assert.equal(typeof app.Disable, 'string');
    const again = await call('ListLiveMessageApps', { SortType: 1 });
    assert.equal(again.json.NextPageToken, first.json.NextPageToken);
    const last = await call('ListLiveMessageApps', { SortType: 1, NextPageToken: first.json.NextPageToken });
    assertFlat(last, ['HasMore', 'AppList']);
    assert.equal(last.json.HasMore, false);
    const listed = [...first.json.AppList, ...last.json.AppList] as { AppId: string; DataCenter: string; CreateTime: number }[];
    const shanghai = emulator.liveMessage.apps.filter((entry) => entry.DataCenter === 'cn-shanghai').map((entry) => entry.AppId);
    assert.deepEqual(listed.map((a) => a.AppId).sort(), [...shanghai].sort(), "without DataCenter: cn-shanghai's apps, every one once");
    assert.ok(listed.every((a) => a.DataCenter === 'cn-shanghai'));
    assert.ok(listed[0].CreateTime <= listed[1].CreateTime, 'SortType 1: oldest first');
    const explicit = await call('ListLiveMessageApps', { SortType: 1, DataCenter: 'cn-shanghai' });
    assert.deepEqual(explicit.json.AppList, first.json.AppList, 'the same as naming cn-shanghai');
    const desc = await call('ListLiveMessageApps', { SortType: 2 });
    assert.equal(desc.json.AppList[0].AppId, listed[1].AppId, 'SortType 2: newest first');
    // Every app listed can be described with the DataCenter it was listed under (and without one, in cn-shanghai).
    for (const app of listed) assert.equal((await call('DescribeLiveMessageApp', { AppId: app.AppId })).status, 200);
    const singapore: { AppId: string; DataCenter: string }[] = [];
    let token: number | undefined;
    do {
      const page = await call('ListLiveMessageApps', { SortType: 1, DataCenter: 'ap-southeast-1', ...(token !== undefined ? { NextPageToken: token } : {}) });
      singapore.push(...page.json.AppList);
      token = page.json.HasMore ? page.json.NextPageToken : undefined;
    } while (token !== undefined);
    assert.deepEqual(
      singapore.map((a) => a.AppId).sort(),
      emulator.liveMessage.apps
        .filter((entry) => entry.DataCenter === 'ap-southeast-1')
        .map((entry) => entry.AppId)
        .sort(),
    );
    for (const app of singapore) assert.equal((await call('DescribeLiveMessageApp', { AppId: app.AppId, DataCenter: app.DataCenter })).status, 200);
  });

  it('SortType is required and 1 or 2; DataCenter one of cn-shanghai, ap-southeast-1', async () => {
    assertError(await call('ListLiveMessageApps', {}), 400, 'MissingSortType');
    assertError(await call('ListLiveMessageApps', { SortType: 0 }), 400, 'InputInvalid', /SortType/);
    assertError(await call('ListLiveMessageApps', { SortType: 3 }), 400, 'InputInvalid');
    assertError(await call('ListLiveMessageApps', { SortType: 1, DataCenter: 'cn-beijing' }), 400, 'InputInvalid', /DataCenter/);
  });

  it('DescribeLiveMessageApp: flat, Disable a boolean; an app is found only in its data center', async () => {
    const reply = await lm('DescribeLiveMessageApp');
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.AppId, f.appId);
    assert.equal(typeof reply.json.Disable, 'boolean');
    assert.equal(reply.json.Result, undefined);
    assertError(await lm('DescribeLiveMessageApp', { DataCenter: 'ap-southeast-1' }), 404, 'ResourceNotExist', /data center ap-southeast-1/);
    assertError(await call('DescribeLiveMessageApp', { AppId: f.singaporeAppId }), 404, 'ResourceNotExist', /cn-shanghai/);
    assert.equal((await call('DescribeLiveMessageApp', { AppId: f.singaporeAppId, DataCenter: 'ap-southeast-1' })).status, 200);
    assertError(await call('DescribeLiveMessageApp', {}), 400, 'MissingAppId');
  });

  it('the families do not mix: a legacy action does not know a LiveMessage app, nor the reverse', async () => {
    assertError(await call('GetMessageApp', { AppId: f.appId }), 400, 'InvalidAppId.NotFound');
    assertError(await call('DescribeLiveMessageApp', { AppId: emulator.dataset.fixtures.appId }), 404, 'ResourceNotExist');
  });

  it('an account has only the families it has: the other one lists no app and finds none', async () => {
    const as = (key: typeof DEMO_KEY, action: string, params: Record<string, string | number>) => {
      now += 1000;
      return send(emulator.url, { action, params, now, key, method: 'POST' });
    };
    const oldCustomer = await as(LEGACY_ONLY_KEY, 'ListLiveMessageApps', { SortType: 1 });
    assertFlat(oldCustomer, ['HasMore', 'AppList']);
    assert.deepEqual(oldCustomer.json.AppList, []);
    assertError(await as(LEGACY_ONLY_KEY, 'DescribeLiveMessageApp', { AppId: f.appId }), 404, 'ResourceNotExist');
    const legacyApps = await as(LEGACY_ONLY_KEY, 'ListMessageApp', { PageNum: 1, PageSize: 50 });
    assert.equal(legacyApps.json.Result.AppList.length, emulator.dataset.apps.length);

    const newCustomer = await as(LIVE_ONLY_KEY, 'ListMessageApp', { PageNum: 1, PageSize: 50 });
    assert.equal(newCustomer.status, 200, newCustomer.text);
    assert.deepEqual(newCustomer.json.Result, { AppList: [], HasMore: false, Total: 0 });
    assertError(await as(LIVE_ONLY_KEY, 'GetMessageApp', { AppId: emulator.dataset.fixtures.appId }), 400, 'InvalidAppId.NotFound');
    const liveApps = await as(LIVE_ONLY_KEY, 'ListLiveMessageApps', { SortType: 1, DataCenter: 'cn-shanghai' });
    assert.ok(liveApps.json.AppList.length > 0, 'the LiveMessage apps are there');
  });

  it('ListLiveMessageGroups: Hasmore, NextpageToken a string and absent on the last page; the walk is stable and complete; GroupStatus filters deleted groups', async () => {
    const walk = async (status: number) => {
      const ids: string[] = [];
      const tokens: string[] = [];
      let token: string | undefined;
      do {
        const reply = await lm('ListLiveMessageGroups', { SortType: 1, GroupStatus: status, ...(token ? { NextPageToken: token } : {}) });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(
          Object.keys(reply.json),
          reply.json.Hasmore ? ['RequestId', 'Hasmore', 'NextpageToken', 'GroupList'] : ['RequestId', 'Hasmore', 'GroupList'],
        );
        token = reply.json.NextpageToken;
        if (token !== undefined) {
          assert.equal(typeof token, 'string');
          tokens.push(token);
        }
        for (const group of reply.json.GroupList) {
          assert.deepEqual(Object.keys(group), ['AdminList', 'Createtime', 'CreatorId', 'Delete', 'GroupId', 'GroupInfo', 'GroupName']);
          ids.push(group.GroupId);
        }
      } while (token !== undefined);
      return { ids, tokens };
    };
    const all = await walk(0);
    const app = emulator.liveMessage.apps.find((a) => a.AppId === f.appId)!;
    assert.equal(all.ids.length, app.groups.length);
    assert.equal(new Set(all.ids).size, all.ids.length);
    assert.deepEqual((await walk(0)).tokens, all.tokens);
    const alive = await walk(1);
    const deleted = await walk(2);
    assert.ok(deleted.ids.includes(f.deletedGroupId) && !alive.ids.includes(f.deletedGroupId));
    assert.equal(alive.ids.length + deleted.ids.length, all.ids.length);
    assertError(await lm('ListLiveMessageGroups', { SortType: 1, NextPageToken: '12345' }), 400, 'InputInvalid', /NextPageToken/);
    assertError(await lm('ListLiveMessageGroups', { SortType: 1, GroupStatus: 3 }), 400, 'InputInvalid');
  });

  it('ListLiveMessageGroupByPage: TotalCount, PageNumber 1–10000, PageSize 1–50 (default 20)', async () => {
    const reply = await call('ListLiveMessageGroupByPage', { AppId: f.appId, SortType: 2 }, 'GET');
    assertFlat(reply, ['TotalCount', 'PageNumber', 'PageSize', 'GroupList']);
    assert.equal(reply.json.PageSize, 20);
    assert.equal(reply.json.GroupList.length, 20);
    assert.ok(reply.json.GroupList[0].Createtime >= reply.json.GroupList[1].Createtime);
    assertError(await call('ListLiveMessageGroupByPage', { AppId: f.appId, SortType: 1, PageNumber: 10001 }, 'GET'), 400, 'InputInvalid');
    assertError(await call('ListLiveMessageGroupByPage', { AppId: f.appId, SortType: 1, PageNumber: 0 }, 'GET'), 400, 'InputInvalid');
    assertError(await call('ListLiveMessageGroupByPage', { AppId: f.appId, SortType: 1, PageSize: 51 }, 'GET'), 400, 'InputInvalid');
    assert.equal((await call('ListLiveMessageGroupByPage', { AppId: f.appId, SortType: 1, PageSize: 1, PageNumber: 10000 }, 'GET')).json.GroupList.length, 0);
  });

  it('DescribeLiveMessageGroup: a deleted group has Delete, Deletatime and Deletor; a live one has neither Deletatime nor Deletor', async () => {
    const deleted = await lm('DescribeLiveMessageGroup', { GroupId: f.deletedGroupId });
    assert.equal(deleted.json.Delete, true);
    assert.equal(typeof deleted.json.Deletatime, 'number');
    assert.equal(typeof deleted.json.Deletor, 'string');
    const alive = await lm('DescribeLiveMessageGroup', { GroupId: f.smallGroupId });
    assert.equal(alive.json.Delete, false);
    assert.ok(!('Deletatime' in alive.json) && !('Deletor' in alive.json));
    assert.equal(typeof alive.json.MsgAmount, 'object');
    assertError(await lm('ListLiveMessageGroupUsers', { GroupId: f.deletedGroupId, PageSize: 10, SortType: 1 }), 404, 'ResourceNotExist', /deleted/);
    assertError(await lm('DescribeLiveMessageGroup', { GroupId: 'nope' }), 404, 'ResourceNotExist');
  });

  it('a super group: DescribeLiveMessageGroup gives SuperLargeGroup and OnlineUserCounts, its member list is refused with InputInvalid', async () => {
    const info = await lm('DescribeLiveMessageGroup', { GroupId: f.superGroupId });
    assert.equal(info.json.SuperLargeGroup, true);
    assert.ok(info.json.OnlineUserCounts > 0);
    assertError(await lm('ListLiveMessageGroupUsers', { GroupId: f.superGroupId, PageSize: 50, SortType: 1 }), 400, 'InputInvalid', /super group/);
  });

  it('ListLiveMessageGroupUsers: PageSize 10–50 required, NextPageToken a number, 0 on the last page; descending reverses', async () => {
    assertError(await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 1 }), 400, 'MissingPageSize');
    assertError(await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 1, PageSize: 9 }), 400, 'InputInvalid', /10 to 50/);
    assertError(await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 1, PageSize: 51 }), 400, 'InputInvalid');
    const ids: string[] = [];
    let token = -1;
    let pages = 0;
    do {
      const reply = await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 1, PageSize: 50, NextPageToken: token });
      assertFlat(reply, ['GroupId', 'Hasmore', 'NextPageToken', 'UserList']);
      assert.equal(typeof reply.json.NextPageToken, 'number');
      assert.deepEqual(Object.keys(reply.json.UserList[0]), ['UserId', 'UserInfo']);
      ids.push(...reply.json.UserList.map((u: { UserId: string }) => u.UserId));
      token = reply.json.NextPageToken;
      assert.equal(reply.json.Hasmore, token !== 0);
      pages++;
    } while (token !== 0);
    assert.equal(pages, 3);
    assert.equal(new Set(ids).size, 123);
    const desc = await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 2, PageSize: 10 });
    assert.equal(desc.json.UserList[0].UserId, ids[122]);
  });

  it('ListLiveMessageGroupMessages: types and bodies, filters by MsgType and BeginTime/EndTime, newest first with SortType 2', async () => {
    const page = (params: Record<string, string | number>) => lm('ListLiveMessageGroupMessages', { GroupId: f.messagesGroupId, PageSize: 50, ...params });
    const newest = await page({ SortType: 2 });
    assertFlat(newest, ['GroupId', 'Hasmore', 'NextPageToken', 'MessageList']);
    const list = newest.json.MessageList as { Timestamp: number; MsgType: number; Body: string; Sender: { UserId: string } }[];
    assert.deepEqual(Object.keys(list[0]), ['Body', 'MsgTid', 'MsgType', 'SeqNumber', 'Timestamp', 'TotalMessages', 'Sender']);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].Timestamp > list[i].Timestamp);
    const types = new Set(list.map((m) => m.MsgType));
    assert.ok(types.size >= 3);
    const json = list.find((m) => m.MsgType === 1)!;
    assert.equal(typeof JSON.parse(json.Body).text, 'string');
    const b64 = list.find((m) => m.MsgType === 3)!;
    assert.match(Buffer.from(b64.Body, 'base64').toString('utf8'), /^custom:/);
    const only3 = await page({ SortType: 1, MsgType: 3 });
    assert.ok(only3.json.MessageList.length > 0 && only3.json.MessageList.every((m: { MsgType: number }) => m.MsgType === 3));
    const [a, b] = [list[30].Timestamp, list[10].Timestamp];
    const ranged = await page({ SortType: 1, BeginTime: a, EndTime: b });
    assert.equal(ranged.json.MessageList.length, 21);
    assert.ok(ranged.json.MessageList.every((m: { Timestamp: number }) => m.Timestamp >= a && m.Timestamp <= b));
    assertError(await page({ SortType: 1, BeginTime: b, EndTime: a }), 400, 'InputInvalid', /EndTime/);
  });

  it('DescribeLiveMessageGroupBand and CheckLiveMessageUsersInGroup (UserIds 1–10, comma-joined or UserIds.N)', async () => {
    const band = await lm('DescribeLiveMessageGroupBand', { GroupId: f.bannedGroupId });
    assertFlat(band, ['GroupId', 'IsbannedAll', 'BannedUserList', 'UnbannedUserList']);
    assert.equal(band.json.IsbannedAll, true);
    assert.ok(band.json.UnbannedUserList.length > 0);
    const members = (await lm('ListLiveMessageGroupUsers', { GroupId: f.pagedGroupId, SortType: 1, PageSize: 10 })).json.UserList.map(
      (u: { UserId: string }) => u.UserId,
    );
    const check = await lm('CheckLiveMessageUsersInGroup', { GroupId: f.pagedGroupId, UserIds: [...members.slice(0, 9), 'not-a-member'].join(',') });
    assertFlat(check, ['Users']);
    assert.equal(check.json.Users.length, 10);
    assert.equal(check.json.Users[9].Online, false);
    assert.ok(check.json.Users.every((u: { Online: unknown }) => typeof u.Online === 'boolean'));
    assert.ok(
      check.json.Users.slice(0, 9).some((u: { Online: boolean }) => u.Online),
      'some members are online',
    );
    const asKeyN = await lm('CheckLiveMessageUsersInGroup', {
      GroupId: f.pagedGroupId,
      ...flattened('UserIds', members.slice(0, 9)),
    });
    assert.deepEqual(asKeyN.json.Users, check.json.Users.slice(0, 9));
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}`).join(',');
    assertError(await lm('CheckLiveMessageUsersInGroup', { GroupId: f.pagedGroupId, UserIds: eleven }), 400, 'InputInvalid', /UserIds/);
    assertError(
      await lm('CheckLiveMessageUsersInGroup', { GroupId: f.pagedGroupId, UserIds: JSON.stringify(['a', 'b']) }),
      400,
      'InputInvalid',
      /not a JSON array/,
    );
    assertError(await lm('CheckLiveMessageUsersInGroup', { GroupId: f.pagedGroupId }), 400, 'MissingUserIds');
  });

  it('faults apply: an error code, a lying Hasmore, a repeated token', async () => {
    emulator.setFaults({ errorRate: 1, errorCodes: ['InternalError'], actions: ['ListLiveMessageGroups'] });
    assertError(await lm('ListLiveMessageGroups', { SortType: 1 }), 500, 'InternalError');
    assert.equal((await lm('DescribeLiveMessageApp')).status, 200);
    emulator.setFaults({ repeatToken: true });
    const first = await lm('ListLiveMessageGroups', { SortType: 1 });
    const second = await lm('ListLiveMessageGroups', { SortType: 1, NextPageToken: first.json.NextpageToken });
    assert.equal(second.json.NextpageToken, first.json.NextpageToken);
    emulator.setFaults({ lyingHasMore: true });
    const last = await lm('ListLiveMessageGroupUsers', { GroupId: f.smallGroupId, SortType: 1, PageSize: 10 });
    assert.equal(last.json.Hasmore, true);
  });

  it('throttles at 50 calls per second per action and user; another action has its own budget; legacy actions 100', async () => {
    now += 5000;
    const at = now;
    const lmCall = (action: string) => send(emulator.url, { action, params: { AppId: f.appId }, method: 'POST', now: at });
    for (let i = 0; i < 50; i++) assert.equal((await lmCall('DescribeLiveMessageApp')).status, 200);
    assertError(await lmCall('DescribeLiveMessageApp'), 400, 'Throttling.User');
    // Another action in the same second is not throttled: it gets as far as its own parameter check.
    assertError(await lmCall('ListLiveMessageGroupByPage'), 400, 'MissingSortType');
    const legacy = () => send(emulator.url, { key: DEMO_KEY, params: { PageNum: 1, PageSize: 1 }, now: at });
    for (let i = 0; i < 100; i++) assert.equal((await legacy()).status, 200);
    assertError(await legacy(), 400, 'Throttling.User');
  });
});

describe('emulator: LiveMessage data', () => {
  it('is deterministic from the seed, and another seed gives other ids', () => {
    const a = new LiveMessageDataset(1);
    assert.deepEqual(new LiveMessageDataset(1).info, a.info);
    assert.deepEqual(new LiveMessageDataset('1').info, a.info);
    const b = new LiveMessageDataset(2);
    assert.notEqual(b.info.fixtures.appId, a.info.fixtures.appId);
    assert.notEqual(b.info.fixtures.bigGroupId, a.info.fixtures.bigGroupId);
  });

  it('has a 100,000-member ordinary group, a super group over 2,000 members, and apps in both data centers', () => {
    const data = new LiveMessageDataset(1);
    const { fixtures } = data.info;
    const groups = data.info.apps.find((app) => app.AppId === fixtures.appId)!.groups;
    assert.equal(groups.find((g) => g.GroupId === fixtures.bigGroupId)!.members, 100_000);
    assert.equal(fixtures.bigGroupTotal, 100_000);
    const superGroup = data.app(fixtures.appId)!.groupsById.get(fixtures.superGroupId)!;
    assert.ok(superGroup.size > 2000 && superGroup.SuperLargeGroup);
    assert.equal(data.app(fixtures.appId)!.groupsById.get(fixtures.bigGroupId)!.SuperLargeGroup, false);
    assert.deepEqual([...new Set(data.info.apps.map((app) => app.DataCenter))].sort(), ['ap-southeast-1', 'cn-shanghai']);
  });

  it('finds a member by id without scanning, and only in its own group', () => {
    const data = new LiveMessageDataset(1);
    const app = data.app(data.info.fixtures.appId)!;
    const big = app.groupsById.get(data.info.fixtures.bigGroupId)!;
    const paged = app.groupsById.get(data.info.fixtures.pagedGroupId)!;
    const member = data.memberAt(big, 98_765);
    assert.equal(data.memberIndex(big, member.UserId), 98_765);
    assert.equal(data.memberIndex(paged, member.UserId), undefined);
    assert.equal(data.memberIndex(big, 'uid_zzzz_0000'), undefined);
  });
});
