import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { getLocale, overrideMessages, resolveLocale, setLocale, supportedLocales } from '../src/localization/localization.js';
import { formatCount, formatDate, formatDateTime, formatMoney, formatRelative, countryName } from '../src/localization/format.js';

/** The translation `locales/<locale>.xlf` gives an English source (what the element must show). */
async function translation(locale: string, source: string): Promise<string> {
  const doc = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  const unit = [...doc.getElementsByTagName('trans-unit')].find(
    (u) => u.getElementsByTagName('source')[0].textContent === source,
  );
  const target = unit?.getElementsByTagName('target')[0]?.textContent;
  if (!target) throw new Error(`${locale} has no translation of "${source}"`);
  return target;
}

const label = (el: TnCustomerSearch) => el.shadowRoot!.querySelector('label')!.textContent!.trim();

describe('locale API', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('ships nine locales', () => {
    expect([...supportedLocales].sort()).to.deep.equal(['ar', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt']);
  });

  it('falls back from regional tags to their language, and from unknown ones to English', () => {
    expect(resolveLocale('fr-CH')).to.equal('fr');
    expect(resolveLocale('pt-BR')).to.equal('pt');
    expect(resolveLocale('de_AT')).to.equal('de');
    expect(resolveLocale('AR-eg')).to.equal('ar');
    expect(resolveLocale('nl-BE')).to.equal('nl');
    expect(resolveLocale('zh-Hans')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });

  it('re-renders every mounted element when the locale changes', async () => {
    const a = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    const b = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    expect(label(a)).to.equal('Search your customers');
    for (const locale of ['de', 'pl', 'ar', 'pt-BR']) {
      await setLocale(locale);
      const expected = await translation(resolveLocale(locale), 'Search your customers');
      await waitUntil(() => label(a) === expected && label(b) === expected, `${locale}: labels did not change`);
      expect(getLocale()).to.equal(resolveLocale(locale));
    }
  });

  it('lets the host override a message for a locale, English included, live', async () => {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    overrideMessages('en', {
      'Search your customers': 'Find a buyer',
      'Type at least {0} characters of the legal name, or a network ID or VAT number.': 'At least {0} letters, please.',
    });
    await waitUntil(() => label(el) === 'Find a buyer', 'the English override did not apply');
    expect(el.shadowRoot!.textContent).to.contain('At least 2 letters, please.');

    overrideMessages('fr-CH', { 'Search your customers': 'Trouver un acheteur' });
    await setLocale('fr');
    await waitUntil(() => label(el) === 'Trouver un acheteur', 'the French override did not apply');
    // Messages without an override keep the shipped translation.
    const hint = await translation('fr', 'Legal name, network ID or VAT number');
    expect(el.shadowRoot!.querySelector('input')!.placeholder).to.equal(hint);

    await setLocale('en');
    await waitUntil(() => label(el) === 'Find a buyer');
    overrideMessages('en', { 'Search your customers': 'Search your customers' });
    await waitUntil(() => label(el) === 'Search your customers');
  });
});

describe('formats in every locale', () => {
  const when = '2018-04-18T14:45:00Z';

  it('formats counts, money, dates, deadlines, relative times and countries with Intl', () => {
    for (const locale of supportedLocales) {
      expect(formatCount(10000, locale), locale).to.equal(new Intl.NumberFormat(locale).format(10000));
      expect(formatMoney({ amount: '4508.00', currency: 'GBP' }, locale), locale).to.equal(
        new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP' }).format(4508),
      );
      expect(formatDate('2015-08-10', locale), locale).to.equal(
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(2015, 7, 10)),
      );
      const deadline = formatDateTime(when, locale);
      // The deadline names its weekday and its time zone.
      expect(deadline, locale).to.contain(new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(new Date(when)));
      const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
        .formatToParts(new Date(when))
        .find((p) => p.type === 'timeZoneName')!.value;
      expect(deadline, locale).to.contain(zone);
      expect(formatRelative('2018-04-18T14:42:00Z', new Date(when), locale), locale).to.equal(
        new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(-3, 'minute'),
      );
      expect(countryName('GB', locale), locale).to.equal(new Intl.DisplayNames([locale], { type: 'region' }).of('GB'));
    }
    expect(countryName('DE', 'de')).to.equal('Deutschland');
    expect(countryName('GB', 'fr')).to.equal('Royaume-Uni');
  });

  it('shows malformed values as they came', () => {
    expect(formatDateTime('not a date', 'de')).to.equal('not a date');
    expect(formatMoney({ amount: '4,508', currency: 'GBP' }, 'de')).to.equal('4,508 GBP');
  });
});
