/**
 * Where the results panel goes when results arrive (anchored-popup.ts): placed from its resize
 * observation, after the browser's own layout and before paint, so the update that renders the
 * results reads no layout; below the field when it fits, above it when there is more room
 * there; no "ResizeObserver loop" notice.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { CustomerEntity, SearchQuery } from '../src/adapter/types.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { spyOnLayoutReads } from './helpers/layout-reads.js';

const entity = (i: number): CustomerEntity => ({
  id: `AAA${String(300000000 + i)}`,
  legalName: `Summit Print Works ${i} Ltd`,
  country: 'GB',
  taxIds: [`GB${String(400000000 + i)}`],
});

/** Resolves in the next frame's animation callbacks (before its layout and resize observations). */
const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
/** Resolves after two frames have been rendered. */
const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

describe('<tn-customer-search> results panel placement', () => {
  let loopNotices: string[];
  const onError = (event: ErrorEvent) => {
    if (/ResizeObserver loop/.test(event.message)) loopNotices.push(event.message);
  };
  /** Layout read while the last `searchAt` rendered its results. */
  let reads: string[];
  beforeEach(() => {
    loopNotices = [];
    reads = [];
    window.addEventListener('error', onError);
  });
  afterEach(() => window.removeEventListener('error', onError));

  /** A search `top` px down the viewport, "Summit" typed and its search pending; then its `count` results shown. */
  async function searchAt(top: number, count: number) {
    const fake = new FakeAdapter();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="position: fixed; inset-inline: 0; inset-block-start: ${top}px; inline-size: 600px">
        <tn-customer-search .adapter=${fake.adapter} debounce="0"></tn-customer-search>
      </div>`,
    );
    const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'Summit';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => (fake.of('searchDirectory').at(-1)?.args[0] as SearchQuery | undefined)?.text === 'Summit', 'searched');
    await frames();
    // The answer in a task of its own, out of any frame's rendering, as from the network.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const items = Array.from({ length: count }, (_, i) => entity(i));
    const spy = spyOnLayoutReads();
    try {
      fake.of('searchDirectory').at(-1)!.resolve({ items, total: count });
      await nextFrame();
    } finally {
      spy.stop();
    }
    reads = spy.reads;
    const root = el.shadowRoot!;
    // A long list renders the results in view before the frame, the rest in the next one.
    const rendered = [...root.querySelectorAll('[role="option"]')];
    expect(rendered.length, 'results rendered before the frame').to.be.within(Math.min(count, 4), count);
    expect(rendered.every((option) => option.getAttribute('aria-setsize') === String(count))).to.equal(true);
    await frames();
    return { field: root.querySelector('.field')!.getBoundingClientRect(), popup: root.querySelector<HTMLElement>('.popup')! };
  }

  it('places results below the field without reading the layout in the update that renders them', async () => {
    const { field, popup } = await searchAt(20, 3);
    expect(reads, 'layout read while rendering the results').to.deep.equal([]);
    const box = popup.getBoundingClientRect();
    expect(popup.dataset.placement).to.equal('below');
    expect(box.top - field.bottom, 'just under the field').to.be.closeTo(2, 1);
    expect(box.width, 'as wide as the field').to.be.closeTo(field.width, 1);
    expect(loopNotices).to.deep.equal([]);
  });

  it('flips results above the field when they do not fit below and there is more room above', async () => {
    const top = window.innerHeight - 120;
    const { field, popup } = await searchAt(top, 12);
    expect(reads, 'layout read while rendering the results').to.deep.equal([]);
    const box = popup.getBoundingClientRect();
    expect(popup.dataset.placement).to.equal('above');
    expect(field.top - box.bottom, 'just over the field').to.be.closeTo(2, 1);
    expect(box.top, 'inside the viewport').to.be.at.least(0);
    expect(loopNotices).to.deep.equal([]);
  });
});
