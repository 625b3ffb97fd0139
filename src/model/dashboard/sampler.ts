// Sampling a group's live figures while its dashboard is visible: one call every EVERY_MS, never two at once, never
// while paused or hidden. One call every 2 s is 0.005 of the legacy family's 100 calls/s per action and 0.01 of the
// LiveMessage family's 50: sampling never takes the tree's budget. Plain Node (timers injectable for tests).
import type { Sample } from './protocol';

export const SAMPLE_EVERY_MS = 2000;
/** Samples kept: an hour at one every 2 s. */
export const MAX_SAMPLES = 1800;

/** The share of a per-action limit one call every `everyMs` takes. */
export function sampleShare(callsPerSecond: number, everyMs = SAMPLE_EVERY_MS): number {
  return 1000 / everyMs / callsPerSecond;
}

export interface SamplerOptions {
  everyMs?: number;
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
}

const realTimer = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
};

export class Sampler {
  readonly samples: Sample[] = [];
  /** The last sample's failure (cleared by the next success). */
  error: unknown;
  private paused = false;
  private visible = false;
  private disposed = false;
  private running: AbortController | undefined;
  private timer: { cancel(): void } | undefined;
  private readonly everyMs: number;
  private readonly setTimer: NonNullable<SamplerOptions['setTimer']>;

  constructor(
    private readonly take: (signal: AbortSignal) => Promise<Sample>,
    private readonly changed: () => void,
    options: SamplerOptions = {},
  ) {
    this.everyMs = options.everyMs ?? SAMPLE_EVERY_MS;
    this.setTimer = options.setTimer ?? realTimer;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get isRunning(): boolean {
    return this.visible && !this.paused && !this.disposed;
  }

  /** Whether a sample is in flight or scheduled. */
  get isPending(): boolean {
    return this.running !== undefined || this.timer !== undefined;
  }

  get intervalMs(): number {
    return this.everyMs;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.reschedule();
  }

  pause(): void {
    this.paused = true;
    this.reschedule();
  }

  resume(): void {
    this.paused = false;
    this.reschedule();
  }

  dispose(): void {
    this.disposed = true;
    this.reschedule();
  }

  /** Stops what is pending; starts a sample at once when sampling should run and none is in flight. */
  private reschedule(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (!this.isRunning) {
      this.running?.abort();
      this.running = undefined;
      return;
    }
    if (!this.running) void this.sampleNow();
  }

  private async sampleNow(): Promise<void> {
    const controller = (this.running = new AbortController());
    try {
      const sample = await this.take(controller.signal);
      if (controller.signal.aborted) return;
      this.samples.push(sample);
      if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
      this.error = undefined;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error;
    } finally {
      if (this.running === controller) this.running = undefined;
    }
    this.changed();
    if (this.isRunning && !this.running) {
      this.timer = this.setTimer(() => {
        this.timer = undefined;
        void this.sampleNow();
      }, this.everyMs);
    }
  }
}
