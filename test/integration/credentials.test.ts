import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ProfileStore } from '../../src/credentials/profiles';
import { CredentialSourceError } from '../../src/credentials/sources';
import { DEMO_KEY, DISABLED_KEY, RESTRICTED_KEY, type RunningEmulator, startEmulator, STS_KEY } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { assertNoSecrets, children, configure, explorer, labelOf, reset, runWithInput, secretsOf, signIn, signInSteps, isLegacyApp } from './helpers';
import { confirmed, picked, TestUserInput, typed, withInput } from './testInput';

const SECRET_KEY = 'imExplorer.profile.';

describe('credentials and profiles (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;

  before(async () => {
    api = await explorer();
    emulator = await startEmulator({ port: 0 });
  });

  beforeEach(async () => {
    await reset(api);
    await configure(api, { endpoint: emulator.url });
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  it('signs in: the key goes to SecretStorage only, the profile becomes active and the tree lists apps', async () => {
    assert.equal(await signIn(api, 'demo'), 'demo');
    const stored = await api.context.secrets.get(SECRET_KEY + 'demo');
    assert.deepEqual(JSON.parse(stored!), { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret });
    assert.equal(api.profiles.activeName(), 'demo');
    assert.equal(api.profiles.active()?.keyHint, `${DEMO_KEY.accessKeyId.slice(0, 4)}…${DEMO_KEY.accessKeyId.slice(-4)}`);
    const apps = await children(api);
    // The legacy apps (the LiveMessage apps the same key sees follow them: liveMessage.test.ts).
    assert.deepEqual(
      apps
        .filter(isLegacyApp)
        .map((node) => node.ids().appId)
        .sort(),
      emulator.dataset.apps.map((app) => app.AppId).sort(),
    );
    // Nothing secret in settings, the environment, globalState or the log.
    const settings = JSON.stringify(vscode.workspace.getConfiguration('imExplorer'));
    const state = JSON.stringify(api.context.globalState.keys().map((key) => api.context.globalState.get(key)));
    assertNoSecrets([settings, state, JSON.stringify(process.env), ...api.log.recent]);
  });

  for (const [name, key, pattern] of [
    ['a wrong secret', { ...DEMO_KEY, accessKeySecret: 'wrong-secret-0123456789abcdefgh' }, /secret is wrong/],
    ['an unknown key', { ...DEMO_KEY, accessKeyId: 'LTAIunknownKey0000000000' }, /AccessKey ID is unknown/],
    ['a disabled key', DISABLED_KEY, /disabled/],
    ['an STS key without its token', { ...STS_KEY, securityToken: undefined }, /needs its security token/],
  ] as const) {
    it(`refuses ${name}, says which problem it is, and stores nothing`, async () => {
      const input = new TestUserInput(signInSteps('bad', key));
      const result = await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.signIn'));
      input.assertDone();
      assert.equal(result, undefined);
      assert.equal(api.profiles.list().length, 0);
      assert.equal(await api.context.secrets.get(SECRET_KEY + 'bad'), undefined);
      const warnings = input.messages.filter((message) => message.severity === 'warning').map((message) => message.message);
      assert.ok(
        warnings.some((text) => pattern.test(text) && /Nothing was saved/.test(text)),
        `a warning says why: ${warnings.join('\n')}`,
      );
      assert.ok(!input.messages.some((message) => message.severity === 'error'), "a refused key is the user's to fix, not an error toast");
      assert.ok(
        api.log.recent.some((line) => pattern.test(line)),
        'the log says why too',
      );
      assertNoSecrets(api.log.recent, secretsOf(DEMO_KEY, STS_KEY, DISABLED_KEY, key as typeof DEMO_KEY));
    });
  }

  it('says the clock is off when the server sees a skewed timestamp', async () => {
    const skewed = await startEmulator({ port: 0, clock: () => Date.now() + 20 * 60 * 1000 });
    try {
      await configure(api, { endpoint: skewed.url });
      assert.equal(await signIn(api, 'skewed'), undefined);
      assert.ok(
        api.log.recent.some((line) => /clock is off/.test(line)),
        api.log.recent.join('\n'),
      );
    } finally {
      await skewed.close();
    }
  });

  it('signs in an STS key and a key whose RAM policy forbids listing apps', async () => {
    assert.equal(await signIn(api, 'sts', STS_KEY), 'sts');
    assert.equal(api.profiles.active()?.sts, true);
    assert.ok((await children(api)).length > 0);
    assert.equal(await signIn(api, 'restricted', RESTRICTED_KEY), 'restricted');
    const nodes = await children(api);
    assert.ok(
      nodes.some((node) => node.kind === 'notice' && /live:ListMessageApp/.test(labelOf(node))),
      nodes.map(labelOf).join(', '),
    );
  });

  it('signs in a key whose account answers only the LiveMessage family, and refuses a wrong secret there too', async () => {
    // A new customer's account: the legacy family answers with an error that is not about the key.
    // (What the real service answers there is not documented; any answer that is not about the key will do.)
    emulator.setFaults({ errorRate: 1, errorCodes: ['InvalidAction.NotFound'], actions: ['ListMessageApp'] });
    try {
      assert.equal(await signIn(api, 'live-only'), 'live-only');
      assert.equal(api.profiles.activeName(), 'live-only');
      const input = new TestUserInput(signInSteps('wrong', { ...DEMO_KEY, accessKeySecret: 'wrong-secret-0123456789abcdefgh' }));
      assert.equal(await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.signIn')), undefined);
      assert.equal(await api.context.secrets.get(SECRET_KEY + 'wrong'), undefined, 'a refused key is not stored');
      assert.ok(input.messages.some((message) => message.severity === 'warning' && /secret is wrong/.test(message.message)));
    } finally {
      emulator.setFaults({});
    }
  });

  it('switches profile and the tree really switches with it', async () => {
    await signIn(api, 'demo');
    await signIn(api, 'sts', STS_KEY);
    assert.equal(api.tree.rootNode()?.profileName, 'sts');
    await runWithInput(api, 'imExplorer.switchProfile', [picked(/profile/, /\bdemo$/)]);
    assert.equal(api.profiles.activeName(), 'demo');
    assert.equal(api.tree.rootNode()?.profileName, 'demo');
    const apps = await children(api);
    assert.ok(
      apps.every((node) => node.id.startsWith('/profile/demo/')),
      apps.map((node) => node.id).join(', '),
    );
    const before = emulator.stats().requests;
    await children(api); // the active profile's own list, loaded once
    assert.equal(emulator.stats().requests, before);
  });

  it('signs out: the secret is deleted and the view shows the welcome content', async () => {
    await signIn(api, 'demo');
    assert.equal((await runWithInput(api, 'imExplorer.signOut', [confirmed(/Sign out of profile "demo"/, 'Sign Out')])).result, true);
    assert.equal(await api.context.secrets.get(SECRET_KEY + 'demo'), undefined);
    assert.equal(api.profiles.list().length, 0);
    assert.equal(api.session.signedIn, false);
    assert.deepEqual(await children(api), []);
  });

  describe('no command takes secrets or skips a confirmation', () => {
    it('Sign In with a key passed as arguments still asks for everything, and stores nothing by itself', async () => {
      const input = new TestUserInput(); // nothing scripted: the first prompt is unexpected and cancelled
      const result = await withInput(api, input, () =>
        vscode.commands.executeCommand('imExplorer.signIn', {
          profile: 'planted',
          accessKeyId: DEMO_KEY.accessKeyId,
          accessKeySecret: DEMO_KEY.accessKeySecret,
        }),
      );
      assert.equal(result, undefined);
      assert.match(input.unexpected[0] ?? '', /Profile name/);
      assert.deepEqual(api.profiles.list(), []);
      assert.equal(await api.context.secrets.get(SECRET_KEY + 'planted'), undefined);
    });

    it('Sign Out with confirmed: true still shows the modal, and Cancel keeps the profile and its key', async () => {
      await signIn(api, 'demo');
      const { result, input } = await runWithInput(api, 'imExplorer.signOut', [confirmed(/Sign out of profile "demo"/, undefined)]);
      assert.equal(result, false);
      assert.deepEqual(
        input.prompts.map((prompt) => prompt.kind),
        ['confirm'],
      );
      const planted = new TestUserInput([confirmed(/Sign out/, undefined)]);
      assert.equal(await withInput(api, planted, () => vscode.commands.executeCommand('imExplorer.signOut', { profile: 'demo', confirmed: true })), false);
      planted.assertDone();
      assert.deepEqual(
        api.profiles.list().map((profile) => profile.name),
        ['demo'],
      );
      assert.ok(await api.context.secrets.get(SECRET_KEY + 'demo'));
    });

    it('Import Credentials and Switch Profile with arguments still let the user pick', async () => {
      await signIn(api, 'demo');
      await signIn(api, 'other');
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = STS_KEY.accessKeyId;
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = STS_KEY.accessKeySecret;
      try {
        const importing = new TestUserInput([picked(/Import credentials/, undefined)]);
        await withInput(api, importing, () => vscode.commands.executeCommand('imExplorer.importCredentials', { source: 'environment', profile: 'planted' }));
        importing.assertDone();
        const switching = new TestUserInput([picked(/profile/, undefined)]);
        await withInput(api, switching, () => vscode.commands.executeCommand('imExplorer.switchProfile', 'demo'));
        switching.assertDone();
      } finally {
        delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
        delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      }
      assert.deepEqual(
        api.profiles
          .list()
          .map((profile) => profile.name)
          .sort(),
        ['demo', 'other'],
      );
      assert.equal(api.profiles.activeName(), 'other');
    });
  });

  describe('import', () => {
    const vars = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_CREDENTIALS_FILE'];
    let dir: string;

    beforeEach(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ime-import-'));
    });

    afterEach(async () => {
      for (const name of vars) delete process.env[name];
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(path.join(os.homedir(), '.aliyun'), { recursive: true, force: true });
    });

    it('imports from ALIBABA_CLOUD_* variables only when asked', async () => {
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = STS_KEY.accessKeyId;
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = STS_KEY.accessKeySecret;
      process.env.ALIBABA_CLOUD_SECURITY_TOKEN = STS_KEY.securityToken;
      await api.session.reload();
      assert.equal(api.profiles.list().length, 0, 'nothing is imported silently');
      assert.equal(
        (await runWithInput(api, 'imExplorer.importCredentials', [picked(/Import credentials/, /environment/), typed(/Profile name/, 'from-env')])).result,
        'from-env',
      );
      assert.equal(api.profiles.active()?.source, 'environment');
      assert.equal(api.profiles.active()?.sts, true);
    });

    it('imports an aliyun CLI profile and refuses unsupported modes with a clear message', async () => {
      await fs.mkdir(path.join(os.homedir(), '.aliyun'), { recursive: true });
      await fs.writeFile(
        path.join(os.homedir(), '.aliyun', 'config.json'),
        JSON.stringify({
          current: 'cli',
          profiles: [
            { name: 'cli', mode: 'AK', access_key_id: DEMO_KEY.accessKeyId, access_key_secret: DEMO_KEY.accessKeySecret },
            { name: 'role', mode: 'RamRoleArn', access_key_id: DEMO_KEY.accessKeyId, access_key_secret: DEMO_KEY.accessKeySecret },
          ],
        }),
      );
      assert.equal(
        (await runWithInput(api, 'imExplorer.importCredentials', [picked(/Import credentials/, /\bcli$/), typed(/Profile name/, 'cli')])).result,
        'cli',
      );
      const role = await runWithInput(api, 'imExplorer.importCredentials', [picked(/Import credentials/, /\brole$/)]);
      assert.equal(role.result, undefined);
      assert.ok(role.input.messages.some((message) => message.severity === 'warning' && /RamRoleArn, which is not supported yet/.test(message.message)));
      assert.deepEqual(
        api.profiles.list().map((profile) => profile.name),
        ['cli'],
      );
      assert.ok(api.log.recent.some((line) => /mode RamRoleArn, which is not supported yet/.test(line)));
    });

    it('imports from the credentials file and reports a broken one without changing anything', async () => {
      const file = path.join(dir, 'credentials');
      process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = file;
      await fs.writeFile(file, `[work]\ntype = access_key\naccess_key_id = ${DEMO_KEY.accessKeyId}\naccess_key_secret = ${DEMO_KEY.accessKeySecret}\n`);
      assert.equal(
        (await runWithInput(api, 'imExplorer.importCredentials', [picked(/Import credentials/, /\bwork$/), typed(/Profile name/, 'work')])).result,
        'work',
      );
      await fs.writeFile(file, `access_key_secret = ${DEMO_KEY.accessKeySecret}\n`);
      const broken = await runWithInput(api, 'imExplorer.importCredentials', [picked(/Import credentials/, /Cannot read/)]);
      assert.equal(broken.result, undefined);
      assert.deepEqual(
        api.profiles.list().map((profile) => profile.name),
        ['work'],
      );
      assert.ok(
        api.log.recent.some((line) => /has no profile sections/.test(line)),
        api.log.recent.join('\n'),
      );
      assertNoSecrets(api.log.recent);
    });
  });

  it('says what to do when SecretStorage is unavailable, and keeps no half-made profile', async () => {
    const failing: vscode.SecretStorage = {
      get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      delete: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
    };
    const store = new ProfileStore(failing, api.context.globalState);
    await assert.rejects(store.save('x', { accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: DEMO_KEY.accessKeySecret }, 'entered'), (error: unknown) => {
      assert.ok(error instanceof CredentialSourceError);
      assert.match(error.message, /keyring/);
      assert.match(error.message, /Nothing else was changed/);
      assertNoSecrets([error.message]);
      return true;
    });
    assert.deepEqual(store.list(), []);
  });
});
