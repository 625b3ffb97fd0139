// The client's writes against the emulator: each action's documented QPS from one table (the 11th Ban within a
// second waits at our limiter and the server never throttles it), no retry after a timeout, a reset or a server
// failure (sent exactly once, OutcomeUnknown), retries after a refusal that came before the server acted
// (Throttling.User), cancellation before and after sending, and Success: false.
import * as assert from 'node:assert/strict';
import { ACTION_KINDS, type CallRecord } from '../../../src/api/client';
import { ClientErrorCode, type ApiError } from '../../../src/api/errors';
import { mutedMemberPager } from '../../../src/api/pager';
import { ACTION_INFO, type ActionName } from '../../../src/api/types';
import type { FaultOptions } from '../../../src/emulator';
import { newClient, useEmulator } from '../helpers';

const MAX_ATTEMPTS = 4;

/** Resolves once `condition` holds (checked every few ms): waits for a state, never for a fixed time. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('client: writes', () => {
  const emulator = useEmulator();
  const live = () => emulator().liveMessage.fixtures;
  const legacy = () => emulator().dataset.fixtures;
  let serial = 0;
  /** A fresh MsgTid per send, to find it again. */
  const tid = () => `t${Date.now().toString(36)}${++serial}`;
  const storedTids = async (GroupId: string) => {
    const { client } = newClient(emulator().url);
    const page = await client.listLiveMessageGroupMessages({ AppId: live().appId, GroupId, SortType: 2, PageSize: 50 });
    return page.MessageList.map((m) => m.MsgTid);
  };

  it('every action has its kind, method and documented QPS in ACTION_INFO; the band actions run at 10/s', () => {
    const writes = Object.entries(ACTION_INFO).filter(([, info]) => info.kind === 'write');
    assert.equal(writes.length, 24);
    for (const [action, info] of writes) assert.equal(info.method, 'POST', action);
    for (const [action, info] of Object.entries(ACTION_INFO)) assert.equal(ACTION_KINDS[action as ActionName], info.kind, action);
    const { client } = newClient(emulator().url);
    const band = [
      'BanLiveMessageGroup',
      'UnbanLiveMessageGroup',
      'AddLiveMessageGroupBand',
      'RemoveLiveMessageGroupBand',
      'ModifyLiveMessageGroupBand',
    ] as const;
    for (const action of band) assert.equal(client.callsPerSecondOf(action), 10, action);
    assert.equal(client.callsPerSecondOf('SendLiveMessageGroup'), 50);
    assert.equal(client.callsPerSecondOf('MuteGroupUser'), 100);
    // JoinMessageGroup is documented at 200/s; the client's own limit (100 by default) caps it.
    assert.equal(ACTION_INFO.JoinMessageGroup.callsPerSecond, 200);
    assert.equal(client.callsPerSecondOf('JoinMessageGroup'), 100);
    assert.equal(newClient(emulator().url, undefined, { callsPerSecond: 5 }).client.callsPerSecondOf('BanLiveMessageGroup'), 5);
  });

  it('the 11th Ban within a second waits at our limiter: all 11 succeed, the server throttles none', async () => {
    const starts: number[] = [];
    const { client } = newClient(emulator().url, undefined, { onCall: (record) => starts.push(performance.now() - record.durationMs) });
    const { appId, smallGroupId } = live();
    const bans = Array.from({ length: 11 }, () => client.banLiveMessageGroup({ AppId: appId, GroupId: smallGroupId }));
    await Promise.all(bans);
    starts.sort((a, b) => a - b);
    assert.equal(starts.length, 11, 'each sent once');
    assert.ok(starts[10] - starts[0] >= 1000, `the 11th started ${Math.round(starts[10] - starts[0])} ms after the first`);
    const stats = emulator().stats();
    assert.equal(stats.throttled, 0);
    assert.equal(stats.byCode.OK, 11);
  });

  it('a Ban cancelled while it waits for the limiter is Cancelled and never sent', async () => {
    // One call per second: the second Ban waits at least a second after the first one's answer.
    const { client, calls } = newClient(emulator().url, undefined, { callsPerSecond: 1 });
    const { appId, smallGroupId } = live();
    const first = client.banLiveMessageGroup({ AppId: appId, GroupId: smallGroupId });
    const controller = new AbortController();
    const waiting = client.banLiveMessageGroup({ AppId: appId, GroupId: smallGroupId }, { signal: controller.signal });
    await first;
    controller.abort();
    await assert.rejects(waiting, (error: ApiError) => error.code === ClientErrorCode.Cancelled);
    assert.equal(calls.length, 1);
    assert.equal(emulator().stats().byAction.BanLiveMessageGroup, 1);
  });

  const UNKNOWN: [name: string, faults: FaultOptions, wire: string, stored: boolean][] = [
    ['a timeout (no answer)', { hangRate: 1 }, ClientErrorCode.RequestTimeout, true],
    ['a reset connection', { resetRate: 1 }, 'ECONNRESET', true],
    ['an HTML 502 page', { html502Rate: 1 }, ClientErrorCode.MalformedResponse, true],
    ['a truncated answer', { malformedJsonRate: 1 }, ClientErrorCode.MalformedResponse, true],
    ['an InternalError answer (500)', { errorRate: 1, errorCodes: ['InternalError'] }, 'InternalError', false],
    ['a ServiceUnavailable answer (503)', { errorRate: 1, errorCodes: ['ServiceUnavailable'] }, 'ServiceUnavailable', false],
  ];

  for (const [name, faults, wire, stored] of UNKNOWN) {
    it(`a write after ${name} is sent exactly once and rejects with OutcomeUnknown`, async () => {
      const { smallGroupId, appId } = live();
      emulator().setFaults({ ...faults, actions: ['SendLiveMessageGroup'] });
      const { client, calls } = newClient(emulator().url, undefined, { timeoutMs: 300, maxAttempts: MAX_ATTEMPTS });
      const msgTid = tid();
      await assert.rejects(
        client.sendLiveMessageGroup({ AppId: appId, GroupId: smallGroupId, SenderId: 'host1', Body: 'hi', MsgTid: msgTid }),
        (error: ApiError) => {
          assert.equal(error.code, ClientErrorCode.OutcomeUnknown);
          assert.equal(error.retryable, false);
          assert.match(
            error.message,
            /^SendLiveMessageGroup may or may not have happened: .+ It was not sent again; check the current state before you try again\.$/,
          );
          return true;
        },
      );
      assert.deepEqual(
        calls.map((c) => [c.attempt, c.outcome]),
        [[1, wire]],
        'the log says what happened on the wire',
      );
      assert.equal(emulator().stats().byAction.SendLiveMessageGroup, 1);
      emulator().setFaults({});
      // The emulator did the write before the answer was lost (or refused it first, for an error code): sending it
      // again could have doubled it.
      assert.equal((await storedTids(smallGroupId)).includes(msgTid), stored);
    });
  }

  it('a read after the same reset is retried (only writes are not)', async () => {
    emulator().setFaults({ resetRate: 1, actions: ['DescribeLiveMessageGroup'] });
    const { client, calls } = newClient(emulator().url, undefined, { maxAttempts: MAX_ATTEMPTS });
    await assert.rejects(
      client.describeLiveMessageGroup({ AppId: live().appId, GroupId: live().smallGroupId }),
      (error: ApiError) => error.code === 'ECONNRESET',
    );
    assert.equal(calls.length, MAX_ATTEMPTS);
  });

  it('a write refused by throttling before the server acted is retried, and done once', async () => {
    const { appId, pagedGroupId } = live();
    emulator().setFaults({ errorRate: 0.5, errorCodes: ['Throttling.User'], actions: ['SendLiveMessageGroup'] });
    const { client, calls } = newClient(emulator().url, undefined, { maxAttempts: 8 });
    const sent: string[] = [];
    for (let i = 0; i < 8; i++) {
      const msgTid = tid();
      await client.sendLiveMessageGroup({ AppId: appId, GroupId: pagedGroupId, SenderId: 'host1', MsgTid: msgTid });
      sent.push(msgTid);
    }
    assert.ok(
      calls.some((c) => c.attempt > 1),
      'some sends were throttled and sent again',
    );
    assert.ok(calls.filter((c) => c.outcome !== 'ok').every((c) => c.outcome === 'Throttling.User'));
    emulator().setFaults({});
    const stored = await storedTids(pagedGroupId);
    for (const msgTid of sent) assert.equal(stored.filter((t) => t === msgTid).length, 1, msgTid);
  });

  it('a write throttled on every attempt gives up after the bounded attempts with Throttling.User (nothing was done)', async () => {
    emulator().setFaults({ errorRate: 1, errorCodes: ['Throttling.User'], actions: ['KickLiveMessageGroupUser'] });
    const { client, calls } = newClient(emulator().url, undefined, { maxAttempts: MAX_ATTEMPTS });
    await assert.rejects(
      client.kickLiveMessageGroupUser({ AppId: live().appId, GroupId: live().pagedGroupId, KickoffUser: 'u1' }),
      (error: ApiError) => error.code === 'Throttling.User',
    );
    assert.equal(calls.length, MAX_ATTEMPTS);
  });

  it('a write cancelled after it was sent rejects at once with OutcomeUnknown; the request runs on and its outcome is logged', async () => {
    emulator().setFaults({ latencyMs: 1500, actions: ['SendLiveMessageGroup'] });
    const { appId, smallGroupId } = live();
    const { client, calls } = newClient(emulator().url);
    const controller = new AbortController();
    const msgTid = tid();
    const sending = client.sendLiveMessageGroup({ AppId: appId, GroupId: smallGroupId, SenderId: 'host1', MsgTid: msgTid }, { signal: controller.signal });
    await until(() => emulator().stats().byAction.SendLiveMessageGroup === 1);
    controller.abort();
    await assert.rejects(sending, (error: ApiError) => error.code === ClientErrorCode.OutcomeUnknown && /cancelled after it had been sent/.test(error.message));
    assert.equal(calls.length, 0, 'still running');
    await until(() => calls.length === 1);
    assert.equal(calls[0].outcome, 'ok');
    assert.ok((await storedTids(smallGroupId)).includes(msgTid));
  });

  it('a legacy write answered Success: false rejects with NotDone, sent once', async () => {
    const { appId, smallGroupId, userId } = legacy();
    const { client, calls } = newClient(emulator().url);
    // The owner is a member already: joining again is not done.
    await assert.rejects(client.joinMessageGroup({ AppId: appId, GroupId: smallGroupId, UserId: userId }), (error: ApiError) => {
      assert.equal(error.code, ClientErrorCode.NotDone);
      assert.equal(error.status, 200);
      assert.match(error.message, /JoinMessageGroup: the server answered that it was not done \(Success: false\)\./);
      return true;
    });
    assert.deepEqual(
      calls.map((c: CallRecord) => c.outcome),
      [ClientErrorCode.NotDone],
    );
  });

  it('typed methods of both families read back what they wrote', async () => {
    const { client } = newClient(emulator().url);
    const { appId, thousandGroupId } = legacy();
    const members = (await client.listMessageGroupUser({ AppId: appId, GroupId: thousandGroupId, PageNum: 1, PageSize: 3 })).Result.UserList.map(
      (m) => m.UserId,
    );
    assert.equal((await client.muteGroupUser({ AppId: appId, GroupId: thousandGroupId, MuteUserList: members, MuteTime: 600 })).Result.Success, true);
    const muted = (await mutedMemberPager(client, { AppId: appId, GroupId: thousandGroupId }).loadAll()).items.map((m) => m.UserId);
    for (const id of members) assert.ok(muted.includes(id), id);
    const online = await client.batchGetOnlineUsers({ AppId: appId, GroupId: thousandGroupId, UserIds: members });
    assert.deepEqual(
      online.Result.OnlineUsers.map((u) => u.UserId),
      members,
    );

    const lm = live();
    const created = await client.createLiveMessageGroup({ AppId: lm.appId, GroupId: 'typed2026', Administrators: ['admin1'] });
    assert.deepEqual([created.GroupId, created.AlreadyExists, created.AlreadyDelete], ['typed2026', false, false]);
    const disabled = await client.modifyLiveMessageAppDisable({ AppId: lm.appId, Disable: true });
    assert.equal(disabled.Disable, true);
    assert.equal((await client.describeLiveMessageApp({ AppId: lm.appId })).Disable, true);
    await client.modifyLiveMessageAppDisable({ AppId: lm.appId, Disable: false });
    const check = await client.checkLiveMessageUsersOnline({ AppId: lm.appId, UserIds: ['nobody'] });
    assert.deepEqual(check.UserList, [{ UserId: 'nobody', Online: false }]);
  });

  it("the log holds each call's parameters and outcome, never an answer (ModifyLiveMessageAppDisable answers with the AppSign)", async () => {
    const { client, calls } = newClient(emulator().url);
    const answer = await client.modifyLiveMessageAppDisable({ AppId: live().appId, Disable: false });
    assert.ok(answer.AppSign.length > 0);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].params, { AppId: live().appId, Disable: 'false' });
    assert.ok(!JSON.stringify(calls).includes(answer.AppSign));
  });
});
