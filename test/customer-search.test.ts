import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/components/customer-search/tn-customer-search.js';
import '../src/components/adapter-provider/tn-adapter-provider.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { provideAdapter } from '../src/adapter/provide.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { CustomerEntity, SearchPage, SearchQuery } from '../src/adapter/types.js';
import { setLocale } from '../src/localization/localization.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { chord, press, type } from './helpers/keys.js';

const GROUP = { id: 'GRP-T', name: 'TUNGSTEN ALL COMPANIES GROUP', size: 7 };
const entity = (id: string, legalName: string, country: string, taxIds: string[] = [], group = true): CustomerEntity => ({
  id,
  legalName,
  country,
  taxIds,
  ...(group ? { group: GROUP } : {}),
});
const BANK = entity('AAA489745059', 'Tungsten Bank PLC', 'GB', ['GB177907267']);
const GMBH = entity('AAA474005402', 'Tungsten Network GmbH', 'DE', ['DE255790071']);
const TEST_BUYER = entity('AAA168149359', 'Tungsten Network - Demo Account', 'GB', [], false);
const page = (items: CustomerEntity[], extra: Partial<SearchPage> = {}): SearchPage => ({
  items,
  total: items.length,
  ...extra,
});

function parts(el: TnCustomerSearch) {
  const root = el.shadowRoot!;
  return {
    input: root.querySelector('input')!,
    popup: root.querySelector<HTMLElement>('[part~="popup"]')!,
    options: () => [...root.querySelectorAll<HTMLElement>('[role="option"]')],
    status: () => root.querySelector('[role="status"]')!.textContent!.trim(),
    text: () => root.textContent!.replace(/\s+/g, ' '),
  };
}

async function searchFixture(fake: FakeAdapter, attrs: { debounce?: number } = {}) {
  const el = await fixture<TnCustomerSearch>(
    html`<tn-customer-search .adapter=${fake.adapter} debounce=${attrs.debounce ?? 0}></tn-customer-search>`,
  );
  return el;
}

/** Focuses the field and types as a user would. */
async function typeInto(el: TnCustomerSearch, text: string) {
  el.focus();
  await type(text);
}

/** The search for exactly `text`, once the element has made it (earlier keystrokes search too). */
async function searchFor(fake: FakeAdapter, text: string, timeout = 1000) {
  const latest = () => fake.of('searchDirectory').at(-1);
  await waitUntil(
    () => (latest()?.args[0] as SearchQuery | undefined)?.text === text,
    `no search for "${text}" (searches: ${fake.calls.map((c) => JSON.stringify(c.args[0])).join(', ')})`,
    { timeout },
  );
  return latest()!;
}

/** Types `text`, answers the search with `items`, and waits for the list. */
async function showResults(el: TnCustomerSearch, fake: FakeAdapter, text: string, items: CustomerEntity[]) {
  await typeInto(el, text);
  (await searchFor(fake, text)).resolve(page(items));
  await waitUntil(() => parts(el).options().length === items.length, 'results not shown');
}

describe('<tn-customer-search>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('renders a labelled, collapsed combobox with a hint', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    const { input, popup } = parts(el);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.labels![0].textContent!.trim()).to.equal('Search your customers');
    expect(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'at least 2 characters',
    );
    expect(popup.hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('waits for the minimum length before searching', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 't');
    await el.updateComplete;
    expect(fake.calls).to.have.length(0);
    expect(parts(el).popup.hidden).to.equal(true);
    await type('u');
    await waitUntil(() => fake.calls.length === 1);
    expect((fake.calls[0].args[0] as SearchQuery).text).to.equal('tu');
  });

  it('debounces typing into one search for the whole word', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake, { debounce: 300 });
    const typed = typeInto(el, 'tungsten');
    await typed;
    await waitUntil(() => fake.calls.length === 1, 'the search never ran', { timeout: 3000 });
    expect((fake.calls[0].args[0] as SearchQuery).text).to.equal('tungsten');
    fake.calls[0].resolve(page([BANK]));
    await waitUntil(() => parts(el).options().length === 1);
    expect(fake.calls).to.have.length(1);
  });

  it('waits for the debounce after the last keystroke, a space that leaves the query as it was included', async () => {
    const fake = new FakeAdapter();
    // A 2 s debounce and the space 1 s after the letters: a key takes up to a second to arrive
    // from the test runner before the check means nothing (a loaded machine takes 300 ms+).
    const el = await searchFixture(fake, { debounce: 2000 });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    await typeInto(el, 'tung');
    const lettersTyped = performance.now();
    await sleep(1000);
    const spaceAt = performance.now();
    await type(' ');
    // 2,000 ms after the letters, before 2,000 ms after the space: still waiting.
    await sleep(lettersTyped + 2300 - performance.now());
    expect(performance.now()).to.be.below(spaceAt + 2000);
    expect(fake.calls, 'searched 2,000 ms after the letters, although a space was typed since').to.have.length(0);
    await searchFor(fake, 'tung', 3000);
    expect(fake.calls).to.have.length(1);
  });

  it('shows a busy state while searching', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'tung');
    await searchFor(fake, 'tung');
    await el.updateComplete;
    const { input, popup, status } = parts(el);
    expect(input.getAttribute('aria-busy')).to.equal('true');
    expect(popup.hidden).to.equal(false);
    expect(popup.textContent).to.contain('Searching…');
    expect(status()).to.equal('Searching…');
    await expect(el).to.be.accessible();
  });

  it('aborts a superseded search and never lets its late answer win', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'tung');
    const first = await searchFor(fake, 'tung');
    await type('s');
    const second = await searchFor(fake, 'tungs');
    await first.aborted;
    expect(first.signal!.aborted).to.equal(true);
    second.resolve(page([GMBH]));
    first.resolve(page([BANK]));
    await waitUntil(() => parts(el).options().length === 1);
    await el.updateComplete;
    expect(parts(el).options()[0].textContent).to.contain('Tungsten Network GmbH');
    expect(parts(el).text()).not.to.contain('Tungsten Bank PLC');
  });

  it('lists results under their group with ID, VAT number, country and the match highlighted', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    const searched = oneEvent(el, 'tn-search');
    await showResults(el, fake, 'bank', [BANK, GMBH, TEST_BUYER]);
    expect((await searched).detail).to.deep.equal({ query: 'bank', total: 3, shown: 3 });
    const root = el.shadowRoot!;
    const group = root.querySelector('[role="group"]')!;
    expect(root.getElementById(group.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal(
      'TUNGSTEN ALL COMPANIES GROUP',
    );
    expect(group.querySelectorAll('[role="option"]')).to.have.length(2);
    const [bank] = parts(el).options();
    expect(bank.textContent).to.contain('AAA489745059');
    expect(bank.textContent).to.contain('GB177907267');
    expect(bank.textContent).to.contain('United Kingdom');
    expect(bank.querySelector('mark')!.textContent).to.equal('Bank');
    expect(bank.textContent).to.contain('View group');
    // The ungrouped test buyer offers Connect only.
    const buyer = parts(el).options()[2];
    expect(buyer.closest('[role="group"]')).to.equal(null);
    expect(buyer.querySelector('[data-action="view-group"]')).to.equal(null);
    expect(parts(el).status()).to.equal('3 customers found');
    const help = el.shadowRoot!.getElementById(parts(el).input.getAttribute('aria-describedby')!)!;
    expect(help.textContent).to.contain('Shift+Enter views the group');
    // The keyboard help describes the field for assistive technology, but takes no room on screen.
    expect(help.getBoundingClientRect().height).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('an update after it left the page opens no popup and throws nothing', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await showResults(el, fake, 'tungsten', [entity('AAA489745059', 'Tungsten Bank PLC', 'GB')]);
    const errors: string[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
      errors.push(String('reason' in event ? event.reason : event.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const parent = el.parentElement!;
      el.remove();
      // Still "open" as far as its state goes; it renders again while outside the document.
      el.value = 'tungsten bank';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).to.deep.equal([]);
      parent.append(el);
      await el.updateComplete;
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('highlights accent-insensitive matches on the original text', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await showResults(el, fake, 'societe', [entity('AAA000000001', "Société Générale d'Équipement", 'FR', [], false)]);
    expect(parts(el).options()[0].querySelector('mark')!.textContent).to.equal('Société');
  });

  it('is operable with the keyboard: arrows, Home, End, Enter, Shift+Enter, Escape', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await showResults(el, fake, 'tungsten', [BANK, GMBH, TEST_BUYER]);
    const { input } = parts(el);
    const active = () => el.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant') ?? '');

    await press('ArrowDown');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Tungsten Bank PLC');
    expect(active()!.getAttribute('aria-selected')).to.equal('true');
    // Sighted keyboard users see which option is active: only it has the highlight.
    const highlight = (option: Element) => getComputedStyle(option).backgroundColor;
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')];
    expect(options.filter((option) => highlight(option) === highlight(active()!))).to.deep.equal([active()]);
    await press('ArrowDown');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Tungsten Network GmbH');
    await press('End');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Demo Account');
    await press('Home');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Tungsten Bank PLC');
    await press('ArrowUp');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Tungsten Bank PLC');
    await expect(el).to.be.accessible();

    const viewGroup = oneEvent(el, 'tn-view-group');
    await chord('Shift', 'Enter');
    expect((await viewGroup).detail).to.deep.equal({ customer: BANK, group: GROUP });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');

    await press('ArrowDown');
    await press('ArrowDown');
    await el.updateComplete;
    expect(active()!.textContent).to.contain('Tungsten Network GmbH');
    const connect = oneEvent(el, 'tn-connect');
    await press('Enter');
    const event = await connect;
    expect(event.detail).to.deep.equal({ customer: GMBH });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(input.value).to.equal('tungsten');

    await press('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await press('Escape');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('tungsten');
    await press('Escape');
    await el.updateComplete;
    expect(input.value).to.equal('');
  });

  it('scrolls the active result into view as the keyboard moves', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    const many = Array.from({ length: 20 }, (_, i) =>
      entity(`AAA1000000${String(i).padStart(2, '0')}`, `Acme Trading ${i}`, 'FR', [], false),
    );
    await showResults(el, fake, 'acme', many);
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight);
    await press('ArrowDown');
    await press('End');
    await el.updateComplete;
    const last = parts(el).options()[19];
    const box = listbox.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    expect(row.top).to.be.at.least(box.top - 1);
    expect(row.bottom).to.be.at.most(box.bottom + 1);
    await expect(el).to.be.accessible();
  });

  it('offers Connect and View group to the pointer', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await showResults(el, fake, 'tungsten', [BANK, GMBH]);
    const click = async (target: Element) => {
      const box = target.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    };
    const gmbh = parts(el).options()[1];
    const viewGroup = oneEvent(el, 'tn-view-group');
    await click(gmbh.querySelector('[data-action="view-group"]')!);
    expect((await viewGroup).detail.customer).to.deep.equal(GMBH);

    await press('ArrowDown');
    await el.updateComplete;
    const connect = oneEvent(el, 'tn-connect');
    await click(parts(el).options()[0].querySelector('[data-action="connect"]')!);
    expect((await connect).detail.customer).to.deep.equal(BANK);
  });

  it('says so, quoting the query, when nothing matches', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'qxzvy');
    (await searchFor(fake, 'qxzvy')).resolve(page([]));
    await waitUntil(() => parts(el).popup.textContent!.includes('No customers match “qxzvy”.'));
    expect(parts(el).status()).to.equal('No customers match “qxzvy”.');
    // No keyboard help for results that are not there.
    expect(parts(el).input.hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that keeps the query, and reports it', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'tungsten');
    const call = await searchFor(fake, 'tungsten');
    const reported = oneEvent(el, 'tn-error');
    call.reject(new TnAdapterError('unavailable'));
    const { detail } = await reported;
    expect(detail.operation).to.equal('searchDirectory');
    expect(detail.code).to.equal('unavailable');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain("Couldn't search the directory.");
    expect(alert.textContent).to.contain('The network is unavailable right now.');
    expect(parts(el).input.value).to.equal('tungsten');
    await expect(el).to.be.accessible();

    const before = fake.calls.length;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => fake.calls.length === before + 1);
    expect((fake.calls[before].args[0] as SearchQuery).text).to.equal('tungsten');
    fake.calls[before].resolve(page([BANK]));
    await waitUntil(() => parts(el).options().length === 1);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('treats a malformed answer as an error, not a crash', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'tungsten');
    const call = await searchFor(fake, 'tungsten');
    const reported = oneEvent(el, 'tn-error');
    call.resolve({ items: [{ id: 42 }] });
    expect((await reported).detail.code).to.equal('bad-response');
  });

  it('fetches further pages on "Show more results"', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'tungsten');
    (await searchFor(fake, 'tungsten')).resolve(page([BANK], { total: 2, nextCursor: 'c1' }));
    await waitUntil(() => parts(el).options().length === 1);
    const before = fake.calls.length;
    expect(parts(el).status()).to.equal('Showing 1 of 2. Refine your search to narrow the results.');
    await expect(el).to.be.accessible();
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="show-more"]')!;
    expect(more.textContent!.trim()).to.equal('Show more results');
    more.click();
    await waitUntil(() => fake.calls.length === before + 1);
    expect(fake.calls[before].args[0]).to.deep.include({ text: 'tungsten', cursor: 'c1' });
    fake.calls[before].resolve(page([GMBH], { total: 2 }));
    await waitUntil(() => parts(el).options().length === 2);
    expect(el.shadowRoot!.querySelector('[part="show-more"]')).to.equal(null);
    expect(parts(el).status()).to.equal('2 customers found');
  });

  it('says how many of how many it lists when the results are a page of many more, on screen and politely announced', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await typeInto(el, 'globex');
    const items = Array.from({ length: 20 }, (_, i) => entity(`AAA${String(i).padStart(9, '0')}`, `Globex ${i}`, 'FR', [], false));
    (await searchFor(fake, 'globex')).resolve(page(items, { total: 10_000, nextCursor: 'c1' }));
    await waitUntil(() => parts(el).options().length === 20, 'results not shown');
    const count = el.shadowRoot!.querySelector<HTMLElement>('[part="count"]')!;
    const said = 'Showing 20 of 10,000. Refine your search to narrow the results.';
    expect(count.textContent!.trim()).to.equal(said);
    // On screen, over the results (not only at the end of a list that scrolls).
    expect(count.checkVisibility()).to.equal(true);
    expect(count.getBoundingClientRect().bottom).to.be.at.most(el.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect().top + 1);
    // The live region (role="status": polite) says the same.
    expect(parts(el).status()).to.equal(said);
    expect(el.shadowRoot!.querySelector('[part="show-more"]')).not.to.equal(null);
    await expect(el).to.be.accessible();

    await setLocale('fr');
    await el.updateComplete;
    expect(count.textContent!.trim().replace(/[\u00a0\u202f]/g, ' ')).to.equal(
      'Affichage de 20 sur 10 000. Affinez votre recherche pour réduire la liste.',
    );
  });

  it('shows no count when every match is listed, or the total is unknown', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    await showResults(el, fake, 'tungsten', [BANK, GMBH]);
    expect(el.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
    expect(parts(el).status()).to.equal('2 customers found');
    el.value = 'tungsten n';
    await waitUntil(() => (fake.of('searchDirectory').at(-1)?.args[0] as SearchQuery).text === 'tungsten n');
    fake.of('searchDirectory').at(-1)!.resolve({ items: [GMBH], nextCursor: 'c1' });
    await waitUntil(() => parts(el).options().length === 1);
    expect(el.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
  });

  it('renders hostile server strings as text', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    const payload = '<img src=x onerror="window.__pwned=1">';
    const hostile: CustomerEntity = {
      id: '<b>AAA</b>',
      legalName: `ACME ${payload}`,
      country: 'GB', // a country that is not one is a bad-response (hostile-data.test.ts)
      taxIds: ['<script>alert(1)</script>'],
      group: { id: 'g', name: `<i>${payload}</i>` },
    };
    await showResults(el, fake, 'acme', [hostile]);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, svg:not(.icon), b, i')).to.equal(null);
    expect(parts(el).options()[0].textContent).to.contain(payload);
    expect(root.querySelector('[part="group-label"]')!.textContent).to.contain(`<i>${payload}</i>`);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in French, with French country names', async () => {
    await setLocale('fr');
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    expect(parts(el).input.labels![0].textContent!.trim()).to.equal('Rechercher vos clients');
    await showResults(el, fake, 'tungsten', [BANK, GMBH]);
    const [bank] = parts(el).options();
    expect(bank.textContent).to.contain('Royaume-Uni');
    expect(bank.textContent).to.contain('Se mettre en relation');
    expect(bank.textContent).to.contain('Afficher le groupe');
    expect(parts(el).status()).to.equal('2 clients trouvés');
    await expect(el).to.be.accessible();
  });

  it('re-renders when the locale changes at runtime', async () => {
    const fake = new FakeAdapter();
    const el = await searchFixture(fake);
    const label = () => parts(el).input.labels![0].textContent!.trim();
    expect(label()).to.equal('Search your customers');
    await setLocale('fr-CH');
    await el.updateComplete;
    expect(label()).to.equal('Rechercher vos clients');
  });

  it('shows a visible error when no adapter is configured', async () => {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search></tn-customer-search>`);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('not configured');
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes its adapter from a <tn-adapter-provider>', async () => {
    const fake = new FakeAdapter();
    const wrapper = await fixture<HTMLElement>(
      html`<tn-adapter-provider .adapter=${fake.adapter}><tn-customer-search debounce="0"></tn-customer-search></tn-adapter-provider>`,
    );
    const el = wrapper.querySelector('tn-customer-search')!;
    await el.updateComplete;
    await showResults(el, fake, 'tungsten', [BANK]);
  });

  it('takes its adapter from a plain element provided later (script-tag pages)', async () => {
    const fake = new FakeAdapter();
    const host = await fixture<HTMLDivElement>(html`<div><tn-customer-search debounce="0"></tn-customer-search></div>`);
    const el = host.querySelector('tn-customer-search')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('not configured');
    provideAdapter(host, fake.adapter);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')).not.to.equal(null);
    await showResults(el, fake, 'tungsten', [BANK]);
  });
});
