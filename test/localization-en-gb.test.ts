import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/verify-invoice/tn-verify-invoice.js';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS } from '../src/adapter/demo/index.js';
import { getLocale, resolveLocale, setLocale, supportedLocales } from '../src/localization/localization.js';
import { formatDate, formatDateTime } from '../src/localization/format.js';
import { dateEntryFormat, parseLocalDate } from '../src/localization/parse.js';

/** 1 December 2026, 16:20 in the browser's time zone. */
const afternoon = new Date(2026, 11, 1, 16, 20).toISOString();
/** Intl puts narrow no-break spaces in some engines' times ("4:20 PM"). */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('British English (en-GB)', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await setLocale('en');
  });

  it('is a locale of its own, while other English tags stay American', () => {
    expect(resolveLocale('en-GB')).to.equal('en-GB');
    expect(resolveLocale('en_gb')).to.equal('en-GB');
    expect(resolveLocale('en-US')).to.equal('en');
    expect(resolveLocale('en')).to.equal('en');
    // The translations shipped stay nine: en-GB has the English messages.
    expect(supportedLocales).to.not.include('en-GB');
  });

  it('formats dates day first with 24-hour times', () => {
    expect(formatDate('2026-12-01', 'en-GB')).to.equal('1 Dec 2026');
    expect(plain(formatDateTime(afternoon, 'en-GB', 'medium'))).to.equal('1 Dec 2026, 16:20');
    expect(plain(formatDateTime(afternoon, 'en', 'medium'))).to.equal('Dec 1, 2026, 4:20 PM');
  });

  it('reads typed dates as dd/mm/yyyy', () => {
    expect(dateEntryFormat('en-GB')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '/' });
    expect(parseLocalDate('01/12/2025', 'en-GB', '2026-12-03')).to.deep.equal({ ok: true, date: '2025-12-01' });
    expect(parseLocalDate('01/12/2025', 'en', '2026-12-03')).to.deep.equal({ ok: true, date: '2025-01-12' });
  });

  it('renders the English messages with British dates, with no warning', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      document.documentElement.lang = 'en-GB';
      await setLocale('en-GB');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
    expect(getLocale()).to.equal('en-GB');
    const search = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    expect(search.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Search your customers');

    const adapter = createDemoAdapter();
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.demonstrationExampleBuyer],
      idempotencyKey: 'en-gb-date',
    });
    if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
    const el = await fixture(html`<tn-verify-invoice .adapter=${adapter} .session=${outcome.verification}></tn-verify-invoice>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#invoice-date'), 'no date field');
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#invoice-date')!;
    expect(field.placeholder).to.equal('dd/mm/yyyy');
    expect(el.shadowRoot!.textContent).to.match(/for example 31\/12\/\d{4}/);
  });
  it('types dates dd/mm/yyyy inside lang="en-GB" on an American page, and reads them so on submit', async () => {
    document.documentElement.lang = 'en-US';
    await setLocale('en');
    const adapter = createDemoAdapter();
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.demonstrationExampleBuyer],
      idempotencyKey: 'en-gb-element-date',
    });
    if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
    const wrapper = await fixture(html`<div lang="en-GB"><tn-verify-invoice .adapter=${adapter} .session=${outcome.verification}></tn-verify-invoice></div>`);
    const el = wrapper.firstElementChild!;
    await waitUntil(() => el.shadowRoot!.querySelector('#invoice-date'), 'no date field');
    const field = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(id)!;
    expect(field('#invoice-date').placeholder).to.equal('dd/mm/yyyy');
    const type = (id: string, value: string) => {
      field(id).value = value;
      field(id).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('#invoice-number', 'INV-1');
    type('#invoice-date', '31/12/2025');
    type('#amount', '100.00');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    // Read as 31 December: an American reading finds no 31st month and puts an error there.
    expect(el.shadowRoot!.querySelector('#invoice-date-error')?.textContent ?? '').to.equal('');
    expect(el.shadowRoot!.querySelector('#invoice-number-error')?.textContent ?? '').to.equal('');
  });
});
