// SignatureNonce replay protection: a nonce may be used once per AccessKey while its request could
// still pass the Timestamp check (15 minutes).

const DEFAULT_TTL_MS = 15 * 60 * 1000;
/** Bounds memory if a key is hammered with qps = 0 (unlimited); the oldest nonces go first. */
const DEFAULT_MAX_PER_KEY = 200_000;

export class NonceCache {
  private readonly byKey = new Map<string, Map<string, number>>();

  constructor(
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly maxPerKey = DEFAULT_MAX_PER_KEY,
  ) {}

  /**
   * True if `nonce` was already used by `accessKeyId` and is still remembered; otherwise remembers it.
   * It is remembered until 15 minutes after the later of arrival and the request's own Timestamp,
   * so a request signed slightly in the future cannot be replayed once the first copy is forgotten.
   */
  checkAndRemember(accessKeyId: string, nonce: string, now: number, requestTime: number): boolean {
    let nonces = this.byKey.get(accessKeyId);
    if (!nonces) {
      nonces = new Map();
      this.byKey.set(accessKeyId, nonces);
    }
    this.prune(nonces, now);
    const expiry = nonces.get(nonce);
    if (expiry !== undefined && expiry > now) {
      return true;
    }
    nonces.delete(nonce);
    nonces.set(nonce, Math.max(now, requestTime) + this.ttlMs);
    return false;
  }

  /** Insertion order is arrival order, so expired nonces are (nearly always) at the front. */
  private prune(nonces: Map<string, number>, now: number): void {
    for (const [nonce, expiry] of nonces) {
      if (expiry > now && nonces.size <= this.maxPerKey) {
        break;
      }
      nonces.delete(nonce);
    }
  }
}
