// Waiting for conditions, never for fixed times: every wait here polls a condition and has a bound.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class WaitError extends Error {}

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  /** What is waited for, for the error message. */
  message?: string;
}

export const DEFAULT_WAIT_MS = 20_000;

/**
 * Polls `probe` until it returns a truthy value (which is returned) or `timeout` passes; then throws with the last
 * value seen (or the last error), so a failure says what was there instead.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | null | false | '' | 0> | T | undefined | null | false,
  options: WaitOptions = {},
): Promise<T> {
  const { timeout = DEFAULT_WAIT_MS, interval = 100, message = 'condition' } = options;
  const deadline = Date.now() + timeout;
  let last: unknown;
  let lastError: Error | undefined;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last as T;
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `last error: ${lastError.message.split('\n')[0]}` : `last seen: ${JSON.stringify(last)}`;
      throw new WaitError(`timed out after ${timeout} ms waiting for ${message} (${seen})`);
    }
    await sleep(interval);
  }
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stack (or message) of anything thrown. */
export function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function firstLine(text: string): string {
  return text.split('\n')[0];
}
