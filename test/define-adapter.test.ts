import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { defineAdapter } from '../src/index.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { SearchPage, SearchQuery } from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_IDS } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';

/**
 * Partial adapters: a host that embeds only the search writes only the search. What it does
 * not implement shows as "not available here", without a pointless "Try again", and the
 * console names the missing method once.
 */
describe('defineAdapter (partial adapters)', () => {
  const demo = createDemoAdapter({ latency: 0 });
  let warnings: unknown[][];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(async () => {
    console.warn = originalWarn;
    await setLocale('en');
  });

  it('runs a search with only searchDirectory implemented, keeping the host object as `this`', async () => {
    const host = {
      calls: 0,
      searchDirectory(query: SearchQuery, options?: { signal?: AbortSignal }): Promise<SearchPage> {
        this.calls += 1;
        return demo.searchDirectory(query, options);
      },
    };
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search .adapter=${defineAdapter(host)} debounce="0" value="tungsten"></tn-customer-search>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no results', { timeout: 5000 });
    expect(host.calls).to.be.greaterThan(0);
    expect(el.shadowRoot!.textContent).to.contain('Tungsten Bank PLC');
    expect(warnings).to.have.length(0);
  });

  it('rejects a missing method with an `unsupported` error that no retry can fix', async () => {
    const adapter = defineAdapter({ searchDirectory: (q, o) => demo.searchDirectory(q, o) });
    const error = await adapter.getSupportCase('2881017').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.include({ code: 'unsupported', retryable: false });
    expect(adapter.uploadAttachment, 'the optional upload stays absent').to.equal(undefined);
  });

  it('shows "not available here" in an element that needs a missing method, with no retry, and warns once', async () => {
    const adapter = defineAdapter({ searchDirectory: (q, o) => demo.searchDirectory(q, o) });
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>`,
    );
    const alert = () => el.shadowRoot!.querySelector('[part~="error"]');
    await waitUntil(() => alert(), 'no error notice', { timeout: 5000 });
    expect(alert()!.textContent).to.contain('Not available in this portal');
    expect(el.shadowRoot!.querySelector('[part~="retry"]') === null, 'no Try again').to.equal(true);
    const named = warnings.filter((w) => String(w[0]).includes('"getCustomer"'));
    expect(named, 'one console hint naming the method').to.have.length(1);

    // A second element needing the same method does not repeat the hint.
    await fixture(html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.filter((w) => String(w[0]).includes('"getCustomer"'))).to.have.length(1);
  });

  it('says it in the page language (French)', async () => {
    await setLocale('fr');
    const adapter = defineAdapter({});
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error notice', { timeout: 5000 });
    const text = el.shadowRoot!.querySelector('[part~="error"]')!.textContent!;
    expect(text).to.contain('disponible');
    expect(text).not.to.contain('Not available');
  });

  it('treats a plain object lacking a method the same way (no TypeError, no retry)', async () => {
    const plain = { searchDirectory: (q: SearchQuery, o?: { signal?: AbortSignal }) => demo.searchDirectory(q, o) };
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${plain as never} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error notice', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('Not available in this portal');
    expect(el.shadowRoot!.querySelector('[part~="retry"]') === null, 'no Try again').to.equal(true);
  });
});
