// Signature v1 (RPC, HMAC-SHA1), written from the algorithm in api-notes.md, independently of pop-core.
import { createHmac, timingSafeEqual } from 'node:crypto';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x5f || // _
    byte === 0x2e || // .
    byte === 0x7e // ~
  );
}

/** Percent-encodes the UTF-8 bytes of `text`, keeping only A-Z a-z 0-9 - _ . ~ (so space is %20, * is %2A). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Every parameter except Signature, sorted by name in byte order, encoded and joined as k=v&k=v. */
export function canonicalQuery(params: ReadonlyMap<string, string>): string {
  return [...params.keys()]
    .filter((name) => name !== 'Signature')
    .sort(compareBytes)
    .map((name) => `${percentEncode(name)}=${percentEncode(params.get(name) as string)}`)
    .join('&');
}

export function stringToSign(method: string, params: ReadonlyMap<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function computeSignature(accessKeySecret: string, toSign: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(toSign, 'utf8').digest('base64');
}

/** Constant-time comparison, so response timing does not reveal how much of a signature was right. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
