/**
 * The reference API server the tests run against (started by `npm test`, see
 * scripts/test.mjs): its URL and token, REST adapters pointed at it, and its test-control
 * endpoints — fault injection, the request log and a reset between tests.
 */
import { createRestAdapter, type RestAdapter, type RestAdapterOptions } from '../../src/adapter/rest/index.js';

declare global {
  interface Window {
    /** Set by web-test-runner.config.mjs from the server scripts/test.mjs started. */
    TN_TEST_API?: { url: string | null; token: string | null };
  }
}

/** The API's base URL, e.g. `http://127.0.0.1:41234/v1`. */
export function serverUrl(): string {
  const url = window.TN_TEST_API?.url;
  if (!url) throw new Error('No reference API server: run the tests through `npm test` (scripts/test.mjs starts it).');
  return url;
}

/** The bearer token the server was started with. */
export function serverToken(): string {
  return window.TN_TEST_API?.token ?? '';
}

/** A REST adapter on the server with its token and quick retries (1–4 ms back-off). */
export function restAdapter(options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return createRestAdapter({
    baseUrl: serverUrl(),
    headers: () => ({ Authorization: `Bearer ${serverToken()}` }),
    ...options,
    retry: { baseDelayMs: 1, maxDelayMs: 4, ...options.retry },
  });
}

/** A fault the server injects into the next matching request(s) (see server/test-control.mjs). */
export interface ServerFault {
  /** The contract's operationId (= adapter method), or `*`. */
  operation: string;
  kind: 'respond' | 'delay' | 'drop' | 'drop-after';
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

/** One request as the server logged it. */
export interface LoggedRequest {
  operation?: string;
  method: string;
  path: string;
  status: number | 'pending' | 'dropped' | 'client-closed';
  idempotencyKey?: string;
  replayed: boolean;
  fault?: ServerFault['kind'];
  receivedAt: number;
  finishedAt: number;
}

function controlUrl(path: string): string {
  return `${new URL(serverUrl()).origin}/__test/${path}`;
}

/** Test control needs the token too (it resets this token's network). */
function controlHeaders(): Record<string, string> {
  return serverToken() ? { Authorization: `Bearer ${serverToken()}` } : {};
}

/** A fresh demo network on the server; no faults, log or idempotency keys. */
export async function resetServer(): Promise<void> {
  const response = await fetch(controlUrl('reset'), { method: 'POST', headers: controlHeaders() });
  if (response.status !== 204) throw new Error(`reset: HTTP ${response.status}`);
}

/** Queues a fault. */
export async function injectFault(fault: ServerFault): Promise<void> {
  const response = await fetch(controlUrl('faults'), {
    method: 'POST',
    headers: { ...controlHeaders(), 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 204) throw new Error(`fault: HTTP ${response.status} ${await response.text()}`);
}

/** Every operation request the server received since the last reset, in arrival order; optionally of one operation. */
export async function serverLog(operation?: string): Promise<LoggedRequest[]> {
  const response = await fetch(controlUrl('log'), { headers: controlHeaders() });
  const { requests } = (await response.json()) as { requests: LoggedRequest[] };
  return operation === undefined ? requests : requests.filter((request) => request.operation === operation);
}
