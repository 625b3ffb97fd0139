import * as assert from 'node:assert/strict';
import { ApiError, ClientErrorCode, errorFromServerBody, isCredentialError, toApiError } from '../../../src/api/errors';

const context = { action: 'ListMessageGroupUser', endpoint: 'https://live.aliyuncs.com', timeoutMs: 5000 };

function serverError(code: string, status: number, message = 'server says no'): ApiError {
  // The shape pop-core throws for a JSON error body.
  const thrown = Object.assign(new Error(`${message}, URL: https://live.aliyuncs.com/?AccessKeyId=X&Signature=Y`), {
    name: `${code}Error`,
    code,
    data: { RequestId: 'REQ-1', HostId: 'live.aliyuncs.com', Code: code, Message: message, Recommend: 'https://api.aliyun.com/troubleshoot?q=' + code },
    entry: { response: { statusCode: status } },
  });
  return toApiError(thrown, context);
}

describe('errors: ApiError from server codes', () => {
  const cases: [code: string, status: number, phrase: RegExp, retryable: boolean][] = [
    ['SignatureDoesNotMatch', 400, /AccessKey secret is wrong/, false],
    ['InvalidAccessKeyId.NotFound', 404, /AccessKey ID is unknown/, false],
    ['InvalidAccessKeyId.Inactive', 400, /AccessKey is disabled/, false],
    ['Forbidden.AccessKeyDisabled', 403, /AccessKey is disabled/, false],
    ['Forbidden.RAM', 403, /RAM policy .* lacks `live:ListMessageGroupUser`/, false],
    ['Throttling', 400, /throttled/, true],
    ['Throttling.User', 400, /throttled/, true],
    ['Throttling.Api', 400, /throttled/, true],
    ['InvalidTimeStamp.Expired', 400, /clock is off/, false],
    ['InvalidSecurityToken.Expired', 400, /STS security token has expired/, false],
    ['InvalidSecurityToken.Malformed', 400, /STS security token is malformed/, false],
    ['InvalidSecurityToken.MismatchWithAccessKey', 400, /does not belong to this AccessKey ID/, false],
    ['MissingSecurityToken', 400, /needs its security token/, false],
    ['SignatureNonceUsed', 400, /nonce/, true],
    ['InternalError', 500, /server had a problem \(HTTP 500\)/, true],
    ['ServiceUnavailable', 503, /server had a problem \(HTTP 503\)/, true],
    ['InvalidGroupId.NotFound', 400, /does not know this GroupId/, false],
    ['MissingPageNum', 400, /rejected a request parameter/, false],
    ['InvalidAction.NotFound', 404, /does not know the API action/, false],
    ['InvalidVersion', 400, /does not accept the API version/, false],
    ['Something.New', 400, /error Something\.New/, false],
  ];
  for (const [code, status, phrase, retryable] of cases) {
    it(`${code} -> ${phrase}`, () => {
      const error = serverError(code, status);
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.requestId, 'REQ-1');
      assert.equal(error.action, 'ListMessageGroupUser');
      assert.equal(error.retryable, retryable);
      assert.match(error.message, phrase);
      assert.match(error.message, /Server message: server says no$/);
      assert.equal(error.serverMessage, 'server says no');
      assert.ok(!error.message.includes('URL'), 'pop-core URL suffix is not kept');
      assert.equal(error.name, 'ApiError');
      assert.match(String(error.stack), /^ApiError: /);
    });
  }

  it('a JSON body with a Code but an unknown status still maps by Code', () => {
    const error = errorFromServerBody({ Code: 'Throttling.User', Message: 'slow down' }, undefined, 'ListMessageApp');
    assert.equal(error.retryable, true);
    assert.equal(error.status, undefined);
  });
});

describe('errors: refusals of the credentials themselves', () => {
  const of = (code: string) => isCredentialError(errorFromServerBody({ Code: code, Message: 'm', RequestId: 'r' }, 400, 'ListMessageApp'));

  it('the key, secret, token and clock: the same answer for every action, so a sign-in check can trust it', () => {
    for (const code of [
      'SignatureDoesNotMatch',
      'InvalidAccessKeyId.NotFound',
      'Forbidden.AccessKeyDisabled',
      'InvalidSecurityToken.Expired',
      'MissingSecurityToken',
      'InvalidTimeStamp.Expired',
    ]) {
      assert.equal(of(code), true, code);
    }
  });

  it('a refused action or a server failure is not about the key', () => {
    for (const code of ['Forbidden.RAM', 'NoAuth', 'InvalidAction.NotFound', 'InternalError', 'Throttling.User', 'ResourceNotExist']) {
      assert.equal(of(code), false, code);
    }
  });
});

describe('errors: ApiError from transport failures', () => {
  it('json-bigint SyntaxError on an HTML page -> MalformedResponse naming the page', () => {
    const thrown = { name: 'SyntaxError', message: "Unexpected '<'", at: 1, text: '<html><head><title>502 Bad Gateway</title></head></html>' };
    const error = toApiError(thrown, context);
    assert.equal(error.code, ClientErrorCode.MalformedResponse);
    assert.equal(error.retryable, true);
    assert.match(error.message, /not the API's JSON/);
    assert.match(error.message, /502 Bad Gateway/);
  });

  it('json-bigint SyntaxError on truncated JSON and on an empty body', () => {
    assert.match(toApiError({ name: 'SyntaxError', message: 'x', text: '{"RequestId":"A","Res' }, context).message, /not valid JSON/);
    assert.match(toApiError({ name: 'SyntaxError', message: 'x', text: '' }, context).message, /an empty body/);
  });

  for (const [code, phrase, retryable] of [
    ['ECONNREFUSED', /connection was refused/, false],
    ['ENOTFOUND', /host name was not found/, false],
    ['ECONNRESET', /was reset/, true],
    ['EPIPE', /closed while sending/, true],
    ['ETIMEDOUT', /timed out/, true],
  ] as const) {
    it(`${code} -> ${phrase}`, () => {
      const thrown = Object.assign(new Error(`connect ${code} 1.2.3.4:443GET https://live.aliyuncs.com/?Signature=abc failed.`), { code });
      const error = toApiError(thrown, context);
      assert.equal(error.code, code);
      assert.equal(error.retryable, retryable);
      assert.match(error.message, phrase);
      assert.match(error.message, /live\.aliyuncs\.com/);
      assert.ok(!error.message.includes('Signature'));
    });
  }

  it('httpx RequestTimeoutError -> RequestTimeout (retryable) with the timeout', () => {
    const thrown = Object.assign(new Error('ReadTimeout(5000). GET https://x/?Signature=s failed.'), { name: 'RequestTimeoutError' });
    const error = toApiError(thrown, context);
    assert.equal(error.code, ClientErrorCode.RequestTimeout);
    assert.equal(error.retryable, true);
    assert.match(error.message, /within 5000 ms/);
  });

  it('anything else -> NetworkError without the original message', () => {
    const error = toApiError(new TypeError('boom https://x/?AccessKeyId=LTAI'), context);
    assert.equal(error.code, ClientErrorCode.NetworkError);
    assert.ok(!error.message.includes('LTAI'));
  });

  it('has no cause and serializes to its fields', () => {
    const error = serverError('Forbidden.RAM', 403);
    assert.equal((error as { cause?: unknown }).cause, undefined);
    const json = JSON.parse(JSON.stringify(error));
    assert.equal(json.code, 'Forbidden.RAM');
    assert.equal(json.status, 403);
    assert.equal(json.requestId, 'REQ-1');
    assert.match(json.message, /live:ListMessageGroupUser/);
  });
});
