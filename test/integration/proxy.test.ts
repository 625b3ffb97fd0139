// Calls through a proxy in the real extension host: with VS Code's http.* settings pointing at a real proxy (the
// `proxy` package) the extension's calls to the emulator go through it in every http.proxySupport mode but off, as
// the proxy's own count shows (VS Code itself never proxies 127.0.0.1, and with `on` it leaves the calls to the
// extension's agent); http.noProxy listing the emulator's host skips it; a proxy asking for credentials shows as
// such in the tree. Each change takes effect without a reload. The user's http settings are put back afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { startTestProxy, type TestProxy } from '../harness/proxyServer';
import { waitUntil } from '../harness/wait';
import { assertNoSecrets, children, explorer, isLegacyApp, isNotice, labelOf, reset, signedInWorld, visibleText } from './helpers';

const HTTP_SETTINGS = ['proxySupport', 'proxy', 'noProxy', 'proxyAuthorization'] as const;
type HttpValues = Partial<Record<(typeof HTTP_SETTINGS)[number], unknown>>;

/** Writes user-level http.* settings, waits until VS Code returns them, and reloads the session with them. */
async function setHttp(api: ExplorerApi, values: HttpValues): Promise<void> {
  const http = () => vscode.workspace.getConfiguration('http');
  for (const [key, value] of Object.entries(values)) await http().update(key, value, vscode.ConfigurationTarget.Global);
  await waitUntil(() => Object.entries(values).every(([key, value]) => JSON.stringify(http().inspect(key)?.globalValue) === JSON.stringify(value)), {
    timeout: 10_000,
    interval: 20,
    message: 'VS Code to return the http settings just written',
  });
  await api.session.reload();
}

describe('calls through a proxy (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let proxy: TestProxy;
  let guarded: TestProxy;
  let saved: HttpValues;

  before(async () => {
    api = await explorer();
    const http = vscode.workspace.getConfiguration('http');
    saved = Object.fromEntries(HTTP_SETTINGS.map((key) => [key, http.inspect(key)?.globalValue]));
    emulator = await signedInWorld(api);
    proxy = await startTestProxy();
    guarded = await startTestProxy({ user: 'proxy-user', password: 'Pr0xy-Secret' });
  });

  after(async () => {
    await setHttp(api, saved);
    await reset(api);
    await emulator.close();
    await proxy.close();
    await guarded.close();
  });

  /** The root rows, read afresh: the apps, loaded with the extension's client. */
  async function loadApps(): Promise<void> {
    api.tree.refresh();
    const rows = await children(api);
    assert.ok(
      rows.some((row) => isLegacyApp(row)),
      `apps listed: ${rows.map(labelOf).join(', ')}`,
    );
  }

  for (const mode of ['on', 'override', 'fallback'] as const) {
    it(`http.proxySupport ${mode}: the extension's calls to the emulator go through http.proxy, by the proxy's own count`, async () => {
      await setHttp(api, { proxySupport: mode, proxy: proxy.url, noProxy: [] });
      assert.deepEqual(api.session.client.proxy, { label: proxy.url, source: 'http.proxy' });
      const before = proxy.forwarded.length;
      emulator.resetStats();
      await loadApps();
      const forwarded = proxy.forwarded.slice(before);
      assert.ok(forwarded.length > 0, 'the proxy carried the calls');
      assert.ok(
        forwarded.every((url) => url.startsWith(`${emulator.url}/`)),
        forwarded.join(', '),
      );
      assert.equal(emulator.stats().requests, forwarded.length, 'every call the emulator answered came through the proxy');
      assert.ok(api.log.recent.some((line) => line.includes(`go through the proxy ${proxy.url} (set in http.proxy; http.proxySupport: ${mode})`)));
    });
  }

  it('http.noProxy listing the emulator host, or http.proxySupport off: the calls skip the proxy', async () => {
    for (const values of [
      { proxySupport: 'on', proxy: proxy.url, noProxy: ['127.0.0.1'] },
      { proxySupport: 'off', proxy: proxy.url, noProxy: [] },
    ]) {
      await setHttp(api, values);
      assert.equal(api.session.client.proxy, undefined, JSON.stringify(values));
      const before = proxy.forwarded.length + proxy.tunnels.length;
      emulator.resetStats();
      await loadApps();
      assert.ok(emulator.stats().requests > 0);
      assert.equal(proxy.forwarded.length + proxy.tunnels.length, before, `the proxy saw nothing with ${JSON.stringify(values)}`);
    }
  });

  it('a proxy that wants credentials: the tree says so and names http.proxy and http.proxyAuthorization; http.proxyAuthorization set, the apps load', async () => {
    await setHttp(api, { proxySupport: 'on', proxy: guarded.url.replace('http://', 'http://proxy-user:wrong-Secret@'), noProxy: [] });
    emulator.resetStats();
    api.tree.refresh();
    const rows = await children(api);
    const errors = rows.filter((row) => isNotice(row) && row.severity === 'error');
    assert.ok(errors.length > 0, `error rows among ${rows.map(labelOf).join(', ')}`);
    for (const error of errors) {
      const shown = visibleText([error]).join('\n');
      assert.match(shown, /wants credentials \(HTTP 407/);
      assert.match(shown, /`http\.proxy`.*`http\.proxyAuthorization`/s);
    }
    assertNoSecrets([...visibleText(rows), ...api.log.recent], ['wrong-Secret', 'Pr0xy-Secret']);
    assert.equal(emulator.stats().requests, 0, 'nothing reached the emulator');

    await setHttp(api, { proxy: guarded.url, proxyAuthorization: guarded.authorization });
    await loadApps();
    assert.ok(guarded.forwarded.length > 0);
    await setHttp(api, { proxyAuthorization: undefined });
  });
});
