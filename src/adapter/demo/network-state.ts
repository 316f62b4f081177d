/**
 * `NetworkState`: what one demo network holds — accounts, relationships, verifications,
 * support cases, stored idempotent answers, uploads, the attention lists, the ID counters —
 * and the record-keeping every transition shares: looking records up (a missing one throws
 * the `TnAdapterError` a caller would get) and writing relationships, verifications and
 * support cases consistently with each other.
 *
 * It decides nothing: which transition happens, and whether a request is valid, is the
 * network's (`demo-network.ts`). Keeping the data and its bookkeeping here leaves that file the
 * rules of each call. It converts to and from the snapshot format of `snapshot.ts`.
 */
import type { FieldError } from '../errors.js';
import { TnAdapterError } from '../errors.js';
import type {
  ConnectionOutcome,
  FailedInvoice,
  Relationship,
  RelationshipStatus,
  SavedInvoice,
  SupplierAccount,
  SupportCase,
  VerificationSession,
} from '../types.js';
import { directoryIndex, type IndexedEntity } from './directory-index.js';
import { MAX_VERIFICATION_ATTEMPTS, PROCESSING_BUSINESS_DAYS, addBusinessDays, sequenceId } from './rules.js';
import {
  DEMO_NETWORK_SNAPSHOT_VERSION,
  type DemoNetworkSnapshot,
  type DemoStoredAnswer,
  type DemoVerificationRecord,
} from './snapshot.js';

/** A deep copy: the network hands out and stores copies, so callers may mutate what they get. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** `invalid` (422) listing the fields. */
export function invalid(fieldErrors: FieldError[]): TnAdapterError {
  const fields = fieldErrors.map((error) => `${error.field} (${error.code})`).join(', ');
  return new TnAdapterError('invalid', { message: `Invalid request: ${fields}.`, fieldErrors, status: 422 });
}

/** `not-found` (404) naming what is missing. */
export function notFound(what: string): TnAdapterError {
  return new TnAdapterError('not-found', { message: `${what} not found.`, status: 404 });
}

/** `conflict` (409): the request does not fit the record's current state. */
export function conflict(message: string): TnAdapterError {
  return new TnAdapterError('conflict', { message, status: 409 });
}

/** Extra fields a relationship may carry when it is written. */
interface RelationshipDetails {
  verificationId?: string;
  supportCaseReference?: string;
}

/** The mutable state of one demo network; the directory itself is shared and immutable. */
export class NetworkState {
  readonly accounts: SupplierAccount[];
  /** Keyed by account and customer ({@link NetworkState.relationshipWith}). */
  readonly relationships: Map<string, Relationship>;
  /** Keyed by reference. */
  readonly cases: Map<string, SupportCase>;
  /** Keyed by session ID. */
  readonly verifications: Map<string, DemoVerificationRecord>;
  /** `requestConnection`'s answers by idempotency key. */
  readonly connectionAnswers: Map<string, DemoStoredAnswer<ConnectionOutcome>>;
  /** `connectWithoutVerification`'s answers by idempotency key. */
  readonly fallbackAnswers: Map<string, DemoStoredAnswer<SupportCase>>;
  readonly uploads: Set<string>;
  readonly failedInvoices: FailedInvoice[];
  readonly savedInvoices: SavedInvoice[];
  private readonly counters: DemoNetworkSnapshot['counters'];

  /** The state of (a copy of) the snapshot; `now` dates what is written from here on. */
  constructor(
    snapshot: DemoNetworkSnapshot,
    private readonly now: () => Date,
  ) {
    const state = copy(snapshot);
    this.accounts = state.accounts;
    this.relationships = new Map(state.relationships.map((item) => [relationshipKey(item.accountId, item.customer.id), item]));
    this.cases = new Map(state.supportCases.map((item) => [item.reference, item]));
    this.verifications = new Map(state.verifications.map((item) => [item.session.id, item]));
    this.connectionAnswers = new Map(state.connectionAnswers.map((item) => [item.key, item]));
    this.fallbackAnswers = new Map(state.fallbackAnswers.map((item) => [item.key, item]));
    this.uploads = new Set(state.uploads);
    this.failedInvoices = state.failedInvoices;
    this.savedInvoices = state.savedInvoices;
    this.counters = state.counters;
  }

  /** The whole state as plain JSON-safe data. */
  toSnapshot(): DemoNetworkSnapshot {
    return copy({
      version: DEMO_NETWORK_SNAPSHOT_VERSION,
      accounts: this.accounts,
      relationships: [...this.relationships.values()],
      supportCases: [...this.cases.values()],
      verifications: [...this.verifications.values()],
      connectionAnswers: [...this.connectionAnswers.values()],
      fallbackAnswers: [...this.fallbackAnswers.values()],
      uploads: [...this.uploads],
      failedInvoices: this.failedInvoices,
      savedInvoices: this.savedInvoices,
      counters: this.counters,
    });
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  // ----- lookups that throw what the caller gets

  /** An entity of the directory; `not-found` otherwise. */
  entity(id: string): IndexedEntity {
    const entity = directoryIndex().byId.get(id);
    if (!entity) throw notFound(`Customer ${id}`);
    return entity;
  }

  /** One of the supplier's accounts; `invalid` on `accountId` otherwise (it is a request field). */
  account(id: string): SupplierAccount {
    const account = this.accounts.find((candidate) => candidate.id === id);
    if (!account) throw invalid([{ field: 'accountId', code: 'unknown' }]);
    return account;
  }

  verification(id: string): DemoVerificationRecord {
    const record = this.verifications.get(id);
    if (!record) throw notFound(`Verification ${id}`);
    return record;
  }

  /** The stored (live, not copied) case; `not-found` otherwise. */
  supportCase(reference: string): SupportCase {
    const supportCase = this.cases.get(String(reference).trim());
    if (!supportCase) throw notFound(`Support case ${reference}`);
    return supportCase;
  }

  /** The account's relationship with an entity, if any. */
  relationshipWith(accountId: string, entityId: string): Relationship | undefined {
    return this.relationships.get(relationshipKey(accountId, entityId));
  }

  /** IDs of the entities connected to the account (to any account when undefined). */
  connectedEntityIds(accountId: string | undefined): Set<string> {
    if (accountId !== undefined) this.account(accountId);
    const ids = new Set<string>();
    for (const relationship of this.relationships.values()) {
      if (relationship.status === 'connected' && (accountId === undefined || relationship.accountId === accountId)) {
        ids.add(relationship.customer.id);
      }
    }
    return ids;
  }

  // ----- writing records

  /** A new ID for an uploaded attachment, remembered as uploaded. */
  addUpload(): string {
    const id = sequenceId('ATT', this.counters.nextUpload++);
    this.uploads.add(id);
    return id;
  }

  /** Creates or replaces the account's relationship with an entity; returns the stored object. */
  setRelationship(
    account: SupplierAccount,
    entity: IndexedEntity,
    status: RelationshipStatus,
    details: RelationshipDetails = {},
  ): Relationship {
    const key = relationshipKey(account.id, entity.record.id);
    const existing = this.relationships.get(key);
    const relationship: Relationship = {
      id: existing?.id ?? sequenceId('REL', this.counters.nextRelationship++),
      accountId: account.id,
      accountName: account.name,
      customer: { id: entity.record.id, legalName: entity.record.legalName, country: entity.record.country },
      status,
      since: this.nowIso(),
      ...(existing?.isTestBuyer ? { isTestBuyer: true } : {}),
      ...(details.supportCaseReference ? { supportCaseReference: details.supportCaseReference } : {}),
      ...(details.verificationId ? { verificationId: details.verificationId } : {}),
    };
    this.relationships.set(key, relationship);
    return relationship;
  }

  /**
   * A verification of the account against the customer's invoice history, covering the
   * entities asked for (each now `verification-pending`); returns a copy of its session.
   */
  openVerification(account: SupplierAccount, customer: IndexedEntity, entities: readonly IndexedEntity[]): VerificationSession {
    const history = customer.record.invoices ?? [];
    const session: VerificationSession = {
      id: sequenceId('VER', this.counters.nextVerification++),
      customer: { id: customer.record.id, legalName: customer.record.legalName },
      accountId: account.id,
      step: 'evidence',
      attemptsRemaining: MAX_VERIFICATION_ATTEMPTS,
      maxAttempts: MAX_VERIFICATION_ATTEMPTS,
      currency: history[0].amount.currency,
    };
    this.verifications.set(session.id, { session, entityIds: entities.map((entity) => entity.record.id), history });
    for (const entity of entities) this.setRelationship(account, entity, 'verification-pending', { verificationId: session.id });
    return copy(session);
  }

  /**
   * A support case for the entities (each now `support-case-open`), due after
   * {@link PROCESSING_BUSINESS_DAYS} business days; returns a copy.
   */
  openSupportCase(account: SupplierAccount, entities: readonly IndexedEntity[], details: { verificationId?: string } = {}): SupportCase {
    const openedAt = this.now();
    const supportCase: SupportCase = {
      reference: String(this.counters.nextCaseReference++),
      status: 'open',
      openedAt: openedAt.toISOString(),
      processBy: addBusinessDays(openedAt, PROCESSING_BUSINESS_DAYS).toISOString(),
      accountId: account.id,
      customers: entities.map((entity) => ({ id: entity.record.id, legalName: entity.record.legalName })),
    };
    this.cases.set(supportCase.reference, supportCase);
    for (const entity of entities) {
      this.setRelationship(account, entity, 'support-case-open', { ...details, supportCaseReference: supportCase.reference });
    }
    return copy(supportCase);
  }
}

function relationshipKey(accountId: string, entityId: string): string {
  return `${accountId}\u0000${entityId}`;
}
