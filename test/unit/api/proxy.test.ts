// Calls through a proxy: which proxy each http.proxySupport mode, http.proxy, http.noProxy and the proxy
// environment variables select (VS Code's rules), and real calls through a real proxy (the `proxy` package) to the
// emulator: forwarded for plain http, a CONNECT tunnel for https, keep-alive, no-proxy, 407, a refused tunnel, an
// unreachable proxy, an untrusted certificate chain, and writes that a proxy stopped counted as not sent.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ClientErrorCode, refusedBeforeActing } from '../../../src/api/errors';
import { bypassesProxy, proxyRoute, proxySettingsOf, type ProxySettings } from '../../../src/api/proxy';
import { startTestProxy, type TestProxy } from '../../harness/proxyServer';
import { closedPort, expectCode, newClient, useEmulator } from '../helpers';
import { startTlsFront, type TlsFront } from './tlsFront';

const ENDPOINT = 'https://live.aliyuncs.com';

function settings(overrides: Partial<ProxySettings> = {}): ProxySettings {
  return { support: 'on', proxy: '', noProxy: [], strictSSL: true, env: {}, ...overrides };
}

describe('proxy: which proxy a call goes through', () => {
  it('off: no proxy at all, whatever http.proxy and the environment say; every other mode: the configured one', () => {
    const configured = { proxy: 'http://proxy.corp:3128', env: { HTTPS_PROXY: 'http://env.corp:8080' } };
    assert.equal(proxyRoute(settings({ ...configured, support: 'off' }), ENDPOINT), undefined);
    for (const support of ['on', 'override', 'fallback'] as const) {
      const route = proxyRoute(settings({ ...configured, support }), ENDPOINT);
      assert.equal(route?.label, 'http://proxy.corp:3128', support);
      assert.equal(route?.source, 'http.proxy');
    }
    assert.equal(proxyRoute(undefined, ENDPOINT), undefined, 'outside VS Code: direct');
  });

  it('http.proxy before the environment; of the variables https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY, the first set, for http and https alike', () => {
    const env = { HTTP_PROXY: 'http://d:1', http_proxy: 'http://c:1', HTTPS_PROXY: 'http://b:1', https_proxy: 'http://a:1' };
    assert.equal(proxyRoute(settings({ proxy: 'http://setting:1', env }), ENDPOINT)?.label, 'http://setting:1');
    const order = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;
    for (let i = 0; i < order.length; i++) {
      const remaining = Object.fromEntries(order.slice(i).map((name) => [name, env[name]]));
      for (const endpoint of [ENDPOINT, 'http://127.0.0.1:8080']) {
        const route = proxyRoute(settings({ env: remaining }), endpoint);
        assert.equal(route?.source, order[i], endpoint);
        assert.equal(route?.url.href, `${env[order[i]]}/`);
      }
    }
    assert.equal(proxyRoute(settings(), ENDPOINT), undefined, 'nothing configured: direct');
  });

  it('a value that is not a proxy URL is ignored as VS Code ignores it (no scheme), or refused naming where it was set', () => {
    assert.equal(proxyRoute(settings({ env: { HTTPS_PROXY: 'proxy.corp:3128' } }), ENDPOINT), undefined);
    assert.equal(proxyRoute(settings({ proxy: 'proxy.corp:3128', env: { HTTPS_PROXY: 'http://env:1' } }), ENDPOINT)?.source, 'HTTPS_PROXY');
    assert.throws(
      () => proxyRoute(settings({ proxy: 'http://user:hunter22@bad host:1' }), ENDPOINT),
      expectCode(ClientErrorCode.InvalidConfiguration, (e) => {
        assert.match(e.message, /http\.proxy/);
        assert.doesNotMatch(e.message, /hunter22/);
      }),
    );
    // SOCKS: VS Code carries such calls in override and fallback; with "on" only this route would apply.
    assert.equal(proxyRoute(settings({ support: 'override', proxy: 'socks5://s:1080' }), ENDPOINT), undefined);
    assert.throws(
      () => proxyRoute(settings({ support: 'on', env: { https_proxy: 'socks5://s:1080' } }), ENDPOINT),
      expectCode(ClientErrorCode.InvalidConfiguration, (e) => assert.match(e.message, /https_proxy.*SOCKS.*http\.proxySupport/)),
    );
  });

  it('http.noProxy: a name matches itself and its subdomains, name:port only that port, * everything; case does not matter', () => {
    assert.equal(bypassesProxy(['aliyuncs.com'], 'live.aliyuncs.com', '443'), true);
    assert.equal(bypassesProxy(['.aliyuncs.com'], 'live.aliyuncs.com', '443'), true);
    assert.equal(bypassesProxy(['LIVE.aliyuncs.com'], 'live.aliyuncs.com', '443'), true);
    assert.equal(bypassesProxy(['aliyuncs.com'], 'notaliyuncs.com', '443'), false);
    assert.equal(bypassesProxy(['live.aliyuncs.com:443'], 'live.aliyuncs.com', '443'), true);
    assert.equal(bypassesProxy(['live.aliyuncs.com:8443'], 'live.aliyuncs.com', '443'), false);
    assert.equal(bypassesProxy(['127.0.0.1'], '127.0.0.1', '8080'), true);
    assert.equal(bypassesProxy(['other.example', ' * '], 'live.aliyuncs.com', '443'), true);
    assert.equal(bypassesProxy(['', ':443'], 'live.aliyuncs.com', '443'), false);
    assert.equal(bypassesProxy([], 'live.aliyuncs.com', '443'), false);
  });

  it('a non-empty http.noProxy decides alone; otherwise no_proxy, then NO_PROXY, comma-separated', () => {
    const base = { proxy: 'http://p:1' };
    assert.equal(proxyRoute(settings({ ...base, noProxy: ['aliyuncs.com'] }), ENDPOINT), undefined);
    assert.ok(proxyRoute(settings({ ...base, noProxy: ['example.com'], env: { NO_PROXY: 'aliyuncs.com' } }), ENDPOINT), 'the setting, not NO_PROXY');
    assert.equal(proxyRoute(settings({ ...base, env: { NO_PROXY: 'example.com, aliyuncs.com' } }), ENDPOINT), undefined);
    assert.ok(proxyRoute(settings({ ...base, env: { no_proxy: 'example.com', NO_PROXY: 'aliyuncs.com' } }), ENDPOINT), 'no_proxy first');
    assert.equal(proxyRoute(settings({ ...base, noProxy: ['127.0.0.1:8080'] }), 'http://127.0.0.1:8080'), undefined);
    assert.ok(proxyRoute(settings({ ...base, noProxy: ['127.0.0.1:8080'] }), 'http://127.0.0.1:9090'));
  });

  it('reads the http.* settings as VS Code returns them and only the proxy variables of the environment', () => {
    const values: Record<string, unknown> = {
      proxySupport: 'on',
      proxy: ' http://p:1 ',
      noProxy: ['a.example', 7, 'b.example'],
      proxyStrictSSL: false,
      proxyAuthorization: 'Basic dXNlcjpwYXNz',
    };
    const read = proxySettingsOf(
      { get: (key) => values[key] },
      { HTTPS_PROXY: 'http://e:1', no_proxy: 'x', HOME: '/root', AWS_SECRET_ACCESS_KEY: 'k', http_proxy: ' ' },
    );
    assert.deepEqual(read, {
      support: 'on',
      proxy: 'http://p:1',
      noProxy: ['a.example', 'b.example'],
      strictSSL: false,
      authorization: 'Basic dXNlcjpwYXNz',
      env: { HTTPS_PROXY: 'http://e:1', no_proxy: 'x' },
    });
    const defaults = proxySettingsOf({ get: () => undefined }, {});
    assert.deepEqual(defaults, { support: 'override', proxy: '', noProxy: [], strictSSL: true, env: {} });
    assert.equal(proxySettingsOf({ get: (key) => (key === 'proxySupport' ? 'sometimes' : undefined) }, {}).support, 'off', 'a mode VS Code does not know');
  });
});

describe('proxy: calls through a real proxy', function () {
  const emulator = useEmulator();
  let proxy: TestProxy;
  let guarded: TestProxy;
  const credentials = { user: 'proxy-user', password: 'pr0xy p@ss' };

  before(async () => {
    proxy = await startTestProxy();
    guarded = await startTestProxy(credentials);
  });
  after(async () => {
    await proxy.close();
    await guarded.close();
  });

  const listApps = { PageNum: 1, PageSize: 1 } as const;

  it('http.proxySupport on: plain-http calls are forwarded by the proxy, over one kept-alive connection', async () => {
    const before = { forwarded: proxy.forwarded.length, connections: proxy.connections };
    const { client } = newClient(emulator().url, undefined, { proxy: settings({ proxy: proxy.url }) });
    assert.deepEqual(client.proxy, { label: proxy.url, source: 'http.proxy' });
    for (let i = 0; i < 3; i++) {
      const apps = await client.listMessageApp(listApps);
      assert.equal(apps.Result.Total, emulator().dataset.apps.length);
    }
    const forwarded = proxy.forwarded.slice(before.forwarded);
    assert.equal(forwarded.length, 3);
    for (const url of forwarded) assert.ok(url.startsWith(`${emulator().url}/`), `an absolute URL for the proxy: ${url}`);
    assert.equal(proxy.connections - before.connections, 1, 'one connection to the proxy for all three');
    assert.equal(emulator().stats().accepted, 3);
  });

  it('the emulator listed in http.noProxy, or http.proxySupport off: the proxy sees nothing', async () => {
    const before = proxy.forwarded.length + proxy.tunnels.length;
    for (const route of [settings({ proxy: proxy.url, noProxy: ['127.0.0.1'] }), settings({ proxy: proxy.url, support: 'off' })]) {
      const { client } = newClient(emulator().url, undefined, { proxy: route });
      assert.equal(client.proxy, undefined);
      await client.listMessageApp(listApps);
    }
    assert.equal(proxy.forwarded.length + proxy.tunnels.length, before);
    assert.equal(emulator().stats().accepted, 2);
  });

  it('a proxy that wants credentials: 407 said as such, naming http.proxy and http.proxyAuthorization; with them the call passes', async () => {
    const { client, calls } = newClient(emulator().url, undefined, { proxy: settings({ proxy: guarded.url }), maxAttempts: 3 });
    await assert.rejects(
      client.listMessageApp(listApps),
      expectCode(ClientErrorCode.ProxyAuthenticationRequired, (e) => {
        assert.equal(e.status, 407);
        assert.equal(e.retryable, false);
        assert.match(e.message, new RegExp(`${guarded.url}.*407.*http\\.proxy.*http\\.proxyAuthorization`));
      }),
    );
    assert.equal(calls.length, 1, 'not sent again');
    assert.equal(emulator().stats().requests, 0);

    const inUrl = newClient(emulator().url, undefined, { proxy: settings({ proxy: guarded.urlWithCredentials }) }).client;
    assert.equal(inUrl.proxy?.label, guarded.url, 'the label carries no credentials');
    await inUrl.listMessageApp(listApps);
    const header = newClient(emulator().url, undefined, { proxy: settings({ proxy: guarded.url, authorization: guarded.authorization }) }).client;
    await header.listMessageApp(listApps);
    assert.equal(emulator().stats().accepted, 2);
  });

  it('a write the proxy refused (407) or could not carry (nothing listens) was not sent: said so, not "may or may not have happened"', async () => {
    const { appId, smallGroupId } = emulator().liveMessage.fixtures;
    const write = { AppId: appId, GroupId: smallGroupId, SenderId: 'host1', Body: 'hi', MsgTid: `proxy${Date.now().toString(36)}` };
    const refused = newClient(emulator().url, undefined, { proxy: settings({ proxy: guarded.url }) }).client;
    await assert.rejects(
      refused.sendLiveMessageGroup(write),
      expectCode(ClientErrorCode.ProxyAuthenticationRequired, (e) => assert.ok(refusedBeforeActing(e))),
    );
    const port = await closedPort();
    const unreachable = newClient(emulator().url, undefined, { proxy: settings({ env: { HTTP_PROXY: `http://127.0.0.1:${port}` } }) }).client;
    await assert.rejects(
      unreachable.sendLiveMessageGroup(write),
      expectCode('ECONNREFUSED', (e) => {
        assert.ok(refusedBeforeActing(e));
        assert.match(e.message, new RegExp(`proxy http://127\\.0\\.0\\.1:${port} \\(set in HTTP_PROXY\\).*refused.*http\\.proxy.*http\\.proxySupport`));
      }),
    );
    assert.equal(emulator().stats().requests, 0, 'nothing reached the server');
  });

  it('an unreachable proxy is named in the error, never its credentials', async () => {
    const port = await closedPort();
    const password = 'S3cret-of-the-proxy';
    const { client } = newClient(emulator().url, undefined, { proxy: settings({ proxy: `http://me:${password}@127.0.0.1:${port}` }), maxAttempts: 1 });
    assert.doesNotMatch(inspect(client, { depth: 5 }) + JSON.stringify(client), new RegExp(password));
    await assert.rejects(
      client.listMessageApp(listApps),
      expectCode('ECONNREFUSED', (e) => {
        assert.match(e.message, new RegExp(`could not connect to the proxy http://127\\.0\\.0\\.1:${port}`));
        assert.doesNotMatch(JSON.stringify(e) + e.stack, new RegExp(`${password}|me:`));
      }),
    );
  });

  describe('an https endpoint: a CONNECT tunnel', () => {
    let front: TlsFront;
    before(async () => {
      front = await startTlsFront(emulator().url);
    });
    after(async () => {
      await front.close();
    });

    it('a certificate chain this computer does not trust: said so, naming http.proxyStrictSSL and http.systemCertificates; not sent', async () => {
      const before = proxy.tunnels.length;
      const { client } = newClient(front.url, undefined, { proxy: settings({ proxy: proxy.url }), maxAttempts: 1 });
      await assert.rejects(
        client.listMessageApp(listApps),
        expectCode('SELF_SIGNED_CERT_IN_CHAIN', (e) => {
          assert.match(e.message, /not trusted.*http\.systemCertificates.*http\.proxyStrictSSL/);
          assert.ok(refusedBeforeActing(e));
        }),
      );
      assert.deepEqual(proxy.tunnels.slice(before), [new URL(front.url).host]);
      assert.equal(emulator().stats().requests, 0);
    });

    it('http.proxyStrictSSL off: the calls pass through the tunnel, which is kept alive', async () => {
      const before = { tunnels: proxy.tunnels.length, connections: proxy.connections };
      const { client } = newClient(front.url, undefined, { proxy: settings({ proxy: proxy.url, strictSSL: false }) });
      for (let i = 0; i < 3; i++) await client.listMessageApp(listApps);
      assert.equal(proxy.tunnels.length - before.tunnels, 1, 'one CONNECT for three calls');
      assert.equal(proxy.connections - before.connections, 1);
      assert.equal(emulator().stats().accepted, 3);
    });

    it('a tunnel the proxy refuses: 407 asks for credentials; any other status says the proxy refused, with its status', async () => {
      const { client } = newClient(front.url, undefined, { proxy: settings({ proxy: guarded.url, strictSSL: false }), maxAttempts: 1 });
      await assert.rejects(
        client.listMessageApp(listApps),
        expectCode(ClientErrorCode.ProxyAuthenticationRequired, (e) => assert.equal(e.status, 407)),
      );
      const authorized = newClient(front.url, undefined, { proxy: settings({ proxy: guarded.url, authorization: guarded.authorization, strictSSL: false }) });
      await authorized.client.listMessageApp(listApps);

      // Nothing listens where the tunnel should lead: the proxy answers the CONNECT with 500.
      const port = await closedPort();
      const { client: nowhere } = newClient(`https://127.0.0.1:${port}`, undefined, { proxy: settings({ proxy: proxy.url }), maxAttempts: 1 });
      await assert.rejects(
        nowhere.listMessageApp(listApps),
        expectCode(ClientErrorCode.ProxyRefused, (e) => {
          assert.equal(e.status, 500);
          assert.equal(e.retryable, true);
          assert.match(e.message, new RegExp(`refused to open a connection to https://127\\.0\\.0\\.1:${port} \\(HTTP 500\\).*http\\.noProxy`));
          assert.ok(refusedBeforeActing(e));
        }),
      );
    });
  });
});
