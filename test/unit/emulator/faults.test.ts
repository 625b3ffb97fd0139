// Fault injection: each kind, its reproducibility, the actions filter, throughput with latency, and close().
import * as assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import { DEMO_KEY, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';

const pct = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** A signed GET query for DEMO_KEY (test-local signer). */
function signedQuery(action: string, extra: Record<string, string | number>): string {
  const params: Record<string, string> = {
    Action: action,
    Version: '2016-11-01',
    Format: 'JSON',
    AccessKeyId: DEMO_KEY.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  for (const [k, v] of Object.entries(extra)) {
    params[k] = String(v);
  }
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k])}`)
    .join('&');
  const signature = createHmac('sha1', `${DEMO_KEY.accessKeySecret}&`)
    .update(`GET&%2F&${pct(canonical)}`)
    .digest('base64');
  return `${canonical}&Signature=${pct(signature)}`;
}

interface RawReply {
  status: number;
  contentType: string;
  text: string;
}

function rawGet(url: string, query: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/?${query}`, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

type PopError = Error & { code?: string; entry?: { response: { statusCode: number } }; data?: Record<string, string> };

async function outcome(promise: Promise<unknown>): Promise<PopError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as PopError;
  }
}

async function withEmulator(options: EmulatorOptions, body: (emulator: RunningEmulator) => Promise<void>): Promise<void> {
  const emulator = await startEmulator({ qps: 0, ...options });
  try {
    await body(emulator);
  } finally {
    await emulator.close();
  }
}

describe('emulator: fault injection', () => {
  let emulator: RunningEmulator;
  let client: RPCClient;
  const listApps = (timeout = 3000) => client.request('ListMessageApp', { PageNum: 1, PageSize: 1 }, { timeout });

  before(async () => {
    emulator = await startEmulator({ qps: 0 });
    client = new RPCClient({ endpoint: emulator.url, apiVersion: '2016-11-01', ...DEMO_KEY });
  });

  afterEach(() => emulator.setFaults({}));

  after(() => emulator.close());

  it('latency: fixed, and uniform within a range', async () => {
    emulator.setFaults({ latencyMs: 60 });
    let start = Date.now();
    await listApps();
    assert.ok(Date.now() - start >= 55, `answered after ${Date.now() - start} ms`);

    emulator.setFaults({ latencyMs: { min: 20, max: 40 } });
    for (let i = 0; i < 5; i++) {
      start = Date.now();
      await listApps();
      const elapsed = Date.now() - start;
      assert.ok(elapsed >= 18 && elapsed < 200, `answered after ${elapsed} ms`);
    }
  });

  it('errorRate with chosen codes: each code with its HTTP status and the error body; not counted as real throttling', async () => {
    emulator.resetStats();
    emulator.setFaults({ errorRate: 1, errorCodes: ['Throttling.User', 'InternalError', 'ServiceUnavailable', 'Throttling.Api'] });
    const seen = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const error = await outcome(listApps());
      assert.ok(error?.code, 'every call fails');
      seen.set(error.code, error.entry?.response.statusCode ?? 0);
      assert.deepEqual(Object.keys(error.data ?? {}), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    }
    assert.deepEqual(Object.fromEntries([...seen].sort()), { InternalError: 500, ServiceUnavailable: 503, 'Throttling.Api': 400, 'Throttling.User': 400 });
    const stats = emulator.stats();
    assert.equal(stats.throttled, 0);
    assert.equal(stats.accepted, 40);
    assert.ok((stats.byCode.InternalError ?? 0) > 0);
  });

  it('decisions come from a seeded PRNG: the same faults give the same sequence', async () => {
    const pattern = async () => {
      emulator.setFaults({ errorRate: 0.3 });
      const marks: string[] = [];
      for (let i = 0; i < 30; i++) {
        marks.push((await outcome(listApps()))?.code ?? 'ok');
      }
      return marks;
    };
    const first = await pattern();
    const second = await pattern();
    assert.deepEqual(second, first);
    const failures = first.filter((m) => m !== 'ok').length;
    assert.ok(failures >= 3 && failures <= 20, `${failures} failures out of 30`);
    assert.ok(first.every((m) => m === 'ok' || m === 'InternalError' || m === 'ServiceUnavailable'));
  });

  it('html502Rate: an HTML 502 page, which pop-core cannot parse', async () => {
    emulator.setFaults({ html502Rate: 1 });
    const reply = await rawGet(emulator.url, signedQuery('ListMessageApp', { PageNum: 1, PageSize: 1 }));
    assert.equal(reply.status, 502);
    assert.match(reply.contentType, /^text\/html/);
    assert.match(reply.text, /<title>502 Bad Gateway<\/title>/);
    const error = await outcome(listApps());
    assert.equal(error?.name, 'SyntaxError');
  });

  it('malformedJsonRate: HTTP 200 with a truncated JSON body', async () => {
    emulator.setFaults({ malformedJsonRate: 1 });
    const reply = await rawGet(emulator.url, signedQuery('ListMessageApp', { PageNum: 1, PageSize: 50 }));
    assert.equal(reply.status, 200);
    assert.match(reply.text, /^\{"RequestId":"[0-9A-F-]{36}","Result":\{/);
    assert.throws(() => JSON.parse(reply.text), SyntaxError);
    assert.equal((await outcome(listApps()))?.name, 'SyntaxError');
  });

  it('resetRate: the connection is destroyed without an answer', async () => {
    emulator.setFaults({ resetRate: 1 });
    const error = await outcome(listApps());
    assert.ok(error);
    assert.match(`${error.code} ${error.message}`, /ECONNRESET|socket hang up/);
  });

  it('lyingHasMore and lyingTotal', async () => {
    const f = emulator.dataset.fixtures;
    const params = { AppId: f.appId, GroupId: f.smallGroupId, PageNum: 1, PageSize: 50 };
    emulator.setFaults({ lyingHasMore: true, lyingTotal: 3 });
    const lying = await client.request<{ Result: { HasMore: boolean; Total: number; UserList: unknown[] } }>('ListMessageGroupUser', params);
    assert.equal(lying.Result.HasMore, true);
    assert.equal(lying.Result.Total, 3 * f.smallGroupTotal);
    assert.equal(lying.Result.UserList.length, f.smallGroupTotal);
    const past = await client.request<{ Result: { HasMore: boolean; UserList: unknown[] } }>('ListMessageGroupUser', { ...params, PageNum: 2 });
    assert.equal(past.Result.HasMore, true);
    assert.equal(past.Result.UserList.length, 0);
  });

  it('churnPerPage: members leave from the oldest end and join at the newest between pages', async () => {
    const f = emulator.dataset.fixtures;
    type Page = { Result: { Total: number; UserList: { UserId: string; JoinTime: number }[] } };
    const page = (c: RPCClient, pageNum: number) =>
      c.request<Page>('ListMessageGroupUser', { AppId: f.appId, GroupId: f.pagedGroupId, PageNum: pageNum, PageSize: 50 });
    await withEmulator({ seed: 1 }, async (steady) => {
      const steadyClient = new RPCClient({ endpoint: steady.url, apiVersion: '2016-11-01', ...DEMO_KEY });
      const baseline: { UserId: string; JoinTime: number }[] = [];
      for (let p = 1; p <= 3; p++) {
        baseline.push(...(await page(steadyClient, p)).Result.UserList);
      }
      emulator.setFaults({ churnPerPage: 5, actions: ['ListMessageGroupUser'] });
      const p1 = (await page(client, 1)).Result;
      const p2 = (await page(client, 2)).Result;
      const p3 = (await page(client, 3)).Result;
      assert.deepEqual(
        p1.UserList.map((m) => m.UserId),
        baseline.slice(0, 50).map((m) => m.UserId),
      );
      // After page 1 the 5 oldest left: page 2 starts 5 members later than it would have.
      assert.deepEqual(
        p2.UserList.map((m) => m.UserId),
        baseline.slice(55, 105).map((m) => m.UserId),
      );
      assert.equal(p2.Total, f.pagedGroupTotal);
      // Newcomers (10 by now) are at the newest end, after everyone else.
      const known = new Set(baseline.map((m) => m.UserId));
      const newcomers = p3.UserList.filter((m) => !known.has(m.UserId));
      assert.equal(newcomers.length, 10);
      assert.ok(newcomers.every((m) => m.JoinTime > baseline[baseline.length - 1].JoinTime));
    });
  });

  it('the actions filter limits faults to those actions', async () => {
    const f = emulator.dataset.fixtures;
    emulator.setFaults({ errorRate: 1, latencyMs: 80, actions: ['ListMessageGroupUser'] });
    const start = Date.now();
    await listApps();
    assert.ok(Date.now() - start < 80, 'no latency on ListMessageApp');
    const error = await outcome(client.request('ListMessageGroupUser', { AppId: f.appId, GroupId: f.smallGroupId }));
    assert.match(error?.code ?? '', /^(InternalError|ServiceUnavailable)$/);
  });

  it('setFaults validates its options and throws TypeError', () => {
    for (const bad of [
      { errorRate: 2 },
      { errorCodes: ['NoSuchCode'] },
      { latencyMs: { min: 5, max: 1 } },
      { latencyMs: -1 },
      { hangRate: 0.6, resetRate: 0.6 },
      { actions: ['DescribeMessageApp'] },
      { churnPerPage: 1.5 },
      { leavePerPage: -1 },
      { joinPerPage: '4' },
      { joinPerPage: 100_001 },
      { leaveBurst: 5 },
      { leaveBurst: { members: 5 } },
      { leaveBurst: { members: 0, afterPage: 1 } },
      { leaveBurst: { members: 5, afterPage: 0 } },
      { leaveBurst: { members: 5, afterPage: 1, often: true } },
      { bogus: 1 },
    ]) {
      assert.throws(() => emulator.setFaults(bad as never), TypeError, JSON.stringify(bad));
    }
  });

  it('sustains well over 100 calls/s with 30 ms latency (timers, not busy waits)', async () => {
    emulator.setFaults({ latencyMs: 30 });
    emulator.resetStats();
    const calls = 300;
    const concurrency = 40;
    let next = 0;
    const start = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < calls) {
          next++;
          await listApps();
        }
      }),
    );
    const elapsed = Date.now() - start;
    const rate = (calls / elapsed) * 1000;
    // About 1,000 calls/s on an idle 2-core machine; the bound leaves room for a busy one.
    assert.ok(rate > 150, `${rate.toFixed(0)} calls/s`);
    const stats = emulator.stats();
    assert.equal(stats.byCode.OK, calls);
    assert.ok(stats.peakCallsPerSecond >= 100, `peak ${stats.peakCallsPerSecond}`);
  });
});

describe('emulator: hung connections and close()', () => {
  it('hangRate: never answers; the client times out; close() still ends at once', async () => {
    const emulator = await startEmulator({ faults: { hangRate: 1 } });
    const client = new RPCClient({ endpoint: emulator.url, apiVersion: '2016-11-01', ...DEMO_KEY });
    const timedOut = await outcome(client.request('ListMessageApp', { PageNum: 1, PageSize: 1 }, { timeout: 150 }));
    assert.match(timedOut?.name ?? '', /Timeout/);
    // Calls that would wait forever, then close() with them pending.
    const pending = Array.from({ length: 5 }, () => outcome(rawGet(emulator.url, signedQuery('ListMessageApp', { PageNum: 1, PageSize: 1 }))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = Date.now();
    await emulator.close();
    assert.ok(Date.now() - start < 500, `close took ${Date.now() - start} ms`);
    const errors = await Promise.all(pending);
    assert.ok(
      errors.every((e) => e !== undefined),
      'hung calls end with an error once the emulator closes',
    );
    assert.equal(emulator.stats().byCode['fault.hang'], 6);
  });

  it('close() with answers waiting on latency timers completes at once', async () => {
    const emulator = await startEmulator({ faults: { latencyMs: 10_000 } });
    const pending = outcome(rawGet(emulator.url, signedQuery('ListMessageApp', { PageNum: 1, PageSize: 1 })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = Date.now();
    await emulator.close();
    assert.ok(Date.now() - start < 500, `close took ${Date.now() - start} ms`);
    assert.ok(await pending);
  });
});
