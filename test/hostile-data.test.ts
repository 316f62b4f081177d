import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type {
  AttentionSummary,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  SupportCase,
  VerificationSession,
} from '../src/adapter/types.js';
import { errorMessage } from '../src/base/error-states.js';
import { HOSTILE_STRINGS, smuggled, tripwires } from './helpers/hostile.js';

/**
 * Hostile data: an adapter that puts a corpus of 100+ injection payloads in every free-text
 * field of every type (names, references, numbers, tax IDs, IDs up to the contract's 64
 * characters), and one that answers with structurally wrong data — including payloads
 * where the contract wants a country, a date, an amount or a currency. Every element
 * renders text only (the payload shows, as typed), stays usable, and reports malformed
 * data as an error — and nothing runs: the tests fail on any alert, script, page error or
 * CSP violation.
 */

const N = HOSTILE_STRINGS.length;
const at = (i: number) => HOSTILE_STRINGS[i % N];

// ----- an adapter of hostile strings: record i carries payload i in every string field

/** Payload `i` as a network ID: 1 to 64 characters, as the contract allows. */
const networkId = (i: number) => `N${at(i)}`.slice(0, 64);

const entity = (i: number, group = true): CustomerEntity => ({
  id: `ID-${i}-${at(i)}`.slice(0, 64),
  legalName: at(i),
  taxIds: [at(i + 1), at(i + 2)],
  country: 'GB',
  ...(group ? { group: { id: 'G-HOSTILE', name: at(i + 3), size: N } } : {}),
  requiresVendorCode: false,
});

const supportCase = (i: number): SupportCase => ({
  reference: at(i),
  status: 'open',
  openedAt: '2026-11-28T10:00:00Z',
  processBy: '2026-11-30T10:00:00Z',
  accountId: at(i + 1),
  customers: [{ id: networkId(i + 2), legalName: at(i) }],
  statusUrl: at(i + 4),
});

const session = (i: number): VerificationSession => ({
  id: 'VER-H',
  customer: { id: networkId(i + 1), legalName: at(i) },
  accountId: at(i + 2),
  step: 'challenge',
  attemptsRemaining: 3,
  maxAttempts: 3,
  currency: 'GBP',
  challenge: { invoiceNumber: at(i + 3) },
});

function hostileAdapter(offset = 0): CustomerConnectAdapter {
  const summary: AttentionSummary = {
    generatedAt: '2026-11-28T10:00:00Z',
    failedInvoices: {
      count: N,
      items: HOSTILE_STRINGS.map((_, i) => ({ id: `f${i}`, number: at(i), supplierName: at(i + 1), buyerName: at(i + 2), failedAt: '2026-11-27T09:00:00Z' })),
    },
    supportTickets: { count: N, latestAt: '2026-11-28T10:00:00Z', items: HOSTILE_STRINGS.map((_, i) => supportCase(i)) },
    savedInvoices: {
      count: N,
      items: HOSTILE_STRINGS.map((_, i) => ({ id: `s${i}`, number: at(i), buyerId: networkId(i + 1), buyerName: at(i + 2), amount: { amount: `${i}.50`, currency: 'EUR' } })),
    },
  };
  const group: CustomerGroup = { id: 'G-HOSTILE', name: at(offset), entities: HOSTILE_STRINGS.map((_, i) => entity(i)) };
  return {
    // Pages of `pageSize` (at most 100, the search's own cap), with a cursor to the next.
    searchDirectory: async ({ pageSize = 20, cursor }: { pageSize?: number; cursor?: string }) => {
      const start = Number(cursor ?? 0);
      const end = Math.min(N, start + pageSize);
      return { items: HOSTILE_STRINGS.slice(start, end).map((_, i) => entity(start + i)), total: N, nextCursor: end < N ? String(end) : undefined };
    },
    getCustomer: async () => entity(offset),
    getGroup: async () => group,
    listAccounts: async () => HOSTILE_STRINGS.slice(0, 20).map((_, i) => ({ id: `acc-${i}`, name: at(offset + i) })),
    requestConnection: async () => ({ kind: 'support-case', supportCase: supportCase(offset), skipped: [{ entityId: networkId(offset), legalName: at(offset + 1), reason: 'already-connected' }] }),
    getVerification: async () => session(offset),
    submitVerificationEvidence: async () => ({ accepted: false, session: session(offset) }),
    answerChallenge: async () => ({ accepted: false, session: { ...session(offset), attemptsRemaining: 2 } }),
    connectWithoutVerification: async () => supportCase(offset),
    getSupportCase: async () => supportCase(offset),
    getAttentionSummary: async () => summary,
    listRelationships: async () =>
      HOSTILE_STRINGS.map((_, i) => ({
        id: `r${i}`,
        accountId: at(i),
        accountName: at(i + 1),
        customer: { id: networkId(i + 2), legalName: at(i), country: 'GB' },
        status: 'support-case-open' as const,
        since: '2026-11-20T08:00:00Z',
        supportCaseReference: at(i + 4),
      })),
  };
}

/** Every text node and attribute value under `root`, shadow roots included. */
function allText(root: Element | ShadowRoot): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent!);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out.join('\u0001');
}

/** Payloads short enough to look for verbatim in a single text node. */
const LOOK_FOR = HOSTILE_STRINGS.filter((p) => p.length < 200 && p.trim() === p && !p.includes("\u0000") && !p.includes("\r"));

let wires: ReturnType<typeof tripwires>;

/** `it`, failing the test when anything ran, alerted, errored or broke the CSP meanwhile. */
function guarded(name: string, body: () => Promise<void> | void) {
  it(name, async () => {
    await body();
    // Give anything injected a chance to run (load events, timers) before checking.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wires.tripped, 'something ran or failed').to.deep.equal([]);
  });
}

describe('hostile data: text only, nothing runs', () => {
  beforeEach(() => {
    wires = tripwires();
  });
  afterEach(() => wires.restore());

  guarded(`has a corpus of at least 100 payloads (${N})`, () => {
    expect(N).to.be.at.least(100);
  });

  guarded('tn-customer-search: every payload shows as text in the results, and Connect still works', async () => {
    const el = await fixture(html`<tn-customer-search .adapter=${hostileAdapter()} value="acme" debounce="0" page-size="100"></tn-customer-search>`);
    // A new list renders the results in view first and the rest once painted (the listbox is
    // aria-busy until then): count options only once it has settled.
    const settled = () => el.shadowRoot!.querySelector('[role="listbox"]:not([aria-busy])');
    const options = () => el.shadowRoot!.querySelectorAll('[role="option"]').length;
    await waitUntil(() => options() > 0 && settled(), 'no results', { timeout: 5000 });
    // Every page, so that every payload is on screen.
    for (let more; (more = el.shadowRoot!.querySelector<HTMLElement>('[part="show-more"]')); ) {
      const shown = options();
      more.click();
      await waitUntil(() => options() > shown && settled(), 'next page', { timeout: 5000 });
    }
    const text = allText(el);
    const missing = LOOK_FOR.filter((p) => !text.includes(p));
    expect(missing.length, `payloads not shown as text: ${missing.slice(0, 3).join(' | ')}`).to.be.lessThan(LOOK_FOR.length * 0.05);
    expect(smuggled(el.shadowRoot!)).to.deep.equal([]);
    const option = el.shadowRoot!.querySelector<HTMLElement>('[role="option"] [data-action="connect"]')!;
    const connect = oneEvent(el, 'tn-connect');
    option.click();
    expect((await connect).detail.customer.legalName).to.equal(at(0));
  });

  guarded('tn-group-picker: the group, accounts and outcome of hostile strings render as text', async () => {
    const el = await fixture(
      html`<tn-group-picker .adapter=${hostileAdapter()} group-id="G-HOSTILE" style="--tn-group-tree-height: 4000px"></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="treeitem"]').length > 0, 'no tree', { timeout: 5000 });
    expect(smuggled(el.shadowRoot!)).to.deep.equal([]);
    expect(allText(el)).to.contain(at(0));
    // Usable: select everything, choose an account, send; the outcome is text too.
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /whole group/.test(b.textContent!))!.click();
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#account')!;
    select.value = 'acc-1';
    select.dispatchEvent(new Event('change'));
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="outcome"]'), 'no outcome', { timeout: 5000 });
    expect(allText(el)).to.contain(at(0));
    expect(smuggled(el.shadowRoot!)).to.deep.equal([]);
  });

  for (let i = 0; i < N; i += 7) {
    guarded(`tn-verify-invoice and tn-group-picker (one customer): payload ${i} as text`, async () => {
      const adapter = hostileAdapter(i);
      const verify = await fixture(html`<tn-verify-invoice .adapter=${adapter} verification-id="VER-H"></tn-verify-invoice>`);
      await waitUntil(() => verify.shadowRoot!.querySelector('#challenge-number'), 'no challenge', { timeout: 5000 });
      expect(verify.shadowRoot!.querySelector('#challenge-number')!.textContent).to.equal(at(i + 3));
      expect(smuggled(verify.shadowRoot!)).to.deep.equal([]);
      const picker = await fixture(html`<tn-group-picker .adapter=${adapter} customer-id="x"></tn-group-picker>`);
      await waitUntil(() => picker.shadowRoot!.querySelector('[part~="customer-card"]'), 'no customer', { timeout: 5000 });
      expect(allText(picker)).to.contain(at(i));
      expect(smuggled(picker.shadowRoot!)).to.deep.equal([]);
    });
  }

  guarded('tn-attention-panel: hostile invoices and tickets render as text', async () => {
    const el = await fixture(html`<tn-attention-panel .adapter=${hostileAdapter()} max-rows="500"></tn-attention-panel>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('tr').length > 3, 'no rows', { timeout: 5000 });
    const text = allText(el);
    const missing = LOOK_FOR.filter((p) => !text.includes(p));
    expect(missing.length, `not shown: ${missing.slice(0, 3).join(' | ')}`).to.be.lessThan(LOOK_FOR.length * 0.05);
    expect(smuggled(el.shadowRoot!)).to.deep.equal([]);
  });

  guarded('tn-verify-invoice: a fallback support case of hostile strings renders as text', async () => {
    const adapter = hostileAdapter(3);
    const el = await fixture(html`<tn-verify-invoice .adapter=${adapter} .session=${session(3)}></tn-verify-invoice>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="fallback-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'), 'no case', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="reference"]')!.textContent).to.equal(at(3));
    expect(smuggled(el.shadowRoot!)).to.deep.equal([]);
  });
});

// ----- structurally wrong data

const wrong = (overrides: Partial<Record<keyof CustomerConnectAdapter, () => unknown>>): CustomerConnectAdapter => {
  const base = hostileAdapter() as unknown as Record<string, unknown>;
  for (const [method, answer] of Object.entries(overrides)) base[method] = async () => answer!();
  return base as unknown as CustomerConnectAdapter;
};

const SHOWS_BAD_RESPONSE = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"], [part~="error"]')].some((n) =>
    n.textContent!.includes(errorMessage('bad-response')),
  );

const MALFORMED: { name: string; adapter: () => CustomerConnectAdapter; mount: (a: CustomerConnectAdapter) => ReturnType<typeof html> }[] = [
  ...(
    [
      ['null page', () => null],
      ['items not an array', () => ({ items: 'nope' })],
      ['an item without an id', () => ({ items: [{ legalName: 'x', taxIds: [], country: 'GB' }] })],
      ['a legal name that is a number', () => ({ items: [{ id: 'a', legalName: 42, taxIds: [], country: 'GB' }] })],
      ['taxIds a string', () => ({ items: [{ id: 'a', legalName: 'x', taxIds: 'GB1', country: 'GB' }] })],
      ['a group without a name', () => ({ items: [{ id: 'a', legalName: 'x', taxIds: [], country: 'GB', group: { id: 'g' } }] })],
    ] as const
  ).map(([name, answer]) => ({
    name: `searchDirectory: ${name}`,
    adapter: () => wrong({ searchDirectory: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-customer-search .adapter=${a} value="acme" debounce="0"></tn-customer-search>`,
  })),
  ...(
    [
      ['null group', () => null],
      ['entities null', () => ({ id: 'g', name: 'G', entities: null })],
      ['an entity of wrong types', () => ({ id: 'g', name: 'G', entities: [{ id: 7, legalName: null, taxIds: {}, country: 1 }] })],
    ] as const
  ).map(([name, answer]) => ({
    name: `getGroup: ${name}`,
    adapter: () => wrong({ getGroup: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-group-picker .adapter=${a} group-id="g"></tn-group-picker>`,
  })),
  ...(
    [
      ['null', () => null],
      ['a customer without a legal name', () => ({ id: 'x', taxIds: [], country: 'GB' })],
      ['a country that is a payload', () => ({ id: 'x', legalName: 'X Ltd', taxIds: [], country: '<img src=x onerror=alert(1)>' })],
    ] as const
  ).map(([name, answer]) => ({
    name: `getCustomer: ${name}`,
    adapter: () => wrong({ getCustomer: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-group-picker .adapter=${a} customer-id="x"></tn-group-picker>`,
  })),
  ...(
    [
      ['accounts not an array', () => ({ accounts: [] })],
      ['an account without a name', () => [{ id: 'a' }]],
    ] as const
  ).map(([name, answer]) => ({
    name: `listAccounts: ${name}`,
    adapter: () => wrong({ listAccounts: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-group-picker .adapter=${a} customer-id="x"></tn-group-picker>`,
  })),
  ...(
    [
      ['null', () => null],
      ['a session with an unknown step', () => ({ ...session(0), step: 'dance' })],
      ['attempts as text', () => ({ ...session(0), attemptsRemaining: 'three' })],
      ['attempts remaining -1', () => ({ ...session(0), attemptsRemaining: -1 })],
      ['a challenge step without its invoice', () => ({ ...session(0), challenge: undefined })],
      ['a customer ID of 300 characters', () => ({ ...session(0), customer: { id: 'x'.repeat(300), legalName: 'Long Ltd' } })],
    ] as const
  ).map(([name, answer]) => ({
    name: `getVerification: ${name}`,
    adapter: () => wrong({ getVerification: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-verify-invoice .adapter=${a} verification-id="VER-H"></tn-verify-invoice>`,
  })),
  ...(
    [
      ['null', () => null],
      ['a negative count', () => ({ generatedAt: '2026-11-28T10:00:00Z', failedInvoices: { count: -3, items: [] }, supportTickets: { count: 0, items: [] }, savedInvoices: { count: 0, items: [] } })],
      ['an amount in words', () => ({ generatedAt: '2026-11-28T10:00:00Z', failedInvoices: { count: 0, items: [] }, supportTickets: { count: 0, items: [] }, savedInvoices: { count: 1, items: [{ id: 's', number: 'INV-1', buyerId: 'B', amount: { amount: 'lots', currency: 'EUR' } }] } })],
      ['counts as text', () => ({ generatedAt: 'x', failedInvoices: { count: 'one', items: [] }, supportTickets: { count: 0, items: [] }, savedInvoices: { count: 0, items: [] } })],
      ['items missing', () => ({ generatedAt: 'x', failedInvoices: { count: 1 }, supportTickets: { count: 0, items: [] }, savedInvoices: { count: 0, items: [] } })],
    ] as const
  ).map(([name, answer]) => ({
    name: `getAttentionSummary: ${name}`,
    adapter: () => wrong({ getAttentionSummary: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-attention-panel .adapter=${a}></tn-attention-panel>`,
  })),
  ...(
    [
      ['a status nobody knows', () => [{ id: 'r', accountId: 'a', accountName: 'A', customer: { id: 'c', legalName: 'C', country: 'GB' }, status: 'maybe', since: '2026-11-20T08:00:00Z' }]],
      ['since "yesterday"', () => [{ id: 'r', accountId: 'a', accountName: 'A', customer: { id: 'c', legalName: 'C', country: 'GB' }, status: 'connected', since: 'yesterday' }]],
    ] as const
  ).map(([name, answer]) => ({
    name: `listRelationships: ${name}`,
    adapter: () => wrong({ listRelationships: answer }),
    mount: (a: CustomerConnectAdapter) => html`<tn-relationships .adapter=${a}></tn-relationships>`,
  })),
  {
    name: 'getSupportCase: no customers list (the case view)',
    adapter: () => wrong({ getSupportCase: () => ({ ...supportCase(0), customers: 'Acme' }) }),
    mount: (a: CustomerConnectAdapter) => html`<tn-support-case .adapter=${a} reference="SC-1"></tn-support-case>`,
  },
  {
    name: 'getSupportCase: processBy "never"',
    adapter: () => wrong({ getSupportCase: () => ({ ...supportCase(0), processBy: 'never' }) }),
    mount: (a: CustomerConnectAdapter) => html`<tn-verify-invoice .adapter=${a} .session=${{ ...session(0), supportCaseReference: 'SC-1' }}></tn-verify-invoice>`,
  },
];

describe('structurally wrong data is reported as an error, never a crash', () => {
  beforeEach(() => {
    wires = tripwires();
  });
  afterEach(() => wires.restore());

  for (const { name, adapter, mount } of MALFORMED) {
    guarded(name, async () => {
      const errors: { code: string; message: string }[] = [];
      const onError = (e: Event) => errors.push({ code: (e as CustomEvent).detail.code, message: (e as CustomEvent).detail.error.message });
      document.addEventListener('tn-error', onError);
      try {
        const el = await fixture(mount(adapter()));
        await waitUntil(() => SHOWS_BAD_RESPONSE(el), 'the malformed answer was not reported as an error', { timeout: 5000 });
        const reported = errors.find((error) => error.code === 'bad-response');
        // The integrator learns which field is wrong: the method, the path, what was expected.
        expect(reported?.message).to.match(/^\w+: the answer does not match the contract: (the body|[\w.]+): expected /);
      } finally {
        document.removeEventListener('tn-error', onError);
      }
    });
  }

  guarded('duplicate IDs in a group do not break the tree (each row ticks on its own key)', async () => {
    const dup = { id: 'DUP', legalName: 'Twin Ltd', taxIds: [], country: 'GB' };
    const el = await fixture(
      html`<tn-group-picker .adapter=${wrong({ getGroup: () => ({ id: 'g', name: 'G', entities: [dup, { ...dup, legalName: 'Twin Two' }] }) })} group-id="g"></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="treeitem"]') || SHOWS_BAD_RESPONSE(el), 'nothing shown', { timeout: 5000 });
    expect(wires.tripped).to.deep.equal([]);
  });

  guarded("100,000 search results: the list shows one page (what was asked for), not a hundred thousand rows", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `A${i}`, legalName: `Entity ${i}`, taxIds: [], country: 'GB' }));
    const el = await fixture(html`<tn-customer-search .adapter=${wrong({ searchDirectory: () => ({ items: many, total: 100_000 }) })} value="entity" debounce="0"></tn-customer-search>`);
    // A new list renders the results in view first; the whole list is there once it is no longer busy.
    const settled = () => el.shadowRoot!.querySelector('[role="listbox"]:not([aria-busy])');
    await waitUntil(() => settled() || SHOWS_BAD_RESPONSE(el), 'nothing shown', { timeout: 10000 });
    expect(el.shadowRoot!.querySelectorAll('[role="option"]').length).to.equal(20);
  });
});
