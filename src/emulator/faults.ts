// Fault injection: what can go wrong between a client and the service, switched on per run.
// Decisions come from a PRNG seeded by the emulator seed and re-seeded on every setFaults, so a
// sequential run with the same seed and faults sees the same faults on the same calls.
import { isKnownErrorCode } from './errors';
import { NO_MOVE, type MembershipMove } from './membership';
import { isAction } from './params';
import { hashString, prng } from './random';

export interface FaultOptions {
  /** Added before every API answer (errors included): fixed, or uniform in [min, max]. */
  latencyMs?: number | { min: number; max: number };
  /** Share of accepted calls answered with one of errorCodes (default InternalError, ServiceUnavailable). */
  errorRate?: number;
  errorCodes?: string[];
  /** Share answered by an HTML "502 Bad Gateway" page, as a load balancer would. */
  html502Rate?: number;
  /** Share answered 200 with a JSON body cut in half. */
  malformedJsonRate?: number;
  /** Share never answered: the connection stays open until the client gives up. */
  hangRate?: number;
  /** Share whose connection is reset without an answer. */
  resetRate?: number;
  /** HasMore is true on every list page, even past the end. */
  lyingHasMore?: boolean;
  /** Total is multiplied by this factor (rounded). */
  lyingTotal?: number;
  /** Members who leave (oldest first) and join each time a page of a group's members is served. */
  churnPerPage?: number;
  /** Members who leave, each chosen anywhere in the list, each time a page of a group's members is served. */
  leavePerPage?: number;
  /** Members who join (the newest) each time a page of a group's members is served. */
  joinPerPage?: number;
  /** `members` leave at once, chosen anywhere in the list, after the `afterPage`-th page of a group's members served. */
  leaveBurst?: { members: number; afterPage: number };
  /** Token-paged LiveMessage lists answer with the token they were asked with: a server repeating its token. */
  repeatToken?: boolean;
  /** Limit all of the above to these actions. */
  actions?: string[];
}

export type FaultDecision =
  { kind: 'none' } | { kind: 'hang' } | { kind: 'reset' } | { kind: 'html502' } | { kind: 'malformedJson' } | { kind: 'error'; code: string };

const DEFAULT_ERROR_CODES = ['InternalError', 'ServiceUnavailable'];

export const HTML_502_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

function fail(message: string): never {
  throw new TypeError(`Invalid fault options: ${message}`);
}

function checkRate(value: unknown, name: string): number {
  if (value === undefined) {
    return 0;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    fail(`${name} must be a number from 0 to 1`);
  }
  return value;
}

function checkMs(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 600_000) {
    fail(`${name} must be a number of milliseconds from 0 to 600000`);
  }
  return value;
}

/** Members moving at once: more than the largest group would only make ids run out. */
export const MAX_MEMBERS_MOVING = 100_000;

function checkCount(value: unknown, name: string, min: 0 | 1): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > MAX_MEMBERS_MOVING) {
    fail(`${name} must be an integer from ${min} to ${MAX_MEMBERS_MOVING}`);
  }
  return value as number;
}

const KNOWN_FIELDS = new Set([
  'latencyMs',
  'errorRate',
  'errorCodes',
  'html502Rate',
  'malformedJsonRate',
  'hangRate',
  'resetRate',
  'lyingHasMore',
  'lyingTotal',
  'churnPerPage',
  'leavePerPage',
  'joinPerPage',
  'leaveBurst',
  'repeatToken',
  'actions',
]);

/** Checks options coming from code, the CLI or the control endpoint; throws TypeError on anything odd. */
export function validateFaults(input: unknown): FaultOptions {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail('expected an object');
  }
  const raw = input as Record<string, unknown>;
  for (const name of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(name)) {
      fail(`unknown field "${name}"`);
    }
  }
  const out: FaultOptions = {};
  if (raw.latencyMs !== undefined) {
    if (typeof raw.latencyMs === 'object' && raw.latencyMs !== null) {
      const range = raw.latencyMs as Record<string, unknown>;
      const min = checkMs(range.min, 'latencyMs.min');
      const max = checkMs(range.max, 'latencyMs.max');
      if (min > max) {
        fail('latencyMs.min must not exceed latencyMs.max');
      }
      out.latencyMs = { min, max };
    } else {
      out.latencyMs = checkMs(raw.latencyMs, 'latencyMs');
    }
  }
  let total = 0;
  for (const name of ['hangRate', 'resetRate', 'html502Rate', 'errorRate', 'malformedJsonRate'] as const) {
    if (raw[name] !== undefined) {
      out[name] = checkRate(raw[name], name);
      total += out[name] as number;
    }
  }
  if (total > 1 + 1e-9) {
    fail('the rates together must not exceed 1');
  }
  if (raw.errorCodes !== undefined) {
    if (!Array.isArray(raw.errorCodes) || raw.errorCodes.length === 0) {
      fail('errorCodes must be a non-empty array of error codes');
    }
    for (const code of raw.errorCodes) {
      if (typeof code !== 'string' || !isKnownErrorCode(code)) {
        fail(`unknown error code "${String(code)}"`);
      }
    }
    out.errorCodes = [...(raw.errorCodes as string[])];
  }
  if (raw.lyingHasMore !== undefined) {
    if (typeof raw.lyingHasMore !== 'boolean') {
      fail('lyingHasMore must be a boolean');
    }
    out.lyingHasMore = raw.lyingHasMore;
  }
  if (raw.repeatToken !== undefined) {
    if (typeof raw.repeatToken !== 'boolean') {
      fail('repeatToken must be a boolean');
    }
    out.repeatToken = raw.repeatToken;
  }
  if (raw.lyingTotal !== undefined) {
    if (typeof raw.lyingTotal !== 'number' || !Number.isFinite(raw.lyingTotal) || raw.lyingTotal < 0) {
      fail('lyingTotal must be a non-negative factor');
    }
    out.lyingTotal = raw.lyingTotal;
  }
  for (const name of ['churnPerPage', 'leavePerPage', 'joinPerPage'] as const) {
    if (raw[name] !== undefined) {
      out[name] = checkCount(raw[name], name, 0);
    }
  }
  if (raw.leaveBurst !== undefined) {
    const burst = raw.leaveBurst as Record<string, unknown>;
    if (burst === null || typeof burst !== 'object' || Array.isArray(burst) || Object.keys(burst).some((key) => key !== 'members' && key !== 'afterPage')) {
      fail('leaveBurst must be an object {members, afterPage}');
    }
    out.leaveBurst = { members: checkCount(burst.members, 'leaveBurst.members', 1), afterPage: checkCount(burst.afterPage, 'leaveBurst.afterPage', 1) };
  }
  if (raw.actions !== undefined) {
    if (!Array.isArray(raw.actions) || raw.actions.some((action) => typeof action !== 'string' || !isAction(action))) {
      fail('actions must be an array of supported action names');
    }
    out.actions = [...(raw.actions as string[])];
  }
  return out;
}

export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number;
  /** Pages of each group's members served since the options were set (for leaveBurst). */
  private readonly memberPages = new Map<string, number>();

  constructor(private readonly seed: string) {
    this.random = prng(hashString(`faults:${seed}`));
  }

  get current(): FaultOptions {
    return JSON.parse(JSON.stringify(this.options)) as FaultOptions;
  }

  /** Replaces the options (after validation) and restarts the PRNG sequence. */
  set(options: FaultOptions): void {
    this.options = validateFaults(options);
    this.random = prng(hashString(`faults:${this.seed}`));
    this.memberPages.clear();
  }

  private applies(action: string | undefined): boolean {
    const only = this.options.actions;
    return !only || (action !== undefined && only.includes(action));
  }

  latencyMs(action: string | undefined): number {
    const latency = this.options.latencyMs;
    if (latency === undefined || !this.applies(action)) {
      return 0;
    }
    if (typeof latency === 'number') {
      return latency;
    }
    return latency.min + Math.floor(this.random() * (latency.max - latency.min + 1));
  }

  /** One draw per call, partitioned in this order: hang, reset, html502, error, malformed JSON. */
  decide(action: string): FaultDecision {
    if (!this.applies(action)) {
      return { kind: 'none' };
    }
    const o = this.options;
    let r = this.random();
    const steps: [number | undefined, FaultDecision['kind']][] = [
      [o.hangRate, 'hang'],
      [o.resetRate, 'reset'],
      [o.html502Rate, 'html502'],
      [o.errorRate, 'error'],
      [o.malformedJsonRate, 'malformedJson'],
    ];
    for (const [rate, kind] of steps) {
      if (rate && r < rate) {
        if (kind === 'error') {
          const codes = o.errorCodes ?? DEFAULT_ERROR_CODES;
          return { kind, code: codes[Math.floor(this.random() * codes.length)] };
        }
        return { kind } as FaultDecision;
      }
      r -= rate ?? 0;
    }
    return { kind: 'none' };
  }

  repeatToken(action: string): boolean {
    return this.applies(action) && this.options.repeatToken === true;
  }

  /** How a group's members move after a page of them was served. */
  memberPageServed(action: string, groupId: string): MembershipMove {
    if (!this.applies(action)) {
      return NO_MOVE;
    }
    const { churnPerPage = 0, leavePerPage = 0, joinPerPage = 0, leaveBurst } = this.options;
    const pages = (this.memberPages.get(groupId) ?? 0) + 1;
    this.memberPages.set(groupId, pages);
    const burst = leaveBurst && pages === leaveBurst.afterPage ? leaveBurst.members : 0;
    return { swap: churnPerPage, leave: leavePerPage + burst, join: joinPerPage };
  }

  /** Lying HasMore / Total on list results. */
  distort(action: string, result: object): void {
    if (!this.applies(action)) {
      return;
    }
    // Both spellings: HasMore (legacy, ListLiveMessageApps) and Hasmore (the other LiveMessage lists).
    const page = result as { HasMore?: boolean; Hasmore?: boolean; Total?: number };
    if (this.options.lyingHasMore && typeof page.HasMore === 'boolean') {
      page.HasMore = true;
    }
    if (this.options.lyingHasMore && typeof page.Hasmore === 'boolean') {
      page.Hasmore = true;
    }
    if (this.options.lyingTotal !== undefined && typeof page.Total === 'number') {
      page.Total = Math.round(page.Total * this.options.lyingTotal);
    }
  }
}
