/**
 * `RestAdapter`: the adapter contract over HTTP, as `api/openapi.yaml` describes it.
 *
 * ```ts
 * import { createRestAdapter } from 'tn-customer-connect/rest-adapter.js';
 * const adapter = createRestAdapter({
 *   baseUrl: 'https://erp.example.com/customer-connect/v1',
 *   headers: async () => ({ Authorization: `Bearer ${await session.token()}` }),
 * });
 * ```
 *
 * Reads are retried on network errors, timeouts, 5xx and 429 (waiting out `Retry-After`);
 * so are writes, because each carries an `Idempotency-Key` that stays the same across the
 * retries of one call (and, for `requestConnection` and `connectWithoutVerification`, is
 * the caller's own key, so a host's "Try again" is answered once too). Every answer is
 * validated against the contract; anything unexpected is `bad-response`.
 *
 * This class checks its options at once (a bad one throws here) and fetches the code that
 * sends the requests (`rest-client.ts`) when the page is first idle, at the first key typed
 * on it, or when the first call needs it (`load-rest-client.ts`), whichever comes first, so
 * that code is not part of what a page downloads before its first screen is usable. A call made while it is being fetched waits for it; a failed fetch
 * fails the call as `unavailable`, and the next call fetches it again.
 */
import { baseUrlProblem } from '../urls.js';
import { TnAdapterError } from '../errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  InvoiceEvidence,
  Relationship,
  RequestOptions,
  SearchPage,
  SearchQuery,
  SupplierAccount,
  SupportCase,
  UploadOptions,
  VerificationResult,
  VerificationSession,
} from '../types.js';
import type { HttpClientSettings, RestHeadersHook, RestRetryOptions } from './http.js';
import type { RestClient } from './rest-client.js';
import { loadRestClient, preloadRestClient } from './load-rest-client.js';

/** Options of a {@link RestAdapter}. */
export interface RestAdapterOptions {
  /** Where the contract's paths start, e.g. `https://api.example.com/customer-connect/v1`; relative URLs resolve against the page. */
  baseUrl: string | URL;
  /** Supplies headers (e.g. `Authorization`) for every attempt of every request; may be async. */
  headers?: RestHeadersHook;
  /** Time allowed for one attempt (answer and body), in ms; default 15000. */
  timeoutMs?: number;
  /** Time allowed for one attempt of an upload, in ms; default 300000. */
  uploadTimeoutMs?: number;
  /** Retries of failed requests; see {@link RestRetryOptions}. */
  retry?: RestRetryOptions;
  /** Cookies: `'include'` for cross-origin cookie sessions; default `'same-origin'`. */
  credentials?: RequestCredentials;
  /** The `fetch` to use; default the global one (e.g. a host's instrumented fetch). */
  fetch?: typeof fetch;
  /** Makes idempotency keys for writes whose caller gave none; default random UUIDs. */
  idempotencyKey?: () => string;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) throw new RangeError(`RestAdapter: ${name} must be a number ≥ 0.`);
  return result;
}

/** The REST adapter: every method of the adapter contract, as one operation of the HTTP contract. */
export class RestAdapter implements CustomerConnectAdapter {
  /** The base URL every path is relative to. */
  readonly baseUrl: URL;
  private readonly settings: HttpClientSettings;
  private readonly newKey: (() => string) | undefined;
  /** The implementation, once fetched. */
  private client?: RestClient;

  /** Creates an adapter; throws a `TypeError` / `RangeError` for unusable options. */
  constructor(options: RestAdapterOptions) {
    const page = typeof location === 'undefined' ? undefined : location.href;
    this.baseUrl = new URL(String(options.baseUrl), page);
    const problem = baseUrlProblem(this.baseUrl);
    if (problem) throw new TypeError(`RestAdapter: ${problem} (baseUrl ${JSON.stringify(String(options.baseUrl).slice(0, 200))}).`);
    const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (typeof fetchImpl !== 'function') throw new TypeError('RestAdapter: no fetch available; pass options.fetch.');
    const retry = options.retry ?? {};
    this.newKey = options.idempotencyKey;
    this.settings = {
      baseUrl: this.baseUrl,
      headers: options.headers,
      timeoutMs: nonNegative('timeoutMs', options.timeoutMs, 15_000),
      uploadTimeoutMs: nonNegative('uploadTimeoutMs', options.uploadTimeoutMs, 300_000),
      retry: {
        retries: Math.floor(nonNegative('retry.retries', retry.retries, 2)),
        baseDelayMs: nonNegative('retry.baseDelayMs', retry.baseDelayMs, 300),
        maxDelayMs: nonNegative('retry.maxDelayMs', retry.maxDelayMs, 5_000),
        maxRetryAfterMs: nonNegative('retry.maxRetryAfterMs', retry.maxRetryAfterMs, 10_000),
      },
      fetch: fetchImpl,
      credentials: options.credentials ?? 'same-origin',
      random: Math.random,
    };
    preloadRestClient();
  }

  /** `GET /directory/entities`; `pageSize` is clamped to the contract's 1–100. */
  searchDirectory(query: SearchQuery, options?: RequestOptions): Promise<SearchPage> {
    return this.call(options?.signal, (client) => client.searchDirectory(query, options));
  }

  /** `GET /directory/entities/{id}`. */
  getCustomer(id: string, options?: RequestOptions): Promise<CustomerEntity> {
    return this.call(options?.signal, (client) => client.getCustomer(id, options));
  }

  /**
   * `GET /directory/groups/{groupId}`; with `countries`, `?countries=FR,DE` (only those
   * countries' entities, plus every country's total; an empty list asks for the totals alone).
   */
  getGroup(
    groupId: string,
    query: { accountId?: string; countries?: readonly string[] } = {},
    options?: RequestOptions,
  ): Promise<CustomerGroup> {
    return this.call(options?.signal, (client) => client.getGroup(groupId, query, options));
  }

  /** `GET /accounts`. */
  listAccounts(options?: RequestOptions): Promise<SupplierAccount[]> {
    return this.call(options?.signal, (client) => client.listAccounts(options));
  }

  /** `POST /attachments` with the file as the body, reporting progress (`XMLHttpRequest`). */
  uploadAttachment(file: Blob, name: string, options: UploadOptions = {}): Promise<{ id: string }> {
    return this.call(options.signal, (client) => client.uploadAttachment(file, name, options));
  }

  /**
   * `POST /connection-requests` with `request.idempotencyKey` as `Idempotency-Key`. An
   * inline attachment is uploaded first (under a key derived from the request's, so a retry
   * re-uses the upload); its field errors are reported on `attachment`.
   */
  requestConnection(request: ConnectionRequest, options: RequestOptions = {}): Promise<ConnectionOutcome> {
    return this.call(options.signal, (client) => client.requestConnection(request, options));
  }

  /** `GET /verifications/{verificationId}`. */
  getVerification(id: string, options?: RequestOptions): Promise<VerificationSession> {
    return this.call(options?.signal, (client) => client.getVerification(id, options));
  }

  /** `POST /verifications/{verificationId}/evidence`, under a fresh idempotency key. */
  submitVerificationEvidence(id: string, evidence: InvoiceEvidence, options?: RequestOptions): Promise<VerificationResult> {
    return this.call(options?.signal, (client) => client.submitVerificationEvidence(id, evidence, options));
  }

  /** `POST /verifications/{verificationId}/challenge-answer`, under a fresh idempotency key. */
  answerChallenge(id: string, answer: ChallengeAnswer, options?: RequestOptions): Promise<VerificationResult> {
    return this.call(options?.signal, (client) => client.answerChallenge(id, answer, options));
  }

  /** `POST /verifications/{verificationId}/support-case` with `request.idempotencyKey`. */
  connectWithoutVerification(id: string, request: { idempotencyKey: string }, options?: RequestOptions): Promise<SupportCase> {
    return this.call(options?.signal, (client) => client.connectWithoutVerification(id, request, options));
  }

  /** `GET /support-cases/{reference}`. */
  getSupportCase(reference: string, options?: RequestOptions): Promise<SupportCase> {
    return this.call(options?.signal, (client) => client.getSupportCase(reference, options));
  }

  /** `GET /attention-summary`. */
  getAttentionSummary(options?: RequestOptions): Promise<AttentionSummary> {
    return this.call(options?.signal, (client) => client.getAttentionSummary(options));
  }

  /** `GET /relationships`. */
  listRelationships(query: { accountId?: string } = {}, options?: RequestOptions): Promise<Relationship[]> {
    return this.call(options?.signal, (client) => client.listRelationships(query, options));
  }

  /**
   * Sends through the implementation, fetching it first if need be. An abort while it is
   * being fetched rejects at once as `aborted`, as an abort during the request does.
   */
  private call<T>(signal: AbortSignal | undefined, send: (client: RestClient) => Promise<T>): Promise<T> {
    if (this.client) return send(this.client);
    return new Promise<RestClient>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new TnAdapterError('aborted', { cause: signal.reason }));
        return;
      }
      const onAbort = (): void => reject(new TnAdapterError('aborted', { cause: signal?.reason }));
      signal?.addEventListener('abort', onAbort, { once: true });
      loadRestClient()
        .then(({ RestClient }) => resolve((this.client ??= new RestClient(this.settings, this.newKey))), reject)
        .finally(() => signal?.removeEventListener('abort', onAbort));
    }).then(send);
  }
}

/** Creates a {@link RestAdapter}. */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  return new RestAdapter(options);
}
