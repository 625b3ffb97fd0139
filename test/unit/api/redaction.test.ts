import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import type { ClientOptions } from '../../../src/api/client';
import { ApiError, redact, registerSecrets, toApiError } from '../../../src/api/errors';
import { DEMO_KEY, DISABLED_KEY, RESTRICTED_KEY, STS_KEY, startEmulator, type EmulatorKey, type FaultOptions } from '../../../src/emulator';
import { closedPort, newClient, recordingProxy, useEmulator } from '../helpers';

// Deliberately full of characters that percent-encoding changes.
const KEY_ID = 'STS.RedactTestKeyId9x';
const SECRET = 'redact/Test+Secret=42';
const TOKEN = 'CAIS redact*Token/with+odd=chars&more%';

function pct(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function assertClean(text: string, extra: string[] = []): void {
  for (const secret of [KEY_ID, SECRET, TOKEN, ...extra]) {
    for (const form of new Set([secret, pct(secret), pct(pct(secret))])) {
      assert.ok(!text.includes(form), `leaked ${JSON.stringify(form)} in ${JSON.stringify(text)}`);
    }
  }
}

describe('redaction', () => {
  before(() => registerSecrets(KEY_ID, SECRET, TOKEN));

  it('removes registered values raw, encoded once and twice', () => {
    const text = `id ${KEY_ID} secret ${SECRET} token ${TOKEN} / ${pct(TOKEN)} / ${pct(pct(TOKEN))} / ${pct(SECRET)}`;
    const out = redact(text);
    assertClean(out);
    assert.match(out, /^id \*\*\* secret \*\*\* token \*\*\*/);
  });

  it('removes parameter values by name in URLs, form bodies, strings-to-sign, JSON and headers', () => {
    const unknownSignature = 'q2Vx+/AbC=';
    const samples = [
      `https://live.aliyuncs.com/?AccessKeyId=LTAIother&Action=X&Signature=${pct(unknownSignature)}&SecurityToken=tok%2Fen`,
      `AccessKeyId=LTAIother&Signature=${pct(unknownSignature)}`,
      `GET&%2F&AccessKeyId%3DLTAIother%26Action%3DListMessageApp%26SecurityToken%3Dtok%252Fen%26Timestamp%3D2026`,
      `{"AccessKeyId":"LTAIother","AccessKeySecret":"sec\\"ret","SecurityToken":"tok"}`,
      `x-acs-security-token: tokvalue`,
    ];
    for (const sample of samples) {
      const out = redact(sample);
      for (const leaked of ['LTAIother', pct(unknownSignature), 'tok%2Fen', 'tok%252Fen', 'sec\\"ret', '"tok"', 'tokvalue']) {
        assert.ok(!out.includes(leaked), `${leaked} leaked from ${out}`);
      }
    }
    assert.equal(
      redact('Action=ListMessageApp&SignatureMethod=HMAC-SHA1&SignatureNonce=abc'),
      'Action=ListMessageApp&SignatureMethod=HMAC-SHA1&SignatureNonce=abc',
    );
  });

  it('a pop-core error for SignatureDoesNotMatch (string-to-sign in the Message, signed URL appended) exposes nothing', () => {
    const canonical = `AccessKeyId=${pct(KEY_ID)}&Action=ListMessageApp&SecurityToken=${pct(TOKEN)}`;
    const stringToSign = `GET&%2F&${pct(canonical)}`;
    const signature = createHmac('sha1', SECRET + '&')
      .update(stringToSign)
      .digest('base64');
    const url = `https://live.aliyuncs.com/?${canonical}&Signature=${pct(signature)}`;
    const message = `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`;
    const thrown = Object.assign(new Error(`${message}, URL: ${url}`), {
      name: 'SignatureDoesNotMatchError',
      code: 'SignatureDoesNotMatch',
      url,
      data: { RequestId: 'R', HostId: 'h', Code: 'SignatureDoesNotMatch', Message: message, Recommend: `https://x/?q=1&SecurityToken=${pct(TOKEN)}` },
      entry: { response: { statusCode: 400 } },
    });
    const error = toApiError(thrown, { action: 'ListMessageApp', endpoint: 'https://live.aliyuncs.com', timeoutMs: 1000 });
    const surfaces = [
      error.message,
      String(error.stack),
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 5, showHidden: true }),
      String(error.serverMessage),
      String(error.recommend),
    ];
    for (const text of surfaces) assertClean(text, [signature, pct(signature)]);
    assert.match(error.message, /server string to sign is:GET&%2F&AccessKeyId%3D\*\*\*/);
  });
});

describe('redaction: nothing a failing call surfaces holds a credential or a signature', function () {
  const emulator = useEmulator();

  it('across auth errors (SignatureDoesNotMatch with an STS key included), faults, a timeout and a refused connection', async () => {
    const proxy = await recordingProxy(emulator().url);
    const skewed = await startEmulator({ clock: () => Date.now() - 30 * 60_000 });
    const skewedProxy = await recordingProxy(skewed.url);
    const refusedPort = await closedPort();
    const wrongSecret = 'wrong+Secret/with=odd&chars 1';
    const surfaces: string[] = [];
    const secrets = new Set<string>([wrongSecret]);
    const codes: string[] = [];

    async function fail(key: EmulatorKey, endpoint: string, options: Partial<ClientOptions>, faults: FaultOptions = {}): Promise<void> {
      for (const value of [key.accessKeyId, key.accessKeySecret, key.securityToken]) if (value) secrets.add(value);
      emulator().setFaults(faults);
      const { client, calls } = newClient(endpoint, key, { maxAttempts: 1, timeoutMs: 200, ...options });
      const { appId, specialGroupId } = emulator().dataset.fixtures;
      const error = await client.listMessageGroupUser({ AppId: appId, GroupId: specialGroupId, PageNum: 1, PageSize: 10 }).then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e as ApiError,
      );
      assert.ok(error instanceof ApiError);
      codes.push(error.code);
      surfaces.push(error.message, String(error.stack), String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity }));
      surfaces.push(JSON.stringify(calls), inspect(calls, { depth: Infinity }), inspect(client, { showHidden: true, depth: Infinity }));
    }

    try {
      for (const method of ['GET', 'POST'] as const) {
        await fail({ ...STS_KEY, accessKeySecret: wrongSecret }, proxy.url, { method });
        await fail({ ...DEMO_KEY, accessKeySecret: wrongSecret }, proxy.url, { method });
        await fail({ ...STS_KEY, securityToken: 'CAISanotherTokenThatDoesNotMatch00' }, proxy.url, { method });
        await fail(DEMO_KEY, proxy.url, { method }, { hangRate: 1 });
        await fail(STS_KEY, proxy.url, { method }, { resetRate: 1 });
        await fail(STS_KEY, proxy.url, { method }, { html502Rate: 1 });
        await fail(STS_KEY, proxy.url, { method }, { malformedJsonRate: 1 });
        await fail(STS_KEY, proxy.url, { method }, { errorRate: 1, errorCodes: ['Throttling.User'] });
        await fail(STS_KEY, skewedProxy.url, { method });
        await fail(STS_KEY, `http://127.0.0.1:${refusedPort}`, { method });
      }
      await fail({ accessKeyId: 'LTAI5tUnknownKeyForRedaction', accessKeySecret: 'unknownSecret0123' }, proxy.url, {});
      await fail(DISABLED_KEY, proxy.url, {});
      await fail(RESTRICTED_KEY, proxy.url, {}, { errorRate: 1, errorCodes: ['Forbidden.RAM'] });

      for (const code of [
        'SignatureDoesNotMatch',
        'InvalidSecurityToken.MismatchWithAccessKey',
        'RequestTimeout',
        'ECONNRESET',
        'MalformedResponse',
        'Throttling.User',
        'InvalidTimeStamp.Expired',
        'ECONNREFUSED',
        'InvalidAccessKeyId.NotFound',
        'Forbidden.AccessKeyDisabled',
        'Forbidden.RAM',
      ]) {
        assert.ok(codes.includes(code), `${code} was exercised (got ${codes.join(', ')})`);
      }
      assert.ok(
        surfaces.some((s) => s.includes('server string to sign is:')),
        'the string-to-sign message was surfaced (redacted)',
      );

      const signatures = new Set<string>();
      for (const sent of [...proxy.seen, ...skewedProxy.seen]) {
        const [url, body] = sent.split('\n');
        for (const params of [new URLSearchParams(url.slice(url.indexOf('?') + 1)), new URLSearchParams(body)]) {
          const signature = params.get('Signature');
          if (signature) signatures.add(signature);
        }
      }
      assert.ok(signatures.size >= 20, `${signatures.size} signatures captured`);
      const all = surfaces.join('\n');
      for (const secret of [...secrets, ...signatures]) {
        for (const form of new Set([secret, pct(secret), pct(pct(secret))])) {
          assert.ok(!all.includes(form), `leaked ${JSON.stringify(form)}`);
        }
      }
    } finally {
      await proxy.close();
      await skewedProxy.close();
      await skewed.close();
    }
  });
});
