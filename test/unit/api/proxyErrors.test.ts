// What a failure on the way through a proxy is called: the proxy's connection errors, VS Code's proxy agent's report,
// untrusted certificate chains, a proxy's own answers; each counted as not sent; no proxy credential in any text.
import * as assert from 'node:assert/strict';
import { ClientErrorCode, proxyRefusalError, redact, refusedBeforeActing, toApiError } from '../../../src/api/errors';
import { proxyRoute, registerProxySecrets } from '../../../src/api/proxy';
import { modulesLoadedOnFirstCall } from '../helpers';

const context = { action: 'ListMessageApp', endpoint: 'https://live.aliyuncs.com', timeoutMs: 5000 };
const viaProxy = { ...context, proxy: { label: 'http://proxy.corp:3128', source: 'HTTPS_PROXY' } };

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:3128GET https://live.aliyuncs.com/?Signature=abc failed.`), { code });
}

describe('proxy errors: what each failure is called', () => {
  it('a connection that could not be made names the proxy, where it was set, http.proxy and http.proxySupport; without a proxy, the endpoint', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
      const error = toApiError(systemError(code), viaProxy);
      assert.equal(error.code, code);
      assert.match(
        error.message,
        /^ListMessageApp: could not connect to the proxy http:\/\/proxy\.corp:3128 \(set in HTTPS_PROXY\): .+\. Check `http\.proxy` and `http\.proxySupport`/,
      );
      assert.ok(refusedBeforeActing(error), code);
      const direct = toApiError(systemError(code), context);
      assert.doesNotMatch(direct.message, /proxy/, code);
      assert.match(direct.message, /live\.aliyuncs\.com/);
    }
    assert.equal(toApiError(systemError('EAI_AGAIN'), viaProxy).retryable, true, 'DNS may answer later');
    assert.equal(toApiError(systemError('ECONNREFUSED'), viaProxy).retryable, false);
  });

  it("VS Code's own proxy agent (modes override and fallback) failing to reach the proxy: ProxyUnreachable, not sent", () => {
    const thrown = new Error('Failed to establish a socket connection to proxies: PROXY proxy.corp:3128GET https://live.aliyuncs.com/?Signature=x failed.');
    const error = toApiError(thrown, viaProxy);
    assert.equal(error.code, ClientErrorCode.ProxyUnreachable);
    assert.match(error.message, /proxy http:\/\/proxy\.corp:3128 \(set in HTTPS_PROXY\).*http\.proxySupport/);
    assert.ok(refusedBeforeActing(error));
    // A proxy VS Code found by itself (the system's settings): no label of ours to name.
    assert.match(
      toApiError(thrown, context).message,
      /VS Code could not connect to the proxy it chose for https:\/\/live\.aliyuncs\.com.*system's proxy settings/,
    );
  });

  it('a certificate chain this computer does not trust names http.systemCertificates and http.proxyStrictSSL, and was not sent', () => {
    for (const code of [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_UNTRUSTED',
    ]) {
      for (const where of [context, viaProxy]) {
        const error = toApiError(systemError(code), where);
        assert.equal(error.code, code);
        assert.match(
          error.message,
          new RegExp(`https://live\\.aliyuncs\\.com is not trusted on this computer \\(${code}\\).*\`http\\.systemCertificates\`.*\`http\\.proxyStrictSSL\``),
        );
        assert.equal(error.retryable, false);
        assert.ok(refusedBeforeActing(error), code);
      }
    }
  });

  it("the proxy's own answer: 407 asks for credentials, another status is a refused tunnel (retried only for a 5xx); neither was sent", () => {
    const proxy = viaProxy.proxy;
    const auth = proxyRefusalError(407, context, proxy);
    assert.equal(auth.code, ClientErrorCode.ProxyAuthenticationRequired);
    assert.equal(auth.status, 407);
    assert.match(auth.message, /`http\.proxy` \(user:password@ before the host\) or as `http\.proxyAuthorization`/);
    for (const [status, retryable] of [
      [403, false],
      [502, true],
    ] as const) {
      const refused = proxyRefusalError(status, context, proxy);
      assert.equal(refused.code, ClientErrorCode.ProxyRefused);
      assert.equal(refused.status, status);
      assert.equal(refused.retryable, retryable);
      assert.ok(refusedBeforeActing(refused), String(status));
    }
    assert.ok(refusedBeforeActing(auth));
  });
});

describe('proxy errors: no proxy credential in any text', () => {
  it("removes a URL's user name and password, and (Proxy-)Authorization headers", () => {
    const out = redact(
      'via http://alice:Wonder%20land@proxy.corp:3128/ and https://bob@other:1, Proxy-Authorization: Basic YWxpY2U6V29uZGVy; Authorization: Negotiate TlRMTVNTUAAB',
    );
    assert.doesNotMatch(out, /alice|Wonder|bob@|YWxpY2U6V29uZGVy|TlRMTVNTUAAB/);
    assert.match(out, /http:\/\/\*\*\*@proxy\.corp:3128\/ and https:\/\/\*\*\*@other:1, Proxy-Authorization: \*\*\*; Authorization: \*\*\*/);
    assert.equal(redact('See `http.proxyAuthorization` (the Proxy-Authorization header).'), 'See `http.proxyAuthorization` (the Proxy-Authorization header).');
  });

  it("a route's password and http.proxyAuthorization are removed wherever they appear, raw, percent-encoded or as Basic credentials", () => {
    const password = 'Pr0xy/Pass+word';
    const token = 'aXQncyBhIHNlY3JldCB0b2tlbg==';
    const route = proxyRoute(
      {
        support: 'on',
        proxy: `http://carol:${encodeURIComponent(password)}@proxy.corp:3128`,
        noProxy: [],
        strictSSL: true,
        authorization: `Basic ${token}`,
        env: {},
      },
      'https://live.aliyuncs.com',
    );
    assert.ok(route);
    registerProxySecrets(route);
    const basic = Buffer.from(`carol:${password}`).toString('base64');
    const out = redact(`a ${password} b ${encodeURIComponent(password)} c ${basic} d ${token} e`);
    assert.equal(out, 'a *** b *** c *** d *** e');
  });
});

describe('the proxy agents are loaded on the first request through a proxy', () => {
  it('importing the client and building one with a proxy loads no proxy-agent module; the first call does', () => {
    const figures = modulesLoadedOnFirstCall(/[\\/](https?-proxy-agent|agent-base)[\\/]/, {
      proxy: { support: 'on', proxy: 'http://127.0.0.1:9', noProxy: [], strictSSL: true, env: {} },
    });
    assert.equal(figures.before, 0, 'none after importing the client');
    assert.equal(figures.constructed, 0, 'nor after building one');
    assert.ok(figures.after > 0, 'loaded by the first request');
  });
});
