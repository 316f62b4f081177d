import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import {
  getLocale,
  overrideMessages,
  registerLocale,
  resolveLocale,
  rtlLocales,
  setLocale,
} from '../src/localization/localization.js';
import * as api from '../src/index.js';

const label = (el: TnCustomerSearch) => el.shadowRoot!.querySelector('label')!.textContent!.trim();
const placeholder = (el: TnCustomerSearch) => el.shadowRoot!.querySelector('input')!.placeholder;

/** The console warnings given while `run` runs. */
async function warningsDuring(run: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

const search = () => fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);

describe('registerLocale', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('is exported from the main entry', () => {
    expect(api.registerLocale).to.equal(registerLocale);
  });

  it('adds a language the library does not ship, each missing message falling back to English', async () => {
    const el = await search();
    registerLocale('sv', { 'Search your customers': 'Sök bland dina kunder' });
    expect(resolveLocale('sv-FI')).to.equal('sv');
    await setLocale('sv');
    expect(getLocale()).to.equal('sv');
    await waitUntil(() => label(el) === 'Sök bland dina kunder', 'the Swedish message did not show');
    // Not translated: the English message, not another language's.
    expect(placeholder(el)).to.equal('Legal name, network ID or VAT number');
  });

  it('loads registered messages on first use, by message ID too, with placeholders', async () => {
    let loads = 0;
    registerLocale('da', async () => {
      loads++;
      return { templates: { 'Search your customers': 'Søg blandt dine kunder', 'Type at least {0} characters of the legal name, or a network ID or VAT number.': 'Mindst {0} tegn.' } };
    });
    expect(loads).to.equal(0);
    const el = await search();
    await setLocale('da');
    expect(loads).to.equal(1);
    await waitUntil(() => label(el) === 'Søg blandt dine kunder');
    expect(el.shadowRoot!.textContent).to.contain('Mindst 2 tegn.');
  });

  it('layers a host’s own messages over a shipped locale, message by message', async () => {
    const el = await search();
    await setLocale('fr');
    const shippedHint = placeholder(el);
    expect(shippedHint).to.not.equal('Legal name, network ID or VAT number');
    registerLocale('fr', { 'Search your customers': 'Chercher un client' });
    await waitUntil(() => label(el) === 'Chercher un client', 'the host’s French did not apply at once');
    expect(placeholder(el)).to.equal(shippedHint);
    registerLocale('fr', {});
    await waitUntil(() => label(el) !== 'Chercher un client', 'registering again did not replace the layer');
  });

  it('falls back from a registered region to its language before English', async () => {
    const el = await search();
    registerLocale('fr-CA', { 'Search your customers': 'Rechercher vos clients (CA)' });
    await setLocale('fr-CA');
    await waitUntil(() => label(el) === 'Rechercher vos clients (CA)');
    await setLocale('fr');
    expect(placeholder(el)).to.not.equal('Legal name, network ID or VAT number');
    const french = placeholder(el);
    await setLocale('fr-CA');
    expect(placeholder(el)).to.equal(french);
  });

  it('warns once, naming the tag and the locales there are, and uses English for an unknown tag', async () => {
    const el = await search();
    await setLocale('de');
    const warnings = await warningsDuring(async () => {
      await setLocale('cs');
      await setLocale('cs');
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"cs"').and.contain('fr').and.contain('en-GB').and.contain('sv');
    expect(getLocale()).to.equal('en');
    await waitUntil(() => label(el) === 'Search your customers');
  });

  it('follows a tag asked for before it was registered', async () => {
    const el = await search();
    await warningsDuring(() => setLocale('nb'));
    expect(getLocale()).to.equal('en');
    registerLocale('nb', { 'Search your customers': 'Søk blant kundene dine' });
    await waitUntil(() => label(el) === 'Søk blant kundene dine', 'registering the asked-for tag did not apply it');
    expect(getLocale()).to.equal('nb');
  });

  it('overrides for an unregistered locale warn once and change nothing, English included', async () => {
    const el = await search();
    const warnings = await warningsDuring(() => {
      overrideMessages('fi', { 'Search your customers': 'Hae asiakkaitasi' });
      overrideMessages('fi', { 'Search your customers': 'Hae asiakkaitasi' });
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('fi');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(label(el)).to.equal('Search your customers');
    registerLocale('fi', {});
    await setLocale('fi');
    expect(label(el)).to.equal('Search your customers');
  });

  it('reports a loader that fails, keeps the locale it had, and tries again next time', async () => {
    const el = await search();
    let attempts = 0;
    registerLocale('cy', async () => {
      if (++attempts === 1) throw new Error('offline');
      return { 'Search your customers': 'Chwilio am eich cwsmeriaid' };
    });
    const failures: string[] = [];
    const onError = (event: Event) => failures.push((event as CustomEvent<{ locale: string }>).detail.locale);
    window.addEventListener('tn-locale-error', onError);
    try {
      const warnings = await warningsDuring(async () => {
        let rejected = false;
        await setLocale('cy').catch(() => (rejected = true));
        expect(rejected).to.equal(true);
      });
      expect(warnings.join()).to.contain('"cy" messages could not be loaded');
    } finally {
      window.removeEventListener('tn-locale-error', onError);
    }
    expect(failures).to.deep.equal(['cy']);
    expect(getLocale()).to.equal('en');
    expect(label(el)).to.equal('Search your customers');
    await setLocale('cy');
    await waitUntil(() => label(el) === 'Chwilio am eich cwsmeriaid');
  });

  it('gives a registered locale the host’s English overrides where it has no message', async () => {
    const el = await search();
    registerLocale('is', {});
    overrideMessages('en', { 'Search your customers': 'Find a buyer' });
    try {
      await setLocale('is');
      await waitUntil(() => label(el) === 'Find a buyer');
    } finally {
      overrideMessages('en', { 'Search your customers': 'Search your customers' });
    }
  });

  it('lists a right-to-left registration among rtlLocales', () => {
    registerLocale('he', {}, { dir: 'rtl' });
    expect(rtlLocales).to.include('he');
    expect(() => registerLocale('not a tag', {})).to.throw(RangeError);
  });
});
