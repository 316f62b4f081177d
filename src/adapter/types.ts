/**
 * The adapter contract: everything the elements need from the network, and nothing else.
 *
 * The elements never talk to a server. A host passes an object implementing
 * {@link CustomerConnectAdapter}; the library ships a demo adapter (in-memory) and will ship
 * a REST adapter. Every method takes {@link RequestOptions} with an `AbortSignal` and must
 * reject with a {@link TnAdapterError} (see `errors.ts`) when it fails.
 *
 * Data rules:
 * - money is never a float: a decimal string plus an ISO 4217 currency ({@link Money});
 * - dates are ISO 8601 (`YYYY-MM-DD`), date-times ISO 8601 with an offset or `Z`;
 * - countries are ISO 3166-1 alpha-2 codes, upper case;
 * - network IDs are opaque strings (`AAA489745059`): never parse them.
 */

/** A network ID, e.g. `AAA489745059`. Opaque. */
export type NetworkId = string;
/** ISO 3166-1 alpha-2 country code, upper case, e.g. `GB`. */
export type CountryCode = string;
/** ISO 8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 date-time with offset, e.g. `2018-04-18T15:45:00+01:00`. */
export type IsoDateTime = string;

/** An amount of money: a decimal string (`"4508.00"`, `"-12.5"`) and an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

/** Options every adapter method accepts. */
export interface RequestOptions {
  /** Aborted when the element no longer wants the answer; pass it on to `fetch`. */
  signal?: AbortSignal;
}

/** The corporate group a legal entity belongs to. */
export interface GroupRef {
  id: string;
  /** Display name, e.g. "TUNGSTEN ALL COMPANIES GROUP". */
  name: string;
  /** Number of legal entities in the group, when known. */
  size?: number;
}

/** A buyer legal entity in the network directory. */
export interface CustomerEntity {
  id: NetworkId;
  legalName: string;
  /** Tax / VAT registrations, e.g. `["GB177907267"]`. May be empty. */
  taxIds: string[];
  country: CountryCode;
  /** The corporate group, when the entity belongs to one. */
  group?: GroupRef;
  /** True when this customer requires the supplier's vendor code on a connection request. */
  requiresVendorCode?: boolean;
}

/** A directory search. */
export interface SearchQuery {
  /** What the user typed: any part of a legal name, or an exact network ID or tax ID. */
  text: string;
  /** Opaque cursor from a previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
  /** Maximum results wanted; the adapter may return fewer. */
  pageSize?: number;
}

/** One page of directory results. */
export interface SearchPage {
  items: CustomerEntity[];
  /** Total matches, when the adapter knows it. */
  total?: number;
  /** Present when more results can be fetched. */
  nextCursor?: string;
}

/** A legal entity listed in a group, with the supplier's connection state. */
export interface GroupEntity extends CustomerEntity {
  /** The supplier (any of its accounts, or the account asked for) is already connected. */
  connected?: boolean;
}

/** How many entities of a group are in one country. */
export interface GroupCountry {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  total: number;
}

/** A corporate group with all its legal entities (or those of the countries asked for). */
export interface CustomerGroup {
  id: string;
  name: string;
  entities: GroupEntity[];
  /**
   * Only when `countries` was asked for and the adapter supports it: every country of the
   * whole group with its number of entities there, by code.
   */
  countries?: GroupCountry[];
}

/** One of the supplier's own accounts on the network. */
export interface SupplierAccount {
  id: string;
  name: string;
  country?: CountryCode;
}

/** A file the supplier attaches to a connection request. */
export type AttachmentInput =
  /** Sent with the request itself. */
  | { kind: 'inline'; file: Blob; name: string }
  /** Already uploaded through {@link CustomerConnectAdapter.uploadAttachment}. */
  | { kind: 'uploaded'; id: string; name: string };

/** A connection request for one or more legal entities. */
export interface ConnectionRequest {
  accountId: string;
  entityIds: NetworkId[];
  /** The supplier's ID in the customer's books. */
  vendorCode?: string;
  notes?: string;
  attachment?: AttachmentInput;
  /** Same key for every retry of the same submission; the server answers it once. */
  idempotencyKey: string;
}

/** An entity the request left alone, without failing the request. */
export interface SkippedEntity {
  entityId: NetworkId;
  legalName: string;
  reason: 'already-connected' | 'already-pending';
}

/** Where a verification stands. */
export type VerificationStep = 'evidence' | 'challenge' | 'verified' | 'locked';

/** An invoice-history verification ("Activate your buyer"). */
export interface VerificationSession {
  id: string;
  customer: { id: NetworkId; legalName: string };
  accountId: string;
  step: VerificationStep;
  attemptsRemaining: number;
  maxAttempts: number;
  /** Currency the history's invoices are in; amounts must be given in it. */
  currency: string;
  /** Present at the `challenge` step: the invoice the network chose from the history. */
  challenge?: { invoiceNumber: string };
  /**
   * Set once "Connect without verification" opened a support case: the verification is
   * closed and the case takes over (further evidence gets `conflict`).
   */
  supportCaseReference?: string;
}

/** Step 1 of a verification: a recent invoice sent to this customer. */
export interface InvoiceEvidence {
  invoiceNumber: string;
  invoiceDate: IsoDate;
  amount: Money;
}

/** Step 2 of a verification: the date and amount of the invoice the network chose. */
export interface ChallengeAnswer {
  invoiceDate: IsoDate;
  amount: Money;
}

/** The answer to evidence or a challenge answer. */
export interface VerificationResult {
  /** False when the answer was wrong; `session.attemptsRemaining` says what is left. */
  accepted: boolean;
  session: VerificationSession;
  /** Present once `session.step` is `verified`. */
  relationships?: Relationship[];
}

/** Lifecycle of a support case. */
export type SupportCaseStatus = 'open' | 'in-progress' | 'resolved' | 'closed';

/** A support case opened when the network cannot verify the relationship itself. */
export interface SupportCase {
  /** Reference the supplier quotes, e.g. `"2881017"`. */
  reference: string;
  status: SupportCaseStatus;
  openedAt: IsoDateTime;
  /** The date and time by which the network will have processed it. */
  processBy: IsoDateTime;
  accountId: string;
  customers: { id: NetworkId; legalName: string }[];
  /** Where the host may show the case; hosts usually route the `view-case` event instead. */
  statusUrl?: string;
}

/** What the network answered to a connection request. */
export type ConnectionOutcome =
  | {
      kind: 'verification-required';
      verification: VerificationSession;
      skipped: SkippedEntity[];
    }
  | { kind: 'support-case'; supportCase: SupportCase; skipped: SkippedEntity[] }
  | { kind: 'connected'; relationships: Relationship[]; skipped: SkippedEntity[] };

/** Status of a supplier–customer relationship. */
export type RelationshipStatus =
  | 'connected'
  | 'pending-customer-confirmation'
  | 'verification-pending'
  | 'support-case-open'
  | 'rejected'
  | 'expired';

/** A connection between one of the supplier's accounts and a customer legal entity. */
export interface Relationship {
  id: string;
  accountId: string;
  accountName: string;
  customer: { id: NetworkId; legalName: string; country: CountryCode };
  status: RelationshipStatus;
  /** When the relationship entered its current status. */
  since: IsoDateTime;
  /** The test buyer every new account is connected to. */
  isTestBuyer?: boolean;
  supportCaseReference?: string;
  verificationId?: string;
}

/** An invoice the network could not deliver. */
export interface FailedInvoice {
  id: string;
  number: string;
  supplierName: string;
  buyerName: string;
  failedAt?: IsoDateTime;
}

/** A draft invoice saved but not sent. */
export interface SavedInvoice {
  id: string;
  number: string;
  /** The buyer as the portal shows it: network ID and, when known, name. */
  buyerId: NetworkId;
  buyerName?: string;
  amount: Money;
  savedAt?: IsoDateTime;
}

/** The "For your attention" block. */
export interface AttentionSummary {
  /** When the server computed this summary. */
  generatedAt: IsoDateTime;
  failedInvoices: { count: number; latestAt?: IsoDateTime; items: FailedInvoice[] };
  supportTickets: { count: number; latestAt?: IsoDateTime; items: SupportCase[] };
  savedInvoices: { count: number; items: SavedInvoice[] };
}

/** Upload progress for {@link CustomerConnectAdapter.uploadAttachment}. */
export interface UploadOptions extends RequestOptions {
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * Everything the elements ask of the network. Implement it to plug the elements into any
 * back end; every method rejects with a `TnAdapterError` on failure and honours `signal`.
 */
export interface CustomerConnectAdapter {
  /** Directory search by part of a legal name, or an exact network ID or tax ID. */
  searchDirectory(query: SearchQuery, options?: RequestOptions): Promise<SearchPage>;
  /** One legal entity by network ID. */
  getCustomer(id: NetworkId, options?: RequestOptions): Promise<CustomerEntity>;
  /**
   * A corporate group with its entities; `accountId` scopes the `connected` flags. Optional
   * capability: with `countries` (ISO 3166-1 alpha-2 codes; empty for the totals alone), an
   * adapter that supports it answers only those countries' entities and adds `countries`,
   * the per-country totals; one that does not answers the whole group without `countries`.
   */
  getGroup(
    groupId: string,
    query?: { accountId?: string; countries?: readonly string[] },
    options?: RequestOptions,
  ): Promise<CustomerGroup>;
  /** The signed-in supplier's accounts. */
  listAccounts(options?: RequestOptions): Promise<SupplierAccount[]>;
  /** Optional separate upload; when present, elements upload first and show progress. */
  uploadAttachment?(file: Blob, name: string, options?: UploadOptions): Promise<{ id: string }>;
  /** Ask to connect an account to one or more legal entities. */
  requestConnection(request: ConnectionRequest, options?: RequestOptions): Promise<ConnectionOutcome>;
  /** Read a verification (e.g. to resume one). */
  getVerification(id: string, options?: RequestOptions): Promise<VerificationSession>;
  /** Step 1: a recent invoice. A wrong answer costs an attempt. */
  submitVerificationEvidence(
    verificationId: string,
    evidence: InvoiceEvidence,
    options?: RequestOptions,
  ): Promise<VerificationResult>;
  /** Step 2: the date and amount of the invoice the network chose. */
  answerChallenge(
    verificationId: string,
    answer: ChallengeAnswer,
    options?: RequestOptions,
  ): Promise<VerificationResult>;
  /** "Connect without verification": give up on verifying and open a support case. */
  connectWithoutVerification(
    verificationId: string,
    request: { idempotencyKey: string },
    options?: RequestOptions,
  ): Promise<SupportCase>;
  /** One support case by reference. */
  getSupportCase(reference: string, options?: RequestOptions): Promise<SupportCase>;
  /** The "For your attention" summary. */
  getAttentionSummary(options?: RequestOptions): Promise<AttentionSummary>;
  /** The supplier's relationships, for one account or all of them. */
  listRelationships(query?: { accountId?: string }, options?: RequestOptions): Promise<Relationship[]>;
}
