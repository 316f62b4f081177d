import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { registerLocale, setLocale } from '../src/localization/localization.js';

// Its own file (its own page): the host configures @lit/localize before any element exists.
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: () => import('../src/generated/locales/fr.js'),
});

const label = (el: TnCustomerSearch) => el.shadowRoot!.querySelector('label')!.textContent!.trim();

describe('a host that configured @lit/localize itself', () => {
  it('decides the locale; our setLocale and registerLocale only warn', async () => {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    await host.setLocale('fr');
    await waitUntil(() => label(el) !== 'Search your customers', 'the host’s locale was not followed');
    const french = label(el);

    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await setLocale('de');
      registerLocale('sv', { 'Search your customers': 'Sök bland dina kunder' });
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(2);
    expect(warnings.every((w) => w.includes('the host configured @lit/localize'))).to.equal(true);
    await el.updateComplete;
    expect(label(el)).to.equal(french);
  });
});
