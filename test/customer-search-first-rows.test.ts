/**
 * A new list of results renders only the results in the listbox's view in the frame that
 * shows it, and the rest in the next frame (first-rows.ts): each result rendered says its
 * place among all of them and the status says the whole count (the listbox `aria-busy` until
 * the rest are in), the rows rendered fill the view, the keyboard reaches the last result at
 * once, and a further page renders whole.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { CustomerEntity, SearchQuery } from '../src/adapter/types.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { spyOnLayoutReads } from './helpers/layout-reads.js';

const GROUP = { id: 'GRP-S', name: 'SUMMIT GROUP' };
const entity = (i: number): CustomerEntity => ({
  id: `AAA${String(300000000 + i)}`,
  legalName: `Summit Print Works ${i} Ltd`,
  country: 'GB',
  taxIds: [`GB${String(400000000 + i)}`],
  // Two groups and ungrouped results, as the directory answers.
  ...(i % 3 === 0 ? {} : { group: { ...GROUP, id: `GRP-${i % 3}` } }),
});

/** Resolves in the next frame's animation callbacks, before its layout. */
const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
/** Resolves after two frames have been rendered. */
const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/** Types `text` into a search `width` px wide; its search left pending. */
async function searching(text: string, width = 600) {
  const fake = new FakeAdapter();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px"><tn-customer-search .adapter=${fake.adapter} debounce="0"></tn-customer-search></div>`,
  );
  const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
  const input = el.shadowRoot!.querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  const latest = () => fake.of('searchDirectory').at(-1);
  await waitUntil(() => (latest()?.args[0] as SearchQuery | undefined)?.text === text, 'searched');
  await frames();
  return { el, fake, input, answer: latest()! };
}

function listParts(el: TnCustomerSearch) {
  const root = el.shadowRoot!;
  const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
  return {
    listbox: () => root.querySelector<HTMLElement>('[role="listbox"]')!,
    options,
    displayed: () => options().filter((option) => getComputedStyle(option).display !== 'none'),
  };
}

const key = (input: HTMLInputElement, name: string) =>
  input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));

describe('<tn-customer-search> a new list’s first frame', () => {
  it('renders the results in view, each saying its place among all, then the rest the next frame', async () => {
    const { el, answer } = await searching('Summit');
    const items = Array.from({ length: 20 }, (_, i) => entity(i));
    answer.resolve({ items, total: 40, nextCursor: 'next' });
    await nextFrame();
    const list = listParts(el);
    const first = list.options().length;
    expect(first, 'only the first results rendered').to.be.within(4, 19);
    expect(list.listbox().getAttribute('aria-busy')).to.equal('true');
    // In display order, each with its place in the whole list of 20.
    expect(list.options().map((option) => [option.id, option.getAttribute('aria-posinset'), option.getAttribute('aria-setsize')])).to.deep.equal(
      Array.from({ length: first }, (_, i) => [`option-${i}`, String(i + 1), '20']),
    );
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent, 'the whole count is said').to.contain('Showing 20 of 40');
    // The results rendered fill the listbox's view: nothing missing on screen.
    expect(list.listbox().scrollHeight).to.be.greaterThan(list.listbox().clientHeight);
    const heightFirst = list.listbox().clientHeight;

    // The rest are rendered once the browser is idle after that frame (50 ms at most, a
    // busy test machine's timers allowing).
    await waitUntil(() => !list.listbox().hasAttribute('aria-busy'), 'the rest rendered', { timeout: 1000 });
    expect(list.options().length, 'all rendered after the first frame').to.equal(20);
    expect(list.displayed().length).to.equal(20);
    expect(list.listbox().clientHeight, 'the list did not change height').to.equal(heightFirst);
    expect(list.options().map((option) => [option.id, option.getAttribute('aria-posinset'), option.getAttribute('aria-setsize')])).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => [`option-${i}`, String(i + 1), '20']),
    );
    // Every result keeps its text (its name for assistive technology).
    const names = list.options().map((option) => option.querySelector('[part="name"]')!.textContent!.trim());
    expect(names.sort()).to.deep.equal(items.map((item) => item.legalName).sort());
  });

  it('fills the view at 320 px too, where results are taller', async () => {
    const { el, answer } = await searching('Summit', 320);
    answer.resolve({ items: Array.from({ length: 20 }, (_, i) => entity(i)), total: 20 });
    await nextFrame();
    const list = listParts(el);
    expect(list.options().length).to.be.below(20);
    expect(list.listbox().scrollHeight).to.be.greaterThan(list.listbox().clientHeight);
  });

  it('reaches the last result by keyboard in that first frame', async () => {
    const { el, input, answer } = await searching('Summit');
    const shown = oneEvent(el, 'tn-search');
    answer.resolve({ items: Array.from({ length: 20 }, (_, i) => entity(i)), total: 20 });
    await shown;
    await el.updateComplete;
    expect(listParts(el).listbox().getAttribute('aria-busy'), 'still the first frame').to.equal('true');
    key(input, 'ArrowDown');
    key(input, 'End');
    await el.updateComplete;
    const list = listParts(el);
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-19');
    expect(list.options().length, 'every result rendered once the keyboard goes past them').to.equal(20);
    expect(list.displayed().length).to.equal(20);
    const last = el.shadowRoot!.querySelector<HTMLElement>('#option-19')!;
    const box = list.listbox().getBoundingClientRect();
    const row = last.getBoundingClientRect();
    expect(row.bottom, 'scrolled into view').to.be.at.most(box.bottom + 1);
    expect(row.top).to.be.at.least(box.top - 1);
  });

  it('renders a further page of the same query whole', async () => {
    const { el, fake, answer } = await searching('Summit');
    answer.resolve({ items: Array.from({ length: 20 }, (_, i) => entity(i)), total: 40, nextCursor: 'next' });
    await waitUntil(() => listParts(el).listbox()?.hasAttribute('aria-busy') === false, 'settled');
    el.showMore();
    await waitUntil(() => (fake.of('searchDirectory').at(-1)?.args[0] as SearchQuery).cursor === 'next', 'asked for the next page');
    fake.of('searchDirectory').at(-1)!.resolve({ items: Array.from({ length: 20 }, (_, i) => entity(20 + i)), total: 40 });
    await nextFrame();
    const list = listParts(el);
    expect(list.options().length).to.equal(40);
    expect(list.displayed().length).to.equal(40);
    expect(list.listbox().hasAttribute('aria-busy')).to.equal(false);
    expect(list.options().every((option, i) => option.getAttribute('aria-posinset') === String(i + 1) && option.getAttribute('aria-setsize') === '40')).to.equal(true);
  });

  it('shows a list that fits its view whole in its first frame', async () => {
    const { el, answer } = await searching('Summit');
    answer.resolve({ items: Array.from({ length: 3 }, (_, i) => entity(i)), total: 3 });
    await nextFrame();
    expect(listParts(el).options().length).to.equal(3);
    expect(listParts(el).displayed().length).to.equal(3);
    expect(listParts(el).listbox().hasAttribute('aria-busy')).to.equal(false);
  });
});

describe('<tn-customer-search> rehearsing its results while the user types', () => {
  it('lays a sample result out once, unseen and inert, and leaves the element as it was', async () => {
    const fake = new FakeAdapter();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="block-size: 80px; overflow: auto"><tn-customer-search .adapter=${fake.adapter}></tn-customer-search></div>`,
    );
    const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
    const root = el.shadowRoot!;
    const input = root.querySelector('input')!;
    const records: MutationRecord[][] = [];
    const observer = new MutationObserver((batch) => records.push(batch));
    observer.observe(root, { childList: true, subtree: true });
    const before = { scrollHeight: wrapper.scrollHeight, scrollWidth: wrapper.scrollWidth };
    input.focus();
    // One letter: under the minimum, so no search; the rehearsal runs when the browser is idle.
    input.value = 'S';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const isStage = (node: Node) => node instanceof HTMLElement && node.classList.contains('rehearsal');
    await waitUntil(() => records.flat().some((record) => [...record.removedNodes].some(isStage)), 'rehearsed and removed');
    observer.disconnect();
    // Added and removed in one task: no frame, and no accessibility tree, ever had it.
    const batch = records.find((b) => b.some((record) => [...record.addedNodes].some(isStage)))!;
    expect(batch.some((record) => [...record.removedNodes].some(isStage)), 'removed in the task that added it').to.equal(true);
    const stage = batch.flatMap((record) => [...record.addedNodes]).find(isStage) as HTMLElement;
    expect(stage.inert).to.equal(true);
    expect(stage.getAttribute('aria-hidden')).to.equal('true');
    expect(stage.querySelectorAll('[role="option"]').length, 'a whole sample result').to.be.above(0);
    // Nothing is left: no stray node, every id once, the field and its scroll container as they were.
    expect(root.querySelector('.rehearsal')).to.equal(null);
    const ids = [...root.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(root.querySelector('[role="listbox"]'), 'no listbox for one letter').to.equal(null);
    expect({ scrollHeight: wrapper.scrollHeight, scrollWidth: wrapper.scrollWidth }).to.deep.equal(before);
    expect(input.value).to.equal('S');
    expect(fake.of('searchDirectory').length, 'no search for one letter').to.equal(0);
  });

  /**
   * Holds the page's idle callbacks (a stand-in for `requestIdleCallback`, which WebKit lacks)
   * until `run` calls them with a deadline saying whether the browser was idle or the
   * callback's timeout ran it.
   */
  function holdIdleCallbacks() {
    const held: IdleRequestCallback[] = [];
    const global = window as { requestIdleCallback?: typeof requestIdleCallback };
    const original = global.requestIdleCallback;
    global.requestIdleCallback = (callback) => held.push(callback);
    return {
      run(didTimeout: boolean) {
        for (const callback of held.splice(0)) callback({ didTimeout, timeRemaining: () => (didTimeout ? 0 : 50) });
      },
      restore() {
        if (original) global.requestIdleCallback = original;
        else delete global.requestIdleCallback;
      },
    };
  }

  /**
   * Runs the held idle callbacks (`didTimeout`: as their timeout would on a busy page) and
   * returns the layout they read and whether they added a rehearsal box to `el`.
   */
  function runIdle(idle: ReturnType<typeof holdIdleCallbacks>, el: TnCustomerSearch, didTimeout: boolean) {
    const observer = new MutationObserver(() => undefined);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    const spy = spyOnLayoutReads();
    try {
      idle.run(didTimeout);
    } finally {
      spy.stop();
    }
    // Taken, not delivered: a box added and removed in the same task is still in them.
    const added = observer
      .takeRecords()
      .some((record) => [...record.addedNodes].some((node) => node instanceof HTMLElement && node.classList.contains('rehearsal')));
    observer.disconnect();
    return { reads: spy.reads, added };
  }

  /** A search with one letter typed: under the minimum, no search, its rehearsal scheduled. */
  async function typedOneLetter() {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${new FakeAdapter().adapter}></tn-customer-search>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'S';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    return el;
  }

  it('lays nothing out once results are shown, nor when its timeout runs it on a busy page', async () => {
    const idle = holdIdleCallbacks();
    try {
      // Results shown before the browser was idle: the rehearsal has nothing left to do.
      const { el, answer } = await searching('Summit');
      answer.resolve({ items: Array.from({ length: 3 }, (_, i) => entity(i)), total: 3 });
      await waitUntil(() => listParts(el).options().length === 3, 'results shown');
      expect(runIdle(idle, el, false)).to.deep.equal({ reads: [], added: false });

      // Run by its timeout, before any result: the templates only, out of the page.
      const busy = await typedOneLetter();
      expect(runIdle(idle, busy, true)).to.deep.equal({ reads: [], added: false });
      expect(busy.shadowRoot!.querySelector('.rehearsal')).to.equal(null);

      // The same, run as idle time: the rehearsal lays its sample out (what the two above must not).
      expect(runIdle(idle, await typedOneLetter(), false)).to.deep.equal({ reads: ['offsetHeight of popup rehearsal'], added: true });
    } finally {
      idle.restore();
    }
  });
});
