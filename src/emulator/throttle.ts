// Per-AccessKey rate limit over a sliding window, and a meter of the busiest window seen.

/** Arrival times (ms) inside the last `windowMs`, oldest first. */
class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  /** Number of recorded times in (now - windowMs, now]. */
  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head] <= now - this.windowMs) {
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

/** At most `limit` accepted calls per key in any window of `windowMs`; rejected calls are not counted. */
export class RateLimiter {
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {}

  tryAcquire(key: string, now: number): boolean {
    if (this.limit <= 0) {
      return true;
    }
    let window = this.windows.get(key);
    if (!window) {
      window = new SlidingWindow(this.windowMs);
      this.windows.set(key, window);
    }
    if (window.count(now) >= this.limit) {
      return false;
    }
    window.add(now);
    return true;
  }
}

/** Highest number of events seen in any window of `windowMs` (all events, accepted or not). */
export class PeakMeter {
  private window: SlidingWindow;
  peak = 0;

  constructor(private readonly windowMs = 1000) {
    this.window = new SlidingWindow(windowMs);
  }

  record(now: number): void {
    this.window.add(now);
    this.peak = Math.max(this.peak, this.window.count(now));
  }

  reset(): void {
    this.window = new SlidingWindow(this.windowMs);
    this.peak = 0;
  }
}
