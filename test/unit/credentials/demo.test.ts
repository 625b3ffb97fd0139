import * as assert from 'node:assert/strict';
import { DEMO_PROFILE_NAME, DEMO_PROFILE_SOURCE, type DemoProfileStore, demoSignIn } from '../../../src/credentials/demo';
import type { AccessKeyCredential } from '../../../src/credentials/sources';
import { DEMO_KEY } from '../../../src/emulator/keys';

/** In-memory profiles: the same contract as ProfileStore (save makes the profile active). */
class MemoryStore implements DemoProfileStore {
  readonly secrets = new Map<string, AccessKeyCredential>();
  readonly saves: Array<{ name: string; source: string }> = [];
  active: string | undefined;
  failRead = false;
  failSave = false;

  activeName(): string | undefined {
    return this.active;
  }

  async credential(name: string): Promise<AccessKeyCredential | undefined> {
    if (this.failRead) throw new Error('secret storage unavailable');
    return this.secrets.get(name);
  }

  async save(name: string, credential: AccessKeyCredential, source: string): Promise<void> {
    if (this.failSave) throw new Error('VS Code could not save the key in its secret storage (Error).');
    this.secrets.set(name, { ...credential });
    this.saves.push({ name, source });
    this.active = name;
  }
}

const LAUNCHER_ENV = {
  IME_DEMO_SIGN_IN: '1',
  ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_KEY.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_KEY.accessKeySecret,
};

const OTHER: AccessKeyCredential = { accessKeyId: 'LTAI5tOtherUserKey000001', accessKeySecret: 'otherSecret000000000000000000' };

describe('demo sign-in (IME_DEMO_SIGN_IN)', () => {
  it('imports nothing without IME_DEMO_SIGN_IN, even with credentials in the environment', async () => {
    for (const flag of [undefined, '', '0', 'true', 'yes', ' 1']) {
      const store = new MemoryStore();
      const env: Record<string, string | undefined> = { ...LAUNCHER_ENV, IME_DEMO_SIGN_IN: flag };
      const lines: string[] = [];
      const outcome = await demoSignIn(env, store, (line) => lines.push(line));
      assert.deepEqual(outcome, { kind: 'off' }, `flag ${JSON.stringify(flag)}`);
      assert.equal(store.saves.length, 0);
      assert.equal(store.active, undefined);
      assert.deepEqual(lines, [], 'says nothing when off');
    }
  });

  it('does not read the store at all when off', async () => {
    const store: DemoProfileStore = {
      activeName: () => assert.fail('activeName called'),
      credential: () => assert.fail('credential called'),
      save: () => assert.fail('save called'),
    };
    assert.deepEqual(await demoSignIn({ ...LAUNCHER_ENV, IME_DEMO_SIGN_IN: undefined }, store), { kind: 'off' });
  });

  it('stores the launcher key as the active profile "demo" when there is no profile', async () => {
    const store = new MemoryStore();
    const lines: string[] = [];
    const outcome = await demoSignIn(LAUNCHER_ENV, store, (line) => lines.push(line));
    assert.deepEqual(outcome, { kind: 'signed-in', profile: DEMO_PROFILE_NAME });
    assert.equal(store.active, 'demo');
    assert.deepEqual(store.saves, [{ name: 'demo', source: DEMO_PROFILE_SOURCE }]);
    assert.equal(DEMO_PROFILE_SOURCE, 'demo launcher');
    assert.deepEqual(store.secrets.get('demo'), { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret, securityToken: undefined });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /profile "demo"/);
    assert.ok(!lines[0].includes(DEMO_KEY.accessKeySecret), 'the log line never holds the secret');
  });

  it('keeps an active profile that has a stored key', async () => {
    const store = new MemoryStore();
    await store.save('work', OTHER, 'entered');
    store.saves.length = 0;
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.deepEqual(outcome, { kind: 'kept', profile: 'work' });
    assert.equal(store.active, 'work');
    assert.equal(store.saves.length, 0);
    assert.equal(store.secrets.has('demo'), false);
  });

  it('a second start keeps the demo profile stored by the first', async () => {
    const store = new MemoryStore();
    await demoSignIn(LAUNCHER_ENV, store);
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.deepEqual(outcome, { kind: 'kept', profile: 'demo' });
    assert.equal(store.saves.length, 1);
  });

  it('signs in when the active profile has lost its key (e.g. a new browser for the same server)', async () => {
    const store = new MemoryStore();
    store.active = 'work'; // listed as active, but nothing in secret storage
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.deepEqual(outcome, { kind: 'signed-in', profile: 'demo', replaced: 'work' });
    assert.equal(store.active, 'demo');
  });

  it('leaves another profile alone when its key cannot be read', async () => {
    const store = new MemoryStore();
    store.active = 'work';
    store.failRead = true;
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.equal(outcome.kind, 'skipped');
    assert.equal(store.active, 'work');
    assert.equal(store.saves.length, 0);
  });

  it('replaces a damaged demo profile', async () => {
    const store = new MemoryStore();
    store.active = 'demo';
    store.failRead = true;
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.deepEqual(outcome, { kind: 'signed-in', profile: 'demo' });
    assert.equal(store.saves.length, 1);
  });

  it('skips, without throwing or quoting a key, when the environment is incomplete', async () => {
    const store = new MemoryStore();
    const onlySecret = { IME_DEMO_SIGN_IN: '1', ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_KEY.accessKeySecret };
    const outcome = await demoSignIn(onlySecret, store);
    assert.equal(outcome.kind, 'skipped');
    assert.ok(outcome.kind === 'skipped' && outcome.reason.includes('ALIBABA_CLOUD_ACCESS_KEY_ID'));
    assert.ok(outcome.kind === 'skipped' && !outcome.reason.includes(DEMO_KEY.accessKeySecret));

    const none = await demoSignIn({ IME_DEMO_SIGN_IN: '1' }, store);
    assert.equal(none.kind, 'skipped');
    assert.equal(store.saves.length, 0);
  });

  it('carries an STS token through', async () => {
    const store = new MemoryStore();
    await demoSignIn({ ...LAUNCHER_ENV, ALIBABA_CLOUD_SECURITY_TOKEN: 'CAIS-token' }, store);
    assert.equal(store.secrets.get('demo')?.securityToken, 'CAIS-token');
  });

  it('reports a secret storage failure instead of throwing', async () => {
    const store = new MemoryStore();
    store.failSave = true;
    const outcome = await demoSignIn(LAUNCHER_ENV, store);
    assert.equal(outcome.kind, 'skipped');
    assert.equal(store.active, undefined);
  });
});
