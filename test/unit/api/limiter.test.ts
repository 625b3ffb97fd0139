import * as assert from 'node:assert/strict';
import { ApiError, ClientErrorCode } from '../../../src/api/errors';
import { RateLimiter, sharedLimiter, withRetries, type RetryPolicy } from '../../../src/api/limiter';

const FAST: RetryPolicy = { maxAttempts: 4, startingDelayMs: 5, maxDelayMs: 20 };

function retryable(code = 'Throttling.User'): ApiError {
  return new ApiError({ code, message: code, retryable: true });
}

describe('limiter: RateLimiter', () => {
  it('never starts more than N calls in any window of 1000 ms + guard, and keeps the rate busy', async () => {
    const limiter = new RateLimiter(10);
    const grants: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 25 }, () =>
        limiter.acquire().then((release) => {
          grants.push(performance.now());
          release();
        }),
      ),
    );
    for (let i = 0; i + 10 < grants.length; i++) {
      assert.ok(grants[i + 10] - grants[i] >= limiter.windowMs - 0.001, `calls ${i} and ${i + 10} only ${grants[i + 10] - grants[i]} ms apart`);
    }
    // 25 calls at 10 per window: the 21st starts right after two windows.
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2 * limiter.windowMs + 150, `took ${elapsed} ms`);
  });

  it('serves waiters first come, first served', async () => {
    const limiter = new RateLimiter(2);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        limiter.acquire().then((release) => {
          order.push(n);
          release();
        }),
      ),
    );
    assert.deepEqual(order, [1, 2, 3, 4]);
  });

  it('a slot stays taken while its call is in flight and for 1000 ms + guard after its answer', async () => {
    const limiter = new RateLimiter(2);
    const t0 = performance.now();
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    setTimeout(first, 300); // the first call's answer comes after 300 ms
    const third = limiter.acquire().then((release) => {
      release();
      return performance.now() - t0;
    });
    setTimeout(second, 600);
    const thirdStartedAfter = await third;
    assert.ok(thirdStartedAfter >= 300 + limiter.windowMs - 1, `started after ${thirdStartedAfter} ms`);
    assert.ok(thirdStartedAfter < 300 + limiter.windowMs + 100, `started after ${thirdStartedAfter} ms`);
    second(); // releasing twice changes nothing
  });

  it('a cancelled wait ends at once with Cancelled and frees its place', async () => {
    const limiter = new RateLimiter(1);
    const release = await limiter.acquire();
    release();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal, 'ListMessageApp');
    const t0 = performance.now();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(waiting, (e: ApiError) => e.code === ClientErrorCode.Cancelled && e.action === 'ListMessageApp');
    assert.ok(performance.now() - t0 < 200);
    assert.equal(limiter.queued, 0);
    await assert.rejects(limiter.acquire(AbortSignal.abort()), (e: ApiError) => e.code === ClientErrorCode.Cancelled);
  });

  it('is shared per AccessKey, endpoint and action', () => {
    const a = sharedLimiter('KEY-A', 'https://live.aliyuncs.com', 'ListMessageApp', 100);
    assert.equal(sharedLimiter('KEY-A', 'https://live.aliyuncs.com', 'ListMessageApp', 100), a);
    assert.notEqual(sharedLimiter('KEY-B', 'https://live.aliyuncs.com', 'ListMessageApp', 100), a);
    assert.notEqual(sharedLimiter('KEY-A', 'http://127.0.0.1:1', 'ListMessageApp', 100), a);
    assert.notEqual(sharedLimiter('KEY-A', 'https://live.aliyuncs.com', 'ListMessageGroup', 100), a);
    sharedLimiter('KEY-A', 'https://live.aliyuncs.com', 'ListMessageApp', 50);
    assert.equal(a.callsPerSecond, 50);
  });

  it('rejects a rate that is not a positive integer', () => {
    assert.throws(() => new RateLimiter(0), RangeError);
    assert.throws(() => new RateLimiter(1.5), RangeError);
  });
});

describe('limiter: withRetries', () => {
  it('retries a retryable error of a read call and returns the success', async () => {
    const attempts: number[] = [];
    const result = await withRetries(
      async (n) => {
        attempts.push(n);
        if (n < 3) throw retryable();
        return 'ok';
      },
      { policy: FAST, kind: 'read', action: 'ListMessageApp' },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(attempts, [1, 2, 3]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(
        async () => {
          calls++;
          throw retryable('ServiceUnavailable');
        },
        { policy: FAST, kind: 'read', action: 'ListMessageApp' },
      ),
      (e: ApiError) => e.code === 'ServiceUnavailable',
    );
    assert.equal(calls, 4);
  });

  it('never retries a non-retryable error, a foreign error, or a write call', async () => {
    for (const [error, kind] of [
      [new ApiError({ code: 'SignatureDoesNotMatch', message: 'x' }), 'read'],
      [new ApiError({ code: 'InvalidParameter', message: 'x' }), 'read'],
      [new Error('not an ApiError'), 'read'],
      [retryable(), 'write'],
    ] as const) {
      let calls = 0;
      await assert.rejects(
        withRetries(
          async () => {
            calls++;
            throw error;
          },
          { policy: FAST, kind, action: 'X' },
        ),
      );
      assert.equal(calls, 1, `${String(error)} / ${kind}`);
    }
  });

  it('retries a write only after a refusal that came before the server acted (a 4xx answer)', async () => {
    const attemptsAfter = async (error: ApiError) => {
      let calls = 0;
      await assert.rejects(
        withRetries(
          async () => {
            calls++;
            throw error;
          },
          { policy: FAST, kind: 'write', action: 'SendLiveMessageGroup' },
        ),
      );
      return calls;
    };
    assert.equal(await attemptsAfter(new ApiError({ code: 'Throttling.User', status: 400, retryable: true, message: 'x' })), FAST.maxAttempts);
    assert.equal(await attemptsAfter(new ApiError({ code: 'SignatureNonceUsed', status: 400, retryable: true, message: 'x' })), FAST.maxAttempts);
    assert.equal(await attemptsAfter(new ApiError({ code: 'EAI_AGAIN', retryable: true, message: 'never sent' })), FAST.maxAttempts);
    for (const unsure of [
      new ApiError({ code: 'ServiceUnavailable', status: 503, retryable: true, message: 'x' }),
      new ApiError({ code: ClientErrorCode.RequestTimeout, retryable: true, message: 'x' }),
      new ApiError({ code: 'ECONNRESET', retryable: true, message: 'x' }),
      new ApiError({ code: ClientErrorCode.MalformedResponse, retryable: true, message: 'x' }),
    ]) {
      assert.equal(await attemptsAfter(unsure), 1, unsure.code);
    }
  });

  it('an abort during a backoff sleep ends the call at once with Cancelled, and no further attempt is made', async () => {
    const controller = new AbortController();
    let calls = 0;
    const t0 = performance.now();
    const call = withRetries(
      async () => {
        calls++;
        setTimeout(() => controller.abort(), 30);
        throw retryable();
      },
      { policy: { maxAttempts: 4, startingDelayMs: 2000, maxDelayMs: 2000 }, kind: 'read', action: 'ListMessageGroupUser', signal: controller.signal },
    );
    // Full jitter can pick a 0 ms sleep; the retry then runs before the abort and the abort lands in the next sleep.
    await assert.rejects(call, (e: ApiError) => e.code === ClientErrorCode.Cancelled && e.action === 'ListMessageGroupUser');
    assert.ok(performance.now() - t0 < 500, 'did not wait for the backoff sleep');
    const callsAtCancel = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(calls, callsAtCancel);
  });

  it('an already aborted signal sends nothing', async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(async () => ++calls, { policy: FAST, kind: 'read', action: 'X', signal: AbortSignal.abort() }),
      (e: ApiError) => e.code === ClientErrorCode.Cancelled,
    );
    assert.equal(calls, 0);
  });
});
