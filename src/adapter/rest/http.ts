/**
 * The REST adapter's HTTP layer: one call = one operation of the contract, sent with the
 * host's auth headers, a per-attempt timeout, the caller's `AbortSignal`, an
 * `Idempotency-Key` on writes, retries with capped, jittered back-off, and a validated
 * answer. Every failure becomes a `TnAdapterError`; nothing else ever escapes.
 *
 * Requests go through `fetch`, except uploads, which use `XMLHttpRequest` because `fetch`
 * cannot report upload progress.
 */
import { abortableDelay } from '../abortable-delay.js';
import { TnAdapterError, isAdapterError, toAdapterError, type AdapterErrorCode, type FieldError } from '../errors.js';
import { type BodySchema } from '../schemas.js';
import { FieldErrorSchema, ProblemSchema } from './problem-schemas.js';
import { validate } from '../validators.js';
import { REST_OPERATIONS, type RestOperation, type RestRoute } from './operations.js';
import { parseRetryAfter } from './http-helpers.js';
import { errorCodeForStatus } from './status-codes.js';

/** What the headers hook is told about the request it supplies headers for. */
export interface RestRequestInfo {
  /** The contract's operation (= adapter method). */
  readonly operation: RestOperation;
  readonly method: 'GET' | 'POST';
  /** The full URL, query included. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
}

/**
 * Supplies headers (typically `Authorization`) for one attempt of one request. Called again
 * for every attempt, so a refreshed token is picked up by retries. A rejection fails the
 * call: a `TnAdapterError` as it is, anything else as `unauthorized`.
 */
export type RestHeadersHook = (request: RestRequestInfo) => HeadersInit | undefined | Promise<HeadersInit | undefined>;

/** When and how often failed requests are tried again. */
export interface RestRetryOptions {
  /** Retries after the first attempt; default 2. `0` turns retries off. */
  retries?: number;
  /** First back-off in ms, doubled at each retry, with jitter; default 300. */
  baseDelayMs?: number;
  /** Longest back-off in ms; default 5000. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the adapter waits out by itself, in ms; default 10000. A longer
   * one fails the call at once with `rate-limited` / `unavailable` and `retryAfterMs`, so
   * the element can tell the user.
   */
  maxRetryAfterMs?: number;
}

/** Settings of the HTTP layer (see `RestAdapterOptions`). */
export interface HttpClientSettings {
  baseUrl: URL;
  headers?: RestHeadersHook;
  timeoutMs: number;
  uploadTimeoutMs: number;
  retry: Required<RestRetryOptions>;
  fetch: typeof fetch;
  credentials: RequestCredentials;
  /** A number in [0, 1) for the back-off's jitter. */
  random: () => number;
}

/** One call of one operation. */
export interface HttpCall<T> {
  operation: RestOperation;
  /** Values of the path template's `{placeholders}`. */
  params?: Readonly<Record<string, string>>;
  /** Query parameters; `undefined` ones are left out. */
  query?: Readonly<Record<string, string | number | undefined>>;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (uploads), sent with XMLHttpRequest to report progress. */
  file?: Blob;
  /** Writes: the key sent as `Idempotency-Key`, the same on every retry. */
  idempotencyKey?: string;
  /** Validates the success body. */
  schema: BodySchema<T>;
  signal?: AbortSignal;
  onProgress?: (loaded: number, total: number) => void;
}

/** Error codes a retry can cure. */
const RETRY_CODES: ReadonlySet<AdapterErrorCode> = new Set(['network', 'timeout', 'rate-limited', 'unavailable']);

// ---------------------------------------------------------------------------------------
// Transports: fetch, and XMLHttpRequest for uploads

interface RawResponse {
  status: number;
  statusText: string;
  header(name: string): string | null;
  text: string;
}

interface RawRequest {
  method: string;
  headers: Headers;
  body?: BodyInit;
  signal: AbortSignal;
}

type Transport = (url: string, request: RawRequest) => Promise<RawResponse>;

function fetchTransport(fetchImpl: typeof fetch, credentials: RequestCredentials): Transport {
  return async (url, request) => {
    const response = await fetchImpl(url, { ...request, credentials, cache: 'no-store' });
    // The body is read under the same signal, so the timeout and an abort cover it too.
    const text = await response.text();
    return { status: response.status, statusText: response.statusText, header: (name) => response.headers.get(name), text };
  };
}

function xhrTransport(credentials: RequestCredentials, onProgress?: (loaded: number, total: number) => void): Transport {
  return (url, request) =>
    new Promise<RawResponse>((resolve, reject) => {
      const abortError = () => new DOMException('The upload was aborted.', 'AbortError');
      if (request.signal.aborted) {
        reject(abortError());
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, url);
      xhr.withCredentials = credentials === 'include';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      const size = request.body instanceof Blob ? request.body.size : 0;
      xhr.upload.addEventListener('progress', (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : size));
      const onAbort = () => xhr.abort();
      request.signal.addEventListener('abort', onAbort, { once: true });
      const settle = (done: () => void) => () => {
        request.signal.removeEventListener('abort', onAbort);
        done();
      };
      xhr.addEventListener(
        'load',
        settle(() =>
          resolve({
            status: xhr.status,
            statusText: xhr.statusText,
            header: (name) => xhr.getResponseHeader(name),
            text: xhr.responseText,
          }),
        ),
      );
      xhr.addEventListener('error', settle(() => reject(new TypeError('The upload failed: network error.'))));
      xhr.addEventListener('abort', settle(() => reject(abortError())));
      xhr.send(request.body instanceof Blob || typeof request.body === 'string' ? request.body : null);
    });
}

// ---------------------------------------------------------------------------------------
// The client

/** Sends calls of the contract's operations. */
export class HttpClient {
  constructor(private readonly settings: HttpClientSettings) {}

  /** Sends one call, retrying what can be retried; resolves with the validated body. */
  async send<T>(call: HttpCall<T>): Promise<T> {
    const route = REST_OPERATIONS[call.operation];
    const url = this.url(route, call);
    // Reads are safe to repeat; writes are, because the same key makes the server answer once.
    const repeatable = route.method === 'GET' || (call.idempotencyKey ?? '') !== '';
    for (let attempt = 1; ; attempt++) {
      if (call.signal?.aborted) throw new TnAdapterError('aborted', { cause: call.signal.reason });
      try {
        return await this.attempt(call, route, url, attempt);
      } catch (thrown) {
        const error = toAdapterError(thrown);
        const delay = repeatable ? this.retryDelay(error, attempt) : undefined;
        if (delay === undefined) throw error;
        await abortableDelay(delay, call.signal);
      }
    }
  }

  /** The wait before retry number `attempt`, or `undefined` when the error is final. */
  private retryDelay(error: TnAdapterError, attempt: number): number | undefined {
    const { retries, baseDelayMs, maxDelayMs, maxRetryAfterMs } = this.settings.retry;
    if (attempt > retries || !RETRY_CODES.has(error.code)) return undefined;
    // Capped exponential back-off with "equal jitter": half fixed, half random.
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const backOff = ceiling / 2 + this.settings.random() * (ceiling / 2);
    if (error.retryAfterMs === undefined) return backOff;
    if (error.retryAfterMs > maxRetryAfterMs) return undefined;
    return Math.max(error.retryAfterMs, backOff);
  }

  private url(route: RestRoute, call: HttpCall<unknown>): string {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = call.params?.[name];
      if (value === undefined) throw new TypeError(`${call.operation}: missing path parameter "${name}".`);
      return encodeURIComponent(value);
    });
    const base = this.settings.baseUrl.href.replace(/\/?$/, '/');
    const url = new URL(path.slice(1), base);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.href;
  }

  private async attempt<T>(call: HttpCall<T>, route: RestRoute, url: string, attempt: number): Promise<T> {
    const headers = await this.headers(call, route, url, attempt);
    const upload = call.file !== undefined;
    const timeoutMs = upload ? this.settings.uploadTimeoutMs : this.settings.timeoutMs;
    const transport = upload
      ? xhrTransport(this.settings.credentials, call.onProgress)
      : fetchTransport(this.settings.fetch, this.settings.credentials);
    const body = upload ? call.file : call.json === undefined ? undefined : JSON.stringify(call.json);

    const controller = new AbortController();
    const signal = call.signal;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'));
    }, timeoutMs);
    let response: RawResponse;
    try {
      response = await transport(url, { method: route.method, headers, body, signal: controller.signal });
    } catch (cause) {
      if (signal?.aborted) throw new TnAdapterError('aborted', { cause: signal.reason });
      if (timedOut) {
        throw new TnAdapterError('timeout', { message: `${call.operation}: no answer within ${timeoutMs} ms.`, cause });
      }
      throw new TnAdapterError('network', { message: `${call.operation}: the request did not reach the server.`, cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (response.status < 200 || response.status > 299) throw errorFromResponse(call.operation, response);
    const result = validate(call.schema, parseJsonBody(call.operation, response));
    if (!result.success) {
      throw new TnAdapterError('bad-response', {
        message: `${call.operation}: the answer does not match the contract: ${result.issue}`,
        status: response.status,
      });
    }
    if (upload) {
      const size = call.file?.size ?? 0;
      call.onProgress?.(size, size);
    }
    return result.output;
  }

  private async headers(call: HttpCall<unknown>, route: RestRoute, url: string, attempt: number): Promise<Headers> {
    let supplied: HeadersInit | undefined;
    try {
      supplied = await this.settings.headers?.({ operation: call.operation, method: route.method, url, attempt });
    } catch (cause) {
      if (isAdapterError(cause)) throw cause;
      throw new TnAdapterError('unauthorized', { message: `${call.operation}: the headers hook failed.`, cause });
    }
    const headers = new Headers(supplied);
    headers.set('Accept', 'application/json, application/problem+json');
    if (call.json !== undefined) headers.set('Content-Type', 'application/json');
    if (call.file !== undefined) headers.set('Content-Type', call.file.type || 'application/octet-stream');
    if (call.idempotencyKey !== undefined) headers.set('Idempotency-Key', call.idempotencyKey);
    return headers;
  }
}

/** The JSON of a success body; anything else is `bad-response`. */
function parseJsonBody(operation: RestOperation, response: RawResponse): unknown {
  const type = response.header('Content-Type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type.trim())) {
    throw new TnAdapterError('bad-response', {
      message: `${operation}: expected JSON, got "${type || 'no content type'}".`,
      status: response.status,
    });
  }
  try {
    return JSON.parse(response.text) as unknown;
  } catch (cause) {
    throw new TnAdapterError('bad-response', { message: `${operation}: the answer is not valid JSON.`, status: response.status, cause });
  }
}

/** The error for a status outside 2xx: the status decides the code, the body adds words and field errors. */
function errorFromResponse(operation: RestOperation, response: RawResponse): TnAdapterError {
  const code = errorCodeForStatus(response.status);
  const problem = readProblem(response.text);
  const detail = problem.detail ?? problem.title ?? (response.statusText || 'error');
  return new TnAdapterError(code, {
    message: `${operation}: HTTP ${response.status} ${detail}`,
    status: response.status,
    fieldErrors: code === 'invalid' ? problem.fieldErrors : [],
    retryAfterMs: parseRetryAfter(response.header('Retry-After')),
  });
}

/** Whatever a problem body holds that can be read; never throws. */
function readProblem(text: string): { title?: string; detail?: string; fieldErrors: FieldError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { fieldErrors: [] };
  }
  const problem = validate(ProblemSchema, json);
  if (!problem.success) return { fieldErrors: [] };
  const fieldErrors = (problem.output.fieldErrors ?? []).flatMap((entry) => {
    const fieldError = validate(FieldErrorSchema, entry);
    return fieldError.success ? [fieldError.output] : [];
  });
  return { title: problem.output.title, detail: problem.output.detail, fieldErrors };
}
