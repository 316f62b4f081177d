import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { getLocale, setLocale } from '../src/localization/localization.js';

// Its own file (its own page): the library must not have been told a locale yet.

const label = (el: TnCustomerSearch) => el.shadowRoot!.querySelector('label')!.textContent!.trim();

async function translation(locale: string, source: string): Promise<string> {
  const doc = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  const unit = [...doc.getElementsByTagName('trans-unit')].find((u) => u.getElementsByTagName('source')[0].textContent === source);
  return unit!.getElementsByTagName('target')[0].textContent!;
}

describe('<html lang> decides until the host does', () => {
  after(() => {
    document.documentElement.lang = 'en';
  });

  it('follows <html lang> (regional tags included) and its changes, then the host’s setLocale', async () => {
    document.documentElement.lang = 'es-MX';
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>`);
    const spanish = await translation('es', 'Search your customers');
    await waitUntil(() => label(el) === spanish, 'the page language was not followed');
    expect(getLocale()).to.equal('es');

    document.documentElement.lang = 'nl';
    const dutch = await translation('nl', 'Search your customers');
    await waitUntil(() => label(el) === dutch, 'a change of <html lang> was not followed');

    await setLocale('it');
    const italian = await translation('it', 'Search your customers');
    await waitUntil(() => label(el) === italian);
    document.documentElement.lang = 'de';
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(label(el)).to.equal(italian);
    expect(getLocale()).to.equal('it');
  });
});
