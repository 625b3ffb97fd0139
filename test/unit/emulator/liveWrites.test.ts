// The emulator's LiveMessage writes through raw signed HTTP: each write's state read back through the read actions,
// both list encodings, BannnedUsers as the service spells it, the 10 calls/s band actions, ResourceNotExist, NoAuth,
// recovery within 30 days of emulated time, and a fresh emulator untouched by another one's writes.
import * as assert from 'node:assert/strict';
import { DEMO_KEY, RESTRICTED_KEY, startEmulator, type EmulatorKey, type LiveMessageFixtures, type RunningEmulator } from '../../../src/emulator';
import { assertError, flattened, raw, send, type Reply } from './rawApi';

const DAY_MS = 86_400_000;
type Params = Record<string, string | number>;

function assertFlat(reply: Reply, keys: string[]): void {
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual(Object.keys(reply.json), ['RequestId', ...keys]);
}

describe('emulator: LiveMessage writes', () => {
  let emulator: RunningEmulator;
  let f: LiveMessageFixtures;
  let now = Date.UTC(2026, 10, 20, 12, 0, 0);
  // A fresh second per call keeps the throttle out of the way, except in the throttling test.
  const call = (action: string, params: Params, key: EmulatorKey = DEMO_KEY) => {
    now += 1000;
    return send(emulator.url, { action, params: { AppId: f.appId, ...params }, method: 'POST', now, key });
  };
  const ok = async (action: string, params: Params) => {
    const reply = await call(action, params);
    assert.equal(reply.status, 200, `${action}: ${reply.text}`);
    return reply.json;
  };
  const members = async (GroupId: string, SortType = 1) =>
    (await ok('ListLiveMessageGroupUsers', { GroupId, SortType, PageSize: 50 })).UserList.map((u: { UserId: string }) => u.UserId);
  const band = (GroupId: string) => ok('DescribeLiveMessageGroupBand', { GroupId });
  const taken = new Set<string>();
  /** A group of the demo app that no other test changed (not a named fixture) with at least `size` members. */
  const spareGroup = (size: number) => {
    const group = emulator.liveMessage.apps
      .find((app) => app.AppId === f.appId)!
      .groups.find((g) => !g.deleted && g.members >= size && g.members <= 40 && !Object.values(f).includes(g.GroupId) && !taken.has(g.GroupId))!;
    taken.add(group.GroupId);
    return group.GroupId;
  };

  before(async () => {
    emulator = await startEmulator({ seed: 1, clock: () => now });
    f = emulator.liveMessage.fixtures;
  });
  after(() => emulator.close());
  beforeEach(() => emulator.setFaults({}));

  it('SendLiveMessageGroup: the message is listed first for SortType 2 with the MsgTid returned; MsgAmount counts it; NoStorage is not listed', async () => {
    const sent = await call('SendLiveMessageGroup', {
      GroupId: f.messagesGroupId,
      SenderId: 'host1',
      Body: '{"text":"welcome"}',
      MsgType: 7,
      SenderMetaInfo: '{"nick":"Host"}',
    });
    assertFlat(sent, ['MsgTid']);
    assert.match(sent.json.MsgTid, /^[0-9a-f]{32}$/);
    const newest = await ok('ListLiveMessageGroupMessages', { GroupId: f.messagesGroupId, SortType: 2, PageSize: 10 });
    assert.deepEqual(
      { ...newest.MessageList[0], Timestamp: 0 },
      {
        Body: '{"text":"welcome"}',
        MsgTid: sent.json.MsgTid,
        MsgType: 7,
        SeqNumber: 241,
        Timestamp: 0,
        TotalMessages: 241,
        Sender: { UserId: 'host1', UserInfo: '{"nick":"Host"}' },
      },
    );
    assert.equal(newest.MessageList[0].Timestamp, Math.floor(emulator.clock().now / 1000) - 1, 'sent one call ago, in emulated seconds');
    const oldest = await ok('ListLiveMessageGroupMessages', { GroupId: f.messagesGroupId, SortType: 1, PageSize: 10, MsgType: 7 });
    assert.deepEqual(
      oldest.MessageList.map((m: { MsgTid: string }) => m.MsgTid),
      [sent.json.MsgTid],
    );

    const own = await ok('SendLiveMessageGroup', { GroupId: f.messagesGroupId, SenderId: 'host1', MsgTid: 'ownTid42', MsgType: 7, StaticsIncrease: 5 });
    assert.equal(own.MsgTid, 'ownTid42');
    assertError(await call('SendLiveMessageGroup', { GroupId: f.messagesGroupId, SenderId: 'host1', MsgTid: 'ownTid42' }), 400, 'InputInvalid', /already sent/);
    const unstored = await ok('SendLiveMessageGroup', { GroupId: f.messagesGroupId, SenderId: 'host1', MsgType: 7, NoStorage: 'true' });
    const listed = await ok('ListLiveMessageGroupMessages', { GroupId: f.messagesGroupId, SortType: 2, PageSize: 10, MsgType: 7 });
    assert.deepEqual(
      listed.MessageList.map((m: { MsgTid: string }) => m.MsgTid),
      ['ownTid42', sent.json.MsgTid],
    );
    assert.ok(!JSON.stringify(listed).includes(unstored.MsgTid));
    assert.equal((await ok('DescribeLiveMessageGroup', { GroupId: f.messagesGroupId })).MsgAmount['7'], 1 + 5 + 1);
  });

  it('SendLiveMessageGroup is refused for an unknown, a deleted or an empty group, a body over 15 KB, a sender id over 64 bytes', async () => {
    assertError(await call('SendLiveMessageGroup', { GroupId: 'noSuchGroup', SenderId: 'u' }), 404, 'ResourceNotExist', /noSuchGroup/);
    assertError(await call('SendLiveMessageGroup', { GroupId: f.deletedGroupId, SenderId: 'u' }), 404, 'ResourceNotExist', /deleted/);
    assertError(await call('SendLiveMessageGroup', { GroupId: f.emptyGroupId, SenderId: 'u' }), 400, 'InputInvalid', /no members/);
    assertError(
      await call('SendLiveMessageGroup', { GroupId: f.smallGroupId, SenderId: 'u', Body: 'x'.repeat(15 * 1024 + 1) }),
      400,
      'InputInvalid',
      /Body.*15360 bytes/,
    );
    assertError(await call('SendLiveMessageGroup', { GroupId: f.smallGroupId, SenderId: 'u'.repeat(65) }), 400, 'InputInvalid', /SenderId/);
    assertError(await call('SendLiveMessageGroup', { GroupId: f.smallGroupId }), 400, 'MissingSenderId');
    assertError(await call('SendLiveMessageGroup', { GroupId: f.smallGroupId, SenderId: 'u', NoStorage: 'yes' }), 400, 'InputInvalid', /true or false/);
  });

  it('DeleteLiveMessageGroupMessage removes a sent and a seeded message; an id that is not there is answered, not refused', async () => {
    const group = spareGroup(5);
    const before = await ok('ListLiveMessageGroupMessages', { GroupId: group, SortType: 1, PageSize: 50 });
    const seeded = before.MessageList[0].MsgTid;
    const sent = (await ok('SendLiveMessageGroup', { GroupId: group, SenderId: 'mod', Body: 'oops' })).MsgTid;
    assertFlat(await call('DeleteLiveMessageGroupMessage', { GroupId: group, MessageId: sent, DeleterId: 'mod' }), ['GroupId', 'MessageId']);
    await ok('DeleteLiveMessageGroupMessage', { GroupId: group, MessageId: seeded });
    const gone = await call('DeleteLiveMessageGroupMessage', { GroupId: group, MessageId: 'neverSent' });
    assert.deepEqual({ GroupId: gone.json.GroupId, MessageId: gone.json.MessageId }, { GroupId: group, MessageId: 'neverSent' });
    const after = await ok('ListLiveMessageGroupMessages', { GroupId: group, SortType: 1, PageSize: 50 });
    const tids = after.MessageList.map((m: { MsgTid: string }) => m.MsgTid);
    assert.equal(tids.length, before.MessageList.length - 1);
    assert.ok(!tids.includes(sent) && !tids.includes(seeded));
    assert.ok(after.MessageList.every((m: { TotalMessages: number }) => m.TotalMessages === tids.length));
    assertError(await call('DeleteLiveMessageGroupMessage', { GroupId: group }), 400, 'MissingMessageId');
  });

  it('one notion of online: CheckLiveMessageUsersOnline agrees with CheckLiveMessageUsersInGroup, SendLiveMessageUser needs the receiver online', async () => {
    const ids = await members(f.pagedGroupId);
    const inGroup = (await ok('CheckLiveMessageUsersInGroup', { GroupId: f.pagedGroupId, UserIds: ids.slice(0, 10).join(',') })).Users;
    const inApp = await call('CheckLiveMessageUsersOnline', flattened('UserIds', ids.slice(0, 10)));
    assertFlat(inApp, ['UserList']);
    assert.deepEqual(inApp.json.UserList, inGroup);
    const online = inGroup.find((u: { Online: boolean }) => u.Online).UserId;
    const offline = inGroup.find((u: { Online: boolean }) => !u.Online).UserId;
    assertFlat(await call('SendLiveMessageUser', { SenderId: 'host1', ReceiverId: online, Body: 'psst', MsgTid: 'dm1' }), ['MsgTid']);
    assertError(await call('SendLiveMessageUser', { SenderId: 'host1', ReceiverId: offline }), 400, 'InputInvalid', /not online/);
    assertError(await call('SendLiveMessageUser', { SenderId: 'host1', ReceiverId: 'nobody' }), 400, 'InputInvalid', /not online/);
    assertError(
      await call('CheckLiveMessageUsersOnline', { UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`).join(',') }),
      400,
      'InputInvalid',
      /1 to 10/,
    );
    assertError(await call('CheckLiveMessageUsersOnline', {}), 400, 'MissingUserIds');
  });

  it('BanLiveMessageGroup with ExceptUsers (comma-joined or ExceptUsers.N), UnbanLiveMessageGroup; users muted one by one stay muted', async () => {
    const group = spareGroup(10);
    const [a, b, c] = await members(group);
    const seeded = await band(group);
    assert.equal(seeded.IsbannedAll, false);
    await ok('AddLiveMessageGroupBand', { GroupId: group, BannedUsers: c });
    assertFlat(await call('BanLiveMessageGroup', { GroupId: group, ExceptUsers: `${a},${b}` }), []);
    let state = await band(group);
    assert.equal(state.IsbannedAll, true);
    assert.deepEqual(state.UnbannedUserList, [a, b]);
    assert.ok(state.BannedUserList.includes(c));
    await ok('BanLiveMessageGroup', { GroupId: group, ...flattened('ExceptUsers', [b]) });
    assert.deepEqual((await band(group)).UnbannedUserList, [b]);
    await ok('UnbanLiveMessageGroup', { GroupId: group });
    state = await band(group);
    assert.equal(state.IsbannedAll, false);
    assert.deepEqual(state.UnbannedUserList, []);
    assert.ok(state.BannedUserList.includes(c), 'muted one by one: still muted');
    assertError(await call('BanLiveMessageGroup', { GroupId: group, ExceptUsers: a, 'ExceptUsers.1': b }), 400, 'InputInvalid', /both/);
  });

  it('AddLiveMessageGroupBand / RemoveLiveMessageGroupBand take BannedUsers / UnbannedUsers, in both list encodings', async () => {
    const group = spareGroup(10);
    const ids = (await members(group)).slice(3, 6);
    await ok('AddLiveMessageGroupBand', { GroupId: group, ...flattened('BannedUsers', ids) });
    const banned = (await band(group)).BannedUserList;
    for (const id of ids) assert.ok(banned.includes(id), id);
    await ok('RemoveLiveMessageGroupBand', { GroupId: group, UnbannedUsers: ids.slice(0, 2).join(',') });
    const after = (await band(group)).BannedUserList;
    assert.ok(!after.includes(ids[0]) && !after.includes(ids[1]) && after.includes(ids[2]));
    assertError(await call('AddLiveMessageGroupBand', { GroupId: group }), 400, 'MissingBannedUsers');
    // Three n's belong to ModifyLiveMessageGroupBand only: here the parameter is unknown, so BannedUsers is missing.
    assertError(await call('AddLiveMessageGroupBand', { GroupId: group, BannnedUsers: ids[0] }), 400, 'MissingBannedUsers');
  });

  it("ModifyLiveMessageGroupBand reads BannnedUsers (three n's); the two-n spelling is ignored like any unknown parameter", async () => {
    const group = spareGroup(10);
    const ids = await members(group);
    await ok('ModifyLiveMessageGroupBand', { GroupId: group, BannnedUsers: ids.slice(0, 2).join(',') });
    assert.deepEqual((await band(group)).BannedUserList, ids.slice(0, 2), 'replaced: the seeded mutes are lifted');
    await ok('ModifyLiveMessageGroupBand', { GroupId: group, BannedUsers: ids.slice(5, 8).join(',') });
    assert.deepEqual((await band(group)).BannedUserList, ids.slice(0, 2), 'unchanged');
    await ok('ModifyLiveMessageGroupBand', { GroupId: group, BannedAll: 'true', ...flattened('ExceptUsers', [ids[3]]) });
    const state = await band(group);
    assert.equal(state.IsbannedAll, true);
    assert.deepEqual(state.UnbannedUserList, [ids[3]]);
    const thirtyOne = Array.from({ length: 31 }, (_, i) => `u${i}`).join(',');
    assertError(await call('ModifyLiveMessageGroupBand', { GroupId: group, BannnedUsers: thirtyOne }), 400, 'InputInvalid', /BannnedUsers.*0 to 30/);
    assertError(await call('ModifyLiveMessageGroupBand', { GroupId: group, ExceptUsers: thirtyOne }), 400, 'InputInvalid', /ExceptUsers/);
  });

  it('the band actions allow 10 calls per second each: the 11th Ban in a second is Throttling.User, Unban has its own budget', async () => {
    now += 5000;
    const at = now;
    const group = spareGroup(3);
    const ban = () => send(emulator.url, { action: 'BanLiveMessageGroup', params: { AppId: f.appId, GroupId: group }, method: 'POST', now: at });
    for (let i = 0; i < 10; i++) assert.equal((await ban()).status, 200);
    assertError(await ban(), 400, 'Throttling.User');
    const unban = await send(emulator.url, { action: 'UnbanLiveMessageGroup', params: { AppId: f.appId, GroupId: group }, method: 'POST', now: at });
    assert.equal(unban.status, 200);
    // A family action still has 50 in that second.
    for (let i = 0; i < 12; i++)
      assert.equal((await send(emulator.url, { action: 'DescribeLiveMessageApp', params: { AppId: f.appId }, method: 'POST', now: at })).status, 200);
  });

  it('KickLiveMessageGroupUser: the member leaves the member list and is no longer online; cheap on the 100,000-member group', async () => {
    const group = spareGroup(10);
    const ids = await members(group);
    const victim = ids[4];
    assertFlat(await call('KickLiveMessageGroupUser', { GroupId: group, KickoffUser: victim }), []);
    assert.deepEqual(
      await members(group),
      ids.filter((id: string) => id !== victim),
    );
    assert.equal((await ok('CheckLiveMessageUsersInGroup', { GroupId: group, UserIds: victim })).Users[0].Online, false);
    await ok('KickLiveMessageGroupUser', { GroupId: group, KickoffUser: 'notAMember' });
    assert.equal((await members(group)).length, ids.length - 1);
    assertError(await call('KickLiveMessageGroupUser', { GroupId: group }), 400, 'MissingKickoffUser');

    // The 100,000-member group keeps a set of the kicked, not a copy of its list: its newest member leaves the top.
    const newestFirst = await members(f.bigGroupId, 2);
    await ok('KickLiveMessageGroupUser', { GroupId: f.bigGroupId, KickoffUser: newestFirst[0] });
    const after = await members(f.bigGroupId, 2);
    assert.deepEqual(after.slice(0, 49), newestFirst.slice(1, 50));
  });

  it('CreateLiveMessageGroup: a new group is listed and described; the same GroupId again is AlreadyExists; GroupId letters and digits only', async () => {
    const created = await call('CreateLiveMessageGroup', {
      GroupId: 'room2026',
      GroupName: 'Launch',
      GroupInfo: '{"topic":"launch"}',
      CreatorId: 'host1',
      ...flattened('Administrators', ['host1', 'mod1']),
    });
    assertFlat(created, ['GroupId', 'AlreadyExists', 'AlreadyDelete']);
    assert.deepEqual([created.json.GroupId, created.json.AlreadyExists, created.json.AlreadyDelete], ['room2026', false, false]);
    const described = await ok('DescribeLiveMessageGroup', { GroupId: 'room2026' });
    assert.deepEqual(
      [described.GroupName, described.GroupInfo, described.CreatorId, described.AdminList, described.Delete],
      ['Launch', '{"topic":"launch"}', 'host1', ['host1', 'mod1'], false],
    );
    const newest = await ok('ListLiveMessageGroupByPage', { SortType: 2, PageSize: 1, GroupStatus: 1 });
    assert.equal(newest.GroupList[0].GroupId, 'room2026');
    const again = await ok('CreateLiveMessageGroup', { GroupId: 'room2026' });
    assert.deepEqual([again.AlreadyExists, again.AlreadyDelete], [true, false]);
    const seeded = await ok('CreateLiveMessageGroup', { GroupId: f.deletedGroupId });
    assert.deepEqual([seeded.AlreadyExists, seeded.AlreadyDelete], [true, true]);
    assertError(await call('SendLiveMessageGroup', { GroupId: 'room2026', SenderId: 'host1' }), 400, 'InputInvalid', /no members/);
    assertError(await call('CreateLiveMessageGroup', { GroupId: 'room-2026' }), 400, 'InputInvalid', /letters and digits/);
    assertError(await call('CreateLiveMessageGroup', { GroupId: 'x'.repeat(65) }), 400, 'InputInvalid', /GroupId/);
    assertError(await call('CreateLiveMessageGroup', { GroupId: 'room2027', Administrators: 'a,b,c,d' }), 400, 'InputInvalid', /Administrators/);
    assertError(await call('CreateLiveMessageGroup', { GroupId: 'room2027', GroupName: 'n'.repeat(129) }), 400, 'InputInvalid', /GroupName/);
  });

  it('ModifyLiveMessageGroup: ModifyAdmin + AdminList and ModifyInfo + GroupInfo change the group; AdminList without ModifyAdmin is ignored', async () => {
    const group = spareGroup(3);
    await ok('ModifyLiveMessageGroup', { GroupId: group, ModifyAdmin: 'true', AdminList: 'boss1,boss2' });
    await ok('ModifyLiveMessageGroup', { GroupId: group, ModifyInfo: 'true', GroupInfo: '{"level":9}' });
    await ok('ModifyLiveMessageGroup', { GroupId: group, AdminList: 'ignored' });
    const described = await ok('DescribeLiveMessageGroup', { GroupId: group });
    assert.deepEqual(described.AdminList, ['boss1', 'boss2']);
    assert.equal(described.GroupInfo, '{"level":9}');
  });

  it('DeleteLiveMessageGroup: listed as deleted, described with Deletor and Deletatime, members and messages gone; an unknown group is answered', async () => {
    const group = spareGroup(5);
    assertFlat(await call('DeleteLiveMessageGroup', { GroupId: group, OperatorId: 'ops1' }), ['GroupId']);
    const described = await ok('DescribeLiveMessageGroup', { GroupId: group });
    assert.equal(described.Delete, true);
    assert.equal(described.Deletor, 'ops1');
    assert.equal(described.Deletatime, Math.floor(emulator.clock().now / 1000) - 1);
    assert.equal(described.OnlineUserCounts, 0);
    const deleted = await ok('ListLiveMessageGroupByPage', { SortType: 1, PageSize: 50, GroupStatus: 2 });
    assert.ok(deleted.GroupList.some((g: { GroupId: string; Delete: boolean }) => g.GroupId === group && g.Delete));
    assertError(await call('ListLiveMessageGroupUsers', { GroupId: group, SortType: 1, PageSize: 10 }), 404, 'ResourceNotExist', /deleted/);
    assertError(await call('ListLiveMessageGroupMessages', { GroupId: group, SortType: 1, PageSize: 10 }), 404, 'ResourceNotExist', /deleted/);
    assert.equal((await ok('DeleteLiveMessageGroup', { GroupId: 'neverExisted' })).GroupId, 'neverExisted');
    assertError(await call('DeleteLiveMessageGroup', { GroupId: group, AppId: 'noSuchApp' }), 404, 'ResourceNotExist');
  });

  it('RecoverLiveMessageDeletedGroup within 30 days of emulated time: after 29 days it works (messages back), after 31 days ResourceNotExist', async () => {
    const group = spareGroup(5);
    const messages = (await ok('ListLiveMessageGroupMessages', { GroupId: group, SortType: 1, PageSize: 50 })).MessageList;
    await ok('DeleteLiveMessageGroup', { GroupId: group });
    emulator.advanceClock(29 * DAY_MS);
    assertFlat(await call('RecoverLiveMessageDeletedGroup', { GroupId: group }), ['GroupId']);
    const recovered = await ok('DescribeLiveMessageGroup', { GroupId: group });
    assert.equal(recovered.Delete, false);
    assert.ok(!('Deletatime' in recovered) && !('Deletor' in recovered));
    assert.deepEqual((await ok('ListLiveMessageGroupMessages', { GroupId: group, SortType: 1, PageSize: 50 })).MessageList, messages);
    assert.deepEqual(await members(group), [], 'the members were told it closed');

    await ok('DeleteLiveMessageGroup', { GroupId: group });
    // The control endpoint moves the same clock.
    const moved = await raw(emulator.url, 'POST', '/__emulator/advance-clock', JSON.stringify({ ms: 31 * DAY_MS }), 'application/json');
    assert.equal(moved.status, 200);
    assert.equal(moved.json.offsetMs, 60 * DAY_MS);
    assertError(await call('RecoverLiveMessageDeletedGroup', { GroupId: group }), 404, 'ResourceNotExist', /more than 30 days/);
    assert.equal((await ok('DescribeLiveMessageGroup', { GroupId: group })).Delete, true);
    assertError(await call('RecoverLiveMessageDeletedGroup', { GroupId: 'neverExisted' }), 404, 'ResourceNotExist');
    const backwards = await raw(emulator.url, 'POST', '/__emulator/advance-clock', JSON.stringify({ ms: -1 }), 'application/json');
    assert.equal(backwards.status, 400);
    assert.throws(() => emulator.advanceClock(1.5), TypeError);
  });

  it('ModifyLiveMessageAppDisable: DescribeLiveMessageApp and the app list show it; Disable is required and true or false', async () => {
    const reply = await call('ModifyLiveMessageAppDisable', { Disable: 'true' });
    assertFlat(reply, ['AppId', 'AppSign', 'Disable']);
    assert.equal(reply.json.Disable, true);
    assert.equal((await ok('DescribeLiveMessageApp', {})).Disable, true);
    const apps = [...(await ok('ListLiveMessageApps', { SortType: 1 })).AppList, ...(await ok('ListLiveMessageApps', { SortType: 2 })).AppList];
    assert.equal(apps.find((app: { AppId: string }) => app.AppId === f.appId).Disable, 'true');
    await ok('ModifyLiveMessageAppDisable', { Disable: 'false' });
    assert.equal((await ok('DescribeLiveMessageApp', {})).Disable, false);
    assertError(await call('ModifyLiveMessageAppDisable', {}), 400, 'MissingDisable');
    assertError(await call('ModifyLiveMessageAppDisable', { Disable: '1' }), 400, 'InputInvalid', /true or false/);
    assertError(await call('ModifyLiveMessageAppDisable', { Disable: 'true', DataCenter: 'ap-southeast-1' }), 404, 'ResourceNotExist', /data center/);
  });

  it('a key whose RAM policy lacks the action: 403 NoAuth, and nothing changes', async () => {
    const group = spareGroup(3);
    assertError(await call('DeleteLiveMessageGroup', { GroupId: group }, RESTRICTED_KEY), 403, 'NoAuth', /live:DeleteLiveMessageGroup/);
    assertError(await call('ModifyLiveMessageAppDisable', { Disable: 'true' }, RESTRICTED_KEY), 403, 'NoAuth');
    assert.equal((await ok('DescribeLiveMessageGroup', { GroupId: group })).Delete, false);
    assert.equal((await call('KickLiveMessageGroupUser', { GroupId: group, KickoffUser: 'x' }, RESTRICTED_KEY)).status, 200, 'other writes are allowed');
  });

  it('a write whose connection is reset was done before the answer was lost; a refused one (error code) was not', async () => {
    const group = spareGroup(5);
    emulator.setFaults({ resetRate: 1, actions: ['SendLiveMessageGroup'] });
    await assert.rejects(call('SendLiveMessageGroup', { GroupId: group, SenderId: 'u', MsgTid: 'lostAnswer' }));
    emulator.setFaults({ errorRate: 1, errorCodes: ['Throttling.User'], actions: ['SendLiveMessageGroup'] });
    assertError(await call('SendLiveMessageGroup', { GroupId: group, SenderId: 'u', MsgTid: 'refused' }), 400, 'Throttling.User');
    emulator.setFaults({});
    const tids = (await ok('ListLiveMessageGroupMessages', { GroupId: group, SortType: 2, PageSize: 10 })).MessageList.map((m: { MsgTid: string }) => m.MsgTid);
    assert.ok(tids.includes('lostAnswer'));
    assert.ok(!tids.includes('refused'));
  });

  it("writes are state of one emulator: a fresh emulator of the same seed serves the seed's data", async () => {
    const fresh = await startEmulator({ seed: 1, clock: () => now });
    try {
      const ask = (action: string, params: Params) => send(fresh.url, { action, params: { AppId: f.appId, ...params }, method: 'POST', now: (now += 1000) });
      const groups = (await ask('ListLiveMessageGroupByPage', { SortType: 2, PageSize: 50 })).json.GroupList.map((g: { GroupId: string }) => g.GroupId);
      assert.ok(!groups.includes('room2026'));
      assert.equal((await ask('DescribeLiveMessageApp', {})).json.Disable, false);
      const messages = (await ask('ListLiveMessageGroupMessages', { GroupId: f.messagesGroupId, SortType: 2, PageSize: 10 })).json.MessageList;
      assert.equal(messages[0].TotalMessages, 240);
    } finally {
      await fresh.close();
    }
  });
});
