/**
 * The HTTP status → error code table, in a module of its own: every entry exports it, the
 * script-tag builds in the file a page downloads first, without the rest of the HTTP layer.
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
