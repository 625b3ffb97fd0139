// The emulator's legacy writes through raw signed HTTP: each write's state read back through the read actions
// (ListMessage, GetMessageGroup, ListMessageGroupUserById, ListMuteGroupUser, ListMessageGroupUser, ListMessageGroup,
// BatchGetOnlineUsers), both list encodings, Missing/InvalidParameter, unknown ids, Forbidden.RAM.
import * as assert from 'node:assert/strict';
import { DEMO_KEY, RESTRICTED_KEY, startEmulator, type DatasetFixtures, type EmulatorKey, type RunningEmulator } from '../../../src/emulator';
import { assertError, assertOk, flattened, send } from './rawApi';

const DAY_MS = 86_400_000;
type Params = Record<string, string | number>;

describe('emulator: legacy writes', () => {
  let emulator: RunningEmulator;
  let f: DatasetFixtures;
  let now = Date.UTC(2026, 10, 20, 12, 0, 0);
  const call = (action: string, params: Params, key: EmulatorKey = DEMO_KEY) => {
    now += 1000;
    return send(emulator.url, { action, params: { AppId: f.appId, ...params }, method: 'POST', now, key });
  };
  const ok = async (action: string, params: Params) => {
    const reply = await call(action, params);
    assertOk(reply);
    return reply.json.Result;
  };
  const members = async (GroupId: string) =>
    (await ok('ListMessageGroupUser', { GroupId, PageNum: 1, PageSize: 50 })).UserList.map((u: { UserId: string }) => u.UserId);
  const detail = async (GroupId: string, userId: string) => (await ok('ListMessageGroupUserById', { GroupId, UserIdList: userId })).UserList[0];
  const mutedList = async (GroupId: string) =>
    (await ok('ListMuteGroupUser', { GroupId, PageNum: 1, PageSize: 50 })).UserList.map((u: { UserId: string }) => u.UserId);
  /** Groups of the many-groups user, one per test that changes a group. */
  const spare: string[] = [];
  const spareGroup = () => spare.shift()!;

  before(async () => {
    emulator = await startEmulator({ seed: 1, clock: () => now });
    f = emulator.dataset.fixtures;
    const groups = emulator.dataset.apps.find((app) => app.AppId === f.appId)!.users.find((u) => u.UserId === f.manyGroupsUserId)!.groupIds;
    spare.push(...groups.filter((id) => emulator.dataset.groups[id].members >= 5));
  });
  after(() => emulator.close());

  it('SendMessageToGroup: the message is in ListMessage (newest first with SortType 1) with the MessageId returned', async () => {
    const group = spareGroup();
    const sent = await ok('SendMessageToGroup', { GroupId: group, OperatorUserId: 'host1', Data: '{"text":"hello"}', Type: 12000, SkipAudit: 'true' });
    assert.match(sent.MessageId, /^[0-9A-F]{32}$/);
    const newest = await ok('ListMessage', { GroupId: group, PageNum: 1, PageSize: 1, SortType: 1 });
    assert.deepEqual(newest.MessageList[0], { MessageId: sent.MessageId, GroupId: group, SenderId: 'host1', Type: 12000, Data: '{"text":"hello"}' });
    const custom = await ok('ListMessage', { GroupId: group, PageNum: 1, PageSize: 50, Type: 12000 });
    assert.deepEqual(
      custom.MessageList.map((m: { MessageId: string }) => m.MessageId),
      [sent.MessageId],
    );
    const direct = await ok('SendMessageToGroupUsers', { GroupId: group, OperatorUserId: 'host1', Data: '{}', Type: 1, ReceiverIdList: 'a,b' });
    assert.ok(
      !JSON.stringify(await ok('ListMessage', { GroupId: group, PageNum: 1, PageSize: 50 })).includes(direct.MessageId),
      'sent to users, not to the group',
    );
    assertError(await call('SendMessageToGroup', { GroupId: group, OperatorUserId: 'host1', Data: 'not json' }), 400, 'InvalidParameter', /Data/);
    assertError(await call('SendMessageToGroup', { GroupId: group, Data: '{}' }), 400, 'MissingOperatorUserId');
    assertError(await call('SendMessageToGroupUsers', { GroupId: group, OperatorUserId: 'host1', Data: '{}' }), 400, 'MissingType');
    assertError(await call('SendMessageToGroup', { GroupId: 'NO-SUCH-GRP', OperatorUserId: 'host1', Data: '{}' }), 400, 'InvalidGroupId.NotFound');
  });

  it('MuteAllGroupUser / CancelMuteAllGroupUser: GetMessageGroup IsMuteAll and every member detail; only the creator cancels', async () => {
    const group = spareGroup();
    const [member] = await members(group);
    const { CreatorId } = await ok('GetMessageGroup', { GroupId: group });
    assert.equal((await ok('MuteAllGroupUser', { GroupId: group, OperatorUserId: 'mod1', BroadCastType: 2 })).Success, true);
    assert.equal((await ok('GetMessageGroup', { GroupId: group })).IsMuteAll, true);
    const muted = await detail(group, member);
    assert.equal(muted.IsMute, true);
    assert.ok(muted.MuteBy.includes('group'));
    assertError(await call('CancelMuteAllGroupUser', { GroupId: group, OperatorUserId: 'mod1' }), 403, 'Forbidden', /creator/);
    await ok('CancelMuteAllGroupUser', { GroupId: group, OperatorUserId: CreatorId });
    assert.equal((await ok('GetMessageGroup', { GroupId: group })).IsMuteAll, false);
    assert.ok(!(await detail(group, member)).MuteBy.includes('group'));
    assertError(await call('MuteAllGroupUser', { GroupId: group, OperatorUserId: 'mod1', BroadCastType: 3 }), 400, 'InvalidParameter', /BroadCastType/);
    assertError(await call('MuteAllGroupUser', { GroupId: group }), 400, 'MissingOperatorUserId');
  });

  it('MuteGroupUser (MuteUserList comma-joined or MuteUserList.N, MuteTime) / CancelMuteGroupUser: ListMuteGroupUser and IsMute', async () => {
    const group = spareGroup();
    const ids = await members(group);
    const seededMuted = await mutedList(group);
    const targets = ids.filter((id: string) => !seededMuted.includes(id)).slice(0, 3);
    await ok('MuteGroupUser', { GroupId: group, MuteUserList: targets.slice(0, 2).join(','), MuteTime: 3600 });
    await ok('MuteGroupUser', { GroupId: group, ...flattened('MuteUserList', [targets[2]]) });
    assert.deepEqual(await mutedList(group), [...seededMuted, ...targets]);
    const one = await detail(group, targets[0]);
    assert.ok(one.IsMute && one.MuteBy.includes('user'));
    await ok('CancelMuteGroupUser', { GroupId: group, ...flattened('CancelMuteUserList', [targets[1]]) });
    assert.deepEqual(await mutedList(group), [...seededMuted, targets[0], targets[2]]);
    assert.ok(!(await detail(group, targets[1])).MuteBy.includes('user'));
    // MuteTime is in seconds, default a day: after two hours of emulated time only the one-day mute remains.
    emulator.advanceClock(2 * 3600 * 1000);
    assert.deepEqual(await mutedList(group), [...seededMuted, targets[2]]);
    emulator.advanceClock(DAY_MS);
    assert.deepEqual(await mutedList(group), seededMuted);
    if (seededMuted.length > 0) {
      await ok('CancelMuteGroupUser', { GroupId: group, CancelMuteUserList: seededMuted[0] });
      assert.ok(!(await mutedList(group)).includes(seededMuted[0]), 'a seeded mute is lifted too');
    }
    assertError(await call('MuteGroupUser', { GroupId: group }), 400, 'MissingMuteUserList');
    assertError(await call('MuteGroupUser', { GroupId: group, MuteUserList: 'a', 'MuteUserList.1': 'b' }), 400, 'InvalidParameter', /both/);
    assertError(await call('MuteGroupUser', { GroupId: group, 'MuteUserList.1': 'a', 'MuteUserList.3': 'b' }), 400, 'InvalidParameter', /MuteUserList\.2/);
    assertError(await call('ListMuteGroupUser', { GroupId: group, PageNum: 1, PageSize: 51 }), 400, 'InvalidParameter', /PageSize/);
    assertError(await call('ListMuteGroupUser', { GroupId: group, PageSize: 10 }), 400, 'MissingPageNum');
  });

  it('ListMuteGroupUser pages the seeded mutes of the 100,000-member group by number', async () => {
    const first = await ok('ListMuteGroupUser', { GroupId: f.bigGroupId, PageNum: 1, PageSize: 50 });
    const second = await ok('ListMuteGroupUser', { GroupId: f.bigGroupId, PageNum: 2, PageSize: 50 });
    assert.ok(first.Total > 1000 && first.HasMore);
    assert.equal(first.UserList.length, 50);
    const ids = [...first.UserList, ...second.UserList].map((u: { UserId: string }) => u.UserId);
    assert.equal(new Set(ids).size, 100);
    const details = (await ok('ListMessageGroupUserById', { GroupId: f.bigGroupId, UserIdList: ids.slice(0, 20).join(',') })).UserList;
    assert.equal(details.length, 20);
    assert.ok(details.every((d: { MuteBy: string[] }) => d.MuteBy.includes('user')));
  });

  it('JoinMessageGroup / LeaveMessageGroup: the member list, BatchGetOnlineUsers; Success false when there is nothing to do', async () => {
    const group = spareGroup();
    const before = await members(group);
    assert.equal((await ok('JoinMessageGroup', { GroupId: group, UserId: 'newcomer1', BroadCastType: 2, BroadCastStatistics: 'true' })).Success, true);
    assert.deepEqual(await members(group), [...before, 'newcomer1']);
    assert.equal((await ok('JoinMessageGroup', { GroupId: group, UserId: 'newcomer1' })).Success, false);
    assert.equal((await ok('LeaveMessageGroup', { GroupId: group, UserId: before[1] })).Success, true);
    assert.deepEqual(await members(group), [before[0], ...before.slice(2), 'newcomer1']);
    assert.equal((await detail(group, before[1])) === undefined, true, 'ListMessageGroupUserById no longer finds who left');
    assert.equal((await ok('LeaveMessageGroup', { GroupId: group, UserId: 'never-a-member' })).Success, false);
    const newestFirst = await ok('ListMessageGroupUser', { GroupId: group, PageNum: 1, PageSize: 1, SortType: 1 });
    assert.equal(newestFirst.UserList[0].UserId, 'newcomer1');
    assert.equal(newestFirst.Total, before.length);

    const online = await ok('BatchGetOnlineUsers', { GroupId: group, UserIds: [before[0], 'newcomer1', before[1], 'nobody'].join(',') });
    const byId = new Map(online.OnlineUsers.map((u: { UserId: string }) => [u.UserId, u]));
    assert.deepEqual(byId.get('nobody'), { UserId: 'nobody', Online: false, JoinTime: 0 });
    assert.deepEqual(byId.get(before[1]), { UserId: before[1], Online: false, JoinTime: 0 });
    assert.equal((byId.get('newcomer1') as { JoinTime: number }).JoinTime % 1000, 0, 'milliseconds');
    assert.ok((byId.get(before[0]) as { JoinTime: number }).JoinTime > 1_000_000_000_000);
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`).join(',');
    assertError(await call('BatchGetOnlineUsers', { GroupId: group, UserIds: many }), 400, 'InvalidParameter', /at most 20/);
  });

  it('BatchGetOnlineUsers: about 30 % of the seeded members are online, fixed per seed', async () => {
    const ids = (await ok('ListMessageGroupUser', { GroupId: f.thousandGroupId, PageNum: 3, PageSize: 20 })).UserList.map((u: { UserId: string }) => u.UserId);
    const first = await ok('BatchGetOnlineUsers', { GroupId: f.thousandGroupId, ...flattened('UserIds', ids) });
    const again = await ok('BatchGetOnlineUsers', { GroupId: f.thousandGroupId, UserIds: ids.join(',') });
    assert.deepEqual(first, again);
    const online = first.OnlineUsers.filter((u: { Online: boolean }) => u.Online).length;
    assert.ok(online > 0 && online < 20, `${online} of 20 online`);
  });

  it('CreateMessageGroup: the group is listed by ListMessageGroup for its creator, with its creator as member; UpdateMessageGroup sets Extension', async () => {
    const created = await ok('CreateMessageGroup', { CreatorId: 'host2026', Extension: JSON.stringify({ topic: 'launch' }) });
    assert.deepEqual(created.Extension, { topic: 'launch' });
    const listed = await ok('ListMessageGroup', { UserId: 'host2026', PageNum: 1, PageSize: 10 });
    assert.equal(listed.Total, 1);
    assert.equal(listed.GroupList[0].GroupId, created.GroupId);
    assert.equal(listed.GroupList[0].CreatorId, 'host2026');
    assert.deepEqual(await members(created.GroupId), ['host2026']);
    await ok('UpdateMessageGroup', { GroupId: created.GroupId, Extension: JSON.stringify({ topic: 'replay', lang: 'en-US' }) });
    assert.deepEqual((await ok('GetMessageGroup', { GroupId: created.GroupId })).Extension, { topic: 'replay', lang: 'en-US' });
    const second = await ok('CreateMessageGroup', { CreatorId: 'host2026' });
    assert.notEqual(second.GroupId, created.GroupId);
    assert.equal((await ok('ListMessageGroup', { UserId: 'host2026', PageNum: 1, PageSize: 10 })).Total, 2);
    assertError(await call('CreateMessageGroup', { CreatorId: 'host.2026' }), 400, 'InvalidParameter', /letters and digits/);
    assertError(await call('CreateMessageGroup', { CreatorId: 'a'.repeat(37) }), 400, 'InvalidParameter', /36/);
    assertError(await call('CreateMessageGroup', { CreatorId: 'host1', Extension: '{"n":1}' }), 400, 'InvalidParameter', /Extension/);
    assertError(await call('CreateMessageGroup', { CreatorId: 'host1', AppId: 'NOAPP' }), 400, 'InvalidAppId.NotFound');
  });

  it('a key whose RAM policy lacks the action: 403 Forbidden.RAM naming it, and nothing changes', async () => {
    const group = spareGroup();
    const before = (await ok('GetMessageGroup', { GroupId: group })).IsMuteAll;
    assertError(await call('MuteAllGroupUser', { GroupId: group, OperatorUserId: 'mod1' }, RESTRICTED_KEY), 403, 'Forbidden.RAM', /live:MuteAllGroupUser/);
    assertError(await call('CancelMuteAllGroupUser', { GroupId: group, OperatorUserId: 'mod1' }, RESTRICTED_KEY), 403, 'Forbidden', /creator/);
    assert.equal((await ok('GetMessageGroup', { GroupId: group })).IsMuteAll, before);
  });
});
