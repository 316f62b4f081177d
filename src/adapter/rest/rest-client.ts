/**
 * The REST adapter's implementation: each adapter method as one operation of the HTTP
 * contract, sent by the HTTP layer (`http.ts`) and checked against the contract's schemas.
 * `RestAdapter` (`rest-adapter.ts`) validates its options at once and fetches this module
 * the first time it is needed, so a page that shows a REST-backed search does not download
 * it before the search is usable.
 */
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
import { HttpClient, type HttpClientSettings } from './http.js';
import { randomIdempotencyKey } from './http-helpers.js';
import { CustomerEntitySchema, SearchPageSchema } from '../schemas.js';
import {
  AccountListSchema,
  AttentionSummarySchema,
  ConnectionOutcomeSchema,
  CustomerGroupSchema,
  RelationshipListSchema,
  SupportCaseSchema,
  UploadedAttachmentSchema,
  VerificationResultSchema,
  VerificationSessionSchema,
} from '../later-schemas.js';

/** Largest page the contract allows; bigger requests are clamped. */
const MAX_PAGE_SIZE = 100;

/** The adapter contract over HTTP, for settings `RestAdapter` has already checked. */
export class RestClient implements CustomerConnectAdapter {
  private readonly http: HttpClient;
  private readonly newKey: () => string;

  constructor(settings: HttpClientSettings, idempotencyKey: (() => string) | undefined) {
    this.http = new HttpClient(settings);
    this.newKey = idempotencyKey ?? randomIdempotencyKey;
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
