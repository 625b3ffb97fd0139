// The AccessKeys the emulator knows. Fixed values (documented in README.md) so a demo or an
// out-of-process test can be configured without asking the emulator.

import type { Family } from '../api/types';

export interface EmulatorKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, requests must carry exactly this SecurityToken (an STS key). */
  securityToken?: string;
  /** Every request answers Forbidden.AccessKeyDisabled. */
  disabled?: boolean;
  /** Actions a RAM policy denies to this key: Forbidden.RAM. */
  deniedActions?: string[];
  /** The (correct) SecurityToken is past its expiry: InvalidSecurityToken.Expired. */
  tokenExpired?: boolean;
  /**
   * The API families the key's account has (default both). Another family's app list is empty, and its other
   * actions do not find the app: the account has nothing there.
   */
  families?: readonly Family[];
}

/** Plain AccessKey, every action allowed. */
export const DEMO_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuDemo7Xq9R2mK4pN',
  accessKeySecret: 'emuDemoSecret0kR7vQ2mX9pL4sT8w',
});

/** STS credentials: requests must carry the securityToken. */
export const STS_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'STS.NUEmuSts4mQ8xZ2cV7bN1kL5jH9',
  accessKeySecret: 'emuStsSecret00hC3gF6pX9sL2wQ8v',
  securityToken:
    'CAISEmuStsTokenAQ1h2Zm9yLWVtdWxhdG9yLW9ubHkgbm90LWEtcmVhbC10b2tlbgGAAQRzdHMudGVzdC9lbXVsYXRvcjAx' + 'SGVsbG8rU3RzL1Rva2VuPT0yMDI2LTExLTAxVDAwOjAwOjAwWg==',
});

/**
 * A RAM user whose policy does not allow ListMessageApp, nor the writes that act on a whole group or app:
 * MuteAllGroupUser (legacy: 403 Forbidden.RAM), DeleteLiveMessageGroup and ModifyLiveMessageAppDisable
 * (LiveMessage: 403 NoAuth). Every other action is allowed.
 */
export const RESTRICTED_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuRam3Lw8Yc1Hd6Tz',
  accessKeySecret: 'emuRamSecret00aP5nV8qE2jK7xM3c',
  deniedActions: Object.freeze(['ListMessageApp', 'MuteAllGroupUser', 'DeleteLiveMessageGroup', 'ModifyLiveMessageAppDisable']) as string[],
});

/** A key switched off in the console. */
export const DISABLED_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuOff9Gh2Js5Lm8Qb',
  accessKeySecret: 'emuOffSecret00tW4yB7dN1fR6uZ9h',
  disabled: true,
});

/** An account of a long-standing customer that has only the legacy family's apps. */
export const LEGACY_ONLY_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuOld4Pq7Ws1Ex3Ry',
  accessKeySecret: 'emuOldSecret00kT6nB9vC2xM5hJ8q',
  families: Object.freeze(['legacy']) as Family[],
});

/** A new customer's account: only the LiveMessage family. */
export const LIVE_ONLY_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuNew8Zu3Ka6Dg9Lc',
  accessKeySecret: 'emuNewSecret00pR4mV7wD1sF8yG3k',
  families: Object.freeze(['live']) as Family[],
});

export const DEFAULT_KEYS: readonly EmulatorKey[] = [DEMO_KEY, STS_KEY, RESTRICTED_KEY, DISABLED_KEY, LEGACY_ONLY_KEY, LIVE_ONLY_KEY];
