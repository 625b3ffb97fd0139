// The emulator is strict: raw HTTP requests signed by a small independent signer (below) prove each check,
// and pop-core's RPCClient proves the real SDK gets through, special characters included.
import * as assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import { DEMO_KEY, DISABLED_KEY, RESTRICTED_KEY, STS_KEY, startEmulator, type EmulatorKey, type RunningEmulator } from '../../../src/emulator';
import { computeSignature, percentEncode } from '../../../src/emulator/signature';

import { assertError, assertOk, encodeAll, raw, REQUEST_ID, send, signedParams } from './rawApi';

const EXPIRED_STS_KEY: EmulatorKey = {
  accessKeyId: 'STS.NUEmuExpired8fK2pQ7wZ4cX1',
  accessKeySecret: 'emuExpSecret00bN5mR8tY2uI6oP4a',
  securityToken: 'CAISEmuExpiredTokenQm9vbXNkYXkgaXMgb3Zlcg==',
  tokenExpired: true,
};

// ---------------------------------------------------------------------------------------------

describe('emulator: signature v1 implementation', () => {
  it('reproduces the documented example signature', () => {
    const toSign =
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
      '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26';
    assert.equal(computeSignature('testsecret', toSign), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes UTF-8 keeping only A-Z a-z 0-9 - _ . ~', () => {
    assert.equal(percentEncode('a b*c~d'), 'a%20b%2Ac~d');
    assert.equal(percentEncode("+/=&%!'()"), '%2B%2F%3D%26%25%21%27%28%29');
    assert.equal(percentEncode('ü测🎉'), '%C3%BC%E6%B5%8B%F0%9F%8E%89');
    assert.equal(percentEncode('Az09-_.'), 'Az09-_.');
  });
});

describe('emulator: gateway checks (raw HTTP)', () => {
  let emulator: RunningEmulator;
  let url: string;
  let offsetMs = 0;

  before(async () => {
    emulator = await startEmulator({
      qps: 0,
      keys: [DEMO_KEY, STS_KEY, RESTRICTED_KEY, DISABLED_KEY, EXPIRED_STS_KEY],
      clock: () => Date.now() + offsetMs,
    });
    url = emulator.url;
  });

  after(() => emulator.close());

  afterEach(() => {
    offsetMs = 0;
  });

  it('answers a correctly signed GET and POST with {RequestId, Result}', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const reply = await send(url, { method, params: { PageNum: 1, PageSize: 50 } });
      assertOk(reply);
      assert.match(reply.contentType, /^application\/json/);
      assert.deepEqual(Object.keys(reply.json.Result).sort(), ['AppList', 'HasMore', 'Total']);
      assert.equal(reply.json.Result.Total, emulator.dataset.apps.length);
    }
  });

  for (const name of ['Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']) {
    it(`refuses a request without ${name}: 400 Missing${name}`, async () => {
      assertError(await send(url, { set: { [name]: undefined } }), 400, `Missing${name}`);
    });
  }

  it('refuses a request without Signature: 400 MissingSignature', async () => {
    const reply = await send(url, { tamper: (p) => delete p.Signature });
    assertError(reply, 400, 'MissingSignature');
  });

  it('refuses another Version: 400 InvalidVersion', async () => {
    assertError(await send(url, { set: { Version: '2017-01-01' } }), 400, 'InvalidVersion');
  });

  it('refuses Format other than JSON, and other signature methods/versions: 400 InvalidParameter', async () => {
    assertError(await send(url, { set: { Format: 'XML' } }), 400, 'InvalidParameter', /Format/);
    assertError(await send(url, { set: { SignatureMethod: 'HMAC-SHA256' } }), 400, 'InvalidParameter', /SignatureMethod/);
    assertError(await send(url, { set: { SignatureVersion: '2.0' } }), 400, 'InvalidParameter', /SignatureVersion/);
  });

  for (const bad of ['2026-11-01 00:00:00', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00+08:00', '2026-02-30T00:00:00Z', '1700000000']) {
    it(`refuses Timestamp "${bad}": 400 InvalidTimeStamp.Format`, async () => {
      assertError(await send(url, { set: { Timestamp: bad } }), 400, 'InvalidTimeStamp.Format');
    });
  }

  it('refuses a Timestamp more than 15 minutes from the server clock, either way: InvalidTimeStamp.Expired', async () => {
    offsetMs = 16 * 60 * 1000; // server clock ahead: the request looks old
    assertError(await send(url), 400, 'InvalidTimeStamp.Expired');
    offsetMs = -16 * 60 * 1000; // server clock behind: the request comes from the future
    assertError(await send(url), 400, 'InvalidTimeStamp.Expired');
    offsetMs = 14 * 60 * 1000;
    assertOk(await send(url, { params: { PageNum: 1, PageSize: 1 } }));
  });

  it('refuses an unknown AccessKeyId: 404 InvalidAccessKeyId.NotFound', async () => {
    const key = { accessKeyId: 'LTAI5tNobodyKnowsThis000', accessKeySecret: 'whatever' };
    assertError(await send(url, { key }), 404, 'InvalidAccessKeyId.NotFound');
  });

  it('refuses a disabled key: 403 Forbidden.AccessKeyDisabled', async () => {
    assertError(await send(url, { key: DISABLED_KEY }), 403, 'Forbidden.AccessKeyDisabled');
  });

  it('refuses a wrong secret with the server string to sign in the message: 400 SignatureDoesNotMatch', async () => {
    const reply = await send(url, { secret: 'not-the-secret', params: { PageNum: 1, PageSize: 1 } });
    assertError(reply, 400, 'SignatureDoesNotMatch', /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&/);
    assert.ok(reply.json.Message.includes(`AccessKeyId%3D${DEMO_KEY.accessKeyId}`));
  });

  it('refuses a parameter changed after signing', async () => {
    const reply = await send(url, { params: { PageNum: 1, PageSize: 1 }, tamper: (p) => (p.PageSize = '2') });
    assertError(reply, 400, 'SignatureDoesNotMatch');
  });

  it('signs over its own canonical form: a client encoding space as "+" or ~ as %7E fails', async () => {
    const base = signedParams({ action: 'GetMessageApp', params: { AppId: 'a b~c' } });
    // Sign as a naive client would (space -> "+", ~ -> %7E) and send that form.
    const naive = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/~/g, '%7E');
    const params = { ...base };
    delete params.Signature;
    params.SignatureNonce = randomUUID();
    const canonical = Object.keys(params)
      .sort()
      .map((k) => `${naive(k)}=${naive(params[k])}`)
      .join('&');
    const signature = createHmac('sha1', `${DEMO_KEY.accessKeySecret}&`)
      .update(`GET&%2F&${encodeURIComponent(canonical)}`)
      .digest('base64');
    const reply = await raw(url, 'GET', `/?${canonical}&Signature=${encodeURIComponent(signature)}`);
    assertError(reply, 400, 'SignatureDoesNotMatch');
  });

  it('signs POSTs with method POST (a GET signature on a POST fails)', async () => {
    const params = signedParams({ method: 'GET', params: { PageNum: 1, PageSize: 1 } });
    assertError(await raw(url, 'POST', '/', encodeAll(params)), 400, 'SignatureDoesNotMatch', /server string to sign is:POST&/);
  });

  it('reads a POST body only when it is a form (other content types carry no parameters)', async () => {
    const reply = await send(url, { method: 'POST', contentType: 'text/plain', params: { PageNum: 1, PageSize: 1 } });
    assertError(reply, 400, 'MissingAction');
  });

  it('refuses a parameter given twice and a malformed percent-encoding: 400 InvalidParameter', async () => {
    const params = signedParams({ params: { PageNum: 1, PageSize: 1 } });
    assertError(await raw(url, 'GET', `/?${encodeAll(params)}&PageSize=2`), 400, 'InvalidParameter', /more than once/);
    assertError(await raw(url, 'GET', `/?${encodeAll(params)}&X=%E0%A4%A`), 400, 'InvalidParameter', /percent-encoding/);
  });

  it('answers other paths and methods with 404 InvalidApi.NotFound', async () => {
    const query = encodeAll(signedParams({ params: { PageNum: 1, PageSize: 1 } }));
    assertError(await raw(url, 'GET', `/v2/?${query}`), 404, 'InvalidApi.NotFound');
    assertError(await raw(url, 'DELETE', `/?${query}`), 404, 'InvalidApi.NotFound');
  });

  it('refuses a replayed SignatureNonce for the same key (400 SignatureNonceUsed), not for another key', async () => {
    const nonce = randomUUID();
    assertOk(await send(url, { nonce, params: { PageNum: 1, PageSize: 1 } }));
    assertError(await send(url, { nonce, params: { PageNum: 1, PageSize: 1 } }), 400, 'SignatureNonceUsed');
    assertError(await send(url, { nonce, params: { PageNum: 2, PageSize: 1 }, method: 'POST' }), 400, 'SignatureNonceUsed');
    assertOk(await send(url, { nonce, key: STS_KEY, params: { PageNum: 1, PageSize: 1 } }));
  });

  it('forgets a nonce once its request could no longer pass the Timestamp check', async () => {
    const nonce = randomUUID();
    const start = Date.now();
    assertOk(await send(url, { nonce, now: start, params: { PageNum: 1, PageSize: 1 } }));
    offsetMs = 16 * 60 * 1000;
    assertOk(await send(url, { nonce, now: start + offsetMs, params: { PageNum: 1, PageSize: 1 } }));
  });

  it('does not burn a nonce on a bad signature', async () => {
    const nonce = randomUUID();
    assertError(await send(url, { nonce, secret: 'wrong' }), 400, 'SignatureDoesNotMatch');
    assertOk(await send(url, { nonce, params: { PageNum: 1, PageSize: 1 } }));
  });

  describe('STS', () => {
    it('accepts the right SecurityToken', async () => {
      assertOk(await send(url, { key: STS_KEY, params: { PageNum: 1, PageSize: 1 } }));
    });

    it('requires a SecurityToken for an STS key: 400 MissingSecurityToken', async () => {
      assertError(await send(url, { key: STS_KEY, set: { SecurityToken: undefined } }), 400, 'MissingSecurityToken');
    });

    it('refuses garbage: InvalidSecurityToken.Malformed', async () => {
      assertError(await send(url, { key: STS_KEY, set: { SecurityToken: 'not a token!' } }), 400, 'InvalidSecurityToken.Malformed');
    });

    it("refuses another key's token, and a token sent with a plain AccessKey: InvalidSecurityToken.MismatchWithAccessKey", async () => {
      const other = EXPIRED_STS_KEY.securityToken as string;
      assertError(await send(url, { key: STS_KEY, set: { SecurityToken: other } }), 400, 'InvalidSecurityToken.MismatchWithAccessKey');
      const token = STS_KEY.securityToken as string;
      assertError(await send(url, { set: { SecurityToken: token } }), 400, 'InvalidSecurityToken.MismatchWithAccessKey');
    });

    it('refuses an expired token: InvalidSecurityToken.Expired', async () => {
      assertError(await send(url, { key: EXPIRED_STS_KEY }), 400, 'InvalidSecurityToken.Expired');
    });

    it('puts the SecurityToken in the server string to sign (clients must redact it)', async () => {
      const reply = await send(url, { key: STS_KEY, secret: 'wrong' });
      assertError(reply, 400, 'SignatureDoesNotMatch');
      assert.ok(reply.json.Message.includes(percentEncode(percentEncode(STS_KEY.securityToken as string))));
    });
  });

  it('refuses an unknown action after authentication as the real gateway does: 404 InvalidAction.NotFound', async () => {
    assertError(
      await send(url, { action: 'DescribeMessageApp' }),
      404,
      'InvalidAction.NotFound',
      /^Specified api is not found, please check your url and method\.$/,
    );
    // Authentication comes first: a bad signature on an unknown action is a signature error.
    assertError(await send(url, { action: 'DescribeMessageApp', secret: 'wrong' }), 400, 'SignatureDoesNotMatch');
  });

  it('checks the common parameters before looking up the key', async () => {
    const key = { accessKeyId: 'LTAI5tNobodyKnowsThis000', accessKeySecret: 'x' };
    assertError(await send(url, { key, set: { Timestamp: undefined } }), 400, 'MissingTimestamp');
  });

  it('refuses an action a RAM policy denies: 403 Forbidden.RAM naming live:<Action>', async () => {
    const reply = await send(url, { key: RESTRICTED_KEY, params: { PageNum: 1, PageSize: 1 } });
    assertError(reply, 403, 'Forbidden.RAM', /User not authorized to operate on the specified resource, or this API doesn't support RAM\./);
    assert.ok(reply.json.Message.includes('live:ListMessageApp'));
    const { appId, userId } = emulator.dataset.fixtures;
    assertOk(await send(url, { key: RESTRICTED_KEY, action: 'ListMessageGroup', params: { AppId: appId, UserId: userId, PageNum: 1, PageSize: 1 } }));
  });

  describe('parameters', () => {
    const f = () => emulator.dataset.fixtures;
    const call = (action: string, params: Record<string, string | number>) => send(url, { action, params });

    const pageCases: [string, string, boolean][] = [
      ['PageNum', '0', false],
      ['PageNum', '1', true],
      ['PageNum', '100000', true],
      ['PageNum', '100001', false],
      ['PageNum', '-1', false],
      ['PageSize', '0', false],
      ['PageSize', '1', true],
      ['PageSize', '50', true],
      ['PageSize', '51', false],
      ['PageSize', '1.5', false],
      ['PageSize', 'abc', false],
      ['PageSize', '', false],
      ['PageSize', ' 1', false],
      ['PageSize', '1e1', false],
      ['PageSize', '0x10', false],
      ['SortType', '0', true],
      ['SortType', '1', true],
      ['SortType', '2', false],
      ['SortType', 'desc', false],
    ];
    const actions: [string, () => Record<string, string | number>][] = [
      ['ListMessageApp', () => ({})],
      ['ListMessageGroup', () => ({ AppId: f().appId, UserId: f().manyGroupsUserId })],
      ['ListMessageGroupUser', () => ({ AppId: f().appId, GroupId: f().pagedGroupId })],
      ['ListMessage', () => ({ AppId: f().appId, GroupId: f().bigGroupId })],
    ];
    for (const [action, base] of actions) {
      it(`${action}: PageNum 1-100000, PageSize 1-50, SortType 0|1, integers only`, async () => {
        for (const [name, value, valid] of pageCases) {
          const params = { ...base(), PageNum: 1, PageSize: 20, [name]: value };
          const reply = await call(action, params);
          if (valid) {
            assertOk(reply);
          } else {
            const range = name === 'PageNum' ? /1 to 100000/ : name === 'PageSize' ? /1 to 50/ : /0, 1/;
            assertError(reply, 400, 'InvalidParameter', range);
            assert.ok(reply.json.Message.includes(`"${name}"`), reply.json.Message);
          }
        }
      });
    }

    it('requires PageNum and PageSize where documented (Missing{Name})', async () => {
      assertError(await call('ListMessageApp', { PageSize: 10 }), 400, 'MissingPageNum');
      assertError(await call('ListMessageApp', { PageNum: 1 }), 400, 'MissingPageSize');
      assertError(await call('ListMessageGroup', { AppId: f().appId, UserId: f().userId, PageNum: 1 }), 400, 'MissingPageSize');
      assertError(await call('ListMessage', { AppId: f().appId, GroupId: f().smallGroupId, PageSize: 5 }), 400, 'MissingPageNum');
    });

    it('ListMessageGroup needs AppId and UserId', async () => {
      assertError(await call('ListMessageGroup', { UserId: f().userId, PageNum: 1, PageSize: 10 }), 400, 'MissingAppId');
      assertError(await call('ListMessageGroup', { AppId: f().appId, PageNum: 1, PageSize: 10 }), 400, 'MissingUserId');
      assertError(await call('ListMessageGroup', { AppId: '', UserId: f().userId, PageNum: 1, PageSize: 10 }), 400, 'MissingAppId');
    });

    it('ListMessageGroupUser: AppId and GroupId required, PageNum defaults to 1 and PageSize to 20', async () => {
      assertError(await call('ListMessageGroupUser', { GroupId: f().pagedGroupId }), 400, 'MissingAppId');
      assertError(await call('ListMessageGroupUser', { AppId: f().appId }), 400, 'MissingGroupId');
      const reply = await call('ListMessageGroupUser', { AppId: f().appId, GroupId: f().pagedGroupId });
      assertOk(reply);
      assert.equal(reply.json.Result.UserList.length, 20);
      assert.equal(reply.json.Result.HasMore, true);
    });

    it('GetMessageApp, GetMessageGroup, ListMessageGroupUserById, ListMessage required parameters', async () => {
      assertError(await call('GetMessageApp', {}), 400, 'MissingAppId');
      assertError(await call('GetMessageGroup', { AppId: f().appId }), 400, 'MissingGroupId');
      assertError(await call('ListMessageGroupUserById', { AppId: f().appId, GroupId: f().smallGroupId }), 400, 'MissingUserIdList');
      assertError(await call('ListMessageGroupUserById', { AppId: f().appId, GroupId: f().smallGroupId, UserIdList: ',' }), 400, 'MissingUserIdList');
      assertError(await call('ListMessage', { AppId: f().appId, PageNum: 1, PageSize: 5 }), 400, 'MissingGroupId');
      assertError(
        await call('ListMessage', { AppId: f().appId, GroupId: f().smallGroupId, PageNum: 1, PageSize: 5, Type: 'text' }),
        400,
        'InvalidParameter',
        /Type/,
      );
    });

    it('unknown AppId: 400 InvalidAppId.NotFound; unknown GroupId (or one of another app): 400 InvalidGroupId.NotFound', async () => {
      assertError(await call('GetMessageApp', { AppId: 'NOPE42' }), 400, 'InvalidAppId.NotFound');
      assertError(await call('ListMessageGroup', { AppId: 'NOPE42', UserId: f().userId, PageNum: 1, PageSize: 5 }), 400, 'InvalidAppId.NotFound');
      assertError(await call('ListMessageGroupUser', { AppId: f().appId, GroupId: 'NOPE-NOPE-NOPE' }), 400, 'InvalidGroupId.NotFound');
      assertError(await call('GetMessageGroup', { AppId: f().specialAppId, GroupId: f().smallGroupId }), 400, 'InvalidGroupId.NotFound');
    });

    it('a user without groups is not an error: empty list', async () => {
      for (const userId of [f().noGroupsUserId, 'someone-unknown']) {
        const reply = await call('ListMessageGroup', { AppId: f().appId, UserId: userId, PageNum: 1, PageSize: 50 });
        assertOk(reply);
        assert.deepEqual(reply.json.Result, { GroupList: [], HasMore: false, Total: 0 });
      }
    });
  });

  describe('control surface', () => {
    it('serves stats, dataset and faults, and resets stats', async () => {
      const stats = await raw(url, 'GET', '/__emulator/stats');
      assert.equal(stats.status, 200);
      assert.ok(stats.json.requests > 0);
      assert.deepEqual(Object.keys(stats.json).sort(), ['accepted', 'byAction', 'byCode', 'peakCallsPerSecond', 'requests', 'throttled']);
      const dataset = await raw(url, 'GET', '/__emulator/dataset');
      assert.deepEqual(dataset.json, JSON.parse(JSON.stringify(emulator.dataset)));

      const put = await raw(url, 'PUT', '/__emulator/faults', JSON.stringify({ lyingTotal: 2 }), 'application/json');
      assert.equal(put.status, 200);
      assert.deepEqual((await raw(url, 'GET', '/__emulator/faults')).json, { lyingTotal: 2 });
      const bad = await raw(url, 'PUT', '/__emulator/faults', JSON.stringify({ errorRate: 3 }), 'application/json');
      assert.equal(bad.status, 400);
      assert.match(bad.json.error, /errorRate/);
      await raw(url, 'PUT', '/__emulator/faults', '{}', 'application/json');

      const reset = await raw(url, 'POST', '/__emulator/reset-stats');
      assert.equal(reset.status, 204);
      assert.equal(emulator.stats().requests, 0);
      assert.equal((await raw(url, 'GET', '/__emulator/nothing')).status, 404);
    });
  });
});

describe('emulator: Throttling.User (qps 5, sliding 1000 ms window per AccessKey)', () => {
  let emulator: RunningEmulator;
  let now = Date.UTC(2026, 10, 20, 12, 0, 0);

  before(async () => {
    emulator = await startEmulator({ qps: 5, clock: () => now });
  });

  after(() => emulator.close());

  const list = (key: EmulatorKey = DEMO_KEY) => send(emulator.url, { key, now, params: { PageNum: 1, PageSize: 1 } });

  it('accepts 5 calls, throttles the 6th, and accepts again when the window has slid', async () => {
    const start = now;
    for (let i = 0; i < 3; i++) {
      assertOk(await list());
    }
    now = start + 500;
    for (let i = 0; i < 2; i++) {
      assertOk(await list());
    }
    assertError(await list(), 400, 'Throttling.User', /^Request was denied due to user flow control\.$/);
    // Rejected calls do not count; another key has its own window.
    assertError(await list(), 400, 'Throttling.User');
    assertOk(await list(STS_KEY));
    now = start + 999;
    assertError(await list(), 400, 'Throttling.User');
    now = start + 1000; // the 3 calls at `start` are out of the window, the 2 at start+500 are not
    for (let i = 0; i < 3; i++) {
      assertOk(await list());
    }
    assertError(await list(), 400, 'Throttling.User');
    const stats = emulator.stats();
    assert.equal(stats.throttled, 4);
    assert.equal(stats.accepted, 9);
    assert.equal(stats.byCode['Throttling.User'], 4);
  });

  it('checks authentication before the limit (a bad signature on a full window is a signature error)', async () => {
    now += 5000;
    for (let i = 0; i < 5; i++) {
      assertOk(await list());
    }
    assertError(await send(emulator.url, { now, secret: 'wrong' }), 400, 'SignatureDoesNotMatch');
  });
});

describe('emulator: compatibility with @alicloud/pop-core RPCClient', () => {
  let emulator: RunningEmulator;
  const client = (key: EmulatorKey) =>
    new RPCClient({
      endpoint: emulator.url,
      apiVersion: '2016-11-01',
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
      securityToken: key.securityToken,
    });

  before(async () => {
    emulator = await startEmulator({ qps: 0 });
  });

  after(() => emulator.close());

  for (const key of [DEMO_KEY, STS_KEY]) {
    for (const method of ['GET', 'POST']) {
      it(`${key === STS_KEY ? 'STS' : 'AccessKey'} ${method}: every action, ids with special characters`, async () => {
        const f = emulator.dataset.fixtures;
        const c = client(key);
        const opts = { method, timeout: 5000 };
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        type R = { RequestId: string; Result: any };

        const apps = await c.request<R>('ListMessageApp', { PageNum: 1, PageSize: 50 }, opts);
        assert.ok(apps.Result.AppList.some((a: { AppId: string }) => a.AppId === f.specialAppId));

        const app = await c.request<R>('GetMessageApp', { AppId: f.specialAppId }, opts);
        assert.equal(app.Result.AppId, f.specialAppId);

        const groups = await c.request<R>('ListMessageGroup', { AppId: f.specialAppId, UserId: f.specialUserId, PageNum: 1, PageSize: 50 }, opts);
        assert.ok(groups.Result.GroupList.some((g: { GroupId: string }) => g.GroupId === f.specialGroupId));

        const group = await c.request<R>('GetMessageGroup', { AppId: f.specialAppId, GroupId: f.specialGroupId }, opts);
        assert.equal(group.Result.GroupId, f.specialGroupId);
        assert.equal(group.Result.CreatorId, f.specialUserId);

        const members = await c.request<R>('ListMessageGroupUser', { AppId: f.specialAppId, GroupId: f.specialGroupId, PageNum: 1, PageSize: 50 }, opts);
        const ids = members.Result.UserList.map((u: { UserId: string }) => u.UserId);
        assert.equal(ids.length, f.specialGroupTotal);
        for (const id of [f.specialUserId, ...f.specialMemberIds]) {
          assert.ok(ids.includes(id), id);
        }

        const byId = await c.request<R>(
          'ListMessageGroupUserById',
          { AppId: f.specialAppId, GroupId: f.specialGroupId, UserIdList: [...f.specialMemberIds, 'not-a-member'].join(',') },
          opts,
        );
        assert.deepEqual(
          byId.Result.UserList.map((u: { UserId: string }) => u.UserId),
          f.specialMemberIds,
        );

        const messages = await c.request<R>('ListMessage', { AppId: f.specialAppId, GroupId: f.specialGroupId, PageNum: 1, PageSize: 50 }, opts);
        assert.equal(messages.Result.MessageList.length, emulator.dataset.groups[f.specialGroupId].messages);
      });
    }
  }

  it('pop-core surfaces the error Code, the HTTP status and the RequestId', async () => {
    const c = client(RESTRICTED_KEY);
    await assert.rejects(
      c.request('ListMessageApp', { PageNum: 1, PageSize: 1 }),
      (error: Error & { code: string; data: { RequestId: string }; entry: { response: { statusCode: number } } }) => {
        assert.equal(error.code, 'Forbidden.RAM');
        assert.equal(error.entry.response.statusCode, 403);
        assert.match(error.data.RequestId, REQUEST_ID);
        return true;
      },
    );
  });
});
