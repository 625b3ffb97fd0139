// Client-side rate limits, one per AccessKey, endpoint and action, and retries with exponential backoff: read calls
// on any transient failure, write calls only when the server refused them before acting (throttling).
import type * as ExponentialBackoff from 'exponential-backoff';
import { ApiError, cancelledError, refusedBeforeActing } from './errors';
import type { AccessKind } from './types';

export type { AccessKind } from './types';

const WINDOW_MS = 1000;
/** Covers timer and clock granularity (the server counts whole milliseconds). */
export const DEFAULT_GUARD_MS = 10;

interface Waiter {
  resolve(release: () => void): void;
  reject(error: ApiError): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * At most `callsPerSecond` calls in any sliding second as the SERVER counts them: by arrival time, which the
 * client cannot see. It only knows that a call arrived somewhere between its start and its answer. So a call holds
 * its slot from its start until 1000 ms + guard after its answer (or failure): calls N slots apart then arrive more
 * than a second apart however the network or a busy event loop delays them, and a fortiori never more than N calls
 * start within any 1000 ms + guard. The price is one round trip per window: the rate is N per (1 s + guard + round
 * trip). Waiters are served first come, first served; a wait ends at once with a Cancelled ApiError when its
 * signal aborts.
 */
export class RateLimiter {
  /** Calls started and not yet answered. */
  private inFlight = 0;
  /** When the slots of answered calls free up (ms, monotonic), earliest first. */
  private readonly freeAt: number[] = [];
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private limit: number;

  constructor(
    callsPerSecond: number,
    readonly guardMs = DEFAULT_GUARD_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.limit = checkedRate(callsPerSecond);
  }

  get callsPerSecond(): number {
    return this.limit;
  }

  set callsPerSecond(value: number) {
    this.limit = checkedRate(value);
    this.pump();
  }

  /** How long a slot stays taken after the call's answer. */
  get windowMs(): number {
    return WINDOW_MS + this.guardMs;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiters.length;
  }

  /**
   * Resolves when a call may start, with the function to call once its answer (or failure) is in. Not calling it
   * keeps the slot taken for good.
   */
  acquire(signal?: AbortSignal, action?: string): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelledError(action));
    return new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(cancelledError(action));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private release(): void {
    this.inFlight--;
    // now() never goes back, so freeAt stays sorted.
    this.freeAt.push(this.now() + this.windowMs);
    this.pump();
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const now = this.now();
    while (this.freeAt.length > 0 && this.freeAt[0] <= now) this.freeAt.shift();
    while (this.waiters.length > 0 && this.inFlight + this.freeAt.length < this.limit) {
      const waiter = this.waiters.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.inFlight++;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.release();
      });
    }
    if (this.waiters.length > 0 && this.freeAt.length > 0) {
      // Otherwise every slot is in flight and the next release() pumps. Timers may fire a little early: pump()
      // just checks again.
      this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(this.freeAt[0] - now)));
    }
  }
}

function checkedRate(callsPerSecond: number): number {
  if (!Number.isInteger(callsPerSecond) || callsPerSecond < 1) {
    throw new RangeError(`callsPerSecond must be an integer of at least 1; got ${String(callsPerSecond)}.`);
  }
  return callsPerSecond;
}

const sharedLimiters = new Map<string, RateLimiter>();

/**
 * The limiter of one API action for one AccessKey at one endpoint, shared by every client and call in this process.
 * The service limits each action separately ("the single-user QPS limit for this API"), so two actions never share
 * a budget. Several AccessKeys of one account share the account's limit on the server: the client cannot know which
 * keys belong together, so that case is left to the server's Throttling answers (which reads retry).
 * When clients configure different rates, the latest configured one applies.
 */
export function sharedLimiter(accessKeyId: string, endpoint: string, action: string, callsPerSecond: number): RateLimiter {
  const key = `${endpoint}\n${accessKeyId}\n${action}`;
  let limiter = sharedLimiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(callsPerSecond);
    sharedLimiters.set(key, limiter);
  } else if (limiter.callsPerSecond !== callsPerSecond) {
    limiter.callsPerSecond = callsPerSecond;
  }
  return limiter;
}

// ---------------------------------------------------------------------------------------------------------------
// Retries

export interface RetryPolicy {
  /** Attempts in all, the first included (default 4). */
  maxAttempts: number;
  /** Upper bound of the first backoff sleep; it doubles per attempt, full jitter (default 200 ms). */
  startingDelayMs: number;
  /** Cap of a backoff sleep (default 3000 ms). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, startingDelayMs: 200, maxDelayMs: 3000 };

export interface RetryOptions {
  policy: RetryPolicy;
  kind: AccessKind;
  action: string;
  signal?: AbortSignal;
  /** What the call rejects with when the signal aborts (default: a Cancelled ApiError). */
  abortError?: () => ApiError;
}

/** Whether a failed attempt may be sent again: a read on any retryable failure, a write only if the server did not act. */
export function mayRetry(kind: AccessKind, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.retryable) return false;
  return kind === 'read' || refusedBeforeActing(error);
}

/**
 * Runs `attempt(1)`, and when it failed in a way {@link mayRetry} allows, `attempt(2)`... after exponential backoff
 * with full jitter, up to `policy.maxAttempts`. A write is thus sent again only after a refusal that came before the
 * server acted (Throttling.User...), never after a timeout, a reset or a server failure. Aborting the signal ends
 * the wait at once (a backoff sleep included) with `abortError()` (a Cancelled ApiError by default).
 */
export function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, kind, action, signal } = options;
  const abortError = options.abortError ?? (() => cancelledError(action));
  if (signal?.aborted) return Promise.reject(cancelledError(action));
  let attemptNumber = 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from its own file (esbuild.js: lazy chunks), to keep activation cheap
  const { backOff } = require('exponential-backoff') as typeof ExponentialBackoff;
  const run = backOff(
    () => {
      if (signal?.aborted) return Promise.reject(cancelledError(action));
      attemptNumber++;
      return attempt(attemptNumber);
    },
    {
      numOfAttempts: Math.max(1, policy.maxAttempts),
      startingDelay: policy.startingDelayMs,
      maxDelay: policy.maxDelayMs,
      timeMultiple: 2,
      jitter: 'full',
      delayFirstAttempt: false,
      retry: (error: unknown) => !signal?.aborted && mayRetry(kind, error),
    },
  );
  if (!signal) return run;
  // exponential-backoff's sleep cannot be interrupted, so the caller stops waiting for it instead; the sleep then
  // ends in a Cancelled attempt that nobody listens to.
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
