// Raw HTTP calls to the emulator, signed by a tiny signer written for the tests (encodeURIComponent + the
// RFC 3986 extras), not the emulator's own.
import * as assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { DEMO_KEY, type EmulatorKey } from '../../../src/emulator';

export type Params = Record<string, string>;

export function pct(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function signV1(method: string, params: Params, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k])}`)
    .join('&');
  const toSign = `${method}&${pct('/')}&${pct(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

/** Key.1, Key.2... the flattened form of a list parameter. */
export function flattened(name: string, items: readonly string[]): Params {
  return Object.fromEntries(items.map((item, i) => [`${name}.${i + 1}`, item]));
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Call {
  action?: string;
  params?: Record<string, string | number>;
  key?: EmulatorKey;
  method?: 'GET' | 'POST';
  /** Time put in Timestamp (ms); default now. */
  now?: number;
  nonce?: string;
  /** Replace (or with undefined, drop) common parameters before signing. */
  set?: Record<string, string | undefined>;
  /** Sign with this secret instead of the key's. */
  secret?: string;
  /** Change parameters after signing. */
  tamper?: (params: Params) => void;
  /** Send the form body with this content type (POST). */
  contentType?: string;
}

export function signedParams(call: Call): Params {
  const key = call.key ?? DEMO_KEY;
  const params: Params = {
    Action: call.action ?? 'ListMessageApp',
    Version: '2016-11-01',
    Format: 'JSON',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: call.nonce ?? randomUUID(),
    Timestamp: isoSeconds(call.now ?? Date.now()),
  };
  if (key.securityToken) {
    params.SecurityToken = key.securityToken;
  }
  for (const [name, value] of Object.entries(call.params ?? {})) {
    params[name] = String(value);
  }
  for (const [name, value] of Object.entries(call.set ?? {})) {
    if (value === undefined) {
      delete params[name];
    } else {
      params[name] = value;
    }
  }
  params.Signature = signV1(call.method ?? 'GET', params, call.secret ?? key.accessKeySecret);
  call.tamper?.(params);
  return params;
}

export function encodeAll(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${pct(k)}=${pct(v)}`)
    .join('&');
}

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export function raw(url: string, method: string, path: string, body?: string, contentType?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${path}`,
      { method, agent: false, headers: body !== undefined ? { 'content-type': contentType ?? 'application/x-www-form-urlencoded' } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function send(url: string, call: Call = {}): Promise<Reply> {
  const params = signedParams(call);
  if (call.method === 'POST') {
    return raw(url, 'POST', '/', encodeAll(params), call.contentType);
  }
  return raw(url, 'GET', `/?${encodeAll(params)}`);
}

export const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export function assertError(reply: Reply, status: number, code: string, message?: RegExp): void {
  assert.equal(reply.status, status, `HTTP status for ${code}: ${reply.text}`);
  assert.match(reply.contentType, /^application\/json/);
  assert.deepEqual(Object.keys(reply.json), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
  assert.equal(reply.json.Code, code);
  assert.match(reply.json.RequestId, REQUEST_ID);
  assert.equal(reply.json.HostId, 'live.aliyuncs.com');
  assert.equal(typeof reply.json.Message, 'string');
  assert.ok(reply.json.Message.length > 0);
  assert.ok(reply.json.Recommend.includes(encodeURIComponent(code)));
  if (message) {
    assert.match(reply.json.Message, message);
  }
}

export function assertOk(reply: Reply): void {
  assert.equal(reply.status, 200, reply.text);
  assert.deepEqual(Object.keys(reply.json), ['RequestId', 'Result']);
  assert.match(reply.json.RequestId, REQUEST_ID);
}
