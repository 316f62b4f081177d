import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS, DEMO_SEED_CASE_REFERENCES } from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import { getLocale, registerLocale, setLocale } from '../src/localization/localization.js';

/**
 * `lang` on an element or an ancestor chooses the element's language, whatever the page's:
 * two languages on one page, each element whole in its own (nested elements included).
 */

async function translation(locale: string, source: string): Promise<string> {
  const doc = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  const unit = [...doc.getElementsByTagName('trans-unit')].find((u) => u.getElementsByTagName('source')[0].textContent === source);
  return unit!.getElementsByTagName('target')[0].textContent!;
}

/** English sources long enough not to be a word another locale shares with English. */
let englishSources: string[] = [];

before(async () => {
  const doc = new DOMParser().parseFromString(await (await fetch('/locales/fr.xlf')).text(), 'application/xml');
  englishSources = [...doc.getElementsByTagName('source')]
    .map((source) =>
      [...source.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent!.trim())
        .sort((a, b) => b.length - a.length)[0] ?? '',
    )
    .filter((text) => text.length >= 12 && /\s/.test(text));
});

/** Every string a user can see or hear in `root`, nested elements included. */
function userText(root: Node): string {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent!.trim());
    if (node instanceof Element) {
      if (node.localName === 'style') return;
      for (const name of ['aria-label', 'placeholder', 'title']) out.push(node.getAttribute(name) ?? '');
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out.filter(Boolean).join('\n');
}

const englishIn = (el: Element) => englishSources.filter((source) => userText(el).includes(source));

const label = (el: Element) => el.shadowRoot!.querySelector('label')!.textContent!.trim();
const search = (lang: string) =>
  html`<div lang=${lang}><tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>`;

const CASES: { name: string; render: (adapter: DemoAdapter) => TemplateResult; ready: (el: Element) => boolean }[] = [
  {
    name: 'tn-customer-search with results',
    render: (adapter) => html`<tn-customer-search .adapter=${adapter} value="tungsten" debounce="0"></tn-customer-search>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0,
  },
  {
    name: 'tn-group-picker on a group',
    render: (adapter) =>
      html`<tn-group-picker .adapter=${adapter} group-id="GRP-TUNGSTEN" account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt}></tn-group-picker>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('[role="treeitem"]').length > 0,
  },
  {
    name: 'tn-attention-panel',
    render: (adapter) => html`<tn-attention-panel .adapter=${adapter}></tn-attention-panel>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('tr').length > 3,
  },
  {
    name: 'tn-relationships',
    render: (adapter) => html`<tn-relationships .adapter=${adapter} heading-level="2"></tn-relationships>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('tbody tr').length > 0,
  },
  {
    name: 'tn-support-case',
    render: (adapter) => html`<tn-support-case .adapter=${adapter} reference=${DEMO_SEED_CASE_REFERENCES[0]}></tn-support-case>`,
    ready: (el) => !!el.shadowRoot!.querySelector('[part~="next"]') && el.shadowRoot!.textContent!.includes('Adams Office Supplies'),
  },
  {
    name: 'tn-customer-connect',
    render: (adapter) => html`<tn-customer-connect .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-customer-connect>`,
    ready: (el) => !!el.shadowRoot!.querySelector('tn-group-picker')?.shadowRoot?.querySelector('[part~="customer-card"]'),
  },
];

describe('lang on an element or an ancestor', function () {
  // The first render loads every element and a locale chunk: slow in WebKit on a busy machine.
  this.timeout(20_000);

  afterEach(async () => {
    await setLocale('en');
  });

  it('renders two languages side by side on an English page', async () => {
    const page = await fixture(html`<div>${search('fr')}${search('de')}<tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>`);
    const [french, german, english] = page.querySelectorAll<TnCustomerSearch>('tn-customer-search');
    const fr = await translation('fr', 'Search your customers');
    const de = await translation('de', 'Search your customers');
    await waitUntil(() => label(french) === fr && label(german) === de, `got "${label(french)}" and "${label(german)}"`);
    expect(label(english)).to.equal('Search your customers');
    expect(getLocale()).to.equal('en');
  });

  it('keeps an element in its own lang when the page changes locale, and follows a change of lang', async () => {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search lang="it" .adapter=${createDemoAdapter()}></tn-customer-search>`);
    const it = await translation('it', 'Search your customers');
    await waitUntil(() => label(el) === it);
    await setLocale('pl');
    await el.updateComplete;
    expect(label(el)).to.equal(it);
    el.lang = 'es';
    const es = await translation('es', 'Search your customers');
    await waitUntil(() => label(el) === es, 'a change of lang was not followed');
    el.removeAttribute('lang');
    const pl = await translation('pl', 'Search your customers');
    await waitUntil(() => label(el) === pl, 'without lang the element did not take the page’s locale');
  });

  it('takes registered locales, and British dates from lang="en-GB"', async () => {
    registerLocale('sv', { 'Search your customers': 'Sök bland dina kunder' });
    const wrapper = await fixture(search('sv'));
    const el = wrapper.querySelector('tn-customer-search')!;
    await waitUntil(() => label(el) === 'Sök bland dina kunder');

    const british = await fixture(html`<div lang="en-GB"><tn-relationships .adapter=${createDemoAdapter()}></tn-relationships></div>`);
    const table = british.querySelector('tn-relationships')!;
    await waitUntil(() => table.shadowRoot!.querySelectorAll('tbody tr').length > 0);
    const since = table.shadowRoot!.querySelector('td.since')!.textContent!.trim();
    expect(since).to.match(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  });

  for (const locale of ['fr', 'ar']) {
    for (const { name, render, ready } of CASES) {
      it(`${name} inside lang="${locale}" on an English page shows no English source text`, async () => {
        const wrapper = await fixture(html`<div lang=${locale}>${render(createDemoAdapter())}</div>`);
        const el = wrapper.firstElementChild!;
        await waitUntil(() => ready(el), `${name} never got ready`, { timeout: 5000 });
        await waitUntil(() => englishIn(el).length === 0, "English left", { timeout: 3000 }).catch(() => {});
        expect(englishIn(el)).to.deep.equal([]);
        expect(getLocale()).to.equal('en');
      });
    }
  }

  it('words the errors found on submit in the element\'s lang, not the page\'s', async () => {
    const adapter = createDemoAdapter();
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.demonstrationExampleBuyer],
      idempotencyKey: 'element-lang-errors',
    });
    if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
    const wrapper = await fixture(html`<div lang="fr"><tn-verify-invoice .adapter=${adapter} .session=${outcome.verification}></tn-verify-invoice></div>`);
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="continue"]'), 'no form');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('#invoice-number-error')?.textContent?.trim();
    expect(error).to.equal(await translation('fr', 'Enter the invoice number.'));

    // The group picker's checks too: Connect with nothing chosen.
    const picker = (await fixture(html`<div lang="de"><tn-group-picker .adapter=${createDemoAdapter()} group-id="GRP-TUNGSTEN"></tn-group-picker></div>`)).firstElementChild as HTMLElement & { updateComplete: Promise<boolean>; submit(): void };
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="treeitem"]').length > 0, 'no tree');
    picker.submit();
    await picker.updateComplete;
    const messages = [...picker.shadowRoot!.querySelectorAll('[part~="error-message"]')].map((node) => node.textContent!.trim());
    expect(messages.length).to.be.greaterThan(0);
    expect(messages.filter((text) => englishSources.includes(text))).to.deep.equal([]);
  });

  it('tn-verify-invoice inside lang="de" shows its form in German', async () => {
    const adapter = createDemoAdapter();
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.demonstrationExampleBuyer],
      idempotencyKey: 'element-lang',
    });
    if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
    const wrapper = await fixture(html`<div lang="de"><tn-verify-invoice .adapter=${adapter} .session=${outcome.verification}></tn-verify-invoice></div>`);
    const el = wrapper.firstElementChild!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="continue"]'), 'no form');
    await waitUntil(() => englishIn(el).length === 0, 'English left', { timeout: 3000 }).catch(() => {});
    expect(englishIn(el).join(' | ')).to.equal('');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#invoice-date')!.placeholder).to.equal('TT.MM.JJJJ');
  });
});
