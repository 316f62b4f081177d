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
 * Search order (documented for hosts and tests): exact network-ID / tax-ID matches first,
 * then legal names starting with the text, then names containing it; inside each of those,
 * entities of a group stay together — groups by name (accents and case folded), entities
 * without a group after every group — then by legal name, then by network ID.
 *
 * Dates: processing deadlines count business days (Monday–Friday) in UTC.
 */
import { fold } from '../../base/fold.js';
import { TnAdapterError, type FieldError } from '../errors.js';
import type {
  AttachmentInput,
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerEntity,
  CustomerGroup,
  FailedInvoice,
  GroupRef,
  InvoiceEvidence,
  Money,
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
  SEED_GROUPS,
  SEED_RELATIONSHIPS,
  SEED_SAVED_INVOICES,
  SEED_SUPPORT_CASES,
  type DemoInvoice,
  type SeedCustomer,
} from './data.js';
import { generateDirectory } from './directory.js';
import { NameIndex } from './name-index.js';

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

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const MAX_QUERY_LENGTH = 200;
const MAX_VENDOR_CODE_LENGTH = 50;
const MAX_NOTES_LENGTH = 1000;
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_VERIFICATION_ATTEMPTS = 3;
const PROCESSING_BUSINESS_DAYS = 2;
const MS_PER_MINUTE = 60_000;

// ---------------------------------------------------------------------------------------
// Text keys

/** Folds a network or tax ID: upper case, without spaces, dots or dashes. */
function idKey(text: string): string {
  return text.replace(/[\s.-]/g, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------
// The directory index: immutable, shared by every network, built on first use.

interface IndexedEntity {
  readonly record: SeedCustomer;
  readonly nameKey: string;
  readonly group?: Required<GroupRef>;
  /** The group's folded name, shared by its members; absent without a group. */
  readonly groupKey?: string;
  /** Position in the directory's display order. */
  rank: number;
}

interface IndexedGroup {
  readonly ref: Required<GroupRef>;
  readonly members: IndexedEntity[];
}

interface DirectoryIndex {
  readonly ordered: readonly IndexedEntity[];
  /** The folded legal names, in display order: matches are positions in `ordered`. */
  readonly names: NameIndex;
  readonly byId: ReadonlyMap<string, IndexedEntity>;
  readonly byTaxId: ReadonlyMap<string, readonly IndexedEntity[]>;
  readonly groups: ReadonlyMap<string, IndexedGroup>;
  readonly countries: number;
}

let sharedIndex: DirectoryIndex | undefined;

function directoryIndex(): DirectoryIndex {
  sharedIndex ??= buildIndex();
  return sharedIndex;
}

function buildIndex(): DirectoryIndex {
  const generated = generateDirectory({ reservedIds: SEED_CUSTOMERS.map((customer) => customer.id) });
  const records: readonly SeedCustomer[] = [...SEED_CUSTOMERS, ...generated.entries];
  const groupRefs = groupReferences([...SEED_GROUPS, ...generated.groups], records);
  const groupKeys = new Map([...groupRefs.values()].map((group) => [group.id, fold(group.name)]));
  const ordered = records
    .map((record): IndexedEntity => {
      const groupId = record.groupId;
      const group = groupId === undefined ? undefined : groupRefs.get(groupId);
      const groupKey = groupId === undefined ? undefined : groupKeys.get(groupId);
      return { record, nameKey: fold(record.legalName), group, groupKey, rank: 0 };
    })
    .sort(compareForDisplay);
  ordered.forEach((entity, rank) => (entity.rank = rank));
  return {
    ordered,
    names: new NameIndex(ordered.map((entity) => entity.nameKey)),
    byId: new Map(ordered.map((entity) => [entity.record.id, entity])),
    byTaxId: indexByTaxId(ordered),
    groups: indexGroups(ordered, groupRefs),
    countries: new Set(records.map((record) => record.country)).size,
  };
}

function groupReferences(
  groups: readonly { id: string; name: string }[],
  records: readonly SeedCustomer[],
): Map<string, Required<GroupRef>> {
  const sizes = new Map<string, number>();
  for (const record of records) {
    if (record.groupId !== undefined) sizes.set(record.groupId, (sizes.get(record.groupId) ?? 0) + 1);
  }
  return new Map(groups.map((group) => [group.id, { id: group.id, name: group.name, size: sizes.get(group.id) ?? 0 }]));
}

/** Display order: grouped entities by group name, then the ungrouped; then legal name, then ID. */
function compareForDisplay(a: IndexedEntity, b: IndexedEntity): number {
  return (
    compareOptional(a.groupKey, b.groupKey) ||
    compareText(a.group?.id ?? '', b.group?.id ?? '') ||
    compareText(a.nameKey, b.nameKey) ||
    compareText(a.record.id, b.record.id)
  );
}

/** Absent values sort after present ones. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return compareText(a, b);
}

/** Code-unit order: the same in every engine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexByTaxId(entities: readonly IndexedEntity[]): Map<string, IndexedEntity[]> {
  const byTaxId = new Map<string, IndexedEntity[]>();
  for (const entity of entities) {
    for (const taxId of entity.record.taxIds) {
      const key = idKey(taxId);
      const list = byTaxId.get(key);
      if (list) list.push(entity);
      else byTaxId.set(key, [entity]);
    }
  }
  return byTaxId;
}

function indexGroups(entities: readonly IndexedEntity[], refs: ReadonlyMap<string, Required<GroupRef>>): Map<string, IndexedGroup> {
  const groups = new Map<string, IndexedGroup>([...refs.values()].map((ref) => [ref.id, { ref, members: [] }]));
  for (const entity of entities) {
    if (entity.group) groups.get(entity.group.id)?.members.push(entity);
  }
  return groups;
}

function toCustomerEntity(entity: IndexedEntity): CustomerEntity {
  const { record, group } = entity;
  return {
    id: record.id,
    legalName: record.legalName,
    taxIds: [...record.taxIds],
    country: record.country,
    ...(group ? { group: { ...group } } : {}),
    ...(record.requiresVendorCode ? { requiresVendorCode: true } : {}),
  };
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

/** Adds business days (Monday–Friday, UTC), keeping the time of day. */
function addBusinessDays(start: Date, days: number): Date {
  const result = new Date(start.getTime());
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return result;
}

/** `"4508"`, `"4508.0"` and `"04508.00"` all give `"4508"`; not a decimal string gives undefined. */
function canonicalDecimal(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  const whole = match[2].replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function sameInvoiceNumber(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** FNV-1a: a small stable hash for deterministic choices. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function pad(value: number): string {
  return String(value).padStart(4, '0');
}

function relationshipKey(accountId: string, entityId: string): string {
  return `${accountId}\u0000${entityId}`;
}

/** Why a request leaves an entity alone, given the account's relationship with it. */
function skipReason(status: RelationshipStatus | undefined): SkippedEntity['reason'] | undefined {
  if (status === 'connected') return 'already-connected';
  if (status === 'support-case-open' || status === 'pending-customer-confirmation') return 'already-pending';
  return undefined;
}

function isOpenCase(supportCase: SupportCase): boolean {
  return supportCase.status === 'open' || supportCase.status === 'in-progress';
}

function newestCaseFirst(a: SupportCase, b: SupportCase): number {
  return compareText(b.openedAt, a.openedAt) || Number(b.reference) - Number(a.reference);
}

// ---------------------------------------------------------------------------------------
// Validation of inputs

/** A date and an amount given as an answer, checked against the session's currency. */
function answerErrors(answer: { invoiceDate?: unknown; amount?: Partial<Money> }, currency: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(answer.invoiceDate)) {
    errors.push({ field: 'invoiceDate', code: answer.invoiceDate ? 'invalid' : 'required' });
  }
  const amount = answer.amount;
  if (canonicalDecimal(amount?.amount) === undefined) {
    errors.push({ field: 'amount', code: amount?.amount ? 'invalid' : 'required' });
  } else if (typeof amount?.currency !== 'string' || amount.currency.toUpperCase() !== currency) {
    errors.push({ field: 'amount', code: 'currency-mismatch', message: `Amounts must be given in ${currency}.` });
  }
  return errors;
}

function evidenceErrors(evidence: Partial<InvoiceEvidence>, currency: string): FieldError[] {
  const numberErrors: FieldError[] =
    typeof evidence.invoiceNumber === 'string' && evidence.invoiceNumber.trim() !== ''
      ? []
      : [{ field: 'invoiceNumber', code: 'required' }];
  return [...numberErrors, ...answerErrors(evidence, currency)];
}

/** True when the invoice has this date and amount (decimals compared exactly). */
function matchesInvoice(invoice: DemoInvoice, answer: ChallengeAnswer): boolean {
  return (
    invoice.date === answer.invoiceDate &&
    canonicalDecimal(invoice.amount.amount) === canonicalDecimal(answer.amount.amount) &&
    invoice.amount.currency === answer.amount.currency.toUpperCase()
  );
}

function attachmentErrors(attachment: AttachmentInput | undefined, uploaded: ReadonlySet<string>): FieldError[] {
  if (attachment === undefined) return [];
  if (typeof attachment.name !== 'string' || attachment.name.trim() === '') {
    return [{ field: 'attachment', code: 'required', message: 'The attachment needs a file name.' }];
  }
  if (attachment.kind === 'uploaded') {
    return uploaded.has(attachment.id) ? [] : [{ field: 'attachment', code: 'unknown' }];
  }
  return attachment.file.size > MAX_ATTACHMENT_BYTES ? [{ field: 'attachment', code: 'too-large' }] : [];
}

function connectionFingerprint(request: ConnectionRequest): string {
  const attachment = request.attachment;
  return JSON.stringify([
    request.accountId,
    unique(request.entityIds ?? []).sort(),
    (request.vendorCode ?? '').trim(),
    request.notes ?? '',
    attachment === undefined ? null : attachment.kind === 'uploaded' ? attachment.id : [attachment.name, attachment.file.size],
  ]);
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
    const offset = parseCursor(query.cursor);
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
    const id = `ATT-${pad(this.nextUpload++)}`;
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
    const challenge = chooseChallenge(record, given);
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
      id: `VER-${pad(this.nextVerification++)}`,
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
      id: existing?.id ?? `REL-${pad(this.nextRelationship++)}`,
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
        id: `REL-${pad(this.nextRelationship++)}`,
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

/**
 * A search's matches: exact ID/tax-ID matches, then names starting with the text, then names
 * containing it (the last two as positions in the display order, without the exact ones).
 */
interface Matches {
  readonly exact: readonly IndexedEntity[];
  readonly names: ArrayLike<number>;
}

function findMatches(text: string): Matches {
  const index = directoryIndex();
  const exactKey = idKey(text);
  const exact = new Set<IndexedEntity>(index.byTaxId.get(exactKey) ?? []);
  const byId = index.byId.get(exactKey);
  if (byId) exact.add(byId);
  const names = index.names.find(fold(text));
  if (exact.size === 0) return { exact: [], names };
  const ranks = new Set([...exact].map((entity) => entity.rank));
  return { exact: [...exact].sort((a, b) => a.rank - b.rank), names: Array.from(names).filter((rank) => !ranks.has(rank)) };
}

function matchAt(matches: Matches, i: number): IndexedEntity {
  const { exact, names } = matches;
  return i < exact.length ? exact[i] : directoryIndex().ordered[names[i - exact.length]];
}

/** The offset a cursor stands for; a cursor this network did not issue is `invalid`. */
function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw invalid([{ field: 'cursor', code: 'invalid' }]);
  return Number(cursor);
}

function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
}

function assertStep(record: VerificationRecord, step: VerificationStep): void {
  if (record.session.supportCaseReference) {
    throw conflict(`Verification ${record.session.id} was replaced by support case ${record.session.supportCaseReference}.`);
  }
  if (record.session.step !== step) {
    throw conflict(`Verification ${record.session.id} is at step "${record.session.step}", not "${step}".`);
  }
}

/** Another invoice of the history, chosen deterministically; never the one just given. */
function chooseChallenge(record: VerificationRecord, given: DemoInvoice): DemoInvoice | undefined {
  const others = record.history.filter((invoice) => !sameInvoiceNumber(invoice.number, given.number));
  if (others.length === 0) return undefined;
  return others[hashText(`${record.session.id}|${given.number}`) % others.length];
}

/** The stored answer of an idempotent call, or `conflict` when the key came with other data. */
function replay<T>(stored: StoredAnswer<T>, fingerprint: string): T {
  if (stored.fingerprint !== fingerprint) {
    throw conflict('This idempotency key was already used for a different request.');
  }
  return copy(stored.value);
}
