import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type {
  AttentionSummary,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  Relationship,
  SupportCase,
  VerificationSession,
} from '../src/adapter/types.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import type { PendingCall } from './helpers/fake-adapter.js';

/**
 * Out-of-order answers, everywhere an element reads: the element asks once ("first"), the
 * user or host changes what it should show so it asks again ("second"), and the answers
 * come back in either order. The first request is aborted (never left running), its late
 * answer never replaces the second's, an early one is never shown as if it answered the new
 * question, and nothing is reported as an error.
 */

type Method = keyof CustomerConnectAdapter;
type Lit = HTMLElement & { updateComplete: Promise<unknown> };

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent ?? '';
const frames = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));

/**
 * The call of `method` the element is waiting for — the newest one it has not aborted — once
 * it made one after `after` (a call it replaces at once, e.g. when an account is chosen
 * automatically, is aborted by the time the element settles).
 */
async function live(fake: FakeAdapter, method: Method, after?: PendingCall): Promise<PendingCall> {
  const from = after ? fake.calls.indexOf(after) + 1 : 0;
  const open = () => fake.calls.slice(from).filter((c) => c.method === method && !c.signal?.aborted);
  await waitUntil(() => open().length > 0, `${method} was never called`, { timeout: 3000 });
  await frames();
  await waitUntil(() => open().length > 0, `${method} was called, then abandoned`, { timeout: 3000 });
  return open().at(-1)!;
}

/** Waits until `el` shows `words`; fails with what it shows instead. */
async function showsEventually(el: Element, words: string): Promise<void> {
  try {
    await waitUntil(() => text(el).includes(words), '', { timeout: 3000 });
  } catch {
    throw new Error(`the newest answer ("${words}") was not shown; the element shows: ${text(el).replace(/\s+/g, ' ').trim()}`);
  }
}

const entity = (id: string, legalName: string): CustomerEntity => ({ id, legalName, taxIds: [], country: 'GB' });
const group = (id: string, name: string, member: string): CustomerGroup => ({
  id,
  name,
  entities: [{ ...entity(`${id}-1`, member), group: { id, name, size: 1 } }],
});
const session = (id: string, legalName: string, extra: Partial<VerificationSession> = {}): VerificationSession => ({
  id,
  customer: { id: `C-${id}`, legalName },
  accountId: 'ACC-1',
  step: 'evidence',
  attemptsRemaining: 3,
  maxAttempts: 3,
  currency: 'GBP',
  ...extra,
});
const supportCase = (reference: string): SupportCase => ({
  reference,
  status: 'open',
  openedAt: '2026-11-28T10:00:00Z',
  processBy: '2026-11-30T10:00:00Z',
  accountId: 'ACC-1',
  customers: [{ id: 'AAA1', legalName: 'Acme' }],
});
/** The panel shows counts: `tickets` open support tickets (one listed). */
const summary = (tickets: number): AttentionSummary => ({
  generatedAt: '2026-11-28T10:00:00Z',
  failedInvoices: { count: 0, items: [] },
  supportTickets: { count: tickets, items: [supportCase('1234567')] },
  savedInvoices: { count: 0, items: [] },
});
const relationship = (accountId: string, legalName: string): Relationship => ({
  id: `REL-${accountId}`,
  accountId,
  accountName: `Account ${accountId}`,
  customer: { id: `C-${accountId}`, legalName, country: 'GB' },
  status: 'connected',
  since: '2026-11-20T10:00:00Z',
});

interface Race {
  name: string;
  /** Mounts the element and drives it until the first call is made, then supersedes it. */
  start(): Promise<{ el: Element; first: PendingCall; second: PendingCall }>;
  firstAnswer: unknown;
  secondAnswer: unknown;
  /** Words only the first answer brings, and words only the second brings. */
  firstShows: string;
  secondShows: string;
}

const RACES: Race[] = [
  {
    name: 'tn-customer-search › searchDirectory: a new query while the last one is out',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-customer-search .adapter=${fake.adapter} value="acme" debounce="0"></tn-customer-search>`);
      const first = await live(fake, 'searchDirectory');
      el.setAttribute('value', 'bolt');
      return { el, first, second: await live(fake, 'searchDirectory', first) };
    },
    firstAnswer: { items: [entity('AAA1', 'Acme Trading')], total: 1 },
    secondAnswer: { items: [entity('BBB1', 'Bolt Logistics')], total: 1 },
    firstShows: 'Acme Trading',
    secondShows: 'Bolt Logistics',
  },
  {
    name: 'tn-customer-search › searchDirectory: "Show more results" still out when the query changes',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-customer-search .adapter=${fake.adapter} value="acme" debounce="0"></tn-customer-search>`);
      const initial = await live(fake, 'searchDirectory');
      initial.resolve({ items: [entity('AAA1', 'Acme Trading')], total: 2, nextCursor: 'page-2' });
      await waitUntil(() => root(el).querySelector('[part~="show-more"]'), 'no "Show more results"');
      root(el).querySelector<HTMLButtonElement>('[part~="show-more"]')!.click();
      const first = await live(fake, 'searchDirectory', initial);
      el.setAttribute('value', 'bolt');
      return { el, first, second: await live(fake, 'searchDirectory', first) };
    },
    firstAnswer: { items: [entity('AAA2', 'Acme Holdings')], total: 2 },
    secondAnswer: { items: [entity('BBB1', 'Bolt Logistics')], total: 1 },
    firstShows: 'Acme Holdings',
    secondShows: 'Bolt Logistics',
  },
  {
    name: 'tn-group-picker › listAccounts: the host swaps the adapter',
    async start() {
      const one = new FakeAdapter();
      const two = new FakeAdapter();
      const el = await fixture<Lit & { adapter: CustomerConnectAdapter }>(
        html`<tn-group-picker .adapter=${one.adapter} .customer=${entity('AAA1', 'Acme Trading')}></tn-group-picker>`,
      );
      const first = await live(one, 'listAccounts');
      el.adapter = two.adapter;
      return { el, first, second: await live(two, 'listAccounts') };
    },
    firstAnswer: [{ id: 'ACC-1', name: 'Adams Office Supplies' }],
    secondAnswer: [{ id: 'ACC-2', name: 'Brown Paper Company' }],
    firstShows: 'Adams Office Supplies',
    secondShows: 'Brown Paper Company',
  },
  {
    name: 'tn-group-picker › getCustomer: the host changes customer-id',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-group-picker .adapter=${fake.adapter} customer-id="AAA1"></tn-group-picker>`);
      (await live(fake, 'listAccounts')).resolve([{ id: 'ACC-1', name: 'Adams' }]);
      const first = await live(fake, 'getCustomer');
      el.setAttribute('customer-id', 'BBB1');
      return { el, first, second: await live(fake, 'getCustomer', first) };
    },
    firstAnswer: entity('AAA1', 'Acme Trading'),
    secondAnswer: entity('BBB1', 'Bolt Logistics'),
    firstShows: 'Acme Trading',
    secondShows: 'Bolt Logistics',
  },
  {
    name: 'tn-group-picker › getGroup: the host changes group-id',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-group-picker .adapter=${fake.adapter} group-id="GRP-A"></tn-group-picker>`);
      (await live(fake, 'listAccounts')).resolve([{ id: 'ACC-1', name: 'Adams' }]);
      const first = await live(fake, 'getGroup');
      el.setAttribute('group-id', 'GRP-B');
      return { el, first, second: await live(fake, 'getGroup', first) };
    },
    firstAnswer: group('GRP-A', 'ACME GROUP', 'Acme Trading'),
    secondAnswer: group('GRP-B', 'BOLT GROUP', 'Bolt Logistics'),
    firstShows: 'Acme Trading',
    secondShows: 'Bolt Logistics',
  },
  {
    name: 'tn-group-picker › getGroup: the user picks another account while the group loads',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-group-picker .adapter=${fake.adapter} group-id="GRP-A"></tn-group-picker>`);
      (await live(fake, 'listAccounts')).resolve([
        { id: 'ACC-1', name: 'Adams' },
        { id: 'ACC-2', name: 'Brown' },
      ]);
      await waitUntil(() => root(el).querySelector('select#account'), 'no account choice');
      const first = await live(fake, 'getGroup');
      const select = root(el).querySelector<HTMLSelectElement>('select#account')!;
      select.value = select.value === 'ACC-2' ? 'ACC-1' : 'ACC-2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return { el, first, second: await live(fake, 'getGroup', first) };
    },
    firstAnswer: group('GRP-A', 'ACME GROUP', 'Acme Trading'),
    secondAnswer: group('GRP-A', 'ACME GROUP', 'Acme Renamed'),
    firstShows: 'Acme Trading',
    secondShows: 'Acme Renamed',
  },
  {
    name: 'tn-verify-invoice › getVerification: the host changes verification-id',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-verify-invoice .adapter=${fake.adapter} verification-id="VER-1"></tn-verify-invoice>`);
      const first = await live(fake, 'getVerification');
      el.setAttribute('verification-id', 'VER-2');
      return { el, first, second: await live(fake, 'getVerification', first) };
    },
    firstAnswer: session('VER-1', 'Acme Trading'),
    secondAnswer: session('VER-2', 'Bolt Logistics'),
    firstShows: 'Acme Trading',
    secondShows: 'Bolt Logistics',
  },
  {
    name: 'tn-verify-invoice › getSupportCase: a new session names another support case',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit & { session: VerificationSession }>(
        html`<tn-verify-invoice .adapter=${fake.adapter} .session=${session('VER-1', 'Acme', { supportCaseReference: '1111111' })}></tn-verify-invoice>`,
      );
      const first = await live(fake, 'getSupportCase');
      el.session = session('VER-2', 'Acme', { supportCaseReference: '2222222' });
      return { el, first, second: await live(fake, 'getSupportCase', first) };
    },
    firstAnswer: supportCase('1111111'),
    secondAnswer: supportCase('2222222'),
    firstShows: '1111111',
    secondShows: '2222222',
  },
  {
    name: 'tn-attention-panel › getAttentionSummary: the host swaps the adapter',
    async start() {
      const one = new FakeAdapter();
      const two = new FakeAdapter();
      const el = await fixture<Lit & { adapter: CustomerConnectAdapter }>(
        html`<tn-attention-panel .adapter=${one.adapter}></tn-attention-panel>`,
      );
      const first = await live(one, 'getAttentionSummary');
      el.adapter = two.adapter;
      return { el, first, second: await live(two, 'getAttentionSummary') };
    },
    firstAnswer: summary(41),
    secondAnswer: summary(97),
    firstShows: '41',
    secondShows: '97',
  },
  {
    name: 'tn-attention-panel › getAttentionSummary: Refresh while a refresh is out',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-attention-panel .adapter=${fake.adapter}></tn-attention-panel>`);
      const initial = await live(fake, 'getAttentionSummary');
      initial.resolve(summary(13));
      await waitUntil(() => text(el).includes('13'), 'the first summary was not shown');
      const refresh = () => root(el).querySelector<HTMLButtonElement>('[part~="refresh"]')!;
      refresh().click();
      const first = await live(fake, 'getAttentionSummary', initial);
      // A support case opened elsewhere on the page makes the panel read again.
      document.dispatchEvent(new CustomEvent('tn-support-case-opened', { detail: { supportCase: supportCase('2222222') } }));
      return { el, first, second: await live(fake, 'getAttentionSummary', first) };
    },
    firstAnswer: summary(41),
    secondAnswer: summary(97),
    firstShows: '41',
    secondShows: '97',
  },
  {
    name: 'tn-relationships › listRelationships: the host changes account-id',
    async start() {
      const fake = new FakeAdapter();
      const el = await fixture<Lit>(html`<tn-relationships .adapter=${fake.adapter} account-id="ACC-1"></tn-relationships>`);
      const first = await live(fake, 'listRelationships');
      el.setAttribute('account-id', 'ACC-2');
      return { el, first, second: await live(fake, 'listRelationships', first) };
    },
    firstAnswer: [relationship('ACC-1', 'Acme Trading')],
    secondAnswer: [relationship('ACC-2', 'Bolt Logistics')],
    firstShows: 'Acme Trading',
    secondShows: 'Bolt Logistics',
  },
];

describe('out-of-order answers: the newest question wins', () => {
  const errors: Event[] = [];
  const onError = (event: Event) => errors.push(event);
  beforeEach(() => {
    errors.length = 0;
    document.addEventListener('tn-error', onError);
  });
  afterEach(() => document.removeEventListener('tn-error', onError));

  for (const race of RACES) {
    it(`${race.name} — the first answer arrives last`, async () => {
      const { el, first, second } = await race.start();
      expect(first.signal?.aborted, 'the superseded request was left running').to.equal(true);
      second.resolve(race.secondAnswer);
      await showsEventually(el, race.secondShows);
      first.resolve(race.firstAnswer);
      await frames();
      await (el as Lit).updateComplete;
      expect(text(el)).to.contain(race.secondShows);
      expect(text(el), 'a late answer replaced the newest one').to.not.contain(race.firstShows);
      expect(errors, 'a superseded request is not an error').to.deep.equal([]);
    });

    it(`${race.name} — the first answer arrives first`, async () => {
      const { el, first, second } = await race.start();
      first.resolve(race.firstAnswer);
      await frames();
      await (el as Lit).updateComplete;
      expect(text(el), 'an answer to the old question was shown as if it answered the new one').to.not.contain(race.firstShows);
      second.resolve(race.secondAnswer);
      await showsEventually(el, race.secondShows);
      expect(text(el)).to.not.contain(race.firstShows);
      expect(errors).to.deep.equal([]);
    });
  }
});
