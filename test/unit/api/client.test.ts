import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { InteractiveMessagesClient, normalizeEndpoint } from '../../../src/api/client';
import { type ApiError, ClientErrorCode } from '../../../src/api/errors';
import { DEMO_KEY, DISABLED_KEY, RESTRICTED_KEY, STS_KEY, startEmulator } from '../../../src/emulator';
import { closedPort, expectCode, newClient, rawServer, useEmulator } from '../helpers';

describe('client: calls against the emulator', function () {
  const emulator = useEmulator();

  for (const method of ['GET', 'POST'] as const) {
    it(`${method}: every call returns RequestId and the whole typed Result`, async () => {
      const { client, calls } = newClient(emulator().url, DEMO_KEY, { method });
      const { appId, userId, pagedGroupId, bigGroupId } = emulator().dataset.fixtures;

      const apps = await client.listMessageApp({ PageNum: 1, PageSize: 50 });
      assert.match(apps.RequestId, /\S/);
      assert.equal(apps.Result.Total, emulator().dataset.apps.length);
      assert.equal(apps.Result.HasMore, false);
      const app = apps.Result.AppList.find((a) => a.AppId === appId)!;
      assert.equal(typeof app.AppName, 'string');
      assert.equal(typeof app.CreateTime, 'number');
      assert.equal(Object.getPrototypeOf(app.Extension), Object.prototype, 'plain objects, not null-prototype');
      assert.equal(typeof app.AppConfig, 'object');

      const gotApp = await client.getMessageApp({ AppId: appId });
      assert.deepEqual(gotApp.Result, app);

      const groups = await client.listMessageGroup({ AppId: appId, UserId: userId, PageNum: 1, PageSize: 50 });
      assert.ok(groups.Result.GroupList.some((g) => g.GroupId === pagedGroupId));
      const group = groups.Result.GroupList[0];
      assert.deepEqual(Object.keys(group).sort(), ['AppId', 'CreateTime', 'CreatorId', 'Extension', 'GroupId', 'Status']);

      const gotGroup = await client.getMessageGroup({ AppId: appId, GroupId: pagedGroupId });
      assert.equal(typeof gotGroup.Result.IsMuteAll, 'boolean');

      const members = await client.listMessageGroupUser({ AppId: appId, GroupId: pagedGroupId, PageNum: 3, PageSize: 50, SortType: 1 });
      assert.equal(members.Result.Total, 123);
      assert.equal(members.Result.UserList.length, 23);
      assert.equal(members.Result.HasMore, false);

      const ids = members.Result.UserList.slice(0, 3).map((m) => m.UserId);
      const details = await client.listMessageGroupUserById({ AppId: appId, GroupId: pagedGroupId, UserIdList: ids });
      assert.deepEqual(details.Result.UserList.map((u) => u.UserId).sort(), [...ids].sort());
      assert.ok(Array.isArray(details.Result.UserList[0].MuteBy));

      const messages = await client.listMessage({ AppId: appId, GroupId: bigGroupId, PageNum: 1, PageSize: 50 });
      assert.equal(messages.Result.MessageList.length, 50);
      assert.equal(messages.Result.HasMore, true);
      const type = messages.Result.MessageList[0].Type;
      const ofType = await client.listMessage({ AppId: appId, GroupId: bigGroupId, PageNum: 1, PageSize: 50, Type: type });
      assert.ok(ofType.Result.MessageList.length > 0 && ofType.Result.MessageList.every((m) => m.Type === type));

      assert.equal(calls.length, 8);
      assert.ok(calls.every((c) => c.outcome === 'ok' && c.attempt === 1 && c.status === 200 && typeof c.requestId === 'string'));
      assert.deepEqual(calls[4].params, { AppId: appId, GroupId: pagedGroupId, PageNum: '3', PageSize: '50', SortType: '1' });
      assert.equal(calls[5].params.UserIdList, ids.join(','));
      for (const call of calls) {
        for (const name of ['AccessKeyId', 'Signature', 'SecurityToken', 'SignatureNonce', 'Timestamp', 'Action']) assert.ok(!(name in call.params));
      }
      assert.equal(emulator().stats().throttled, 0);
    });

    it(`${method}: ids with spaces, unicode, * ~ / + = & % ' ( ) round-trip with valid signatures (plain and STS key)`, async () => {
      const { specialAppId, specialUserId, specialGroupId, specialMemberIds } = emulator().dataset.fixtures;
      for (const key of [DEMO_KEY, STS_KEY]) {
        const { client } = newClient(emulator().url, key, { method });
        assert.equal((await client.getMessageApp({ AppId: specialAppId })).Result.AppId, specialAppId);
        const groups = await client.listMessageGroup({ AppId: specialAppId, UserId: specialUserId, PageNum: 1, PageSize: 10 });
        assert.ok(groups.Result.GroupList.some((g) => g.GroupId === specialGroupId));
        assert.equal((await client.getMessageGroup({ AppId: specialAppId, GroupId: specialGroupId })).Result.GroupId, specialGroupId);
        const members = await client.listMessageGroupUser({ AppId: specialAppId, GroupId: specialGroupId, PageNum: 1, PageSize: 50 });
        const memberIds = members.Result.UserList.map((m) => m.UserId);
        for (const id of [specialUserId, ...specialMemberIds]) assert.ok(memberIds.includes(id), `${id} missing`);
        const details = await client.listMessageGroupUserById({ AppId: specialAppId, GroupId: specialGroupId, UserIdList: specialMemberIds });
        assert.deepEqual(details.Result.UserList.map((u) => u.UserId).sort(), [...specialMemberIds].sort());
      }
      assert.equal(emulator().stats().byCode.SignatureDoesNotMatch, undefined);
    });
  }

  it('wrong secret -> SignatureDoesNotMatch, "the AccessKey secret is wrong", not retried', async () => {
    const { client, calls } = newClient(emulator().url, { ...DEMO_KEY, accessKeySecret: 'not-the-secret' });
    await assert.rejects(
      client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('SignatureDoesNotMatch', (e) => {
        assert.match(e.message, /AccessKey secret is wrong/);
        assert.equal(e.status, 400);
        assert.match(e.requestId ?? '', /\S/);
        assert.equal(e.retryable, false);
      }),
    );
    assert.equal(calls.length, 1);
    assert.equal(calls[0].outcome, 'SignatureDoesNotMatch');
  });

  it('unknown key -> InvalidAccessKeyId.NotFound; disabled key -> Forbidden.AccessKeyDisabled', async () => {
    await assert.rejects(
      newClient(emulator().url, { accessKeyId: 'LTAI5tNobodyKnowsThis01', accessKeySecret: 'x'.repeat(30) }).client.listMessageApp({
        PageNum: 1,
        PageSize: 10,
      }),
      expectCode('InvalidAccessKeyId.NotFound', (e) => assert.match(e.message, /AccessKey ID is unknown/)),
    );
    await assert.rejects(
      newClient(emulator().url, DISABLED_KEY).client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('Forbidden.AccessKeyDisabled', (e) => assert.match(e.message, /AccessKey is disabled/)),
    );
  });

  it('Forbidden.RAM names the missing permission `live:<Action>`; allowed actions still work', async () => {
    const { client } = newClient(emulator().url, RESTRICTED_KEY);
    await assert.rejects(
      client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('Forbidden.RAM', (e) => {
        assert.match(e.message, /lacks `live:ListMessageApp`/);
        assert.equal(e.status, 403);
        assert.equal(e.action, 'ListMessageApp');
      }),
    );
    const { appId } = emulator().dataset.fixtures;
    assert.equal((await client.getMessageApp({ AppId: appId })).Result.AppId, appId);
  });

  it('STS problems: missing token, wrong token, malformed token', async () => {
    const base = { accessKeyId: STS_KEY.accessKeyId, accessKeySecret: STS_KEY.accessKeySecret };
    await assert.rejects(
      newClient(emulator().url, base).client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('MissingSecurityToken', (e) => assert.match(e.message, /needs its security token/)),
    );
    await assert.rejects(
      newClient(emulator().url, { ...base, securityToken: 'CAISsomeOtherTokenValue0123456789' }).client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('InvalidSecurityToken.MismatchWithAccessKey', (e) => assert.match(e.message, /does not belong/)),
    );
    await assert.rejects(
      newClient(emulator().url, { ...base, securityToken: 'short!' }).client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('InvalidSecurityToken.Malformed', (e) => assert.match(e.message, /malformed/)),
    );
  });

  it('an expired STS token -> InvalidSecurityToken.Expired', async () => {
    const expired = { ...STS_KEY, accessKeyId: 'STS.ExpiredEmuKey01', tokenExpired: true };
    const server = await startEmulator({ keys: [expired] });
    try {
      await assert.rejects(
        newClient(server.url, expired).client.listMessageApp({ PageNum: 1, PageSize: 10 }),
        expectCode('InvalidSecurityToken.Expired', (e) => assert.match(e.message, /has expired/)),
      );
    } finally {
      await server.close();
    }
  });

  it('a clock 20 minutes off -> InvalidTimeStamp.Expired, "the computer\'s clock is off", not retried', async () => {
    const server = await startEmulator({ clock: () => Date.now() + 20 * 60_000 });
    try {
      const { client, calls } = newClient(server.url);
      await assert.rejects(
        client.listMessageApp({ PageNum: 1, PageSize: 10 }),
        expectCode('InvalidTimeStamp.Expired', (e) => assert.match(e.message, /clock is off/)),
      );
      assert.equal(calls.length, 1);
    } finally {
      await server.close();
    }
  });

  it('a replayed nonce (SignatureNonceUsed from the server) is retried with a fresh nonce and succeeds', async () => {
    // pop-core takes its nonce from kitx.makeNonce(); make the second request reuse the first one's nonce.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kitx = require('kitx') as { makeNonce(): string };
    const original = kitx.makeNonce;
    const nonces: string[] = [];
    kitx.makeNonce = () => {
      const nonce = nonces.length === 1 ? nonces[0] : original();
      nonces.push(nonce);
      return nonce;
    };
    try {
      const { client, calls } = newClient(emulator().url);
      await client.listMessageApp({ PageNum: 1, PageSize: 10 });
      const second = await client.listMessageApp({ PageNum: 1, PageSize: 10 });
      assert.equal(second.Result.Total, emulator().dataset.apps.length);
      assert.deepEqual(
        calls.map((c) => `${c.attempt}:${c.outcome}`),
        ['1:ok', '1:SignatureNonceUsed', '2:ok'],
      );
      assert.equal(nonces[0], nonces[1]);
      assert.notEqual(nonces[2], nonces[1]);
      assert.equal(emulator().stats().byCode.SignatureNonceUsed, 1);
    } finally {
      kitx.makeNonce = original;
    }
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, calls } = newClient(emulator().url);
    await assert.rejects(client.listMessageApp({ PageNum: 1, PageSize: 10 }, { signal: AbortSignal.abort() }), expectCode(ClientErrorCode.Cancelled));
    assert.equal(calls.length, 0);
    assert.equal(emulator().stats().requests, 0);
  });

  it('aborting an in-flight call ends it at once with Cancelled', async () => {
    emulator().setFaults({ latencyMs: 2000 });
    const { client, calls } = newClient(emulator().url);
    const controller = new AbortController();
    const t0 = performance.now();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(client.listMessageApp({ PageNum: 1, PageSize: 10 }, { signal: controller.signal }), expectCode(ClientErrorCode.Cancelled));
    assert.ok(performance.now() - t0 < 500);
    assert.deepEqual(
      calls.map((c) => c.outcome),
      ['Cancelled'],
    );
  });

  it('a hung call times out per attempt and fails after the bounded attempts with RequestTimeout', async () => {
    emulator().setFaults({ hangRate: 1 });
    const { client, calls } = newClient(emulator().url, DEMO_KEY, { timeoutMs: 200, maxAttempts: 2 });
    const t0 = performance.now();
    await assert.rejects(
      client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode(ClientErrorCode.RequestTimeout, (e) => assert.match(e.message, /within 200 ms/)),
    );
    assert.ok(performance.now() - t0 < 1500);
    assert.deepEqual(
      calls.map((c) => `${c.attempt}:${c.outcome}`),
      ['1:RequestTimeout', '2:RequestTimeout'],
    );
    assert.ok(calls.every((c) => c.durationMs >= 190 && c.durationMs < 600));
  });

  it('connection refused -> ECONNREFUSED, clear message, not retried', async () => {
    const port = await closedPort();
    const { client, calls } = newClient(`http://127.0.0.1:${port}`);
    await assert.rejects(
      client.listMessageApp({ PageNum: 1, PageSize: 10 }),
      expectCode('ECONNREFUSED', (e) => assert.match(e.message, new RegExp(`Could not connect to http://127.0.0.1:${port}: the connection was refused`))),
    );
    assert.equal(calls.length, 1);
  });

  it('an onCall hook that throws does not break the call', async () => {
    const { client } = newClient(emulator().url, DEMO_KEY, {
      onCall: () => {
        throw new Error('logger broke');
      },
    });
    assert.ok((await client.listMessageApp({ PageNum: 1, PageSize: 10 })).Result);
  });

  it('the client object does not show its credentials', () => {
    const { client } = newClient(emulator().url, STS_KEY);
    const shown = inspect(client, { showHidden: true, depth: 10 }) + JSON.stringify(client);
    for (const secret of [STS_KEY.accessKeyId, STS_KEY.accessKeySecret, STS_KEY.securityToken!]) assert.ok(!shown.includes(secret));
  });
});

describe('client: options', () => {
  const key = { accessKeyId: 'LTAIoptions', accessKeySecret: 'secret-options' };

  it('accepts https anywhere and http only on loopback; normalizes to the origin', () => {
    assert.equal(normalizeEndpoint('https://live.aliyuncs.com/'), 'https://live.aliyuncs.com');
    assert.equal(normalizeEndpoint('https://live.ap-southeast-1.aliyuncs.com:443'), 'https://live.ap-southeast-1.aliyuncs.com');
    assert.equal(normalizeEndpoint('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(normalizeEndpoint('http://127.9.8.7'), 'http://127.9.8.7');
    assert.equal(normalizeEndpoint('http://localhost:1'), 'http://localhost:1');
    assert.equal(normalizeEndpoint('http://[::1]:9'), 'http://[::1]:9');
    assert.equal(new InteractiveMessagesClient(key).endpoint, 'https://live.aliyuncs.com');
  });

  for (const [endpoint, phrase] of [
    ['http://live.aliyuncs.com', /plain http, which is allowed only for this computer/],
    ['http://10.0.0.1:80', /plain http/],
    ['http://127.0.0.1.evil.com', /plain http/],
    ['https://user:pass@live.aliyuncs.com', /must not contain a user name or password/],
    ['https://live.aliyuncs.com/api', /without a path, query or fragment/],
    ['https://live.aliyuncs.com/?AccessKeyId=x', /without a path, query or fragment/],
    ['https://live.aliyuncs.com#x', /without a path, query or fragment/],
    ['ftp://live.aliyuncs.com', /must start with https:\/\//],
    ['live.aliyuncs.com', /is not a URL/],
  ] as const) {
    it(`rejects the endpoint ${endpoint}`, () => {
      assert.throws(
        () => new InteractiveMessagesClient({ ...key, endpoint }),
        (e: ApiError) => {
          assert.equal(e.code, ClientErrorCode.InvalidConfiguration);
          assert.match(e.message, phrase);
          assert.ok(!e.message.includes('user:pass'));
          return true;
        },
      );
    });
  }

  it('rejects missing credentials, a lowercase method and nonsense numbers', () => {
    assert.throws(() => new InteractiveMessagesClient({ ...key, accessKeyId: '' }), /AccessKey ID is missing/);
    assert.throws(() => new InteractiveMessagesClient({ ...key, accessKeySecret: ' ' }), /AccessKey secret is missing/);
    assert.throws(() => new InteractiveMessagesClient({ ...key, method: 'post' as 'POST' }), /method must be 'GET' or 'POST'/);
    assert.throws(() => new InteractiveMessagesClient({ ...key, timeoutMs: 0 }), /timeoutMs must be an integer/);
    assert.throws(() => new InteractiveMessagesClient({ ...key, callsPerSecond: 2.5 }), /callsPerSecond must be an integer/);
    assert.throws(() => new InteractiveMessagesClient({ ...key, maxAttempts: 0 }), /maxAttempts must be an integer/);
  });
});

describe('client: answers the emulator cannot give (raw servers)', () => {
  const key = { accessKeyId: 'LTAIrawserver', accessKeySecret: 'raw-secret' };

  it('numbers beyond 2^53 become exact decimal strings; 16-digit safe integers stay numbers', async () => {
    const server = await rawServer(() => ({
      status: 200,
      body: '{"RequestId":"R1","Result":{"AppId":"a","AppName":"n","CreateTime":12345678901234567890,"Status":1234567890123456,"AppConfig":{},"Extension":{"k":"v"}}}',
    }));
    try {
      const { client } = newClient(server.url, key);
      const { Result } = await client.getMessageApp({ AppId: 'a' });
      assert.equal(Result.CreateTime as unknown, '12345678901234567890');
      assert.equal(Result.Status, 1234567890123456);
      assert.deepEqual(Result.Extension, { k: 'v' });
    } finally {
      await server.close();
    }
  });

  it('a 5xx with a JSON body without Code is an error (pop-core returns it as success), retried, then HttpError', async () => {
    const server = await rawServer(() => ({ status: 503, body: '{"RequestId":"R5","Result":{"AppList":[],"HasMore":false,"Total":0}}' }));
    try {
      const { client, calls } = newClient(server.url, key);
      await assert.rejects(
        client.listMessageApp({ PageNum: 1, PageSize: 10 }),
        expectCode(ClientErrorCode.HttpError, (e) => {
          assert.equal(e.status, 503);
          assert.equal(e.retryable, true);
        }),
      );
      assert.equal(server.requests, 4);
      assert.deepEqual(
        calls.map((c) => c.status),
        [503, 503, 503, 503],
      );
    } finally {
      await server.close();
    }
  });

  for (const [name, body, problem] of [
    ['Result missing', '{"RequestId":"R"}', /Result is missing/],
    ['list not an array', '{"RequestId":"R","Result":{"AppList":{},"HasMore":false,"Total":0}}', /Result\.AppList is not an array/],
    ['item without its id', '{"RequestId":"R","Result":{"AppList":[{"AppName":"x"}],"HasMore":false,"Total":1}}', /Result\.AppList\[0\]\.AppId/],
    ['HasMore not a boolean', '{"RequestId":"R","Result":{"AppList":[],"HasMore":"false","Total":0}}', /HasMore is not a boolean/],
    ['Total not a number', '{"RequestId":"R","Result":{"AppList":[],"HasMore":false,"Total":"3"}}', /Total is not a number/],
    ['a JSON array', '[1,2]', /not a JSON object/],
  ] as const) {
    it(`InvalidResponse: ${name} (not retried)`, async () => {
      const server = await rawServer(() => ({ status: 200, body }));
      try {
        const { client } = newClient(server.url, key);
        await assert.rejects(
          client.listMessageApp({ PageNum: 1, PageSize: 10 }),
          expectCode(ClientErrorCode.InvalidResponse, (e) => assert.match(e.message, problem)),
        );
        assert.equal(server.requests, 1);
      } finally {
        await server.close();
      }
    });
  }

  it('a garbage body is MalformedResponse: "not the API\'s JSON"', async () => {
    const server = await rawServer(() => ({ status: 200, body: 'Service temporarily moved', contentType: 'text/plain' }));
    try {
      const { client } = newClient(server.url, key, { maxAttempts: 2 });
      await assert.rejects(
        client.listMessageApp({ PageNum: 1, PageSize: 10 }),
        expectCode(ClientErrorCode.MalformedResponse, (e) => assert.match(e.message, /not the API's JSON \(text that is not valid JSON\)/)),
      );
      assert.equal(server.requests, 2);
    } finally {
      await server.close();
    }
  });
});
