/**
 * `<tn-customer-search>` in every state. Each story gets its adapter from a loader (a new one
 * per render, so a story always starts from the same state); stories that show the results
 * panel open it in `play` the way a user does: focus the field and type (an `input` event).
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import {
  HOSTILE_ENTITIES,
  TUNGSTEN_ENTITIES,
  directoryAdapter,
  failingAdapter,
  pendingAdapter,
} from './story-adapters.js';
import { localNumber, msg, normalised, str, visibleText } from './story-text.js';

interface SearchArgs {
  /** Listed (from the JSDoc) but not a control: each story's loader supplies the adapter. */
  adapter?: CustomerConnectAdapter;
  value: string;
  minChars: number;
  debounce: number;
  pageSize: number;
  label: string;
  placeholder: string;
  onTnConnect: (event: Event) => void;
  onTnViewGroup: (event: Event) => void;
  onTnSearch: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<SearchArgs>;

/** The adapter a story's loader made (`undefined`: the element has none). */
const adapterOf = (context: StoryContext<SearchArgs>) =>
  (context.loaded as { adapter?: CustomerConnectAdapter }).adapter;

/** A loader giving the story the adapter `make` creates. */
const withAdapter = (make: () => CustomerConnectAdapter | undefined) => async () => ({ adapter: make() });

const meta: Meta<SearchArgs> = {
  title: 'Elements/tn-customer-search',
  component: 'tn-customer-search',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-customer-search
    .adapter=${adapterOf(context)}
    .value=${args.value}
    min-chars=${args.minChars}
    debounce=${args.debounce}
    page-size=${args.pageSize}
    label=${ifDefined(args.label || undefined)}
    placeholder=${ifDefined(args.placeholder || undefined)}
    @tn-connect=${args.onTnConnect}
    @tn-view-group=${args.onTnViewGroup}
    @tn-search=${args.onTnSearch}
    @tn-error=${args.onTnError}
  ></tn-customer-search>`,
  loaders: [withAdapter(() => directoryAdapter(TUNGSTEN_ENTITIES))],
  args: {
    value: '',
    minChars: 2,
    debounce: 0,
    pageSize: 20,
    label: '',
    placeholder: '',
    onTnConnect: fn().mockName('tn-connect'),
    onTnViewGroup: fn().mockName('tn-view-group'),
    onTnSearch: fn().mockName('tn-search'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    minChars: { control: { type: 'number', min: 1, max: 10, step: 1 } },
    debounce: { control: { type: 'number', min: 0, max: 2000, step: 50 } },
    pageSize: { control: { type: 'number', min: 1, max: 100, step: 1 } },
    onTnConnect: { table: { disable: true } },
    onTnViewGroup: { table: { disable: true } },
    onTnSearch: { table: { disable: true } },
    onTnError: { table: { disable: true } },
  },
};
export default meta;

/** The element in the story's canvas, rendered. */
async function searchIn(canvas: HTMLElement): Promise<TnCustomerSearch> {
  const el = canvas.querySelector('tn-customer-search');
  if (!el) throw new Error('<tn-customer-search> is not in the canvas');
  await el.updateComplete;
  return el;
}

/** What the user does to see the panel: focus the field and type (the text is already there). */
async function openPanel(canvas: HTMLElement): Promise<TnCustomerSearch> {
  const el = await searchIn(canvas);
  const input = el.shadowRoot!.querySelector('input')!;
  input.focus();
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await el.updateComplete;
  return el;
}

const shadow = (el: TnCustomerSearch) => el.shadowRoot!;
const optionCount = (el: TnCustomerSearch) => shadow(el).querySelectorAll('[role="option"]').length;
const WAIT = { timeout: 5000 };

/** Opens the panel and waits until `count` results are listed. */
async function showResults(canvas: HTMLElement, count: number): Promise<TnCustomerSearch> {
  const el = await openPanel(canvas);
  await waitFor(() => expect(optionCount(el)).toBe(count), WAIT);
  return el;
}

/** Nothing typed yet: the label, the field and the help text. */
export const Default: Story = {};

/** One character: not enough to search, so only the help text answers. */
export const TypingHint: Story = {
  args: { value: 'T' },
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await expect(shadow(el).querySelector('[part="popup"]')?.hasAttribute('hidden')).toBe(true);
    await expect(visibleText(shadow(el).querySelector('[part="hint"]'))).toBe(
      normalised(msg(str`Type at least ${2} characters of the legal name, or a network ID or VAT number.`)),
    );
  },
};

/** The adapter never answers: busy field and "Searching…". */
export const Loading: Story = {
  args: { value: 'tungsten' },
  loaders: [withAdapter(pendingAdapter)],
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await waitFor(() => expect(shadow(el).querySelector('input')?.getAttribute('aria-busy')).toBe('true'), WAIT);
    await expect(visibleText(shadow(el).querySelector('[part="status"]'))).toContain(normalised(msg('Searching…')));
  },
};

/** The seven legal entities of TUNGSTEN ALL COMPANIES GROUP, under the group's heading. */
export const Results: Story = {
  args: { value: 'tungsten' },
  play: async ({ canvasElement }) => {
    await showResults(canvasElement, 7);
  },
};

/** Pages of three: "Showing 3 of 7" over them, and "Show more results" fetches the next page. */
export const ResultsWithShowMore: Story = {
  args: { value: 'tungsten', pageSize: 3 },
  play: async ({ canvasElement }) => {
    const el = await showResults(canvasElement, 3);
    await expect(shadow(el).querySelector('[part="show-more"]')).not.toBeNull();
    await expect(visibleText(shadow(el).querySelector('[part="count"]'))).toContain(
      normalised(msg(str`Showing ${localNumber(3)} of ${localNumber(7)}.`)),
    );
  },
};

/** A search that matches nothing. */
export const NoResults: Story = {
  args: { value: 'Globex' },
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await waitFor(
      () =>
        expect(visibleText(shadow(el).querySelector('[part="status"]'))).toContain(
          normalised(msg(str`No customers match “${'Globex'}”.`)),
        ),
      WAIT,
    );
    await expect(optionCount(el)).toBe(0);
  },
};

/**
 * The adapter rejects with `TnAdapterError('unavailable')`: an error with "Try again". This
 * adapter fails the first search only, so "Try again" then lists the results.
 */
export const ErrorWithRetry: Story = {
  args: { value: 'tungsten' },
  loaders: [withAdapter(() => failingAdapter({ code: 'unavailable', failures: 1 }))],
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await waitFor(() => expect(shadow(el).querySelector('[part~="retry"]')).not.toBeNull(), WAIT);
  },
};

/** No adapter property and no provider: a visible "not configured" error, never a blank box. */
export const NotConfigured: Story = {
  loaders: [withAdapter(() => undefined)],
  play: async ({ canvasElement }) => {
    const el = await searchIn(canvasElement);
    await expect(shadow(el).querySelector('[part~="not-configured"]')).not.toBeNull();
  },
};

/** Markup in server strings (names, tax IDs, IDs, group) shows as text, never as HTML. */
export const HostileData: Story = {
  args: { value: 'img' },
  loaders: [withAdapter(() => directoryAdapter(HOSTILE_ENTITIES))],
  play: async ({ canvasElement }) => {
    const el = await showResults(canvasElement, 2);
    await expect(shadow(el).querySelector('img, script, b, i, [onerror], [onload]')).toBeNull();
    await expect(shadow(el).textContent).toContain('onerror=alert(1)>');
  },
};

/** The results in French (the toolbar's locale, pinned). */
export const French: Story = {
  args: { value: 'tungsten' },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await showResults(canvasElement, 7);
  },
};

/** The results in the dark theme: only `--tn-*` custom properties on the page. */
export const DarkTheme: Story = {
  args: { value: 'tungsten' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await showResults(canvasElement, 7);
  },
};

/** The results in a right-to-left page. */
export const RightToLeft: Story = {
  args: { value: 'tungsten' },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await showResults(canvasElement, 7);
  },
};

let demoAdapter: CustomerConnectAdapter | undefined;

/**
 * The demo adapter that ships with the library: 60,000 generated entities and the tutorial's
 * data, answering after 150–600 ms. Try "tungsten", "globex", or a network ID.
 */
export const DemoAdapter: Story = {
  args: { value: 'tungsten', debounce: 250 },
  loaders: [withAdapter(() => (demoAdapter ??= createDemoAdapter({ latency: { min: 150, max: 600 } })))],
  play: async ({ canvasElement }) => {
    const el = await openPanel(canvasElement);
    await waitFor(() => expect(optionCount(el)).toBeGreaterThan(0), WAIT);
  },
};
