import * as assert from 'node:assert/strict';
import { ApiError, ClientErrorCode } from '../../../src/api/errors';
import { memberPager } from '../../../src/api/pager';
import type { FaultOptions } from '../../../src/emulator';
import { DEMO_KEY, RESTRICTED_KEY } from '../../../src/emulator';
import { newClient, useEmulator } from '../helpers';

const MAX_ATTEMPTS = 4;

describe('client: injected faults are retried, or end in a clear error after bounded attempts', function () {
  const emulator = useEmulator();

  const FAULTS: [name: string, faults: FaultOptions, codes: string[]][] = [
    ['InternalError / ServiceUnavailable', { errorRate: 0.4 }, ['InternalError', 'ServiceUnavailable']],
    ['Throttling.User', { errorRate: 0.4, errorCodes: ['Throttling.User', 'Throttling'] }, ['Throttling.User', 'Throttling']],
    ['HTML 502 page', { html502Rate: 0.4 }, [ClientErrorCode.MalformedResponse]],
    ['truncated JSON', { malformedJsonRate: 0.4 }, [ClientErrorCode.MalformedResponse]],
    ['connection reset', { resetRate: 0.4 }, ['ECONNRESET']],
    ['hung connection', { hangRate: 0.3 }, [ClientErrorCode.RequestTimeout]],
  ];

  for (const [name, faults, codes] of FAULTS) {
    it(name, async () => {
      emulator().setFaults(faults);
      const { client, calls } = newClient(emulator().url, DEMO_KEY, { timeoutMs: 150, maxAttempts: MAX_ATTEMPTS });
      const { appId, pagedGroupId } = emulator().dataset.fixtures;
      let succeeded = 0;
      for (let i = 0; i < 25; i++) {
        calls.length = 0;
        try {
          const page = await client.listMessageGroupUser({ AppId: appId, GroupId: pagedGroupId, PageNum: 1 + (i % 3), PageSize: 50 });
          assert.ok(Array.isArray(page.Result.UserList));
          succeeded++;
          assert.equal(calls.at(-1)!.outcome, 'ok');
        } catch (error) {
          assert.ok(error instanceof ApiError, `a crash, not an ApiError: ${String(error)}`);
          assert.ok(codes.includes(error.code), error.code);
          assert.ok(error.retryable);
          assert.equal(calls.length, MAX_ATTEMPTS, 'gave up only after the bounded attempts');
        }
        assert.ok(calls.length >= 1 && calls.length <= MAX_ATTEMPTS);
        for (const failed of calls.slice(0, -1)) assert.ok(codes.includes(failed.outcome), failed.outcome);
        assert.deepEqual(
          calls.map((c) => c.attempt),
          calls.map((_, k) => k + 1),
        );
      }
      assert.ok(succeeded >= 20, `${succeeded} of 25 succeeded`);
    });
  }

  it('loadAll under every fault at once: the exact member list, no duplicate', async () => {
    const { appId, thousandGroupId } = emulator().dataset.fixtures;
    const expected = (await memberPager(newClient(emulator().url).client, { AppId: appId, GroupId: thousandGroupId }).loadAll()).items.map((m) => m.UserId);
    emulator().setFaults({ errorRate: 0.05, html502Rate: 0.03, malformedJsonRate: 0.03, resetRate: 0.03, hangRate: 0.01, latencyMs: { min: 0, max: 10 } });
    const { client, calls } = newClient(emulator().url, DEMO_KEY, { timeoutMs: 300, maxAttempts: 6 });
    const result = await memberPager(client, { AppId: appId, GroupId: thousandGroupId }).loadAll();
    assert.deepEqual(
      result.items.map((m) => m.UserId),
      expected,
    );
    assert.equal(result.duplicatesDropped, 0);
    assert.ok(
      calls.some((c) => c.outcome !== 'ok'),
      'faults happened',
    );
  });

  it('an abort during a backoff sleep ends the call at once with Cancelled; no further attempt', async () => {
    emulator().setFaults({ errorRate: 1, errorCodes: ['ServiceUnavailable'] });
    const { client, calls } = newClient(emulator().url, DEMO_KEY, { backoff: { startingDelayMs: 5000, maxDelayMs: 5000 } });
    const controller = new AbortController();
    const call = client.listMessageApp({ PageNum: 1, PageSize: 10 }, { signal: controller.signal });
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const t0 = performance.now();
    controller.abort();
    await assert.rejects(call, (e: ApiError) => e.code === ClientErrorCode.Cancelled && e.action === 'ListMessageApp');
    assert.ok(performance.now() - t0 < 50, 'did not wait for the backoff');
    const attempts = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(calls.length, attempts);
  });

  it('auth and parameter errors from the server are never retried', async () => {
    const { client, calls } = newClient(emulator().url, RESTRICTED_KEY);
    await assert.rejects(client.listMessageApp({ PageNum: 1, PageSize: 10 }), (e: ApiError) => e.code === 'Forbidden.RAM');
    const demo = newClient(emulator().url);
    await assert.rejects(
      demo.client.getMessageGroup({ AppId: emulator().dataset.fixtures.appId, GroupId: 'no-such-group' }),
      (e: ApiError) => e.code === 'InvalidGroupId.NotFound',
    );
    assert.equal(calls.length + demo.calls.length, 2);
  });

  it('two clients of the same AccessKey share one limit: loading together at qps 100, nothing is throttled', async () => {
    const { appId, thousandGroupId, pagedGroupId } = emulator().dataset.fixtures;
    const first = newClient(emulator().url, RESTRICTED_KEY);
    const second = newClient(emulator().url, RESTRICTED_KEY, { method: 'POST' });
    const [a, b] = await Promise.all([
      memberPager(first.client, { AppId: appId, GroupId: thousandGroupId }, 10).loadAll(),
      memberPager(second.client, { AppId: appId, GroupId: pagedGroupId }, 2).loadAll(),
    ]);
    assert.equal(a.items.length, 1000);
    assert.equal(b.items.length, 123);
    const stats = emulator().stats();
    assert.equal(stats.accepted, 100 + 62 + a.extraPages + b.extraPages, 'the pages, and the reads that check the lists did not move');
    assert.equal(stats.throttled, 0);
    assert.ok(stats.peakCallsPerSecond <= 100);
  });

  it('a server stricter than the configured rate: throttled calls are retried with backoff and succeed', async () => {
    const { startEmulator } = await import('../../../src/emulator');
    const strict = await startEmulator({ qps: 5 });
    try {
      const { client, calls } = newClient(strict.url, DEMO_KEY, { maxAttempts: 8, backoff: { startingDelayMs: 200, maxDelayMs: 1000 } });
      const results = await Promise.all(Array.from({ length: 8 }, () => client.listMessageApp({ PageNum: 1, PageSize: 10 })));
      assert.equal(results.length, 8);
      assert.ok(calls.some((c) => c.outcome === 'Throttling.User'));
      assert.ok(strict.stats().throttled > 0);
    } finally {
      await strict.close();
    }
  });
});
