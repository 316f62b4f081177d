/**
 * The row window (list-window.ts) renders a new list's first rows from its estimates without
 * laying the page out in the middle of the update that renders it, and corrects them once the
 * browser has laid the list out itself, before that frame is painted: the rows rendered cover
 * the view, the spacers stand for the rows not rendered, and no "ResizeObserver loop" notice.
 */
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { ListWindow } from '../src/components/group-picker/list-window.js';
import { spyOnLayoutReads } from './helpers/layout-reads.js';

/** A scrolling list of `items` rows of `rowHeight` px (not the window's first guess), 200 px tall at most. */
class TestList extends LitElement {
  static override styles = css`
    .scroller {
      max-block-size: 200px;
      overflow: auto;
      overflow-anchor: none;
    }
    .scroller::before,
    .scroller::after {
      content: '';
      display: block;
    }
    .scroller::before {
      block-size: var(--tn-i-before, 0px);
    }
    .scroller::after {
      block-size: var(--tn-i-after, 0px);
    }
  `;
  static override properties = { items: { attribute: false }, rowHeight: { type: Number } };
  items: number[] = [];
  rowHeight = 61;
  readonly window = new ListWindow<number>(this, () => this.renderRoot.querySelector<HTMLElement>('.scroller'));

  /** The scroller only once there are items, as the group tree renders it. */
  override render() {
    if (!this.items.length) return html`<p>Nothing yet</p>`;
    const [start, end] = this.window.range(this.items);
    return html`<div class="scroller">
      ${this.items.slice(start, end).map((item) => html`<div class="row" style="block-size: ${this.rowHeight}px">${item}</div>`)}
    </div>`;
  }
}
customElements.define('test-list-window', TestList);

/** Resolves after the browser has rendered two frames. */
const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

describe('row window: the first rows of a new list', () => {
  let loopNotices: string[];
  const onError = (event: ErrorEvent) => {
    if (/ResizeObserver loop/.test(event.message)) loopNotices.push(event.message);
  };
  beforeEach(() => {
    loopNotices = [];
    window.addEventListener('error', onError);
  });
  afterEach(() => window.removeEventListener('error', onError));

  it('renders from its estimates without reading the layout, then fills the view once laid out', async () => {
    const el = await fixture<TestList>(fixtureHtml`<test-list-window></test-list-window>`);
    const spy = spyOnLayoutReads();
    try {
      el.items = Array.from({ length: 1000 }, (_, i) => i);
      await el.updateComplete;
    } finally {
      spy.stop();
    }
    expect(spy.reads, 'layout read while rendering the new list').to.deep.equal([]);
    const estimated = el.window.end;
    expect(estimated, 'some rows rendered from the estimates').to.be.above(0);

    await frames();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const rows = [...scroller.querySelectorAll('.row')];
    // Measured: 61 px rows, a 200 px view and 40 % of it beyond each edge.
    expect(rows.length, 'rows for the measured view').to.equal(el.window.end - el.window.start);
    expect(rows.at(-1)!.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top, 'the rows cover the view').to.be.at.least(200);
    expect(parseFloat(scroller.style.getPropertyValue('--tn-i-after')), 'the rows below, at their measured height').to.equal((1000 - el.window.end) * 61);
    expect(scroller.scrollHeight, 'the list as tall as its rows').to.equal(1000 * 61);
    expect(loopNotices).to.deep.equal([]);
  });

  it('keeps a short list as tall as its rows, whatever the estimate, with no ResizeObserver loop', async () => {
    const el = await fixture<TestList>(fixtureHtml`<test-list-window .rowHeight=${13}></test-list-window>`);
    el.items = Array.from({ length: 12 }, (_, i) => i);
    await el.updateComplete;
    await frames();
    await frames();
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.querySelectorAll('.row').length, 'every row').to.equal(12);
    expect(scroller.clientHeight).to.equal(12 * 13);
    expect(loopNotices).to.deep.equal([]);
  });
});
