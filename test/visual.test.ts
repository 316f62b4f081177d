/**
 * Visual regression and overflow: every element in its distinct states, at 360, 768 and
 * 1280 px wide, in English, French and Arabic (right to left), plus a dark page.
 *
 * Run with `npm run test:visual` (Chromium only, web-test-runner.visual.config.mjs); never
 * part of `npm test`. Each state is rendered on a fresh demo network with a fixed clock and no
 * latency, into a wrapper as wide as the viewport, then:
 *
 * 1. "fits its box": nothing in the element's shadow trees (nested elements included)
 *    reaches past the element's left or right edge by more than 1 px, except inside a
 *    region that scrolls or clips sideways (there it is meant to), and the element is not
 *    wider than the wrapper's content box. The failure names the offending element.
 * 2. "looks as in its baseline" (for the combinations in SHOTS): a screenshot of the wrapper
 *    compared with test/visual/baseline/<state>--<locale>--<width>[--dark].png. A difference
 *    beyond the threshold (web-test-runner.visual.config.mjs) fails and writes the new shot
 *    and a diff image to test/visual/failed/. After an intended visual change:
 *    `npm run test:visual -- --update-visual-baseline`, look at the new PNGs, commit them.
 *
 * Animations, transitions and the text caret are switched off in every shadow root before a
 * shot, and the page asks for reduced motion, so two runs draw the same pixels.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/define.js';
import { setLocale } from '../src/localization/localization.js';
import { ManualClock } from '../src/testing/index.js';
import {
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_SEED_CASE_REFERENCES,
  createDemoAdapter,
} from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import { DEMO_EVIDENCE, demoVerification } from '../stories/story-adapters.js';

/** The moment every state is rendered at: the demo network's clock and the elements'. */
const NOW = new Date('2026-11-20T10:00:00Z');
const WIDTHS = [360, 768, 1280] as const;
const LOCALES = ['en', 'fr', 'ar'] as const;
const VIEWPORT_HEIGHT = 900;

type Width = (typeof WIDTHS)[number];
type Locale = (typeof LOCALES)[number];

/** Which combinations are also screenshotted (every one is checked for overflow). */
const SHOTS: Record<Locale, readonly Width[]> = {
  en: [360, 768, 1280],
  // French words are the longest: the narrowest width is where they wrap or overflow.
  fr: [360],
  // Right to left, narrow and wide.
  ar: [360, 1280],
};

/** States shot on a dark page as well (`color-scheme: dark`, the page colours of a dark host). */
const DARK = new Set(['search-results', 'relationships']);

const demo = (): DemoAdapter => createDemoAdapter({ now: () => new Date(NOW) });

interface State {
  name: string;
  /** Makes the element (not yet connected). */
  create: () => Promise<HTMLElement>;
  /** What the user does once it is on the page (type a query, …). */
  act?: (el: HTMLElement) => void | Promise<void>;
  /** True once the state shows what it is about. */
  ready: (el: HTMLElement) => boolean;
  /** A minimum height for the wrapper: a search's results open in the top layer, below the field. */
  minHeight?: number;
}

const make = (tag: string, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}): HTMLElement => {
  const el = document.createElement(tag);
  Object.assign(el, props);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
};

const root = (el: Element): ShadowRoot => el.shadowRoot!;
const inner = (el: Element, selector: string): Element | null => el.shadowRoot?.querySelector(selector) ?? null;

/** Types `text` into the search field of `search` (a `<tn-customer-search>`) as an input event. */
function type(search: Element, text: string): void {
  const input = root(search).querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
}

const popupOpen = (search: Element) => inner(search, '[part="popup"]')?.matches(':popover-open') ?? false;

const STATES: State[] = [
  {
    name: 'search-results',
    create: async () => make('tn-customer-search', { adapter: demo() }, { debounce: '0' }),
    act: (el) => type(el, 'tungsten'),
    // The list is whole once it is no longer busy (its first frame renders the results in view).
    ready: (el) => popupOpen(el) && !!root(el).querySelector('[role="listbox"]:not([aria-busy]) [role="option"]'),
    minHeight: 620,
  },
  {
    name: 'search-no-match',
    create: async () => make('tn-customer-search', { adapter: demo() }, { debounce: '0' }),
    act: (el) => type(el, 'zzqxv'),
    ready: (el) => popupOpen(el) && !!inner(el, '[part="status"]') && !inner(el, '[aria-busy="true"]'),
    minHeight: 260,
  },
  {
    name: 'search-error',
    create: async () => {
      const adapter = demo();
      adapter.injectFault({ method: 'searchDirectory', code: 'unavailable', times: 100 });
      return make('tn-customer-search', { adapter }, { debounce: '0' });
    },
    act: (el) => type(el, 'tungsten'),
    ready: (el) => popupOpen(el) && !!inner(el, '[part~="retry"]'),
    minHeight: 300,
  },
  {
    name: 'group-picker-single',
    create: async () => make('tn-group-picker', { adapter: demo() }, { 'customer-id': DEMO_IDS.tungstenBank }),
    ready: (el) => !!inner(el, '#account option:not([value=""])') && root(el).textContent!.includes('Tungsten Bank PLC'),
  },
  {
    name: 'group-picker-group',
    create: async () => make('tn-group-picker', { adapter: demo() }, { 'group-id': DEMO_GROUP_IDS.tungsten }),
    ready: (el) => !!inner(el, '#account option:not([value=""])') && root(el).textContent!.includes('Tungsten Network GmbH'),
  },
  {
    name: 'verify-evidence',
    create: async () => {
      const { adapter, session } = await demoVerification(undefined, { now: () => new Date(NOW) });
      return make('tn-verify-invoice', { adapter, session, clock: new ManualClock(NOW) });
    },
    ready: (el) => !!inner(el, '#invoice-number'),
  },
  {
    name: 'verify-challenge',
    create: async () => {
      const { adapter, session } = await demoVerification(
        (a, s) => a.submitVerificationEvidence(s.id, DEMO_EVIDENCE),
        { now: () => new Date(NOW) },
      );
      return make('tn-verify-invoice', { adapter, session, clock: new ManualClock(NOW) });
    },
    ready: (el) => !!inner(el, '#challenge-number'),
  },
  {
    name: 'verify-locked',
    create: async () => {
      const { adapter, session } = await demoVerification(
        async (a, s) => {
          const wrong = { ...DEMO_EVIDENCE, invoiceDate: '2015-08-11' };
          for (let attempt = 0; attempt < s.maxAttempts; attempt++) await a.submitVerificationEvidence(s.id, wrong);
        },
        { now: () => new Date(NOW) },
      );
      return make('tn-verify-invoice', { adapter, session, clock: new ManualClock(NOW) });
    },
    ready: (el) => !!inner(el, '[part~="locked"]'),
  },
  {
    name: 'attention-panel',
    create: async () => make('tn-attention-panel', { adapter: demo(), clock: new ManualClock(NOW) }),
    ready: (el) => !!inner(el, 'table') && inner(el, '[aria-busy="true"]') === null,
  },
  {
    name: 'relationships',
    create: async () => make('tn-relationships', { adapter: demo() }),
    ready: (el) => !!inner(el, 'tbody tr'),
  },
  {
    name: 'connect-search',
    create: async () => make('tn-customer-connect', { adapter: demo() }, { debounce: '0' }),
    ready: (el) => !!inner(el, 'tn-customer-search')?.shadowRoot?.querySelector('input'),
  },
  {
    name: 'connect-request',
    create: async () =>
      make('tn-customer-connect', { adapter: demo() }, { 'customer-id': DEMO_IDS.tungstenBank, debounce: '0' }),
    ready: (el) => {
      const picker = inner(el, 'tn-group-picker');
      return !!picker?.shadowRoot?.querySelector('#account option:not([value=""])') && picker.shadowRoot.textContent!.includes('Tungsten Bank PLC');
    },
  },
  {
    name: 'support-case',
    create: async () => make('tn-support-case', { adapter: demo() }, { reference: DEMO_SEED_CASE_REFERENCES[0] }),
    ready: (el) => !!inner(el, '[part~="status"]') && inner(el, '[part~="base"]')?.getAttribute('aria-busy') !== 'true',
  },
];

// ----- the page

const STILL = new CSSStyleSheet();
STILL.replaceSync('*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, STILL];
const PAGE = new CSSStyleSheet();
PAGE.replaceSync(`
  html, body { margin: 0; padding: 0; background: #ffffff; }
  .visual-page { box-sizing: border-box; inline-size: 100%; padding: 16px; font-family: system-ui, sans-serif;
    background: #ffffff; color: #1d2733; color-scheme: light; }
  .visual-page.dark { background: #0d1117; color: #e6edf3; color-scheme: dark; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, PAGE];

/** Every open shadow root under `from`, nested ones included. */
function shadowRoots(from: Element | ShadowRoot, into: ShadowRoot[] = []): ShadowRoot[] {
  for (const el of from.querySelectorAll('*')) {
    if (el.shadowRoot) {
      into.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, into);
    }
  }
  return into;
}

/** Switches off animations, transitions and the caret inside every shadow root under `page`. */
function stillShadows(page: Element): void {
  for (const shadow of shadowRoots(page)) {
    if (!shadow.adoptedStyleSheets.includes(STILL)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, STILL];
  }
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  });

/** What the element shows: its shadow trees' markup, to tell when rendering has stopped. */
function rendered(el: Element): string {
  return shadowRoots(el.parentElement!)
    .map((shadow) => shadow.innerHTML)
    .join('\n');
}

/** Waits until `el` is ready and its markup has not changed for a few frames. */
async function settle(el: HTMLElement, state: State): Promise<void> {
  await waitUntil(() => state.ready(el), `${state.name}: the state never showed`, { timeout: 8000 });
  let last = '';
  let still = 0;
  for (let i = 0; still < 3; i++) {
    if (i === 100) throw new Error(`${state.name}: still re-rendering after 200 frames`);
    await frames(2);
    const now = rendered(el);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  await document.fonts.ready;
}

interface Mounted {
  page: HTMLElement;
  el: HTMLElement;
}

async function mount(state: State, locale: Locale, width: Width, dark: boolean): Promise<Mounted> {
  await setViewport({ width, height: VIEWPORT_HEIGHT });
  await setLocale(locale);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  // The page's language and direction: what an integrator's page would say.
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  const page = document.createElement('div');
  page.className = dark ? 'visual-page dark' : 'visual-page';
  page.lang = locale;
  page.dir = dir;
  if (state.minHeight) page.style.minBlockSize = `${state.minHeight}px`;
  const el = await state.create();
  page.append(el);
  document.body.append(page);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await state.act?.(el);
  await settle(el, state);
  stillShadows(page);
  await frames(2);
  return { page, el };
}

/** Removes what `mount` put on the page (all of it, also after a failed render). */
async function unmount(): Promise<void> {
  for (const page of document.querySelectorAll('.visual-page')) page.remove();
  document.documentElement.removeAttribute('dir');
  document.documentElement.lang = 'en';
  await setLocale('en');
}

// ----- overflow

/** A short name for `el`: where it is (the elements it is inside, through shadow roots) and what it is. */
function describeElement(el: Element, host: Element): string {
  const self = (node: Element) => {
    const id = node.id ? `#${node.id}` : '';
    const cls = node.getAttribute('class')?.trim().split(/\s+/).slice(0, 2).map((c) => `.${c}`).join('') ?? '';
    const part = node.getAttribute('part');
    return `${node.localName}${id}${cls}${part ? `[part="${part}"]` : ''}`;
  };
  const path: string[] = [];
  for (let at: Element | null = el; at && at !== host && path.length < 6; ) {
    path.unshift(self(at));
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return `${host.localName} › ${path.join(' > ')}`;
}

/**
 * What sticks out of `el` sideways (by more than 1 px), outside regions that scroll or clip
 * sideways; and `el` itself when it is wider than `container`'s content box.
 */
function overflowProblems(el: HTMLElement, container: HTMLElement): string[] {
  const problems: string[] = [];
  const box = el.getBoundingClientRect();
  const holder = container.getBoundingClientRect();
  const pad = getComputedStyle(container);
  const left = holder.left + parseFloat(pad.paddingLeft);
  const right = holder.right - parseFloat(pad.paddingRight);
  if (box.left < left - 1 || box.right > right + 1) {
    problems.push(`<${el.localName}> spans ${Math.round(box.left - left)}…${Math.round(box.right - left)} px of its container's ${Math.round(right - left)}`);
  }
  // `reach`: how far past each edge an offender already reported goes; what is inside it is
  // reported only when it goes further (the outermost culprit, not all its content).
  const visit = (node: Element, reach: { left: number; right: number }) => {
    const style = getComputedStyle(node);
    if (style.display === 'none') return;
    const rect = node.getBoundingClientRect();
    // A 1 px clipped box is text for assistive technology only; display: contents has no box.
    const shown = rect.width > 1 || rect.height > 1;
    let inner = reach;
    if (shown && (rect.right > reach.right + 1 || rect.left < reach.left - 1)) {
      problems.push(
        `${describeElement(node, el)} spans ${Math.round(rect.left - box.left)}…${Math.round(rect.right - box.left)} px of the element's ${Math.round(box.width)}`,
      );
      inner = { left: Math.min(reach.left, rect.left), right: Math.max(reach.right, rect.right) };
    }
    // Inside a region that scrolls (or clips, e.g. an ellipsis) sideways, content may be wider.
    if (style.overflowX !== 'visible') return;
    for (const child of [...(node.shadowRoot?.children ?? []), ...node.children]) visit(child, inner);
  };
  for (const child of root(el).children) visit(child, { left: box.left, right: box.right });
  return problems;
}

// ----- the suite

before(async () => {
  await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
});

/**
 * One combination: rendered once, on first use, for its checks; a render that fails fails
 * each of them.
 */
function combination(state: State, locale: Locale, width: Width, dark: boolean, shot: string | undefined): void {
  describe(`${state.name} · ${locale} · ${width} px${dark ? ' · dark page' : ''}`, () => {
    let mounting: Promise<Mounted> | undefined;
    const mounted = () => (mounting ??= mount(state, locale, width, dark));
    after(async () => {
      await mounting?.catch(() => undefined);
      await unmount();
    });

    it('fits its box', async () => {
      const { el, page } = await mounted();
      const problems = overflowProblems(el, page);
      expect(problems, `sticks out sideways:\n  ${problems.join('\n  ')}\n`).to.deep.equal([]);
    });

    if (shot) {
      it('looks as in its baseline', async () => {
        const { page } = await mounted();
        await visualDiff(page, shot);
      });
    }
  });
}

describe('visual regression and overflow', () => {
  for (const state of STATES) {
    for (const locale of LOCALES) {
      for (const width of WIDTHS) {
        const shot = SHOTS[locale].includes(width) ? `${state.name}--${locale}--${width}` : undefined;
        combination(state, locale, width, false, shot);
      }
    }
    if (DARK.has(state.name)) combination(state, 'en', 1280, true, `${state.name}--en--1280--dark`);
  }
});
