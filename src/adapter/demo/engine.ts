/**
 * `DemoNetwork`: the demo network's state machine, in memory and synchronous.
 *
 * It runs the real Customer Connect rules: directory search, connection
 * requests with skips and idempotency, invoice-history verification with attempts and a
 * challenge, support cases with references and processing dates, the attention summary.
 * No DOM, no timers, nothing at import: the same engine backs the demo adapter in browsers
 * and the reference HTTP server in Node. Every method throws a `TnAdapterError` on failure
 * and returns fresh copies, so callers may mutate what they get. The whole state can be
 * taken as a plain JSON-safe snapshot and restored from one (the format is in `snapshot.ts`).
 *
 * The directory and its search order are in `directory-index.ts`; the stateless rules
 * (validation, business-day deadlines, decimals, request fingerprints, search paging, the
 * challenge's choice) in `rules.ts`. This file holds the state and its transitions.
 */
import { fold } from '../text-matching.js';
import { TnAdapterError, type FieldError } from '../errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerEntity,
  CustomerGroup,
  FailedInvoice,
  InvoiceEvidence,
  Relationship,
  RelationshipStatus,
  SavedInvoice,
  SearchPage,
  SearchQuery,
  SkippedEntity,
  SupplierAccount,
  SupportCase,
  VerificationResult,
  VerificationSession,
  VerificationStep,
} from '../types.js';
import {
  compareText,
  directoryIndex,
  findMatches,
  idKey,
  matchAt,
  directoryStats as measureDirectory,
  toCustomerEntity,
  type DirectoryStats,
  type IndexedEntity,
  type Matches,
} from './directory-index.js';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_NOTES_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_VENDOR_CODE_LENGTH,
  MAX_VERIFICATION_ATTEMPTS,
  PROCESSING_BUSINESS_DAYS,
  addBusinessDays,
  answerErrors,
  attachmentErrors,
  chooseChallenge,
  clampPageSize,
  connectionFingerprint,
  cursorOffset,
  evidenceErrors,
  isOpenCase,
  matchesInvoice,
  newestCaseFirst,
  sameInvoiceNumber,
  sequenceId,
  skipReason,
  unique,
} from './rules.js';
import {
  DEMO_NETWORK_SNAPSHOT_VERSION,
  checkSnapshot,
  seedSnapshot,
  type DemoNetworkSnapshot,
  type DemoStoredAnswer,
  type DemoVerificationRecord,
} from './snapshot.js';

/** Options of a {@link DemoNetwork}. */
export interface DemoNetworkOptions {
  /** The clock; inject a fixed one in tests. Defaults to the real time. */
  now?: () => Date;
  /**
   * Called after every call that changed the network's state, `reset()` included — never
   * after a read, a replayed idempotent call or a refused one. The demo adapter saves a
   * {@link DemoNetwork.snapshot} here. It should not throw: the change is already made.
   */
  onChange?: () => void;
}

// ---------------------------------------------------------------------------------------
// Small helpers

function copy<T>(value: T): T {
  return structuredClone(value);
}

function invalid(fieldErrors: FieldError[]): TnAdapterError {
  const fields = fieldErrors.map((error) => `${error.field} (${error.code})`).join(', ');
  return new TnAdapterError('invalid', { message: `Invalid request: ${fields}.`, fieldErrors, status: 422 });
}

function notFound(what: string): TnAdapterError {
  return new TnAdapterError('not-found', { message: `${what} not found.`, status: 404 });
}

function conflict(message: string): TnAdapterError {
  return new TnAdapterError('conflict', { message, status: 409 });
}

function relationshipKey(accountId: string, entityId: string): string {
  return `${accountId}\u0000${entityId}`;
}

// ---------------------------------------------------------------------------------------
// The network

/** The demo network: directory, accounts, relationships, verifications, support cases. */
export class DemoNetwork {
  private readonly now: () => Date;
  private readonly onChange?: () => void;
  // The state: everything a snapshot holds, set by `load`. Relationships are keyed by
  // account and customer, stored answers by idempotency key.
  private accounts!: SupplierAccount[];
  private relationships!: Map<string, Relationship>;
  private cases!: Map<string, SupportCase>;
  private verifications!: Map<string, DemoVerificationRecord>;
  private connectionAnswers!: Map<string, DemoStoredAnswer<ConnectionOutcome>>;
  private fallbackAnswers!: Map<string, DemoStoredAnswer<SupportCase>>;
  private uploads!: Set<string>;
  private failedInvoices!: FailedInvoice[];
  private savedInvoices!: SavedInvoice[];
  private counters!: DemoNetworkSnapshot['counters'];
  private lastSearch?: { key: string; matches: Matches };

  /** Creates a network holding the seed's state, dated relative to `now()`. */
  constructor(options: DemoNetworkOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.onChange = options.onChange;
    this.load(seedSnapshot(this.now()));
  }

  /**
   * Creates a network holding a snapshot's state (one taken by {@link DemoNetwork.snapshot},
   * possibly through JSON). Throws an `Error` naming the problem when the snapshot is of
   * another version or malformed; callers then start from a fresh network.
   */
  static restore(snapshot: unknown, options: DemoNetworkOptions = {}): DemoNetwork {
    const checked = checkSnapshot(snapshot);
    const network = new DemoNetwork(options);
    network.load(checked);
    return network;
  }

  // ----- state

  /** The whole mutable state as plain JSON-safe data, for {@link DemoNetwork.restore}. */
  snapshot(): DemoNetworkSnapshot {
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

  /** Demo control: back to the seed's state, dated relative to now (the directory stays). */
  reset(): void {
    this.load(seedSnapshot(this.now()));
    this.onChange?.();
  }

  // ----- directory
  // ----- directory

  /** Directory search: part of a legal name (accents and case ignored), or an exact network or tax ID. */
  searchDirectory(query: SearchQuery): SearchPage {
    const text = typeof query?.text === 'string' ? query.text : '';
    if (fold(text) === '') throw invalid([{ field: 'text', code: 'required' }]);
    if (text.length > MAX_QUERY_LENGTH) throw invalid([{ field: 'text', code: 'too-long' }]);
    const offset = cursorOffset(query.cursor);
    if (offset === undefined) throw invalid([{ field: 'cursor', code: 'invalid' }]);
    const pageSize = clampPageSize(query.pageSize);
    const matches = this.matches(text);
    const total = matches.exact.length + matches.names.length;
    const end = Math.min(offset + pageSize, total);
    const items: CustomerEntity[] = [];
    for (let i = offset; i < end; i++) items.push(toCustomerEntity(matchAt(matches, i)));
    return { items, total, ...(end < total ? { nextCursor: String(end) } : {}) };
  }

  /** One legal entity by network ID. */
  getCustomer(id: string): CustomerEntity {
    return toCustomerEntity(this.entity(id));
  }

  /** A group with all its entities, flagged `connected` for the account (or any account). */
  getGroup(groupId: string, query: { accountId?: string } = {}): CustomerGroup {
    const group = directoryIndex().groups.get(groupId);
    if (!group) throw notFound(`Group ${groupId}`);
    const connected = this.connectedEntityIds(query.accountId);
    return {
      id: group.ref.id,
      name: group.ref.name,
      entities: group.members.map((member) => ({ ...toCustomerEntity(member), connected: connected.has(member.record.id) })),
    };
  }

  /** How big the directory is (for demo pages and tests). */
  directoryStats(): DirectoryStats {
    return measureDirectory();
  }

  // ----- accounts and relationships

  /** The supplier's accounts. */
  listAccounts(): SupplierAccount[] {
    return copy(this.accounts);
  }

  /** The account's relationships (or every account's), most recent change first. */
  listRelationships(query: { accountId?: string } = {}): Relationship[] {
    if (query.accountId !== undefined) this.account(query.accountId);
    return [...this.relationships.values()]
      .filter((relationship) => query.accountId === undefined || relationship.accountId === query.accountId)
      .sort((a, b) => compareText(b.since, a.since) || compareText(a.id, b.id))
      .map(copy);
  }

  /** Records an uploaded attachment (the demo keeps only its name and size). */
  registerAttachment(name: string, size: number): { id: string } {
    if (typeof name !== 'string' || name.trim() === '') throw invalid([{ field: 'name', code: 'required' }]);
    if (size > MAX_ATTACHMENT_BYTES) throw invalid([{ field: 'file', code: 'too-large' }]);
    const id = sequenceId('ATT', this.counters.nextUpload++);
    this.uploads.add(id);
    return this.changed({ id });
  }

  // ----- connection requests

  /** Asks to connect an account to entities: verification, support case or connected at once. */
  requestConnection(request: ConnectionRequest): ConnectionOutcome {
    const key = request?.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '') throw invalid([{ field: 'idempotencyKey', code: 'required' }]);
    const fingerprint = connectionFingerprint(request);
    const earlier = this.connectionAnswers.get(key);
    if (earlier) return replay(earlier, fingerprint);
    const { account, entities } = this.validateConnection(request);
    const outcome = this.decideConnection(account, entities);
    this.connectionAnswers.set(key, { key, fingerprint, value: copy(outcome) });
    return this.changed(outcome);
  }

  // ----- verification

  /** A verification session by ID. */
  getVerification(id: string): VerificationSession {
    return copy(this.verification(id).session);
  }

  /** Step 1: a recent invoice. Right → the challenge; wrong → one attempt fewer, locked at none. */
  submitVerificationEvidence(id: string, evidence: InvoiceEvidence): VerificationResult {
    const record = this.verification(id);
    assertStep(record, 'evidence');
    const errors = evidenceErrors(evidence ?? {}, record.session.currency);
    if (errors.length > 0) throw invalid(errors);
    const given = record.history.find(
      (invoice) => sameInvoiceNumber(invoice.number, evidence.invoiceNumber) && matchesInvoice(invoice, evidence),
    );
    if (!given) return this.changed(this.spendAttempt(record));
    const challenge = chooseChallenge(record.history, record.session.id, given);
    if (!challenge) return this.changed(this.completeVerification(record));
    record.challengeInvoice = challenge;
    record.session.step = 'challenge';
    record.session.challenge = { invoiceNumber: challenge.number };
    return this.changed({ accepted: true, session: copy(record.session) });
  }

  /** Step 2: the date and amount of the challenge invoice. Right → verified and connected. */
  answerChallenge(id: string, answer: ChallengeAnswer): VerificationResult {
    const record = this.verification(id);
    assertStep(record, 'challenge');
    const errors = answerErrors(answer ?? {}, record.session.currency);
    if (errors.length > 0) throw invalid(errors);
    const right = record.challengeInvoice !== undefined && matchesInvoice(record.challengeInvoice, answer);
    return this.changed(right ? this.completeVerification(record) : this.spendAttempt(record));
  }

  /** "Connect without verification": one support case per verification, whatever the key. */
  connectWithoutVerification(id: string, request: { idempotencyKey: string }): SupportCase {
    const record = this.verification(id);
    const key = request?.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '') throw invalid([{ field: 'idempotencyKey', code: 'required' }]);
    const earlier = this.fallbackAnswers.get(key);
    if (earlier) return replay(earlier, id);
    if (record.session.step === 'verified') throw conflict(`Verification ${id} is already complete.`);
    const supportCase = record.session.supportCaseReference
      ? this.getSupportCase(record.session.supportCaseReference)
      : this.openFallbackCase(record);
    this.fallbackAnswers.set(key, { key, fingerprint: id, value: copy(supportCase) });
    return this.changed(supportCase);
  }

  /**
   * Forgets the answer stored under an idempotency key of one operation; a later call with
   * that key runs anew. The reference server calls it when its own bounded store lets the
   * key go (expired or evicted), so the engine keeps no more keys than the server does.
   */
  forgetIdempotencyKey(operation: 'requestConnection' | 'connectWithoutVerification', key: string): void {
    const answers = operation === 'requestConnection' ? this.connectionAnswers : this.fallbackAnswers;
    if (answers.delete(key)) this.onChange?.();
  }

  // ----- support cases and attention

  /** One support case by reference. */
  getSupportCase(reference: string): SupportCase {
    const supportCase = this.cases.get(String(reference).trim());
    if (!supportCase) throw notFound(`Support case ${reference}`);
    return copy(supportCase);
  }

  /** Demo control: the customer confirmed; the case resolves and its relationships connect. */
  resolveSupportCase(reference: string): SupportCase {
    const supportCase = this.cases.get(String(reference).trim());
    if (!supportCase) throw notFound(`Support case ${reference}`);
    if (!isOpenCase(supportCase)) throw conflict(`Support case ${reference} is already ${supportCase.status}.`);
    supportCase.status = 'resolved';
    for (const relationship of this.relationships.values()) {
      if (relationship.supportCaseReference === supportCase.reference && relationship.status === 'support-case-open') {
        relationship.status = 'connected';
        relationship.since = this.nowIso();
      }
    }
    return this.changed(copy(supportCase));
  }

  /** The "For your attention" summary, as of now. */
  getAttentionSummary(): AttentionSummary {
    const openCases = [...this.cases.values()].filter(isOpenCase).sort(newestCaseFirst);
    const failedTimes = this.failedInvoices.map((invoice) => invoice.failedAt ?? '').sort();
    const latestFailure = failedTimes[failedTimes.length - 1];
    return {
      generatedAt: this.nowIso(),
      failedInvoices: {
        count: this.failedInvoices.length,
        ...(latestFailure ? { latestAt: latestFailure } : {}),
        items: copy(this.failedInvoices),
      },
      supportTickets: {
        count: openCases.length,
        ...(openCases.length > 0 ? { latestAt: openCases[0].openedAt } : {}),
        items: copy(openCases),
      },
      savedInvoices: { count: this.savedInvoices.length, items: copy(this.savedInvoices) },
    };
  }

  // ----- private: directory

  private matches(text: string): Matches {
    const key = `${fold(text)}\u0000${idKey(text)}`;
    if (this.lastSearch?.key !== key) this.lastSearch = { key, matches: findMatches(text) };
    return this.lastSearch.matches;
  }

  private entity(id: string): IndexedEntity {
    const entity = directoryIndex().byId.get(id);
    if (!entity) throw notFound(`Customer ${id}`);
    return entity;
  }

  private account(id: string): SupplierAccount {
    const account = this.accounts.find((candidate) => candidate.id === id);
    if (!account) throw invalid([{ field: 'accountId', code: 'unknown' }]);
    return account;
  }

  private connectedEntityIds(accountId: string | undefined): Set<string> {
    if (accountId !== undefined) this.account(accountId);
    const ids = new Set<string>();
    for (const relationship of this.relationships.values()) {
      if (relationship.status === 'connected' && (accountId === undefined || relationship.accountId === accountId)) {
        ids.add(relationship.customer.id);
      }
    }
    return ids;
  }

  // ----- private: connection requests

  private validateConnection(request: ConnectionRequest): { account: SupplierAccount; entities: IndexedEntity[] } {
    const errors: FieldError[] = [];
    const account = this.accounts.find((candidate) => candidate.id === request.accountId);
    if (!account) errors.push({ field: 'accountId', code: request.accountId ? 'unknown' : 'required' });
    const ids = unique(Array.isArray(request.entityIds) ? request.entityIds : []);
    const index = directoryIndex();
    const entities = ids.flatMap((id) => index.byId.get(id) ?? []);
    const unknown = ids.filter((id) => !index.byId.has(id));
    if (ids.length === 0) errors.push({ field: 'entityIds', code: 'required' });
    if (unknown.length > 0) errors.push({ field: 'entityIds', code: 'unknown', message: `Unknown network IDs: ${unknown.join(', ')}` });
    const vendorCode = (request.vendorCode ?? '').trim();
    if (vendorCode === '' && entities.some((entity) => entity.record.requiresVendorCode)) {
      errors.push({ field: 'vendorCode', code: 'required' });
    }
    if (vendorCode.length > MAX_VENDOR_CODE_LENGTH) errors.push({ field: 'vendorCode', code: 'too-long' });
    if ((request.notes ?? '').length > MAX_NOTES_LENGTH) errors.push({ field: 'notes', code: 'too-long' });
    errors.push(...attachmentErrors(request.attachment, this.uploads));
    if (errors.length > 0 || !account) throw invalid(errors);
    return { account, entities };
  }

  private decideConnection(account: SupplierAccount, entities: readonly IndexedEntity[]): ConnectionOutcome {
    const skipped: SkippedEntity[] = [];
    const remaining: IndexedEntity[] = [];
    for (const entity of entities) {
      const reason = skipReason(this.relationships.get(relationshipKey(account.id, entity.record.id))?.status);
      if (reason) skipped.push({ entityId: entity.record.id, legalName: entity.record.legalName, reason });
      else remaining.push(entity);
    }
    if (remaining.length === 0) return { kind: 'connected', relationships: [], skipped };
    const resumed = this.resumableVerification(account.id, remaining);
    if (resumed) return { kind: 'verification-required', verification: copy(resumed.session), skipped };
    const withHistory = remaining.find((entity) => this.canVerify(account.id, entity));
    if (withHistory) {
      return { kind: 'verification-required', verification: this.openVerification(account, withHistory, remaining), skipped };
    }
    if (remaining.every((entity) => entity.record.autoApprove)) {
      const relationships = remaining.map((entity) => copy(this.setRelationship(account, entity, 'connected')));
      return { kind: 'connected', relationships, skipped };
    }
    return { kind: 'support-case', supportCase: this.openSupportCase(account, remaining), skipped };
  }

  /** The network holds history for the entity, and this account has not locked a verification of it. */
  private canVerify(accountId: string, entity: IndexedEntity): boolean {
    if ((entity.record.invoices?.length ?? 0) === 0) return false;
    const verificationId = this.relationships.get(relationshipKey(accountId, entity.record.id))?.verificationId;
    return this.verifications.get(verificationId ?? '')?.session.step !== 'locked';
  }

  /** A still-open verification of this account that already covers every entity asked for. */
  private resumableVerification(accountId: string, entities: readonly IndexedEntity[]): DemoVerificationRecord | undefined {
    const first = this.relationships.get(relationshipKey(accountId, entities[0].record.id));
    if (first?.status !== 'verification-pending' || first.verificationId === undefined) return undefined;
    const record = this.verifications.get(first.verificationId);
    if (!record || record.session.supportCaseReference || record.session.step === 'verified') return undefined;
    return entities.every((entity) => record.entityIds.includes(entity.record.id)) ? record : undefined;
  }

  private openVerification(
    account: SupplierAccount,
    customer: IndexedEntity,
    entities: readonly IndexedEntity[],
  ): VerificationSession {
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

  private openSupportCase(
    account: SupplierAccount,
    entities: readonly IndexedEntity[],
    extra: { verificationId?: string } = {},
  ): SupportCase {
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
      this.setRelationship(account, entity, 'support-case-open', { ...extra, supportCaseReference: supportCase.reference });
    }
    return copy(supportCase);
  }

  /** Creates or replaces the account's relationship with an entity; returns the stored object. */
  private setRelationship(
    account: SupplierAccount,
    entity: IndexedEntity,
    status: RelationshipStatus,
    extra: { verificationId?: string; supportCaseReference?: string; isTestBuyer?: boolean; since?: string } = {},
  ): Relationship {
    const key = relationshipKey(account.id, entity.record.id);
    const existing = this.relationships.get(key);
    const relationship: Relationship = {
      id: existing?.id ?? sequenceId('REL', this.counters.nextRelationship++),
      accountId: account.id,
      accountName: account.name,
      customer: { id: entity.record.id, legalName: entity.record.legalName, country: entity.record.country },
      status,
      since: extra.since ?? this.nowIso(),
      ...(extra.isTestBuyer || existing?.isTestBuyer ? { isTestBuyer: true } : {}),
      ...(extra.supportCaseReference ? { supportCaseReference: extra.supportCaseReference } : {}),
      ...(extra.verificationId ? { verificationId: extra.verificationId } : {}),
    };
    this.relationships.set(key, relationship);
    return relationship;
  }

  // ----- private: verification

  private verification(id: string): DemoVerificationRecord {
    const record = this.verifications.get(id);
    if (!record) throw notFound(`Verification ${id}`);
    return record;
  }

  private spendAttempt(record: DemoVerificationRecord): VerificationResult {
    const session = record.session;
    session.attemptsRemaining = Math.max(0, session.attemptsRemaining - 1);
    if (session.attemptsRemaining === 0) {
      session.step = 'locked';
      delete session.challenge;
    }
    return { accepted: false, session: copy(session) };
  }

  private completeVerification(record: DemoVerificationRecord): VerificationResult {
    const session = record.session;
    session.step = 'verified';
    delete session.challenge;
    const account = this.account(session.accountId);
    const relationships = record.entityIds.map((id) =>
      copy(this.setRelationship(account, this.entity(id), 'connected', { verificationId: session.id })),
    );
    return { accepted: true, session: copy(session), relationships };
  }

  private openFallbackCase(record: DemoVerificationRecord): SupportCase {
    const account = this.account(record.session.accountId);
    const entities = record.entityIds.map((id) => this.entity(id));
    const supportCase = this.openSupportCase(account, entities, { verificationId: record.session.id });
    record.session.supportCaseReference = supportCase.reference;
    return supportCase;
  }

  // ----- private: state

  /** Replaces the whole state with (a copy of) the snapshot's. */
  private load(snapshot: DemoNetworkSnapshot): void {
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

  /** Tells the `onChange` listener that the state changed; returns `result`. */
  private changed<T>(result: T): T {
    this.onChange?.();
    return result;
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}

// ---------------------------------------------------------------------------------------
// Module-private functions used by the class

function assertStep(record: DemoVerificationRecord, step: VerificationStep): void {
  if (record.session.supportCaseReference) {
    throw conflict(`Verification ${record.session.id} was replaced by support case ${record.session.supportCaseReference}.`);
  }
  if (record.session.step !== step) {
    throw conflict(`Verification ${record.session.id} is at step "${record.session.step}", not "${step}".`);
  }
}

/** The stored answer of an idempotent call, or `conflict` when the key came with other data. */
function replay<T>(stored: DemoStoredAnswer<T>, fingerprint: string): T {
  if (stored.fingerprint !== fingerprint) {
    throw conflict('This idempotency key was already used for a different request.');
  }
  return copy(stored.value);
}
