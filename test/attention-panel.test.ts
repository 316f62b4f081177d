import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/attention-panel/tn-attention-panel.js';
import type { TnAttentionPanel } from '../src/components/attention-panel/attention-panel.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { AttentionSummary, SavedInvoice } from '../src/adapter/types.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { ManualClock } from './helpers/manual-clock.js';

const START = new Date(2026, 10, 28, 9, 0, 0);

/** The tutorial's home page: one failed invoice, two tickets, one saved invoice. */
function seedSummary(): AttentionSummary {
  return {
    generatedAt: START.toISOString(),
    failedInvoices: {
      count: 1,
      latestAt: new Date(2026, 10, 27, 16, 20).toISOString(),
      items: [
        {
          id: 'f1',
          number: 'ShuchitestPayment1',
          supplierName: 'Adams Office Supplies (IT) - Test',
          buyerName: 'Tungsten Network - Demo Account',
        },
      ],
    },
    supportTickets: {
      count: 2,
      latestAt: new Date(2026, 10, 26, 10, 5).toISOString(),
      items: [
        {
          reference: '2880342',
          status: 'open',
          openedAt: new Date(2026, 10, 26, 10, 5).toISOString(),
          processBy: new Date(2026, 10, 30, 10, 5).toISOString(),
          accountId: 'ACC-AOS-IT',
          customers: [{ id: 'AAA300000004', legalName: 'Fabrikam Logistics BV' }],
        },
        {
          reference: '2879455',
          status: 'open',
          openedAt: new Date(2026, 10, 20, 10, 5).toISOString(),
          processBy: new Date(2026, 10, 24, 10, 5).toISOString(),
          accountId: 'ACC-AOS-IT',
          customers: [{ id: 'AAA300000003', legalName: 'Contoso Facilities Ltd' }],
        },
      ],
    },
    savedInvoices: {
      count: 1,
      items: [{ id: 's1', number: '121121', buyerId: 'AAA168149359', amount: { amount: '0.00', currency: 'GBP' } }],
    },
  };
}

const empty = (): AttentionSummary => ({
  generatedAt: START.toISOString(),
  failedInvoices: { count: 0, items: [] },
  supportTickets: { count: 0, items: [] },
  savedInvoices: { count: 0, items: [] },
});

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function panelFixture(fake: FakeAdapter, clock: ManualClock, attrs: { interval?: number; maxRows?: number } = {}) {
  return fixture<TnAttentionPanel>(html`<tn-attention-panel
    .adapter=${fake.adapter}
    .clock=${clock}
    refresh-interval=${attrs.interval ?? 60}
    max-rows=${attrs.maxRows ?? 5}
  ></tn-attention-panel>`);
}

/** Answers the latest summary request and waits for the panel to show it. */
async function answer(el: TnAttentionPanel, fake: FakeAdapter, summary: AttentionSummary) {
  await waitUntil(() => fake.calls.some((c) => c.method === 'getAttentionSummary'), 'no request');
  fake.of('getAttentionSummary').at(-1)!.resolve(summary);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy') === 'false');
  await el.updateComplete;
}

const text = (el: TnAttentionPanel) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const rowsOf = (el: TnAttentionPanel, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(`${selector} tbody tr`)].map((row) =>
    [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );

describe('<tn-attention-panel>', () => {
  afterEach(async () => {
    delete (document as unknown as { visibilityState?: string }).visibilityState;
    await setLocale('en');
  });

  it('shows a busy state while it first loads', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await waitUntil(() => fake.calls.length === 1);
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('Loading what needs your attention…');
    await expect(el).to.be.accessible();
  });

  it("shows the counts and lists of the portal's home page", async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await answer(el, fake, seedSummary());
    expect(text(el)).to.contain('For your attention');
    expect(text(el)).to.contain('Last refresh: just now');
    const summary = rowsOf(el, '.summary');
    expect(summary[0].slice(0, 2)).to.deep.equal(['Failed invoices', '1']);
    expect(summary[0][3]).to.equal('Tungsten Network - Demo Account');
    expect(summary[0][4]).to.equal('View ShuchitestPayment1');
    expect(summary[1].slice(0, 2)).to.deep.equal(['Support cases', '2']);
    expect(summary[1][4]).to.equal('View all: Support cases');
    const [failed, saved] = [...el.shadowRoot!.querySelectorAll('[part~="list"]')];
    expect(rowsOf(el, '[part~="list"]:nth-of-type(1)')).to.have.length.greaterThan(0);
    expect([...failed.querySelectorAll('tbody td, tbody th')].map((c) => c.textContent!.trim())).to.deep.include.members([
      'ShuchitestPayment1',
      'Adams Office Supplies (IT) - Test',
      'Tungsten Network - Demo Account',
    ]);
    expect(saved.querySelector('[part="list-title"]')!.textContent!.trim()).to.equal('Saved invoices');
    expect(saved.querySelector('tbody')!.textContent).to.contain('121121').and.to.contain('AAA168149359').and.to.contain('£0.00');
    await expect(el).to.be.accessible();
  });

  it('shows no empty "Customer" label in the narrow layout when a row has several customers', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    el.style.inlineSize = '300px';
    await answer(el, fake, seedSummary());
    const [failedRow, ticketRow] = [...el.shadowRoot!.querySelectorAll('.summary tbody tr')];
    const customerCellOf = (row: Element) => row.querySelectorAll('td[data-label]')[2] as HTMLElement;
    // One customer: its name under the label. Two tickets for two customers: the cell is gone.
    expect(getComputedStyle(customerCellOf(failedRow)).display).to.not.equal('none');
    expect(customerCellOf(failedRow).textContent!.trim()).to.equal('Tungsten Network - Demo Account');
    expect(getComputedStyle(customerCellOf(ticketRow)).display).to.equal('none');
  });
  it('renders in French, with French amounts and relative times', async () => {
    await setLocale('fr');
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 0 });
    await answer(el, fake, seedSummary());
    const all = text(el).replace(/[\u00a0\u202f]/g, ' ');
    for (const words of ['Pour votre attention', 'Factures ayant échoué', "Dossiers d'assistance", 'Factures enregistrées', 'Numéro', 'Fournisseur', 'Acheteur', 'Montant', 'Visualiser', 'Tout afficher', '0,00 £GB']) {
      expect(all).to.contain(words);
    }
    clock.advance(3 * 60_000);
    await el.updateComplete;
    expect(text(el).replace(/[\u00a0\u202f]/g, ' ')).to.contain('Dernière actualisation : il y a 3 minutes');
    await expect(el).to.be.accessible();
  });

  it('moves "Last refresh" on as the minutes pass, without reloading', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 0 });
    await answer(el, fake, seedSummary());
    clock.advance(59_000);
    await el.updateComplete;
    expect(text(el)).to.contain('Last refresh: just now');
    clock.advance(1_000);
    await el.updateComplete;
    expect(text(el)).to.contain('Last refresh: 1 minute ago');
    clock.advance(2 * 60 * 60_000);
    await el.updateComplete;
    expect(text(el)).to.contain('Last refresh: 2 hours ago');
    expect(fake.calls).to.have.length(1);
  });

  it('refreshes every refresh-interval seconds', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 30 });
    await answer(el, fake, seedSummary());
    clock.advance(29_999);
    expect(fake.calls).to.have.length(1);
    clock.advance(1);
    expect(fake.calls).to.have.length(2);
    const more = seedSummary();
    more.supportTickets.count = 3;
    await answer(el, fake, more);
    expect(rowsOf(el, '.summary')[1][1]).to.equal('3');
  });

  it('does not poll while the page is hidden, and catches up when it shows again', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 60 });
    await answer(el, fake, seedSummary());
    setVisibility('hidden');
    expect(clock.pending).to.equal(0);
    clock.advance(10 * 60_000);
    expect(fake.calls).to.have.length(1);
    setVisibility('visible');
    expect(fake.calls).to.have.length(2);
    await answer(el, fake, seedSummary());
  });

  it('keeps the last data after a failed refresh, says so, and retries with back-off', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 60 });
    await answer(el, fake, seedSummary());
    clock.advance(60_000);
    const reported = oneEvent(el, 'tn-error');
    fake.calls[1].reject(new TnAdapterError('unavailable'));
    expect((await reported).detail).to.include({ operation: 'getAttentionSummary', code: 'unavailable' });
    await el.updateComplete;
    const stale = () => el.shadowRoot!.querySelector('[part~="stale"]');
    expect(stale()!.textContent).to.contain("Couldn't refresh").and.to.contain('try again automatically');
    expect(text(el)).to.contain('ShuchitestPayment1');
    await expect(el).to.be.accessible();

    expect(clock.nextIn).to.equal(5_000);
    clock.advance(5_000);
    expect(fake.calls).to.have.length(3);
    fake.calls[2].reject(new TnAdapterError('timeout'));
    await waitUntil(() => clock.nextIn === 10_000, 'second back-off');
    clock.advance(10_000);
    expect(fake.calls).to.have.length(4);
    await answer(el, fake, seedSummary());
    expect(stale()).to.equal(null);
    expect(clock.nextIn).to.equal(60_000);
  });

  it('shows an error with a retry when the first load fails', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock);
    await waitUntil(() => fake.calls.length === 1);
    fake.calls[0].reject(new TnAdapterError('forbidden'));
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'));
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain("Couldn't load what needs your attention.");
    expect(alert.textContent).to.contain("isn't allowed");
    // Not retryable: no automatic retry.
    expect(clock.pending).to.equal(0);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await answer(el, fake, seedSummary());
    expect(text(el)).to.contain('ShuchitestPayment1');
  });

  it('refreshes when a support case opens elsewhere on the page', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await answer(el, fake, seedSummary());
    document.body.dispatchEvent(
      new CustomEvent('tn-support-case-opened', { bubbles: true, composed: true, detail: {} }),
    );
    expect(fake.calls).to.have.length(2);
    await answer(el, fake, seedSummary());
  });

  it('refreshes from its button and its refresh() method, one request at a time', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await answer(el, fake, seedSummary());
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="refresh"]')!;
    button.click();
    await el.updateComplete;
    expect(fake.calls).to.have.length(2);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    expect(fake.calls).to.have.length(2);
    await answer(el, fake, seedSummary());
    const done = el.refresh();
    fake.calls[2].resolve(empty());
    await done;
    await el.updateComplete;
    expect(text(el)).to.contain('Nothing needs your attention.');
  });

  it('says when nothing needs attention', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await answer(el, fake, empty());
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent!.trim()).to.equal('Nothing needs your attention.');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reports which list or item the user asked for', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    const summary = seedSummary();
    await answer(el, fake, summary);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action"]')];
    const click = async (label: string) => {
      const button = buttons.find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label)!;
      const event = oneEvent(el, 'tn-view-attention');
      button.click();
      return (await event).detail;
    };
    expect(await click('View ShuchitestPayment1')).to.deep.equal({
      list: 'failed-invoices',
      item: summary.failedInvoices.items[0],
    });
    expect(await click('View all: Support cases')).to.deep.equal({ list: 'support-tickets' });
    expect(await click('View all: Saved invoices')).to.deep.equal({ list: 'saved-invoices' });
    expect(await click('View 121121')).to.deep.equal({ list: 'saved-invoices', item: summary.savedInvoices.items[0] });
  });

  it('shows at most max-rows rows per list', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START), { maxRows: 3 });
    const summary = seedSummary();
    summary.savedInvoices.items = Array.from(
      { length: 7 },
      (_, i): SavedInvoice => ({ id: `s${i}`, number: `INV-${i}`, buyerId: 'AAA1', amount: { amount: `${i}.50`, currency: 'EUR' } }),
    );
    summary.savedInvoices.count = 7;
    await answer(el, fake, summary);
    const saved = [...el.shadowRoot!.querySelectorAll('[part~="list"]')][1];
    expect(saved.querySelectorAll('tbody tr')).to.have.length(3);
    expect(saved.textContent).to.contain('Showing 3 of 7.');
  });

  it('renders hostile server strings as text', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    const payload = '<img src=x onerror="window.__pwned=1">';
    const summary = seedSummary();
    summary.failedInvoices.items[0] = { id: 'x', number: payload, supplierName: `<b>${payload}</b>`, buyerName: payload };
    summary.savedInvoices.items[0] = { id: 'y', number: payload, buyerId: 'B-1', buyerName: payload, amount: { amount: '12.00', currency: 'EUR' } };
    await answer(el, fake, summary);
    expect(el.shadowRoot!.querySelector('img, b, i')).to.equal(null);
    expect(text(el)).to.contain(payload);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('treats a malformed summary as an error, not a crash', async () => {
    const fake = new FakeAdapter();
    const el = await panelFixture(fake, new ManualClock(START));
    await waitUntil(() => fake.calls.length === 1);
    const reported = oneEvent(el, 'tn-error');
    fake.calls[0].resolve({ failedInvoices: null });
    expect((await reported).detail.code).to.equal('bad-response');
  });

  it('releases its timers, listeners and pending request when removed', async () => {
    const fake = new FakeAdapter();
    const clock = new ManualClock(START);
    const el = await panelFixture(fake, clock, { interval: 60 });
    await answer(el, fake, seedSummary());
    expect(clock.pending).to.be.greaterThan(0);
    el.refresh();
    await waitUntil(() => fake.calls.length === 2);
    el.remove();
    expect(clock.pending).to.equal(0);
    await fake.calls[1].aborted;
    document.dispatchEvent(new CustomEvent('tn-support-case-opened', { detail: {} }));
    setVisibility('visible');
    clock.advance(10 * 60_000);
    expect(fake.calls).to.have.length(2);
  });

  it('shows a visible error when no adapter is configured', async () => {
    const el = await fixture<TnAttentionPanel>(html`<tn-attention-panel></tn-attention-panel>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not configured');
    await expect(el).to.be.accessible();
  });

  it('counts a new ticket on the demo network when a case opens', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnAttentionPanel>(html`<tn-attention-panel .adapter=${adapter}></tn-attention-panel>`);
    const tickets = () => rowsOf(el, '.summary')[1]?.[1];
    await waitUntil(() => tickets() === '2', 'seed tickets');
    expect(text(el)).to.contain('ShuchitestPayment1').and.to.contain('121121');
    const outcome = await adapter.requestConnection({
      accountId: 'ACC-AOS-IT',
      entityIds: ['AAA489745059'],
      idempotencyKey: 'attention-test',
    });
    expect(outcome.kind).to.equal('support-case');
    el.dispatchEvent(new CustomEvent('tn-support-case-opened', { bubbles: true, composed: true, detail: {} }));
    await waitUntil(() => tickets() === '3', 'the new ticket');
  });
});
