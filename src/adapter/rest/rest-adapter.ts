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
 */
import { baseUrlProblem } from '../urls.js';
import { TnAdapterError, isAdapterError } from '../errors.js';
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
import { HttpClient, randomIdempotencyKey, type RestHeadersHook, type RestRetryOptions } from './http.js';
import {
  AccountListSchema,
  AttentionSummarySchema,
  ConnectionOutcomeSchema,
  CustomerEntitySchema,
  CustomerGroupSchema,
  RelationshipListSchema,
  SearchPageSchema,
  SupportCaseSchema,
  UploadedAttachmentSchema,
  VerificationResultSchema,
  VerificationSessionSchema,
} from '../schemas.js';

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

/** Largest page the contract allows; bigger requests are clamped. */
const MAX_PAGE_SIZE = 100;

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) throw new RangeError(`RestAdapter: ${name} must be a number ≥ 0.`);
  return result;
}

/** The REST adapter: every method of the adapter contract, as one operation of the HTTP contract. */
export class RestAdapter implements CustomerConnectAdapter {
  /** The base URL every path is relative to. */
  readonly baseUrl: URL;
  private readonly http: HttpClient;
  private readonly newKey: () => string;

  /** Creates an adapter; throws a `TypeError` / `RangeError` for unusable options. */
  constructor(options: RestAdapterOptions) {
    const page = typeof location === 'undefined' ? undefined : location.href;
    this.baseUrl = new URL(String(options.baseUrl), page);
    const problem = baseUrlProblem(this.baseUrl);
    if (problem) throw new TypeError(`RestAdapter: ${problem} (baseUrl ${JSON.stringify(String(options.baseUrl).slice(0, 200))}).`);
    const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (typeof fetchImpl !== 'function') throw new TypeError('RestAdapter: no fetch available; pass options.fetch.');
    const retry = options.retry ?? {};
    this.newKey = options.idempotencyKey ?? randomIdempotencyKey;
    this.http = new HttpClient({
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
    });
  }

  /** `GET /directory/entities`; `pageSize` is clamped to the contract's 1–100. */
  searchDirectory(query: SearchQuery, options?: RequestOptions): Promise<SearchPage> {
    const pageSize =
      query.pageSize === undefined ? undefined : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize)));
    return this.http.send({
      operation: 'searchDirectory',
      query: { text: query.text, cursor: query.cursor, pageSize: Number.isFinite(pageSize) ? pageSize : undefined },
      schema: SearchPageSchema,
      signal: options?.signal,
    });
  }

  /** `GET /directory/entities/{id}`. */
  getCustomer(id: string, options?: RequestOptions): Promise<CustomerEntity> {
    return this.http.send({ operation: 'getCustomer', params: { id }, schema: CustomerEntitySchema, signal: options?.signal });
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
    return this.http.send({
      operation: 'getGroup',
      params: { groupId },
      query: { accountId: query.accountId, countries: query.countries?.join(',') },
      schema: CustomerGroupSchema,
      signal: options?.signal,
    });
  }

  /** `GET /accounts`. */
  async listAccounts(options?: RequestOptions): Promise<SupplierAccount[]> {
    const list = await this.http.send({ operation: 'listAccounts', schema: AccountListSchema, signal: options?.signal });
    return list.items;
  }

  /** `POST /attachments` with the file as the body, reporting progress (`XMLHttpRequest`). */
  uploadAttachment(file: Blob, name: string, options: UploadOptions = {}): Promise<{ id: string }> {
    return this.upload(file, name, this.newKey(), options);
  }

  /**
   * `POST /connection-requests` with `request.idempotencyKey` as `Idempotency-Key`. An
   * inline attachment is uploaded first (under a key derived from the request's, so a retry
   * re-uses the upload); its field errors are reported on `attachment`.
   */
  async requestConnection(request: ConnectionRequest, options: RequestOptions = {}): Promise<ConnectionOutcome> {
    let attachment: { id: string; name: string } | undefined;
    if (request.attachment?.kind === 'uploaded') {
      attachment = { id: request.attachment.id, name: request.attachment.name };
    } else if (request.attachment?.kind === 'inline') {
      const { file, name } = request.attachment;
      const uploaded = await this.upload(file, name, `${request.idempotencyKey}.attachment`, options).catch((error) => {
        throw onField(error, 'attachment');
      });
      attachment = { id: uploaded.id, name };
    }
    return this.http.send({
      operation: 'requestConnection',
      json: {
        accountId: request.accountId,
        entityIds: request.entityIds,
        vendorCode: request.vendorCode,
        notes: request.notes,
        attachment,
      },
      idempotencyKey: request.idempotencyKey,
      schema: ConnectionOutcomeSchema,
      signal: options.signal,
    });
  }

  /** `GET /verifications/{verificationId}`. */
  getVerification(id: string, options?: RequestOptions): Promise<VerificationSession> {
    return this.http.send({
      operation: 'getVerification',
      params: { verificationId: id },
      schema: VerificationSessionSchema,
      signal: options?.signal,
    });
  }

  /** `POST /verifications/{verificationId}/evidence`, under a fresh idempotency key. */
  submitVerificationEvidence(id: string, evidence: InvoiceEvidence, options?: RequestOptions): Promise<VerificationResult> {
    return this.http.send({
      operation: 'submitVerificationEvidence',
      params: { verificationId: id },
      json: {
        invoiceNumber: evidence.invoiceNumber,
        invoiceDate: evidence.invoiceDate,
        amount: { amount: evidence.amount?.amount, currency: evidence.amount?.currency },
      },
      idempotencyKey: this.newKey(),
      schema: VerificationResultSchema,
      signal: options?.signal,
    });
  }

  /** `POST /verifications/{verificationId}/challenge-answer`, under a fresh idempotency key. */
  answerChallenge(id: string, answer: ChallengeAnswer, options?: RequestOptions): Promise<VerificationResult> {
    return this.http.send({
      operation: 'answerChallenge',
      params: { verificationId: id },
      json: {
        invoiceDate: answer.invoiceDate,
        amount: { amount: answer.amount?.amount, currency: answer.amount?.currency },
      },
      idempotencyKey: this.newKey(),
      schema: VerificationResultSchema,
      signal: options?.signal,
    });
  }

  /** `POST /verifications/{verificationId}/support-case` with `request.idempotencyKey`. */
  connectWithoutVerification(id: string, request: { idempotencyKey: string }, options?: RequestOptions): Promise<SupportCase> {
    return this.http.send({
      operation: 'connectWithoutVerification',
      params: { verificationId: id },
      idempotencyKey: request.idempotencyKey,
      schema: SupportCaseSchema,
      signal: options?.signal,
    });
  }

  /** `GET /support-cases/{reference}`. */
  getSupportCase(reference: string, options?: RequestOptions): Promise<SupportCase> {
    return this.http.send({ operation: 'getSupportCase', params: { reference }, schema: SupportCaseSchema, signal: options?.signal });
  }

  /** `GET /attention-summary`. */
  getAttentionSummary(options?: RequestOptions): Promise<AttentionSummary> {
    return this.http.send({ operation: 'getAttentionSummary', schema: AttentionSummarySchema, signal: options?.signal });
  }

  /** `GET /relationships`. */
  async listRelationships(query: { accountId?: string } = {}, options?: RequestOptions): Promise<Relationship[]> {
    const list = await this.http.send({
      operation: 'listRelationships',
      query: { accountId: query.accountId },
      schema: RelationshipListSchema,
      signal: options?.signal,
    });
    return list.items;
  }

  private upload(file: Blob, name: string, idempotencyKey: string, options: UploadOptions): Promise<{ id: string }> {
    return this.http.send({
      operation: 'uploadAttachment',
      query: { name },
      file,
      idempotencyKey,
      schema: UploadedAttachmentSchema,
      signal: options.signal,
      onProgress: options.onProgress,
    });
  }
}

/** The same error with its field errors moved onto `field` (an upload's `file`/`name` are a request's `attachment`). */
function onField(error: unknown, field: string): unknown {
  if (!isAdapterError(error) || error.fieldErrors.length === 0) return error;
  return new TnAdapterError(error.code, {
    message: error.message,
    retryable: error.retryable,
    status: error.status,
    retryAfterMs: error.retryAfterMs,
    fieldErrors: error.fieldErrors.map((fieldError) => ({ ...fieldError, field })),
    cause: error,
  });
}

/** Creates a {@link RestAdapter}. */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  return new RestAdapter(options);
}
