// Deterministic hashing and a seedable PRNG. Not cryptographic on purpose: the dataset computes
// members on demand (a 50-member page must cost well under a millisecond), so these must be cheap.

/** FNV-1a over the UTF-16 code units of `text`: turns a string seed into 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines 32-bit integers into one well-mixed unsigned 32-bit hash (murmur3 steps). */
export function mix(...values: number[]): number {
  let hash = 0x9e3779b9 ^ values.length;
  for (const value of values) {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    hash ^= k;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** mulberry32: a small, fast PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], hash: number): T {
  return items[hash % items.length];
}

/** `length` hex digits (lowercase) taken from 32-bit hashes of (base, salt...). */
export function hexDigits(length: number, base: number, salt: number): string {
  let out = '';
  for (let part = 0; out.length < length; part++) {
    out += mix(base, salt, part).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Upper-case letters and digits (no I, O, 0, 1), like the ids in the API docs ("VKL3***"). */
export function alnumId(length: number, base: number, salt: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALNUM[mix(base, salt, i) % ALNUM.length];
  }
  return out;
}
