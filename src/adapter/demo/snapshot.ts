/**
 * The demo network's state as plain data: {@link DemoNetworkSnapshot} (what
 * `DemoNetwork.snapshot()` returns and `DemoNetwork.restore()` takes), the check that
 * refuses a snapshot of another version or a malformed one, and the seed state every fresh
 * network starts from.
 *
 * A snapshot holds only what changes; the directory is rebuilt from its seed, never stored.
 * It is JSON-safe: `JSON.parse(JSON.stringify(snapshot))` restores the same network.
 */
import type {
  ConnectionOutcome,
  FailedInvoice,
  Relationship,
  SavedInvoice,
  SupplierAccount,
  SupportCase,
  VerificationSession,
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
} from './data.js';
import { PROCESSING_BUSINESS_DAYS, addBusinessDays, sequenceId } from './rules.js';

/** The snapshot format this network writes and reads; a snapshot of any other is refused. */
export const DEMO_NETWORK_SNAPSHOT_VERSION = 1;

/** A verification, with what the network keeps beside the session. */
export interface DemoVerificationRecord {
  session: VerificationSession;
  /** Every entity the verification connects (the request's, minus skips). */
  entityIds: string[];
  /** The customer's invoice history the answers are checked against. */
  history: readonly DemoInvoice[];
  /** The invoice the challenge asks about, once chosen. */
  challengeInvoice?: DemoInvoice;
}

/** The answer an idempotency key got, replayed when the same key comes again. */
export interface DemoStoredAnswer<T> {
  key: string;
  /** What the request was: the same key with other data is refused. */
  fingerprint: string;
  value: T;
}

/** Everything that changes in a `DemoNetwork`, as JSON-safe data. */
export interface DemoNetworkSnapshot {
  version: typeof DEMO_NETWORK_SNAPSHOT_VERSION;
  accounts: SupplierAccount[];
  relationships: Relationship[];
  supportCases: SupportCase[];
  verifications: DemoVerificationRecord[];
  /** Answers of `requestConnection`, by idempotency key. */
  connectionAnswers: DemoStoredAnswer<ConnectionOutcome>[];
  /** Answers of `connectWithoutVerification`, by idempotency key (the fingerprint is the verification's ID). */
  fallbackAnswers: DemoStoredAnswer<SupportCase>[];
  /** IDs of the uploaded attachments. */
  uploads: string[];
  failedInvoices: FailedInvoice[];
  savedInvoices: SavedInvoice[];
  /** The next number of each sequence. */
  counters: { nextCaseReference: number; nextVerification: number; nextRelationship: number; nextUpload: number };
}

const MS_PER_MINUTE = 60_000;

/** The state of a fresh network created at `now`: the seed's, dated relative to it. */
export function seedSnapshot(now: Date): DemoNetworkSnapshot {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MS_PER_MINUTE);
  const accounts = SEED_ACCOUNTS.map((account) => ({ ...account }));
  const supportCases = SEED_SUPPORT_CASES.map((seed): SupportCase => {
    const openedAt = ago(seed.minutesAgo);
    return {
      reference: seed.reference,
      status: 'open',
      openedAt: openedAt.toISOString(),
      processBy: addBusinessDays(openedAt, PROCESSING_BUSINESS_DAYS).toISOString(),
      accountId: seed.accountId,
      customers: seed.customerIds.map((id) => {
        const customer = seedCustomer(id);
        return { id: customer.id, legalName: customer.legalName };
      }),
    };
  });
  const relationships = SEED_RELATIONSHIPS.map((seed, i): Relationship => {
    const account = accounts.find((candidate) => candidate.id === seed.accountId);
    if (!account) throw new Error(`Demo seed is inconsistent: no account ${seed.accountId}.`);
    const customer = seedCustomer(seed.customerId);
    return {
      id: sequenceId('REL', i + 1),
      accountId: account.id,
      accountName: account.name,
      customer: { id: customer.id, legalName: customer.legalName, country: customer.country },
      status: seed.status,
      since: ago(seed.minutesAgo).toISOString(),
      ...(seed.isTestBuyer ? { isTestBuyer: true } : {}),
      ...(seed.supportCaseReference ? { supportCaseReference: seed.supportCaseReference } : {}),
    };
  });
  return {
    version: DEMO_NETWORK_SNAPSHOT_VERSION,
    accounts,
    relationships,
    supportCases,
    verifications: [],
    connectionAnswers: [],
    fallbackAnswers: [],
    uploads: [],
    failedInvoices: SEED_FAILED_INVOICES.map(({ minutesAgo, ...invoice }) => ({
      ...invoice,
      failedAt: ago(minutesAgo).toISOString(),
    })),
    savedInvoices: SEED_SAVED_INVOICES.map(({ minutesAgo, amount, ...invoice }) => ({
      ...invoice,
      amount: { ...amount },
      savedAt: ago(minutesAgo).toISOString(),
    })),
    counters: {
      nextCaseReference: DEMO_FIRST_CASE_REFERENCE,
      nextVerification: 1,
      nextRelationship: relationships.length + 1,
      nextUpload: 1,
    },
  };
}

function seedCustomer(id: string) {
  const customer = SEED_CUSTOMERS.find((candidate) => candidate.id === id);
  if (!customer) throw new Error(`Demo seed is inconsistent: no customer ${id}.`);
  return customer;
}

// ---------------------------------------------------------------------------------------
// The check

/**
 * What a field must hold: a JSON type (`count` is a whole number ≥ 0, `object` any object),
 * a list of one shape (`[shape]`), or an object whose fields have shapes (a name ending in
 * `?` may be absent).
 */
type Shape = 'string' | 'boolean' | 'count' | 'object' | readonly [Shape] | { readonly [field: string]: Shape };

const MONEY = { amount: 'string', currency: 'string' } as const;
const INVOICE = { number: 'string', date: 'string', amount: MONEY } as const;
const PARTY = { id: 'string', legalName: 'string' } as const;
const SUPPORT_CASE = {
  reference: 'string',
  status: 'string',
  openedAt: 'string',
  processBy: 'string',
  accountId: 'string',
  customers: [PARTY],
  'statusUrl?': 'string',
} as const;
const ANSWER = { key: 'string', fingerprint: 'string', value: 'object' } as const;

/** The snapshot's fields (`version` is checked first, on its own). */
const SNAPSHOT: Shape = {
  accounts: [{ id: 'string', name: 'string', 'country?': 'string' }],
  relationships: [
    {
      id: 'string',
      accountId: 'string',
      accountName: 'string',
      customer: { ...PARTY, country: 'string' },
      status: 'string',
      since: 'string',
      'isTestBuyer?': 'boolean',
      'supportCaseReference?': 'string',
      'verificationId?': 'string',
    },
  ],
  supportCases: [SUPPORT_CASE],
  verifications: [
    {
      session: {
        id: 'string',
        customer: PARTY,
        accountId: 'string',
        step: 'string',
        attemptsRemaining: 'count',
        maxAttempts: 'count',
        currency: 'string',
        'challenge?': { invoiceNumber: 'string' },
        'supportCaseReference?': 'string',
      },
      entityIds: ['string'],
      history: [INVOICE],
      'challengeInvoice?': INVOICE,
    },
  ],
  // Stored answers are replayed as they are; the elements check every answer they get.
  connectionAnswers: [ANSWER],
  fallbackAnswers: [{ ...ANSWER, value: SUPPORT_CASE }],
  uploads: ['string'],
  failedInvoices: [{ id: 'string', number: 'string', supplierName: 'string', buyerName: 'string', 'failedAt?': 'string' }],
  savedInvoices: [
    { id: 'string', number: 'string', buyerId: 'string', 'buyerName?': 'string', amount: MONEY, 'savedAt?': 'string' },
  ],
  counters: { nextCaseReference: 'count', nextVerification: 'count', nextRelationship: 'count', nextUpload: 'count' },
};

const EXPECTED = { string: 'a string', boolean: 'true or false', count: 'a whole number ≥ 0', object: 'an object' };

/**
 * The value as a snapshot this network can restore; throws an `Error` that names what is
 * wrong — the version, or the first field that is missing or of the wrong type.
 */
export function checkSnapshot(value: unknown): DemoNetworkSnapshot {
  if (!isObject(value)) throw new Error('Not a demo network snapshot: expected an object.');
  if (value.version !== DEMO_NETWORK_SNAPSHOT_VERSION) {
    throw new Error(
      `A demo network snapshot of version ${JSON.stringify(value.version)} cannot be restored: ` +
        `this network reads version ${DEMO_NETWORK_SNAPSHOT_VERSION}.`,
    );
  }
  const problem = shapeProblem(value, SNAPSHOT, 'snapshot');
  if (problem) throw new Error(`Not a demo network snapshot: ${problem}.`);
  return value as unknown as DemoNetworkSnapshot;
}

/** What is wrong with the value, or undefined when it has the shape. */
function shapeProblem(value: unknown, shape: Shape, path: string): string | undefined {
  if (typeof shape === 'string') {
    const fits =
      shape === 'count' ? Number.isSafeInteger(value) && (value as number) >= 0 : shape === 'object' ? isObject(value) : typeof value === shape;
    return fits ? undefined : `${path} should be ${EXPECTED[shape]}`;
  }
  if (isList(shape)) {
    if (!Array.isArray(value)) return `${path} should be a list`;
    for (let i = 0; i < value.length; i++) {
      const problem = shapeProblem(value[i], shape[0], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isObject(value)) return `${path} should be an object`;
  for (const [name, fieldShape] of Object.entries(shape)) {
    const optional = name.endsWith('?');
    const field = optional ? name.slice(0, -1) : name;
    if (optional && value[field] === undefined) continue;
    const problem = shapeProblem(value[field], fieldShape, `${path}.${field}`);
    if (problem) return problem;
  }
  return undefined;
}

function isList(shape: Shape): shape is readonly [Shape] {
  return Array.isArray(shape);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
