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
 * This file holds the transitions: what each call checks, decides and changes. The data and
 * its record-keeping (lookups, writing relationships, verifications and cases) are in
 * `network-state.ts`; the directory and its search order in `directory-index.ts`; the
 * stateless rules (validation, business-day deadlines, decimals, request fingerprints,
 * search paging, the challenge's choice) in `rules.ts`.
 */
import { fold } from '../text-matching.js';
import type { FieldError } from '../errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerEntity,
  CustomerGroup,
  InvoiceEvidence,
  Relationship,
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
import { NetworkState, conflict, copy, invalid, notFound } from './network-state.js';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_NOTES_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_VENDOR_CODE_LENGTH,
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
  skipReason,
  unique,
} from './rules.js';
import { checkSnapshot, seedSnapshot, type DemoNetworkSnapshot, type DemoStoredAnswer, type DemoVerificationRecord } from './snapshot.js';

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

/** The demo network: directory, accounts, relationships, verifications, support cases. */
export class DemoNetwork {
  private readonly now: () => Date;
  private readonly onChange?: () => void;
  /** Everything a snapshot holds; replaced whole by `reset` and `restore`. */
  private state: NetworkState;
  private lastSearch?: { key: string; matches: Matches };

  /** Creates a network holding the seed's state, dated relative to `now()`. */
  constructor(options: DemoNetworkOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.onChange = options.onChange;
    this.state = new NetworkState(seedSnapshot(this.now()), this.now);
  }

  /**
   * Creates a network holding a snapshot's state (one taken by {@link DemoNetwork.snapshot},
   * possibly through JSON). Throws an `Error` naming the problem when the snapshot is of
   * another version or malformed; callers then start from a fresh network.
   */
  static restore(snapshot: unknown, options: DemoNetworkOptions = {}): DemoNetwork {
    const checked = checkSnapshot(snapshot);
    const network = new DemoNetwork(options);
    network.state = new NetworkState(checked, network.now);
    return network;
  }

  // ----- state

  /** The whole mutable state as plain JSON-safe data, for {@link DemoNetwork.restore}. */
  snapshot(): DemoNetworkSnapshot {
    return this.state.toSnapshot();
  }

  /** Demo control: back to the seed's state, dated relative to now (the directory stays). */
  reset(): void {
    this.state = new NetworkState(seedSnapshot(this.now()), this.now);
    this.onChange?.();
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
    return toCustomerEntity(this.state.entity(id));
  }

  /** A group with all its entities, flagged `connected` for the account (or any account). */
  getGroup(groupId: string, query: { accountId?: string } = {}): CustomerGroup {
    const group = directoryIndex().groups.get(groupId);
    if (!group) throw notFound(`Group ${groupId}`);
    const connected = this.state.connectedEntityIds(query.accountId);
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
    return copy(this.state.accounts);
  }

  /** The account's relationships (or every account's), most recent change first. */
  listRelationships(query: { accountId?: string } = {}): Relationship[] {
    if (query.accountId !== undefined) this.state.account(query.accountId);
    return [...this.state.relationships.values()]
      .filter((relationship) => query.accountId === undefined || relationship.accountId === query.accountId)
      .sort((a, b) => compareText(b.since, a.since) || compareText(a.id, b.id))
      .map(copy);
  }

  /** Records an uploaded attachment (the demo keeps only its name and size). */
  registerAttachment(name: string, size: number): { id: string } {
    if (typeof name !== 'string' || name.trim() === '') throw invalid([{ field: 'name', code: 'required' }]);
    if (size > MAX_ATTACHMENT_BYTES) throw invalid([{ field: 'file', code: 'too-large' }]);
    return this.changed({ id: this.state.addUpload() });
  }

  // ----- connection requests

  /** Asks to connect an account to entities: verification, support case or connected at once. */
  requestConnection(request: ConnectionRequest): ConnectionOutcome {
    const key = request?.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '') throw invalid([{ field: 'idempotencyKey', code: 'required' }]);
    const fingerprint = connectionFingerprint(request);
    const earlier = this.state.connectionAnswers.get(key);
    if (earlier) return replay(earlier, fingerprint);
    const { account, entities } = this.validateConnection(request);
    const outcome = this.decideConnection(account, entities);
    this.state.connectionAnswers.set(key, { key, fingerprint, value: copy(outcome) });
    return this.changed(outcome);
  }

  // ----- verification

  /** A verification session by ID. */
  getVerification(id: string): VerificationSession {
    return copy(this.state.verification(id).session);
  }

  /** Step 1: a recent invoice. Right → the challenge; wrong → one attempt fewer, locked at none. */
  submitVerificationEvidence(id: string, evidence: InvoiceEvidence): VerificationResult {
    const record = this.state.verification(id);
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
    const record = this.state.verification(id);
    assertStep(record, 'challenge');
    const errors = answerErrors(answer ?? {}, record.session.currency);
    if (errors.length > 0) throw invalid(errors);
    const right = record.challengeInvoice !== undefined && matchesInvoice(record.challengeInvoice, answer);
    return this.changed(right ? this.completeVerification(record) : this.spendAttempt(record));
  }

  /** "Connect without verification": one support case per verification, whatever the key. */
  connectWithoutVerification(id: string, request: { idempotencyKey: string }): SupportCase {
    const record = this.state.verification(id);
    const key = request?.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '') throw invalid([{ field: 'idempotencyKey', code: 'required' }]);
    const earlier = this.state.fallbackAnswers.get(key);
    if (earlier) return replay(earlier, id);
    if (record.session.step === 'verified') throw conflict(`Verification ${id} is already complete.`);
    const supportCase = record.session.supportCaseReference
      ? this.getSupportCase(record.session.supportCaseReference)
      : this.openFallbackCase(record);
    this.state.fallbackAnswers.set(key, { key, fingerprint: id, value: copy(supportCase) });
    return this.changed(supportCase);
  }

  /**
   * Forgets the answer stored under an idempotency key of one operation; a later call with
   * that key runs anew. The reference server calls it when its own bounded store lets the
   * key go (expired or evicted), so the engine keeps no more keys than the server does.
   */
  forgetIdempotencyKey(operation: 'requestConnection' | 'connectWithoutVerification', key: string): void {
    const answers = operation === 'requestConnection' ? this.state.connectionAnswers : this.state.fallbackAnswers;
    if (answers.delete(key)) this.onChange?.();
  }

  // ----- support cases and attention

  /** One support case by reference. */
  getSupportCase(reference: string): SupportCase {
    return copy(this.state.supportCase(reference));
  }

  /** Demo control: the customer confirmed; the case resolves and its relationships connect. */
  resolveSupportCase(reference: string): SupportCase {
    const supportCase = this.state.supportCase(reference);
    if (!isOpenCase(supportCase)) throw conflict(`Support case ${reference} is already ${supportCase.status}.`);
    supportCase.status = 'resolved';
    for (const relationship of this.state.relationships.values()) {
      if (relationship.supportCaseReference === supportCase.reference && relationship.status === 'support-case-open') {
        relationship.status = 'connected';
        relationship.since = this.state.nowIso();
      }
    }
    return this.changed(copy(supportCase));
  }

  /** The "For your attention" summary, as of now. */
  getAttentionSummary(): AttentionSummary {
    const openCases = [...this.state.cases.values()].filter(isOpenCase).sort(newestCaseFirst);
    const failedTimes = this.state.failedInvoices.map((invoice) => invoice.failedAt ?? '').sort();
    const latestFailure = failedTimes[failedTimes.length - 1];
    return {
      generatedAt: this.state.nowIso(),
      failedInvoices: {
        count: this.state.failedInvoices.length,
        ...(latestFailure ? { latestAt: latestFailure } : {}),
        items: copy(this.state.failedInvoices),
      },
      supportTickets: {
        count: openCases.length,
        ...(openCases.length > 0 ? { latestAt: openCases[0].openedAt } : {}),
        items: copy(openCases),
      },
      savedInvoices: { count: this.state.savedInvoices.length, items: copy(this.state.savedInvoices) },
    };
  }

  // ----- private: directory

  private matches(text: string): Matches {
    const key = `${fold(text)}\u0000${idKey(text)}`;
    if (this.lastSearch?.key !== key) this.lastSearch = { key, matches: findMatches(text) };
    return this.lastSearch.matches;
  }

  // ----- private: connection requests

  private validateConnection(request: ConnectionRequest): { account: SupplierAccount; entities: IndexedEntity[] } {
    const errors: FieldError[] = [];
    const account = this.state.accounts.find((candidate) => candidate.id === request.accountId);
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
    errors.push(...attachmentErrors(request.attachment, this.state.uploads));
    if (errors.length > 0 || !account) throw invalid(errors);
    return { account, entities };
  }

  private decideConnection(account: SupplierAccount, entities: readonly IndexedEntity[]): ConnectionOutcome {
    const skipped: SkippedEntity[] = [];
    const remaining: IndexedEntity[] = [];
    for (const entity of entities) {
      const reason = skipReason(this.state.relationshipWith(account.id, entity.record.id)?.status);
      if (reason) skipped.push({ entityId: entity.record.id, legalName: entity.record.legalName, reason });
      else remaining.push(entity);
    }
    if (remaining.length === 0) return { kind: 'connected', relationships: [], skipped };
    const resumed = this.resumableVerification(account.id, remaining);
    if (resumed) return { kind: 'verification-required', verification: copy(resumed.session), skipped };
    const withHistory = remaining.find((entity) => this.canVerify(account.id, entity));
    if (withHistory) {
      return { kind: 'verification-required', verification: this.state.openVerification(account, withHistory, remaining), skipped };
    }
    if (remaining.every((entity) => entity.record.autoApprove)) {
      const relationships = remaining.map((entity) => copy(this.state.setRelationship(account, entity, 'connected')));
      return { kind: 'connected', relationships, skipped };
    }
    return { kind: 'support-case', supportCase: this.state.openSupportCase(account, remaining), skipped };
  }

  /** The network holds history for the entity, and this account has not locked a verification of it. */
  private canVerify(accountId: string, entity: IndexedEntity): boolean {
    if ((entity.record.invoices?.length ?? 0) === 0) return false;
    const verificationId = this.state.relationshipWith(accountId, entity.record.id)?.verificationId;
    return this.state.verifications.get(verificationId ?? '')?.session.step !== 'locked';
  }

  /** A still-open verification of this account that already covers every entity asked for. */
  private resumableVerification(accountId: string, entities: readonly IndexedEntity[]): DemoVerificationRecord | undefined {
    const first = this.state.relationshipWith(accountId, entities[0].record.id);
    if (first?.status !== 'verification-pending' || first.verificationId === undefined) return undefined;
    const record = this.state.verifications.get(first.verificationId);
    if (!record || record.session.supportCaseReference || record.session.step === 'verified') return undefined;
    return entities.every((entity) => record.entityIds.includes(entity.record.id)) ? record : undefined;
  }

  // ----- private: verification

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
    const account = this.state.account(session.accountId);
    const relationships = record.entityIds.map((id) =>
      copy(this.state.setRelationship(account, this.state.entity(id), 'connected', { verificationId: session.id })),
    );
    return { accepted: true, session: copy(session), relationships };
  }

  private openFallbackCase(record: DemoVerificationRecord): SupportCase {
    const account = this.state.account(record.session.accountId);
    const entities = record.entityIds.map((id) => this.state.entity(id));
    const supportCase = this.state.openSupportCase(account, entities, { verificationId: record.session.id });
    record.session.supportCaseReference = supportCase.reference;
    return supportCase;
  }

  // ----- private: state

  /** Tells the `onChange` listener that the state changed; returns `result`. */
  private changed<T>(result: T): T {
    this.onChange?.();
    return result;
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
