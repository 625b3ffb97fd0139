// The groups and members a user pinned, kept per profile in the extension's global state (one key per profile):
// what names each one (family, data center, AppId, GroupId, UserId) and the label it was last seen with. Ids only:
// never a key, a secret or any other API data. Plain Node: the state is anything with Memento's get and update.
import { LIMITS, type DataCenter, type Family } from '../api/types';
import type { MementoLike } from './memento';

/** What a pin names: a group, or a member of one (with `userId`). */
export interface PinTarget {
  family: Family;
  /** LiveMessage pins: the data center every call about the group names. */
  dataCenter?: DataCenter;
  appId: string;
  groupId: string;
  userId?: string;
}

export interface Pin extends PinTarget {
  /** The row's label when it was last seen (shown when the group or member cannot be read). */
  label: string;
}

/** Pins a profile may have: every one is read when the view shows the Pinned section. */
export const MAX_PINS = 50;

const STATE_PREFIX = 'imExplorer.pins.';

export function samePinTarget(a: PinTarget, b: PinTarget): boolean {
  return a.family === b.family && a.dataCenter === b.dataCenter && a.appId === b.appId && a.groupId === b.groupId && a.userId === b.userId;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A stored entry as a pin, or undefined when it is not one (a damaged or foreign entry is skipped, not trusted). */
function pinOf(value: unknown): Pin | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { family, dataCenter, appId, groupId, userId, label } = value as Record<string, unknown>;
  if ((family !== 'legacy' && family !== 'live') || !isText(appId) || !isText(groupId) || typeof label !== 'string') return undefined;
  if (userId !== undefined && !isText(userId)) return undefined;
  const centers: readonly unknown[] = LIMITS.liveMessage.dataCenters;
  if (family === 'live' ? !centers.includes(dataCenter) : dataCenter !== undefined) return undefined;
  return {
    family,
    ...(family === 'live' ? { dataCenter: dataCenter as DataCenter } : {}),
    appId,
    groupId,
    ...(userId !== undefined ? { userId } : {}),
    label,
  };
}

export class PinStore {
  /**
   * Changes run one after another, each once the one before is stored: after a write, VS Code's globalState takes back
   * the whole state as the workbench stored it, which would undo a change made before that answer arrived.
   */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(private readonly state: MementoLike) {}

  private change<T>(run: () => Promise<T>): Promise<T> {
    const next = this.changes.then(run, run);
    this.changes = next.catch(() => undefined);
    return next;
  }

  /** The pins of a profile, in the order they were pinned. */
  list(profile: string): Pin[] {
    const stored = this.state.get<unknown>(STATE_PREFIX + profile);
    if (!Array.isArray(stored)) return [];
    return stored.map(pinOf).filter((pin): pin is Pin => pin !== undefined);
  }

  has(profile: string, target: PinTarget): boolean {
    return this.list(profile).some((pin) => samePinTarget(pin, target));
  }

  /** Adds a pin at the end, unless it is pinned already or the profile has MAX_PINS. */
  add(profile: string, pin: Pin): Promise<'added' | 'pinned already' | 'full'> {
    return this.change(async () => {
      const pins = this.list(profile);
      if (pins.some((known) => samePinTarget(known, pin))) return 'pinned already';
      if (pins.length >= MAX_PINS) return 'full';
      const clean = pinOf(pin);
      if (!clean) throw new TypeError(`not a pin: ${JSON.stringify(pin)}`);
      await this.write(profile, [...pins, clean]);
      return 'added';
    });
  }

  /** Removes a pin; false when it was not pinned. */
  remove(profile: string, target: PinTarget): Promise<boolean> {
    return this.change(async () => {
      const pins = this.list(profile);
      const kept = pins.filter((pin) => !samePinTarget(pin, target));
      if (kept.length === pins.length) return false;
      await this.write(profile, kept);
      return true;
    });
  }

  /** Keeps the label a pinned row was last seen with. */
  relabel(profile: string, target: PinTarget, label: string): Promise<void> {
    return this.change(async () => {
      const pins = this.list(profile);
      if (!pins.some((pin) => samePinTarget(pin, target) && pin.label !== label)) return;
      await this.write(
        profile,
        pins.map((pin) => (samePinTarget(pin, target) ? { ...pin, label } : pin)),
      );
    });
  }

  /** Drops every pin of a profile (the profile was deleted). */
  forget(profile: string): Promise<void> {
    return this.change(() => this.write(profile, []));
  }

  private async write(profile: string, pins: Pin[]): Promise<void> {
    await this.state.update(STATE_PREFIX + profile, pins.length > 0 ? pins : undefined);
  }
}
