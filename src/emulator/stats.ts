// Counters for benchmarks and tests (GET /__emulator/stats).
import { PeakMeter } from './throttle';

export interface EmulatorStats {
  /** API requests received (the /__emulator/ control surface is not counted). */
  requests: number;
  /** Requests that passed authentication and the QPS limit. */
  accepted: number;
  /** Requests refused by the QPS limit (Throttling.User); injected Throttling.User faults are not counted here. */
  throttled: number;
  /** By the Action parameter as sent (unknown actions included, requests without Action not). */
  byAction: Record<string, number>;
  /** By error Code; "OK" for successes; "fault.hang", "fault.reset", "fault.html502", "fault.malformedJson" for those faults. */
  byCode: Record<string, number>;
  /** Most API requests (of all keys, accepted or not) that arrived in any sliding 1000 ms window. */
  peakCallsPerSecond: number;
}

export class StatsRecorder {
  private stats!: EmulatorStats;
  private meter = new PeakMeter(1000);

  constructor() {
    this.reset();
  }

  reset(): void {
    this.stats = { requests: 0, accepted: 0, throttled: 0, byAction: {}, byCode: {}, peakCallsPerSecond: 0 };
    this.meter.reset();
  }

  arrived(now: number): void {
    this.stats.requests++;
    this.meter.record(now);
    this.stats.peakCallsPerSecond = this.meter.peak;
  }

  action(action: string): void {
    this.stats.byAction[action] = (this.stats.byAction[action] ?? 0) + 1;
  }

  accepted(): void {
    this.stats.accepted++;
  }

  throttled(): void {
    this.stats.throttled++;
  }

  code(code: string): void {
    this.stats.byCode[code] = (this.stats.byCode[code] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return { ...this.stats, byAction: { ...this.stats.byAction }, byCode: { ...this.stats.byCode } };
  }
}
