/**
 * A fresh idempotency key for a write: the network answers a repeated request with the same
 * key as it answered the first, so a retry after a lost answer does not act twice. Where the
 * browser has no `crypto.randomUUID` (an insecure origin), time and randomness stand in.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
