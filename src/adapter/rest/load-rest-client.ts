/**
 * Fetches the REST adapter's implementation (`rest-client.ts`: the HTTP layer, the table of
 * operations, the answers' checks) once per page, apart from the code a page needs to show
 * its first screen. In the script-tag builds it is a chunk of its own; a bundler splits it
 * the same way.
 *
 * A `RestAdapter` starts the fetch when the browser is first idle, or at the first key typed
 * on the page if that comes sooner, so the first request (the search waits 250 ms after a
 * key) finds the code already there; a call made before then waits for it. A failed fetch is
 * an `unavailable` error (retryable: "Try again" fetches it again), never a call that hangs.
 */
import { TnAdapterError } from '../errors.js';
import { whenIdle } from '../when-idle.js';
import type * as RestClientModule from './rest-client.js';

type RestClientCode = typeof RestClientModule;

/** How the implementation is fetched: tests replace `load` to make the fetch fail. */
export const restClientSource = { load: (): Promise<RestClientCode> => import('./rest-client.js') };

/** Until this long after an adapter is made, the fetch waits for an idle moment. */
const IDLE_TIMEOUT_MS = 2000;

let loading: Promise<RestClientCode> | undefined;
let preloadScheduled = false;

/** The implementation, fetched once; after a failure the next call fetches it again. */
export function loadRestClient(): Promise<RestClientCode> {
  loading ??= restClientSource.load().catch((error: unknown) => {
    loading = undefined;
    throw new TnAdapterError('unavailable', {
      message: 'tn-customer-connect: the REST adapter’s code did not load.',
      retryable: true,
      cause: error,
    });
  });
  return loading;
}

/** Starts the fetch at the first idle moment or the first key typed on the page (once per page). */
export function preloadRestClient(): void {
  if (preloadScheduled || typeof document === 'undefined') return;
  preloadScheduled = true;
  const keys = ['keydown', 'input'] as const;
  const now = (): void => {
    keys.forEach((type) => document.removeEventListener(type, now, true));
    // A failure here is reported by the call that needs the code, which fetches it again.
    loadRestClient().catch(() => undefined);
  };
  // Capture on the document: the fields are in shadow roots, whose key events reach it.
  keys.forEach((type) => document.addEventListener(type, now, { capture: true, once: true }));
  whenIdle(now, { timeout: IDLE_TIMEOUT_MS, fallbackDelay: IDLE_TIMEOUT_MS / 4 });
}
