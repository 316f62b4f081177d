/**
 * The elements in the host layouts real portals put them in (test/host-layouts/host.html, in
 * an iframe of a given viewport): a modal dialog, a flex row item without `flex: 1`, an
 * inline-block, a float, a quirks-mode table cell, a clipping card in a transformed column,
 * dark, mid-grey and white pages, a 62.5 % root font size, right to left, and names that are
 * 60 or 100,000 characters long or carry bidi overrides. Everything is measured: widths,
 * font sizes, WCAG contrast of each text against the colour actually behind it, whether
 * each result can be hit at its centre, and page overflow.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { displayText, isolated } from '../src/localization/format.js';

type Frame = { win: Window; doc: Document; el: HTMLElement; all: HTMLElement[]; frame: HTMLIFrameElement };

/**
 * Each test loads the host page in a fresh iframe, which loads the library and builds the demo
 * directory (60,000 entities) again, some twice: about 2 s on a quiet machine, over 10 s (the
 * default) when three engines share two cores.
 */
const HOST_PAGE_TIMEOUT = 30_000;
const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/**
 * Loads the host page with `query` in an iframe of `width` × `height` px, removed after the
 * test (or, with `keep`, left to the caller).
 */
async function host(query: string, width = 1280, height = 800, page = 'host.html', keep = false): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
  frame.src = `/test/host-layouts/${page}?${query}`;
  if (!keep) frames.push(frame);
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & { hostReady?: Promise<HTMLElement>; hostElements?: HTMLElement[] };
  await waitUntil(() => win.hostReady, 'the host page started', { timeout: 10_000 });
  const el = await win.hostReady!;
  return { win, doc: frame.contentDocument!, el, all: win.hostElements!, frame };
}

/**
 * One host page holding every element of {@link ELEMENTS}, each in a copy of `layout` of its
 * own, for a describe block whose tests each look at one element: a page load (the library
 * and the demo directory built again) per block instead of per element. Tall, so that every
 * element lays out as in a page of its own, nothing cut by the bottom of the view.
 */
function sharedHost(layout: string): (element: (typeof ELEMENTS)[number]) => Promise<HTMLElement> {
  let page: Promise<Frame> | undefined;
  after(() => page?.then(({ frame }) => frame.remove()));
  return async (element) => {
    page ??= host(`layout=${layout}&element=${ELEMENTS.join(',')}`, 1280, 4000, 'host.html', true);
    const { all } = await page;
    return all[ELEMENTS.indexOf(element)];
  };
}

/** The shadow root of `el`'s descendant matching `selector` (through the flow). */
function inner(el: HTMLElement, selector: string): HTMLElement {
  const found = el.matches(selector) ? el : el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Types a query into the search (as an input event) and waits for its results. */
async function search(el: HTMLElement, text: string): Promise<{ search: HTMLElement; root: ShadowRoot }> {
  const searchEl = inner(el, 'tn-customer-search');
  const root = searchEl.shadowRoot!;
  const input = root.querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
  await waitUntil(() => root.querySelectorAll('[role="option"]').length > 0, 'results arrived', { timeout: 5000 });
  await nextFrames(searchEl.ownerDocument.defaultView!);
  return { search: searchEl, root };
}

/** Two animation frames of `win` (placement runs in one). */
async function nextFrames(win: Window): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => win.requestAnimationFrame(resolve));
}

/**
 * The results shown in the list's scroll window (`shown`), and how many of those the pointer
 * hits at their centre (`hit`).
 */
function hittableOptions(root: ShadowRoot, win: Window): { shown: number; hit: number } {
  const list = root.querySelector('[role="listbox"]')!.getBoundingClientRect();
  let shown = 0;
  let hit = 0;
  for (const option of root.querySelectorAll<HTMLElement>('[role="option"]')) {
    const r = option.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (y < list.top || y > list.bottom) continue;
    shown++;
    if (x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) continue;
    const target = root.elementFromPoint(x, y);
    if (target && option.contains(target)) hit++;
  }
  return { shown, hit };
}

// ----- colour

type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba | undefined {
  const m = value.match(/rgba?\(([^)]+)\)/);
  if (!m) return undefined;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts[3] ?? 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background behind `node`, walking up through shadow hosts to the page. */
function backgroundBehind(node: Element): Rgba {
  for (let at: Element | null = node; at; ) {
    const color = parseColor(getComputedStyle(at).backgroundColor);
    if (color && color[3] > 0.5) return color;
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  const page = parseColor(getComputedStyle(node.ownerDocument.body).backgroundColor);
  // An unpainted canvas is white in every engine, and dark where the page says `color-scheme: dark`.
  if (page && page[3] > 0.5) return page;
  return [255, 255, 255, 1];
}

/** Every element in `root`'s shadow trees that shows text of its own, with that text. */
function textElements(root: Element | ShadowRoot): { element: Element; text: string }[] {
  const found: { element: Element; text: string }[] = [];
  const walk = (scope: Element | ShadowRoot) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) walk(element.shadowRoot);
      const text = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent!.trim())
        .join('');
      if (!text) continue;
      const r = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // Skip what nobody sees: hidden, 1 px visually-hidden text, option text of a closed <select>.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden' || element.closest('select')) continue;
      found.push({ element, text });
    }
  };
  walk(root);
  return found;
}

/** Texts under `el` below WCAG AA contrast (4.5:1, 3:1 for large text) on what is behind them. */
function lowContrast(el: HTMLElement): string[] {
  const failures: string[] = [];
  for (const { element, text } of textElements(el.shadowRoot!)) {
    const style = getComputedStyle(element);
    const color = parseColor(style.color);
    if (!color) continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const ratio = contrast(color, backgroundBehind(element));
    if (ratio < (large ? 3 : 4.5)) failures.push(`“${text.slice(0, 40)}” ${ratio.toFixed(2)}:1`);
  }
  return failures;
}

const ELEMENTS = [
  'customer-connect',
  'customer-search',
  'group-picker',
  'verify-invoice',
  'attention-panel',
  'relationships',
] as const;

describe('host layouts: a usable width in containers that leave it to the content', function () {
  this.timeout(HOST_PAGE_TIMEOUT);
  for (const layout of ['dialog', 'flex', 'inline-block', 'float'] as const) {
    it(`${layout}: the flow takes its preferred width at 1280 px and fits 360 px`, async () => {
      const wide = await host(`layout=${layout}`, 1280);
      const wideWidth = wide.el.getBoundingClientRect().width;
      // 40em at the page's 16 px.
      expect(wideWidth, 'width at 1280 px').to.be.within(600, 700);
      const narrow = await host(`layout=${layout}`, 360);
      const rect = narrow.el.getBoundingClientRect();
      expect(rect.width, 'width at 360 px').to.be.above(240);
      expect(rect.right, 'inside the viewport').to.be.at.most(360);
      expect(narrow.doc.scrollingElement!.scrollWidth, 'no sideways scroll').to.be.at.most(360);
    });
  }

  it('a quirks-mode table cell: the flow is as wide as it wants, not a column of words', async () => {
    const { el, doc } = await host('layout=table', 1280, 800, 'host-quirks.html');
    expect(doc.compatMode).to.equal('BackCompat');
    expect(el.getBoundingClientRect().width).to.be.within(600, 700);
    const title = inner(el, '.title');
    // One line: a title wrapped word by word is three or more lines tall.
    expect(title.getBoundingClientRect().height).to.be.below(parseFloat(getComputedStyle(title).fontSize) * 2);
  });

  const inlineBlock = sharedHost('inline-block');
  for (const element of ELEMENTS) {
    it(`an inline-block: <tn-${element}> is never 0 px wide`, async () => {
      const el = await inlineBlock(element);
      expect(el.localName).to.equal(`tn-${element}`);
      expect(el.getBoundingClientRect().width).to.be.above(500);
    });
  }
});

describe('host layouts: search results escape clipping', function () {
  this.timeout(HOST_PAGE_TIMEOUT);
  it('in a clipping card in a transformed column, every result is visible and hit at its centre', async () => {
    const { el, win } = await host('layout=card', 1280, 800);
    const { root } = await search(el, 'tungsten');
    const card = el.ownerDocument.getElementById('host')!;
    const popup = root.querySelector<HTMLElement>('.popup')!;
    expect(popup.matches(':popover-open'), 'in the top layer').to.equal(true);
    expect(popup.getBoundingClientRect().bottom, 'reaches past the card').to.be.above(card.getBoundingClientRect().bottom);
    const { shown, hit } = hittableOptions(root, win);
    expect(shown, 'results in the list window').to.be.at.least(5);
    expect(hit, `${hit} of ${shown} results hit`).to.equal(shown);
    // The combobox still controls the listbox (same shadow root).
    const input = root.querySelector('input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(root.getElementById(input.getAttribute('aria-controls')!)?.getAttribute('role')).to.equal('listbox');
  });

  it('in a modal dialog, the results are above the dialog and hit at their centre', async () => {
    const { el, win } = await host('layout=dialog', 1280, 800);
    const { root } = await search(el, 'tungsten');
    const { shown, hit } = hittableOptions(root, win);
    expect(shown, 'results in the list window').to.be.at.least(3);
    expect(hit, `${hit} of ${shown} results hit`).to.equal(shown);
  });

  it('stays attached to its field when the page scrolls, and closes with Escape', async () => {
    const { el, win, doc } = await host('layout=card', 1280, 500);
    doc.body.append(Object.assign(doc.createElement('div'), { style: 'block-size: 3000px' }));
    const { search: searchEl, root } = await search(el, 'tungsten');
    const field = root.querySelector('.field')!;
    const popup = root.querySelector<HTMLElement>('.popup')!;
    const gap = () => popup.getBoundingClientRect().top - field.getBoundingClientRect().bottom;
    const before = gap();
    win.scrollBy(0, 60);
    await waitUntil(() => Math.abs(gap() - before) < 1, 'followed the scroll', { timeout: 2000 });
    expect(field.getBoundingClientRect().top, 'the page did scroll').to.be.below(200);
    root.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await (searchEl as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(popup.matches(':popover-open')).to.equal(false);
  });

  it('stays attached to its field when a scroll container around it scrolls', async () => {
    const { el, doc } = await host('layout=card', 1280, 800);
    const card = doc.getElementById('host')!;
    card.style.overflow = 'auto';
    card.append(Object.assign(doc.createElement('div'), { style: 'block-size: 2000px' }));
    const { root } = await search(el, 'tungsten');
    const field = root.querySelector('.field')!;
    const popup = root.querySelector<HTMLElement>('.popup')!;
    const gap = () => popup.getBoundingClientRect().top - field.getBoundingClientRect().bottom;
    const before = gap();
    const fieldTop = field.getBoundingClientRect().top;
    card.scrollTop = 40;
    await waitUntil(() => field.getBoundingClientRect().top < fieldTop - 30, 'the card scrolled', { timeout: 2000 });
    await waitUntil(() => Math.abs(gap() - before) < 1, 'followed the scroll container', { timeout: 2000 });
  });

  it('opens above the field when there is more room above it', async () => {
    const { el, doc, win } = await host('layout=plain&element=customer-search', 1280, 600);
    doc.getElementById('host')!.style.paddingBlockStart = '460px';
    const { root } = await search(el, 'tungsten');
    const field = root.querySelector('.field')!.getBoundingClientRect();
    const popup = root.querySelector<HTMLElement>('.popup')!.getBoundingClientRect();
    expect(popup.bottom, 'ends above the field').to.be.at.most(field.top);
    expect(popup.top, 'inside the viewport').to.be.at.least(0);
    const { hit } = hittableOptions(root, win);
    expect(hit).to.be.above(0);
  });
});

describe('host layouts: legible on any page', function () {
  this.timeout(HOST_PAGE_TIMEOUT);
  for (const layout of ['plain', 'dark', 'grey'] as const) {
    describe(`${layout} page`, () => {
      const page = sharedHost(layout);
      for (const element of ELEMENTS) {
        it(`${layout} page: every text of <tn-${element}> has AA contrast`, async () => {
          const el = await page(element);
          expect(el.localName).to.equal(`tn-${element}`);
          // Wait for the adapter's first answer (a loading notice is text too, but a short one).
          await waitUntil(() => textElements(el.shadowRoot!).length >= 2, 'rendered', { timeout: 5000 });
          await new Promise((resolve) => setTimeout(resolve, 0));
          expect(lowContrast(el)).to.deep.equal([]);
        });
      }
    });
  }

  it('dark page: the search results are legible too', async () => {
    const { el } = await host('layout=dark', 1280);
    await search(el, 'tungsten');
    expect(lowContrast(inner(el, 'tn-customer-search'))).to.deep.equal([]);
  });
});

describe('host layouts: text follows the host, not a shrunk root', function () {
  this.timeout(HOST_PAGE_TIMEOUT);
  it('html at 62.5 % with a 14 px body: the flow is at 14 px, no text below 10.5 px', async () => {
    const { el, doc } = await host('layout=root-62', 1280);
    expect(getComputedStyle(doc.body).fontSize).to.equal('14px');
    expect(getComputedStyle(el).fontSize).to.equal('14px');
    const sizes = textElements(el.shadowRoot!).map(({ element }) => parseFloat(getComputedStyle(element).fontSize));
    expect(Math.min(...sizes)).to.be.at.least(10.5);
    // The actions too (8.75 px when sizes were in rem).
    const search = inner(el, 'tn-customer-search');
    expect(search.getBoundingClientRect().width).to.be.above(300);
  });
});

describe('host layouts: names that are long, huge or deceptive', function () {
  this.timeout(HOST_PAGE_TIMEOUT);
  for (const names of ['long', 'huge'] as const) {
    it(`${names} names at 320 px: results, the request step and relationships stay inside the box`, async () => {
      const { el, win, doc } = await host(`names=${names}`, 320);
      const { root } = await search(el, 'tungsten');
      expect(doc.scrollingElement!.scrollWidth, 'search: no sideways scroll').to.be.at.most(320);
      // The first result's Connect is in view and can be hit.
      const option = root.querySelector('[role="option"]')!;
      const connect = option.querySelector('[data-action="connect"]')!.getBoundingClientRect();
      const popup = root.querySelector('.popup')!.getBoundingClientRect();
      expect(connect.bottom, 'Connect inside the results panel').to.be.at.most(popup.bottom);
      expect(connect.right).to.be.at.most(320);
      expect(option.contains(root.elementFromPoint(connect.left + 4, connect.top + connect.height / 2))).to.equal(true);
      // Request step with the long name in the customer card.
      (option.querySelector('[data-action="connect"]') as HTMLElement).click();
      await waitUntil(() => inner(el, 'tn-group-picker').shadowRoot?.querySelector('.card'), 'request step', {
        timeout: 5000,
      });
      await nextFrames(win);
      expect(doc.scrollingElement!.scrollWidth, 'request step: no sideways scroll').to.be.at.most(320);
      const picker = inner(el, 'tn-group-picker');
      expect(picker.getBoundingClientRect().right).to.be.at.most(320);
      const submit = picker.shadowRoot!.querySelector('button[type="submit"]')!.getBoundingClientRect();
      expect(submit.right).to.be.at.most(320);
      expect(submit.top - picker.getBoundingClientRect().top, 'the form is not pushed a page away').to.be.below(2000);

      const list = await host(`names=${names}&element=relationships`, 320);
      await waitUntil(() => list.el.shadowRoot!.querySelector('tbody tr'), 'relationships listed', { timeout: 5000 });
      expect(list.doc.scrollingElement!.scrollWidth, 'relationships: no sideways scroll').to.be.at.most(320);
      expect(list.el.getBoundingClientRect().right).to.be.at.most(320);
    });
  }

  it('<tn-verify-invoice> at 320 px with a 60-character unbroken customer name stays inside the box', async () => {
    const { el, doc } = await host('element=verify-invoice', 320);
    (el as HTMLElement & { customerName: string }).customerName = 'Kreditanstaltfürwiederaufbauundentwicklungsbeteiligungsgesell';
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain('Kreditanstalt');
    expect(doc.scrollingElement!.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().right).to.be.at.most(320);
  });

  it('a bidi override in a legal name is removed: it cannot display as another name', async () => {
    const { el } = await host('names=bidi', 1280);
    const { root } = await search(el, 'tungsten');
    const name = root.querySelector('[part~="name"]')!;
    expect(name.textContent).to.equal('CLP knaB netsgnuT');
    // The name's text runs in its own direction; the block around it follows the page.
    expect(name.querySelector(':scope > [dir="auto"]')?.textContent).to.equal('CLP knaB netsgnuT');
  });

  it('Arabic page: a Latin name keeps its trailing punctuation on its own side', async () => {
    const { el } = await host('layout=rtl&names=arabic-punctuation', 1280);
    const { root } = await search(el, 'fabrikam');
    const name = root.querySelector('[part~="name"] > [dir="auto"]')!;
    expect(getComputedStyle(root.host).direction).to.equal('rtl');
    expect(getComputedStyle(name).direction, 'the name runs left to right').to.equal('ltr');
    expect(name.textContent!.trim().endsWith('B.V.')).to.equal(true);
  });

  it('displayText and isolated strip U+202A–202E and U+2066–2069 and isolate the rest', () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(displayText(`A${controls}B`)).to.equal('AB');
    expect(isolated('\u202eCLP knaB')).to.equal('\u2068CLP knaB\u2069');
  });
});
