// On-demand lookups of ids the explorer has not loaded, for hovers. Plain Node. One request per (AppId, GroupId)
// however many hovers ask: answers (and failures, as "nothing") are kept in a bounded cache, a lookup waits a short
// delay first (a hover that is gone by then sends nothing), and at most a few lookups start per window.

import { BoundedCache } from './boundedCache';

export interface LookupLimits {
  /** Answers kept; the least recently used goes first. */
  maxEntries: number;
  /** Lookups that may start within `windowMs`; beyond that a hover shows nothing and asks again later. */
  maxPerWindow: number;
  windowMs: number;
  /** Wait before a request, so that a hover passing over the text sends nothing. */
  delayMs: number;
}

export const HOVER_LOOKUP_LIMITS: LookupLimits = { maxEntries: 200, maxPerWindow: 5, windowMs: 10_000, delayMs: 300 };

export class IdLookups<T> {
  private readonly answers: BoundedCache<string, Promise<T | undefined>>;
  private started: number[] = [];

  constructor(
    private readonly fetch: (appId: string, id: string) => Promise<T>,
    private readonly onError: (error: unknown) => void,
    private readonly limits: LookupLimits = HOVER_LOOKUP_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.answers = new BoundedCache(limits.maxEntries);
  }

  get cached(): number {
    return this.answers.size;
  }

  /** The answer for `id` in `appId`: cached, or read once; undefined when not found, failed, cancelled or rate-bound. */
  async get(appId: string, id: string, isCancelled: () => boolean): Promise<T | undefined> {
    const key = `${appId}\n${id}`;
    const known = this.answers.get(key);
    if (known) return known;
    await new Promise((resolve) => setTimeout(resolve, this.limits.delayMs));
    if (isCancelled()) return undefined;
    const meanwhile = this.answers.get(key);
    if (meanwhile) return meanwhile;
    if (!this.mayStart()) return undefined;
    const answer = this.fetch(appId, id).then(
      (value) => value,
      (error: unknown) => {
        this.onError(error);
        return undefined;
      },
    );
    this.answers.set(key, answer);
    return answer;
  }

  /** Forgets every answer (a profile switch: another account's ids). */
  clear(): void {
    this.answers.clear();
    this.started = [];
  }

  private mayStart(): boolean {
    const now = this.now();
    this.started = this.started.filter((time) => now - time < this.limits.windowMs);
    if (this.started.length >= this.limits.maxPerWindow) return false;
    this.started.push(now);
    return true;
  }
}
