import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { resolveLocale, rtlLocales, setLocale } from '../src/localization/localization.js';
import { THEMES, themeStyle } from '../stories/themes.js';
import type { ThemeName } from '../stories/themes.js';
import * as attentionPanel from '../stories/attention-panel.stories.js';
import * as customerConnect from '../stories/customer-connect.stories.js';
import * as customerSearch from '../stories/customer-search.stories.js';
import * as groupPicker from '../stories/group-picker.stories.js';
import * as relationships from '../stories/relationships.stories.js';
import * as supportCase from '../stories/support-case.stories.js';
import * as verifyInvoice from '../stories/verify-invoice.stories.js';

/**
 * The accessibility audit: every story — every element in every state the stories show,
 * the full flow included — rendered here, in each of the three engines, the way Storybook
 * renders it (its loaders, its render function, its play function), then:
 *
 * 1. axe with the WCAG 2.0/2.1/2.2 A and AA rules finds no violation in the light theme;
 *    then, the story switched in place to the dark and host-brand themes, none of the rules a
 *    theme can change (contrast, links in text, target size, scrolling regions);
 * 2. at 320 CSS px wide (400 % zoom of a 1280 px window) and with text at 200 % in a 640 px
 *    column (200 % zoom), nothing sticks out of the element's box or is cut off, except
 *    inside a region that scrolls;
 * 3. Tab reaches every control in turn, and each shows a visible focus indicator;
 * 4. every form field has a visible label of its own.
 *
 * A story is plain data (CSF): this file needs no Storybook runtime, only `storybook/test`
 * for the play functions (bundled for the test page, see web-test-runner.config.mjs).
 */

interface StoryContextLike {
  args: Record<string, unknown>;
  globals: Record<string, unknown>;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
  name: string;
  id: string;
  step: (label: string, run: () => Promise<void> | void) => Promise<void>;
}
interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  loaders?: Array<(context: StoryContextLike) => Promise<Record<string, unknown>> | Record<string, unknown>>;
  render?: (args: Record<string, unknown>, context: StoryContextLike) => TemplateResult;
  play?: (context: StoryContextLike) => Promise<void> | void;
}
type StoryModule = { default: StoryLike & { title?: string } } & Record<string, unknown>;

const MODULES: Record<string, StoryModule> = {
  'customer-search': customerSearch as unknown as StoryModule,
  'group-picker': groupPicker as unknown as StoryModule,
  'verify-invoice': verifyInvoice as unknown as StoryModule,
  'attention-panel': attentionPanel as unknown as StoryModule,
  relationships: relationships as unknown as StoryModule,
  'support-case': supportCase as unknown as StoryModule,
  'customer-connect': customerConnect as unknown as StoryModule,
};

/** WCAG 2.2 level A and AA, as axe tags them. */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
  resultTypes: ['violations'],
};

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? setTimeout(resolve, 30) : requestAnimationFrame(() => next(left - 1)));
    next(n);
  });

/** A rendered story: its page wrapper and its canvas. */
interface Mounted {
  page: HTMLElement;
  canvas: HTMLElement;
  /** Puts the page in another theme's tokens and colours, the story left as it is. */
  setTheme(theme: ThemeName): Promise<void>;
}

const stories = (module: StoryModule) =>
  Object.entries(module).filter(([key, value]) => key !== 'default' && typeof value === 'object' && value !== null) as [
    string,
    StoryLike,
  ][];

/** Renders a story as the Storybook preview does (loaders, render, play) inside a themed page. */
async function mount(module: StoryModule, exportName: string, story: StoryLike, theme: ThemeName): Promise<Mounted> {
  const meta = module.default;
  const globals: Record<string, unknown> = { locale: 'en', theme, dir: 'auto', ...story.globals };
  const locale = resolveLocale(String(globals.locale));
  await setLocale(locale);
  const dir = globals.dir === 'rtl' || (globals.dir !== 'ltr' && rtlLocales.includes(locale)) ? 'rtl' : 'ltr';
  const args = { ...meta.args, ...story.args };
  const page = document.createElement('div');
  page.className = 'audit-page';
  document.body.append(page);
  const canvas = document.createElement('div');
  const context: StoryContextLike = {
    args,
    globals,
    loaded: {},
    canvasElement: canvas,
    name: story.name ?? exportName,
    id: `${meta.title ?? ''}--${exportName}`,
    step: async (_label, run) => run(),
  };
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
    Object.assign(context.loaded, await loader(context));
  }
  const chosen = (globals.theme as ThemeName) in THEMES ? (globals.theme as ThemeName) : theme;
  const paint = (name: ThemeName) =>
    render(
      html`<div dir=${dir} lang=${locale} style=${styleMap({ ...themeStyle(name), padding: '1rem' })}></div>`,
      page,
    );
  paint(chosen);
  page.firstElementChild!.append(canvas);
  canvas.style.maxInlineSize = '40rem';
  const renderStory = story.render ?? meta.render!;
  render(renderStory(args, context), canvas);
  await story.play?.(context);
  await frames();
  const setTheme = async (name: ThemeName) => {
    paint(name);
    await frames();
  };
  return { page, canvas, setTheme };
}

async function unmount({ page, canvas }: Mounted): Promise<void> {
  render(nothing, canvas);
  page.remove();
  document.documentElement.style.fontSize = '';
  await setLocale('en');
}

// ----- 1. axe

/**
 * The rules whose outcome depends on the theme: colours (contrast, links told apart from
 * text) and the sizes and spacing a theme's tokens change (target size, regions that come to
 * scroll). The other rules read the markup, the same in every theme.
 */
const THEMED_AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block', 'target-size', 'scrollable-region-focusable'] },
  resultTypes: ['violations'],
};

async function axeViolations(root: Element, options = AXE_OPTIONS): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;
  const results = await axe.run(root, options);
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

// ----- 2. reflow

const describe_ = (el: Element) => {
  const part = el.getAttribute('part');
  const cls = el.getAttribute('class');
  return `<${el.localName}${el.id ? `#${el.id}` : ''}${part ? ` part="${part}"` : ''}${cls ? ` class="${cls}"` : ''}>`;
};

/**
 * What sticks out of `box` sideways, or is cut off by its own box, outside any region that
 * scrolls. Hidden-but-announced text (a 1 px clipped box) does not count.
 */
function reflowProblems(box: HTMLElement): string[] {
  const limit = box.getBoundingClientRect();
  const problems: string[] = [];
  const visit = (el: Element, insideScroller: boolean) => {
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const rect = el.getBoundingClientRect();
    const hiddenText = rect.width <= 1 && rect.height <= 1;
    if (!insideScroller && !hiddenText && rect.width > 0 && style.position !== 'fixed') {
      if (rect.right > limit.right + 1 || rect.left < limit.left - 1) {
        problems.push(`${describe_(el)} spans ${Math.round(rect.left - limit.left)}…${Math.round(rect.right - limit.left)} px of ${Math.round(limit.width)}`);
      }
      const clips = /hidden|clip/.test(style.overflowX) && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement);
      if (clips && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${describe_(el)} cuts off its content (${el.scrollWidth} px in ${el.clientWidth})`);
      }
    }
    const scrolls = /auto|scroll/.test(style.overflowX);
    const children = [...(el.shadowRoot?.children ?? []), ...el.children];
    for (const child of children) visit(child, insideScroller || scrolls);
  };
  for (const child of box.children) visit(child, false);
  return problems.slice(0, 8);
}

async function reflowAt(mounted: Mounted, width: string, textZoom: string): Promise<string[]> {
  document.documentElement.style.fontSize = textZoom;
  mounted.canvas.style.maxInlineSize = 'none';
  mounted.canvas.style.inlineSize = width;
  await frames(3);
  return reflowProblems(mounted.canvas);
}

// ----- 3. focus

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The parent in the composed tree (a shadow root's host). */
const composedParent = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/** Whether `el` is `box` or inside it, through shadow roots. */
function inside(box: Element, el: Element): boolean {
  for (let at: Element | null = el; at; at = composedParent(at)) if (at === box) return true;
  return false;
}

/** The control and the three boxes around it: where a focus indicator may be drawn. */
function indicatorCandidates(el: Element): Element[] {
  const chain = [el];
  for (let up = composedParent(el); up && chain.length < 4; up = composedParent(up)) chain.push(up);
  return chain;
}

/** What a focus indicator changes: the outline and the box shadow. */
function ring(el: Element): string {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : 'none';
  return `${outline} | ${style.boxShadow}`;
}
const NO_RING = 'none | none';

/** Every element under `root`, shadow roots included. */
function everyElement(root: Element, into: Element[] = []): Element[] {
  into.push(root);
  for (const child of [...(root.shadowRoot?.children ?? []), ...root.children]) everyElement(child, into);
  return into;
}

/**
 * Whether focusing `el` drew an indicator: an outline or box shadow, on the control or a
 * box around it (a search field rings its whole field), that was not there at rest.
 */
function showsFocus(el: Element, atRest: Map<Element, string>): boolean {
  return indicatorCandidates(el).some((box) => {
    const now = ring(box);
    return now !== NO_RING && now !== (atRest.get(box) ?? NO_RING);
  });
}

/** The controls of `root` that Tab must reach: enabled, shown, not taken out of the tab order. */
function tabbable(root: Element): Element[] {
  const radioGroups = new Set<string>();
  return everyElement(root).filter((el) => {
    if (!el.matches('button, input, select, textarea, a[href], [tabindex]')) return false;
    if (el.getAttribute('tabindex') === '-1' || el.matches(':disabled') || el.closest('[inert]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible') return false;
    // A group of radio buttons is one stop: its checked button (or its first).
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = `${el.name}@${(el.getRootNode() as Node).nodeName}`;
      if (radioGroups.has(group)) return false;
      const checked = el.form?.querySelector(`input[type=radio][name="${el.name}"]:checked`);
      if (checked && checked !== el) return false;
      radioGroups.add(group);
    }
    return true;
  });
}

/**
 * Tabs from a button before the story to one after it: returns the controls Tab never
 * reached, and those it reached that showed no focus indicator.
 */
async function focusProblems(mounted: Mounted): Promise<{ missed: string[]; invisible: string[] }> {
  const before = document.createElement('button');
  before.textContent = 'before';
  const after = document.createElement('button');
  after.textContent = 'after';
  mounted.page.before(before);
  mounted.page.after(after);
  const invisible = new Set<string>();
  const reached = new Set<Element>();
  const expected = tabbable(mounted.canvas);
  // How every element looks while the story has no focus, to tell what focusing changed.
  let atRest = new Map<Element, string>();
  const snapshot = () => new Map(everyElement(mounted.canvas).map((el) => [el, ring(el)]));
  /** Presses Tab until the focus leaves the story, noting every control it stops on. */
  const tabThrough = async () => {
    for (let i = 0; i < 400; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (!active || !inside(mounted.canvas, active)) break;
      reached.add(active);
      if (!showsFocus(active, atRest)) invisible.add(describe_(active));
    }
  };
  try {
    // A story whose play left the focus inside (e.g. in an open search) goes on from there:
    // moving the focus out first would close what it opened. The control it starts on is
    // checked for a ring on the second pass, from before the story, with nothing focused.
    const start = deepActive();
    if (start && inside(mounted.canvas, start)) {
      atRest = snapshot();
      reached.add(start);
      await tabThrough();
    }
    before.focus();
    await frames(1);
    atRest = snapshot();
    await tabThrough();
  } finally {
    before.remove();
    after.remove();
  }
  return { missed: expected.filter((el) => !reached.has(el)).map(describe_), invisible: [...invisible] };
}

// ----- 4. visible labels

/**
 * Form fields without a visible label of their own (a <label> or aria-labelledby): axe takes
 * a placeholder or an aria-label for a name, but WCAG 3.3.2 asks for a label a sighted user
 * can see, and a placeholder disappears as soon as they type.
 */
function unlabelledFields(root: Element): string[] {
  return everyElement(root)
    .filter((el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      el.matches('input:not([type="hidden"]):not([type="file"]), select, textarea'),
    )
    .filter((field) => field.getClientRects().length > 0)
    .filter((field) => field.labels?.length === 0 && !field.hasAttribute('aria-labelledby'))
    .map(describe_);
}

// ----- the suite

describe('accessibility audit: every story, WCAG 2.2 AA, reflow, focus', () => {
  for (const [element, module] of Object.entries(MODULES)) {
    for (const [exportName, story] of stories(module)) {
      it(`${element} › ${exportName}`, async function () {
        this.timeout(90000);
        // A story that sets its own theme is checked in that theme only.
        const themes = story.globals?.theme ? [] : (['dark', 'brand'] as const);
        const mounted = await mount(module, exportName, story, 'light');
        try {
          expect(mounted.canvas.childElementCount, 'the story rendered nothing').to.be.above(0);
          expect(await axeViolations(mounted.page), 'axe').to.deep.equal([]);
          expect(unlabelledFields(mounted.canvas), 'fields with no visible label').to.deep.equal([]);
          // Dark and the host brand, switched in place as a host page switches its theme: what
          // a theme can change (contrast, target size, regions that come to scroll).
          for (const theme of themes) {
            await mounted.setTheme(theme);
            expect(await axeViolations(mounted.page, THEMED_AXE_OPTIONS), `axe (${theme})`).to.deep.equal([]);
          }
          if (themes.length > 0) await mounted.setTheme('light');
          // Then the keyboard, then the narrow layouts.
          const focus = await focusProblems(mounted);
          expect(focus.missed, 'controls Tab never reaches').to.deep.equal([]);
          expect(focus.invisible, 'controls that show no focus indicator').to.deep.equal([]);
          expect(await reflowAt(mounted, '320px', ''), 'at 320 px').to.deep.equal([]);
          expect(await reflowAt(mounted, '640px', '200%'), 'text at 200 % in 640 px').to.deep.equal([]);
        } finally {
          await unmount(mounted);
        }
      });
    }
  }
});
