// The AccessKeys the emulator knows. Fixed values (documented in README.md) so a demo or an
// out-of-process test can be configured without asking the emulator.

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

/** A RAM user whose policy does not allow ListMessageApp. */
export const RESTRICTED_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuRam3Lw8Yc1Hd6Tz',
  accessKeySecret: 'emuRamSecret00aP5nV8qE2jK7xM3c',
  deniedActions: Object.freeze(['ListMessageApp']) as string[],
});

/** A key switched off in the console. */
export const DISABLED_KEY: EmulatorKey = Object.freeze({
  accessKeyId: 'LTAI5tEmuOff9Gh2Js5Lm8Qb',
  accessKeySecret: 'emuOffSecret00tW4yB7dN1fR6uZ9h',
  disabled: true,
});

export const DEFAULT_KEYS: readonly EmulatorKey[] = [DEMO_KEY, STS_KEY, RESTRICTED_KEY, DISABLED_KEY];
