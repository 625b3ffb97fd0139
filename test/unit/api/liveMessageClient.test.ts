// The client and the adapter's sources against the emulator: methods, flat bodies, token walks, errors, and the
// client-side limits per action (LiveMessage 50/s, legacy 100/s, each action its own budget).
import * as assert from 'node:assert/strict';
import { type ApiError } from '../../../src/api/errors';
import { liveAppPager, liveGroupByPageSource, liveGroupPager, liveMemberPager, liveMessagePager } from '../../../src/api/liveMessage';
import { Pager } from '../../../src/api/pager';
import { pagerOf, wireParamsOf, type NodeRequest } from '../../../src/api/requests';
import { TokenPager } from '../../../src/api/tokenPager';
import { newClient, recordingProxy, useEmulator } from '../helpers';

describe('client: the LiveMessage family against the emulator', () => {
  const emulator = useEmulator();
  const fixtures = () => emulator().liveMessage.fixtures;
  const appOf = () => emulator().liveMessage.apps.find((app) => app.AppId === fixtures().appId)!;

  it('returns the flat body (RequestId beside the fields, no Result)', async () => {
    const { client } = newClient(emulator().url);
    const body = await client.describeLiveMessageApp({ AppId: fixtures().appId });
    assert.equal(body.AppId, fixtures().appId);
    assert.equal(typeof body.RequestId, 'string');
    assert.equal(typeof body.Disable, 'boolean');
    assert.ok(!('Result' in body));
  });

  it('sends LiveMessage actions with POST and ListLiveMessageGroupByPage with GET, legacy actions with the configured method', async () => {
    const proxy = await recordingProxy(emulator().url);
    try {
      const { client } = newClient(proxy.url); // legacy method: GET (the default)
      await client.describeLiveMessageApp({ AppId: fixtures().appId });
      await client.listLiveMessageGroupByPage({ AppId: fixtures().appId, SortType: 1 });
      await client.listMessageApp({ PageNum: 1, PageSize: 1 });
      const [post, get, legacy] = proxy.seen;
      assert.match(post, /^\/\n.*Action=DescribeLiveMessageApp/s, 'parameters in the POST body');
      assert.match(get, /^\/\?.*Action=ListLiveMessageGroupByPage.*\n$/s, 'parameters in the URL');
      assert.match(legacy, /^\/\?.*Action=ListMessageApp/s);
      assert.equal(client.methodOf('DescribeLiveMessageApp'), 'POST');
      assert.equal(client.methodOf('ListLiveMessageGroupByPage'), 'GET');
      assert.equal(newClient(proxy.url, undefined, { method: 'POST' }).client.methodOf('ListMessageApp'), 'POST');
    } finally {
      await proxy.close();
    }
  });

  it('token sources walk every list once, callers see hasMore / nextToken only', async () => {
    const { client } = newClient(emulator().url);
    for (const dataCenter of ['cn-shanghai', 'ap-southeast-1'] as const) {
      const apps = await liveAppPager(client, { SortType: 1, DataCenter: dataCenter }).loadAll();
      assert.equal(apps.items.length, emulator().liveMessage.apps.filter((app) => app.DataCenter === dataCenter).length, dataCenter);
      assert.ok(apps.pagesFetched > 1, 'a token walk');
      assert.equal(apps.stoppedBecause, 'no-more-pages');
    }

    const walk = liveGroupPager(client, { AppId: fixtures().appId, SortType: 2 }).pages();
    const first = (await walk.next()).value!;
    assert.deepEqual(Object.keys(first).sort(), ['duplicatesDropped', 'hasMore', 'items', 'nextToken', 'pageIndex', 'requestId', 'token']);
    assert.equal(typeof first.nextToken, 'string');
    await walk.return();
    const groups = await liveGroupPager(client, { AppId: fixtures().appId, SortType: 1 }).loadAll();
    assert.equal(groups.items.length, appOf().groups.length);
    assert.ok(groups.items.every((group) => Array.isArray(group.AdminList)));

    const members = await liveMemberPager(client, { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId, SortType: 1 }, 50).loadAll();
    assert.equal(members.items.length, 123);
    assert.equal(members.pagesFetched, 3);
    const messages = await liveMessagePager(client, { AppId: fixtures().appId, GroupId: fixtures().messagesGroupId, SortType: 2, MsgType: 1 }, 10).loadAll();
    assert.ok(messages.items.length > 10 && messages.items.every((m) => m.MsgType === 1));
  });

  it('ListLiveMessageGroupByPage runs under the page-number pager', async () => {
    const { client } = newClient(emulator().url);
    const result = await new Pager(liveGroupByPageSource(client, { AppId: fixtures().appId, SortType: 1 }), 20).loadAll();
    assert.equal(result.items.length, appOf().groups.length);
    assert.equal(result.total, appOf().groups.length);
  });

  it('a repeating server token ends the walk with repeated-token', async () => {
    emulator().setFaults({ repeatToken: true });
    const { client } = newClient(emulator().url);
    const result = await liveGroupPager(client, { AppId: fixtures().appId, SortType: 1 }).loadAll();
    assert.equal(result.stoppedBecause, 'repeated-token');
    assert.equal(result.pagesFetched, 2);
  });

  it('errors of the family: a super group member list, an app in another data center', async () => {
    const { client } = newClient(emulator().url);
    await assert.rejects(
      liveMemberPager(client, { AppId: fixtures().appId, GroupId: fixtures().superGroupId, SortType: 1 }).loadAll(),
      (error: ApiError) => error.code === 'InputInvalid' && error.status === 400 && !error.retryable,
    );
    await assert.rejects(
      client.describeLiveMessageApp({ AppId: fixtures().singaporeAppId }),
      (error: ApiError) => error.code === 'ResourceNotExist' && error.status === 404,
    );
    const body = await client.describeLiveMessageApp({ AppId: fixtures().singaporeAppId, DataCenter: 'ap-southeast-1' });
    assert.equal(body.DataCenter, 'ap-southeast-1');
  });

  it('limits per action: LiveMessage at 50/s, legacy at 100/s, a lower configured rate caps both', () => {
    const { client } = newClient(emulator().url);
    assert.equal(client.callsPerSecondOf('ListLiveMessageGroupUsers'), 50);
    assert.equal(client.callsPerSecondOf('ListMessageGroupUser'), 100);
    const slow = newClient(emulator().url, undefined, { callsPerSecond: 20 }).client;
    assert.equal(slow.callsPerSecondOf('ListLiveMessageGroupUsers'), 20);
    assert.equal(slow.callsPerSecondOf('ListMessageGroupUser'), 20);
  });

  it('runs a LiveMessage action at 50 calls per second, and another action in parallel on its own budget, unthrottled', async () => {
    const { client } = newClient(emulator().url);
    const started = performance.now();
    const doneAt = (promise: Promise<unknown>) => promise.then(() => performance.now() - started);
    // Two actions no other test here calls, so that both budgets start empty.
    const group = { AppId: fixtures().appId, GroupId: fixtures().smallGroupId };
    const bandCalls = Array.from({ length: 55 }, () => doneAt(client.describeLiveMessageGroupBand(group)));
    const checkCalls = Array.from({ length: 50 }, () => doneAt(client.checkLiveMessageUsersInGroup({ ...group, UserIds: ['someone'] })));
    const appTimes = (await Promise.all(bandCalls)).sort((a, b) => a - b);
    const groupTimes = await Promise.all(checkCalls);
    assert.ok(appTimes[49] < 900, `the first 50 took ${appTimes[49]} ms`);
    assert.ok(appTimes[50] >= 1000, `the 51st came back after ${appTimes[50]} ms, inside the first second`);
    assert.ok(Math.max(...groupTimes) < 900, `the other action waited: ${Math.max(...groupTimes)} ms`);
    assert.equal(emulator().stats().throttled, 0);
  });

  it('node requests: pagerOf runs a LiveMessage list by tokens (a page size under 10 raised to 10), wireParamsOf gives what is sent', async () => {
    const { client, calls } = newClient(emulator().url);
    const request = { action: 'ListLiveMessageGroupUsers', params: { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId, SortType: 2 } } as const;
    const pager = pagerOf(client, request, 5);
    assert.ok(pager instanceof TokenPager, 'a token list');
    const result = await pager.loadAll();
    assert.equal(result.items.length, 123);
    assert.equal(calls[0].params.PageSize, '10');
    assert.deepEqual(wireParamsOf(request, 5), { AppId: fixtures().appId, GroupId: fixtures().pagedGroupId, PageSize: '10', SortType: '2' });
    const check: NodeRequest = { action: 'CheckLiveMessageUsersInGroup', params: { AppId: 'a', GroupId: 'g', UserIds: ['u1', 'u2'] } };
    assert.deepEqual(wireParamsOf(check, 50), { AppId: 'a', GroupId: 'g', UserIds: 'u1,u2' });
    const groups = pagerOf(client, { action: 'ListLiveMessageGroups', params: { AppId: fixtures().appId, SortType: 1, GroupStatus: 2 } }, 50);
    assert.ok(groups instanceof TokenPager);
    const all = await groups.loadAll();
    assert.ok(all.items.length > 0 && all.items.every((group) => group.Delete));
  });

  it('node requests of the legacy family: pagerOf pages by number, wireParamsOf adds the first page', async () => {
    const { client } = newClient(emulator().url);
    const request = { action: 'ListMessageGroupUser', params: { AppId: 'a', GroupId: 'g', SortType: 1 } } as const;
    assert.ok(pagerOf(client, request, 20) instanceof Pager, 'a page-number list');
    assert.deepEqual(wireParamsOf(request, 20), { AppId: 'a', GroupId: 'g', SortType: '1', PageNum: '1', PageSize: '20' });
    assert.deepEqual(wireParamsOf({ action: 'ListMessageGroupUserById', params: { AppId: 'a', GroupId: 'g', UserIdList: ['u1', 'u2'] } }, 20), {
      AppId: 'a',
      GroupId: 'g',
      UserIdList: 'u1,u2',
    });
  });
});
