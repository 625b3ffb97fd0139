// Demo sign-in: `npm start` (test/harness/start.ts) runs VS Code next to the local emulator and cannot put a
// key into the browser's secret storage itself. It passes the emulator's demo key in the
// ALIBABA_CLOUD_* variables together with IME_DEMO_SIGN_IN=1, and on activation the extension stores
// that key as profile "demo" — only then, and only when no usable profile is active.
// Without IME_DEMO_SIGN_IN=1 nothing is ever imported silently (credentials from the environment are
// otherwise imported only by the "Import Credentials…" command).
// Plain Node (no `vscode`): the decision is unit-tested with a small store.
import { type AccessKeyCredential, readEnvironment } from './sources';

export const DEMO_SIGN_IN_VARIABLE = 'IME_DEMO_SIGN_IN';
export const DEMO_PROFILE_NAME = 'demo';
export const DEMO_PROFILE_SOURCE = 'demo launcher';

/** The part of ProfileStore the demo sign-in needs. */
export interface DemoProfileStore {
  activeName(): string | undefined;
  credential(name: string): Promise<AccessKeyCredential | undefined>;
  save(name: string, credential: AccessKeyCredential, source: string): Promise<void>;
}

export type DemoSignInOutcome =
  /** IME_DEMO_SIGN_IN is not "1": nothing was looked at. */
  | { kind: 'off' }
  /** An active profile with a stored key exists: left alone. */
  | { kind: 'kept'; profile: string }
  /** The environment credential was stored as profile "demo" and made active. */
  | { kind: 'signed-in'; profile: string; replaced?: string }
  /** Asked to, but could not: the reason says why (never the key). */
  | { kind: 'skipped'; reason: string };

type Environment = Record<string, string | undefined>;

/**
 * Signs in with the launcher's credential when `env.IME_DEMO_SIGN_IN === '1'` and no active profile
 * has a stored key. `log` gets one line saying what happened (never a secret). Never throws.
 */
export async function demoSignIn(env: Environment, store: DemoProfileStore, log?: (message: string) => void): Promise<DemoSignInOutcome> {
  const outcome = await decide(env, store);
  if (log && outcome.kind !== 'off') {
    log(describeOutcome(outcome));
  }
  return outcome;
}

async function decide(env: Environment, store: DemoProfileStore): Promise<DemoSignInOutcome> {
  if (env[DEMO_SIGN_IN_VARIABLE] !== '1') {
    return { kind: 'off' };
  }
  let credential: AccessKeyCredential | undefined;
  try {
    credential = readEnvironment(env)?.credential;
  } catch (error) {
    return { kind: 'skipped', reason: (error as Error).message };
  }
  if (!credential) {
    return { kind: 'skipped', reason: 'ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set.' };
  }

  const active = store.activeName();
  if (active !== undefined) {
    let stored: AccessKeyCredential | undefined;
    try {
      stored = await store.credential(active);
    } catch {
      // A damaged or unreadable entry counts as "no stored key", but only the demo profile itself is
      // replaced: someone else's profile is not overwritten because secret storage hiccupped.
      if (active !== DEMO_PROFILE_NAME) {
        return { kind: 'skipped', reason: `the key of the active profile "${active}" could not be read; it was left as it is.` };
      }
    }
    if (stored) {
      return { kind: 'kept', profile: active };
    }
  }

  try {
    await store.save(DEMO_PROFILE_NAME, credential, DEMO_PROFILE_SOURCE);
  } catch (error) {
    return { kind: 'skipped', reason: (error as Error).message };
  }
  return active !== undefined && active !== DEMO_PROFILE_NAME
    ? { kind: 'signed-in', profile: DEMO_PROFILE_NAME, replaced: active }
    : { kind: 'signed-in', profile: DEMO_PROFILE_NAME };
}

export function describeOutcome(outcome: DemoSignInOutcome): string {
  switch (outcome.kind) {
    case 'off':
      return 'Demo sign-in is off.';
    case 'kept':
      return `Demo sign-in: profile "${outcome.profile}" is active and has a key; nothing imported.`;
    case 'signed-in':
      return (
        `Demo sign-in: stored the launcher's key as profile "${outcome.profile}" and made it active` +
        (outcome.replaced ? ` (the active profile "${outcome.replaced}" had no stored key).` : '.')
      );
    case 'skipped':
      return `Demo sign-in skipped: ${outcome.reason}`;
  }
}
