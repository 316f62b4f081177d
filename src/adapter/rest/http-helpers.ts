/**
 * The REST adapter's exported helpers, apart from its HTTP layer (`http.ts`): a page gets them
 * at once, while the HTTP layer is fetched when the adapter is first used (`rest-adapter.ts`).
 */
import type { AdapterErrorCode } from '../errors.js';

/**
 * The error code for an HTTP status (the README's table):
 * 400, 413, 415, 422 → `invalid`; 401 → `unauthorized`; 403 → `forbidden`; 404, 410 →
 * `not-found`; 408 → `timeout`; 409, 412 → `conflict`; 429 → `rate-limited`; 5xx →
 * `unavailable`; any other status outside 2xx → `bad-response`.
 */
export function errorCodeForStatus(status: number): AdapterErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return 'invalid';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not-found';
    case 408:
      return 'timeout';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 && status <= 599 ? 'unavailable' : 'bad-response';
  }
}

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
