/**
 * Helpers of the REST adapter's HTTP layer that its npm entry exports, apart from the layer
 * itself (`http.ts`), which is fetched when an adapter is first used (`load-rest-client.ts`).
 */

/** Milliseconds a `Retry-After` value (delta-seconds or an HTTP date) asks for; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A fresh idempotency key (a version 4 UUID), from `crypto.getRandomValues`, which works outside secure contexts too. */
export function randomIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
