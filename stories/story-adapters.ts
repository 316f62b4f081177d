/**
 * Small adapters that put `<tn-customer-search>` into each of its states for Storybook: a
 * directory over a fixed list, one that never answers, one that fails. Only
 * `searchDirectory` does anything; every other method rejects, as a story never calls it.
 */
import { TnAdapterError } from '../src/adapter/errors.js';
import type { AdapterErrorCode } from '../src/adapter/errors.js';
import type {
  ChallengeAnswer,
  CustomerConnectAdapter,
  CustomerEntity,
  InvoiceEvidence,
  VerificationSession,
  GroupRef,
  RequestOptions,
  SearchPage,
  SearchQuery,
} from '../src/adapter/types.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  createDemoAdapter,
} from '../src/adapter/demo/index.js';
import type { DemoAdapter, DemoAdapterOptions } from '../src/adapter/demo/index.js';

/** The tutorial's corporate group. */
const TUNGSTEN_GROUP: GroupRef = { id: 'GRP-TUNGSTEN', name: 'TUNGSTEN ALL COMPANIES GROUP', size: 7 };

/** The seven legal entities of TUNGSTEN ALL COMPANIES GROUP. */
export const TUNGSTEN_ENTITIES: readonly CustomerEntity[] = [
  ['AAA489745059', 'Tungsten Bank PLC', ['GB177907267'], 'GB'],
  ['AAA855955589', 'Tungsten Corporation Guernsey Ltd', [], 'GG'],
  ['AAA652334046', 'Tungsten Corporation PLC', ['GB177907267'], 'GB'],
  ['AAA443893490', 'Tungsten Network EOOD', [], 'BG'],
  ['AAA858442379', 'Tungsten Network Finance', ['GB177907267'], 'GB'],
  ['AAA474005402', 'Tungsten Network GmbH', ['DE255790071'], 'DE'],
  ['AAA014773592', 'Tungsten Network Limited', ['GB177907267'], 'GB'],
].map(([id, legalName, taxIds, country]) => ({
  id: id as string,
  legalName: legalName as string,
  taxIds: taxIds as string[],
  country: country as string,
  group: TUNGSTEN_GROUP,
}));

/** A server that sends markup where text belongs: every string must show as text. */
export const HOSTILE_ENTITIES: readonly CustomerEntity[] = [
  {
    id: 'AAA000000666',
    legalName: '<img src=x onerror=alert(1)> Holdings Ltd',
    taxIds: ['"><svg onload=alert(2)>'],
    country: 'GB',
    group: { id: 'GRP-<i>', name: '<script>alert(3)</script> GROUP', size: 2 },
  },
  {
    id: 'AAA000000667"><img src=x onerror=alert(4)>',
    legalName: 'Imgur &amp; <img src=y onerror=alert(5)> Trading',
    taxIds: [],
    country: 'FR',
    group: { id: 'GRP-<i>', name: '<script>alert(3)</script> GROUP', size: 2 },
  },
];

/** Resolves after `ms`; rejects with `aborted` as soon as `signal` fires. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TnAdapterError('aborted', { cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TnAdapterError('aborted', { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An adapter whose `searchDirectory` is `search`; every other method rejects. */
function searchOnly(
  search: (query: SearchQuery, options?: RequestOptions) => Promise<SearchPage>,
): CustomerConnectAdapter {
  const unsupported = () =>
    Promise.reject(new TnAdapterError('unavailable', { message: 'Not part of this story', retryable: false }));
  return {
    searchDirectory: search,
    getCustomer: unsupported,
    getGroup: unsupported,
    listAccounts: unsupported,
    requestConnection: unsupported,
    getVerification: unsupported,
    submitVerificationEvidence: unsupported,
    answerChallenge: unsupported,
    connectWithoutVerification: unsupported,
    getSupportCase: unsupported,
    getAttentionSummary: unsupported,
    listRelationships: unsupported,
  };
}

/** True when `entity` matches what the user typed: part of the name, or an exact ID. */
function matches(entity: CustomerEntity, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return false;
  return (
    entity.legalName.toLowerCase().includes(needle) ||
    entity.id.toLowerCase() === needle ||
    entity.taxIds.some((taxId) => taxId.toLowerCase() === needle)
  );
}

/**
 * A directory over `entities`: name, network ID and tax ID search, pages of `pageSize`
 * (cursor = offset), answered after `latency` ms.
 */
export function directoryAdapter(
  entities: readonly CustomerEntity[],
  { latency = 0 }: { latency?: number } = {},
): CustomerConnectAdapter {
  return searchOnly(async (query, options) => {
    await delay(latency, options?.signal);
    const found = entities.filter((entity) => matches(entity, query.text));
    const offset = Number(query.cursor ?? 0);
    const size = Math.max(1, query.pageSize ?? 20);
    const items = found.slice(offset, offset + size).map((entity) => ({ ...entity, taxIds: [...entity.taxIds] }));
    const next = offset + size;
    return { items, total: found.length, nextCursor: next < found.length ? String(next) : undefined };
  });
}

/** An adapter that never answers (it gives up only when the element aborts). */
export function pendingAdapter(): CustomerConnectAdapter {
  return searchOnly(
    (_query, options) =>
      new Promise<SearchPage>((_resolve, reject) => {
        const signal = options?.signal;
        const abort = () => reject(new TnAdapterError('aborted', { cause: signal?.reason }));
        if (signal?.aborted) abort();
        else signal?.addEventListener('abort', abort, { once: true });
      }),
  );
}

/**
 * An adapter whose first `failures` searches reject with `code`; later ones go to `then`
 * (by default: the Tungsten directory), so "Try again" shows the results.
 */
export function failingAdapter({
  code = 'unavailable',
  failures = 1,
  then = directoryAdapter(TUNGSTEN_ENTITIES),
}: { code?: AdapterErrorCode; failures?: number; then?: CustomerConnectAdapter } = {}): CustomerConnectAdapter {
  let left = failures;
  return searchOnly(async (query, options) => {
    await delay(0, options?.signal);
    if (left > 0) {
      left -= 1;
      throw new TnAdapterError(code);
    }
    return then.searchDirectory(query, options);
  });
}

// ----- <tn-verify-invoice>

/**
 * A demo network with a verification of "Demonstration Example Buyer" opened for the
 * tutorial's account, brought to a given point by `prepare` (which talks to the adapter as a
 * user would). The story gets the adapter and the session as it then stands.
 */
export async function demoVerification(
  prepare: (adapter: DemoAdapter, session: VerificationSession) => Promise<unknown> = async () => undefined,
  options: DemoAdapterOptions = {},
): Promise<{ adapter: DemoAdapter; session: VerificationSession }> {
  const adapter = createDemoAdapter(options);
  const outcome = await adapter.network.requestConnection({
    accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
    entityIds: [DEMO_IDS.demonstrationExampleBuyer],
    idempotencyKey: 'story-verification',
  });
  if (outcome.kind !== 'verification-required') throw new Error(`The demo network answered ${outcome.kind}`);
  await prepare(adapter, outcome.verification);
  return { adapter, session: adapter.network.getVerification(outcome.verification.id) };
}

/** The evidence the demo history accepts (TNA9322, 10 August 2015, 4508.00 GBP). */
export const DEMO_EVIDENCE: InvoiceEvidence = {
  invoiceNumber: 'TNA9322',
  invoiceDate: '2015-08-10',
  amount: { amount: '4508.00', currency: 'GBP' },
};

/** The right answer to the challenge a demo session is at. */
export function demoChallengeAnswer(session: VerificationSession): ChallengeAnswer {
  const invoice = DEMO_INVOICE_HISTORY.find((candidate) => candidate.number === session.challenge?.invoiceNumber);
  if (!invoice) throw new Error('The session is not at a challenge from the demo history');
  return { invoiceDate: invoice.date, amount: { ...invoice.amount } };
}

/** An adapter whose `getVerification` never answers (it gives up only when the element aborts). */
export function pendingVerificationAdapter(): CustomerConnectAdapter {
  const adapter = createDemoAdapter();
  adapter.getVerification = (_id, options) =>
    new Promise<VerificationSession>((_resolve, reject) => {
      const signal = options?.signal;
      const abort = () => reject(new TnAdapterError('aborted', { cause: signal?.reason }));
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  return adapter;
}
