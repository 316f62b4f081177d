/**
 * `DemoNetwork`: the demo network's state machine, in memory and synchronous.
 *
 * It runs the real Customer Connect rules: directory search, connection
 * requests with skips and idempotency, invoice-history verification with attempts and a
 * challenge, support cases with references and processing dates, the attention summary.
 * No DOM, no timers, nothing at import: the same engine backs the demo adapter in browsers
 * and the reference HTTP server in Node. Every method throws a `TnAdapterError` on failure
 * and returns fresh copies, so callers may mutate what they get.
 *
 * The directory and its search order are in `directory-index.ts`; the stateless rules
 * (validation, business-day deadlines, decimals, request fingerprints, search paging, the
 * challenge's choice) in `rules.ts`. This file holds the state and its transitions.
 */
import { fold } from '../../base/fold.js';
import { TnAdapterError, type FieldError } from '../errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerEntity,
  CustomerGroup,
  FailedInvoice,
  GroupRef,
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
  DEMO_FIRST_CASE_REFERENCE,
  SEED_ACCOUNTS,
  SEED_CUSTOMERS,
  SEED_FAILED_INVOICES,
  SEED_RELATIONSHIPS,
  SEED_SAVED_INVOICES,
  SEED_SUPPORT_CASES,
  type DemoInvoice,
  type SeedCustomer,
} from './data.js';
import {
  compareText,
  directoryIndex,
  findMatches,
  idKey,
  matchAt,
  toCustomerEntity,
  type IndexedEntity,
  type Matches,
} from './directory-index.js';
import {
  MAX_ATTACHMENT_BYTES,
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

/** Options of a {@link DemoNetwork}. */
export interface DemoNetworkOptions {
  /** The clock; inject a fixed one in tests. Defaults to the real time. */
  now?: () => Date;
}

/** Size figures of the demo directory. */
export interface DirectoryStats {
  entities: number;
  countries: number;
  groups: number;
  largestGroup: Required<GroupRef>;
}

const MAX_QUERY_LENGTH = 200;
const MAX_VENDOR_CODE_LENGTH = 50;
const MAX_NOTES_LENGTH = 1000;
const MAX_VERIFICATION_ATTEMPTS = 3;
const MS_PER_MINUTE = 60_000;

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

interface VerificationRecord {
  readonly session: VerificationSession;
  /** Every entity the verification connects (the request's, minus skips). */
  readonly entityIds: readonly string[];
  readonly history: readonly DemoInvoice[];
  challengeInvoice?: DemoInvoice;
}

interface StoredAnswer<T> {
  readonly fingerprint: string;
  readonly value: T;
}

/** The demo network: directory, accounts, relationships, verifications, support cases. */
export class DemoNetwork {
  private readonly now: () => Date;
  private readonly accounts: SupplierAccount[];
  private readonly relationships = new Map<string, Relationship>();
  private readonly cases = new Map<string, SupportCase>();
  private readonly verifications = new Map<string, VerificationRecord>();
  private readonly connectionAnswers = new Map<string, StoredAnswer<ConnectionOutcome>>();
  private readonly fallbackAnswers = new Map<string, StoredAnswer<SupportCase>>();
  private readonly uploads = new Set<string>();
  private readonly failedInvoices: FailedInvoice[];
  private readonly savedInvoices: SavedInvoice[];
  private nextReference = DEMO_FIRST_CASE_REFERENCE;
  private nextVerification = 1;
  private nextRelationship = 1;
  private nextUpload = 1;
  private lastSearch?: { key: string; matches: Matches };

  /** Creates a network holding the seed's state, dated relative to `now()`. */
  constructor(options: DemoNetworkOptions = {}) {
    this.now = options.now ?? (() => new Date());
    const start = this.now().getTime();
    const ago = (minutes: number) => new Date(start - minutes * MS_PER_MINUTE);
    this.accounts = SEED_ACCOUNTS.map((account) => ({ ...account }));
    this.failedInvoices = SEED_FAILED_INVOICES.map(({ minutesAgo, ...invoice }) => ({
      ...invoice,
      failedAt: ago(minutesAgo).toISOString(),
    }));
    this.savedInvoices = SEED_SAVED_INVOICES.map(({ minutesAgo, amount, ...invoice }) => ({
      ...invoice,
      amount: { ...amount },
      savedAt: ago(minutesAgo).toISOString(),
    }));
    this.seedSupportCases(ago);
    this.seedRelationships(ago);
  }

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
    const index = directoryIndex();
    let largest: Required<GroupRef> = { id: '', name: '', size: 0 };
    for (const group of index.groups.values()) if (group.ref.size > largest.size) largest = group.ref;
    return { entities: index.ordered.length, countries: index.countries, groups: index.groups.size, largestGroup: { ...largest } };
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
    const id = sequenceId('ATT', this.nextUpload++);
    this.uploads.add(id);
    return { id };
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
    this.connectionAnswers.set(key, { fingerprint, value: copy(outcome) });
    return outcome;
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
    if (!given) return this.spendAttempt(record);
    const challenge = chooseChallenge(record.history, record.session.id, given);
    if (!challenge) return this.completeVerification(record);
    record.challengeInvoice = challenge;
    record.session.step = 'challenge';
    record.session.challenge = { invoiceNumber: challenge.number };
    return { accepted: true, session: copy(record.session) };
  }

  /** Step 2: the date and amount of the challenge invoice. Right → verified and connected. */
  answerChallenge(id: string, answer: ChallengeAnswer): VerificationResult {
    const record = this.verification(id);
    assertStep(record, 'challenge');
    const errors = answerErrors(answer ?? {}, record.session.currency);
    if (errors.length > 0) throw invalid(errors);
    if (record.challengeInvoice && matchesInvoice(record.challengeInvoice, answer)) return this.completeVerification(record);
    return this.spendAttempt(record);
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
    this.fallbackAnswers.set(key, { fingerprint: id, value: copy(supportCase) });
    return supportCase;
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
    return copy(supportCase);
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
  private resumableVerification(accountId: string, entities: readonly IndexedEntity[]): VerificationRecord | undefined {
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
      id: sequenceId('VER', this.nextVerification++),
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
      reference: String(this.nextReference++),
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
      id: existing?.id ?? sequenceId('REL', this.nextRelationship++),
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

  private verification(id: string): VerificationRecord {
    const record = this.verifications.get(id);
    if (!record) throw notFound(`Verification ${id}`);
    return record;
  }

  private spendAttempt(record: VerificationRecord): VerificationResult {
    const session = record.session;
    session.attemptsRemaining = Math.max(0, session.attemptsRemaining - 1);
    if (session.attemptsRemaining === 0) {
      session.step = 'locked';
      delete session.challenge;
    }
    return { accepted: false, session: copy(session) };
  }

  private completeVerification(record: VerificationRecord): VerificationResult {
    const session = record.session;
    session.step = 'verified';
    delete session.challenge;
    const account = this.account(session.accountId);
    const relationships = record.entityIds.map((id) =>
      copy(this.setRelationship(account, this.entity(id), 'connected', { verificationId: session.id })),
    );
    return { accepted: true, session: copy(session), relationships };
  }

  private openFallbackCase(record: VerificationRecord): SupportCase {
    const account = this.account(record.session.accountId);
    const entities = record.entityIds.map((id) => this.entity(id));
    const supportCase = this.openSupportCase(account, entities, { verificationId: record.session.id });
    record.session.supportCaseReference = supportCase.reference;
    return supportCase;
  }

  // ----- private: seed

  private seedSupportCases(ago: (minutes: number) => Date): void {
    for (const seed of SEED_SUPPORT_CASES) {
      const openedAt = ago(seed.minutesAgo);
      this.cases.set(seed.reference, {
        reference: seed.reference,
        status: 'open',
        openedAt: openedAt.toISOString(),
        processBy: addBusinessDays(openedAt, PROCESSING_BUSINESS_DAYS).toISOString(),
        accountId: seed.accountId,
        customers: seed.customerIds.map((id) => {
          const customer = seedCustomer(id);
          return { id: customer.id, legalName: customer.legalName };
        }),
      });
    }
  }

  /** Seed relationships need no directory: they only name seed customers. */
  private seedRelationships(ago: (minutes: number) => Date): void {
    for (const seed of SEED_RELATIONSHIPS) {
      const account = this.account(seed.accountId);
      const customer = seedCustomer(seed.customerId);
      const relationship: Relationship = {
        id: sequenceId('REL', this.nextRelationship++),
        accountId: account.id,
        accountName: account.name,
        customer: { id: customer.id, legalName: customer.legalName, country: customer.country },
        status: seed.status,
        since: ago(seed.minutesAgo).toISOString(),
        ...(seed.isTestBuyer ? { isTestBuyer: true } : {}),
        ...(seed.supportCaseReference ? { supportCaseReference: seed.supportCaseReference } : {}),
      };
      this.relationships.set(relationshipKey(account.id, customer.id), relationship);
    }
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}

// ---------------------------------------------------------------------------------------
// Module-private functions used by the class

function seedCustomer(id: string): SeedCustomer {
  const customer = SEED_CUSTOMERS.find((candidate) => candidate.id === id);
  if (!customer) throw new Error(`Demo seed is inconsistent: no customer ${id}.`);
  return customer;
}

function assertStep(record: VerificationRecord, step: VerificationStep): void {
  if (record.session.supportCaseReference) {
    throw conflict(`Verification ${record.session.id} was replaced by support case ${record.session.supportCaseReference}.`);
  }
  if (record.session.step !== step) {
    throw conflict(`Verification ${record.session.id} is at step "${record.session.step}", not "${step}".`);
  }
}

/** The stored answer of an idempotent call, or `conflict` when the key came with other data. */
function replay<T>(stored: StoredAnswer<T>, fingerprint: string): T {
  if (stored.fingerprint !== fingerprint) {
    throw conflict('This idempotency key was already used for a different request.');
  }
  return copy(stored.value);
}
