/**
 * The examples of the Theming page (stories/Theming.mdx): the elements in each theme of
 * stories/themes.ts, and a host style sheet restyling them through `::part()`. Each panel
 * sets its own tokens and page colours (see `panelStyle`), so it shows the same whatever
 * theme the toolbar has. Only the `::part()` example's panel has the class its style sheet
 * targets (`.my-portal`): on the docs page every example shares one document.
 */
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/components/customer-search/tn-customer-search.js';
import '../src/components/relationships/tn-relationships.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS } from '../src/adapter/demo/index.js';
import type { ThemeName } from './themes.js';
import { PARTS_CSS, panelStyle } from './theming.js';

interface Loaded {
  adapter: CustomerConnectAdapter;
}

/** A search field and one account's relationships (every status badge), on one adapter. */
const sample = (context: StoryContext) => {
  const { adapter } = context.loaded as Loaded;
  return html`<tn-customer-search .adapter=${adapter} value="Tungsten"></tn-customer-search>
    <tn-relationships
      .adapter=${adapter}
      account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk}
      heading-level="3"
    ></tn-relationships>`;
};

const themed = (theme: ThemeName): StoryObj => ({
  render: (_args, context) =>
    html`<div data-theme-panel=${theme} style=${styleMap(panelStyle(theme))}>${sample(context)}</div>`,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('tn-relationships');
    await waitFor(() => expect(list?.shadowRoot?.querySelector('[part~="status"]')).toBeTruthy(), { timeout: 5000 });
  },
});

const meta: Meta = {
  title: 'Theming',
  loaders: [async () => ({ adapter: createDemoAdapter() })],
  parameters: { controls: { disable: true } },
};
export default meta;

/** The defaults: no token set. */
export const Light: StoryObj = themed('light');

/** The dark theme: colour tokens only. */
export const Dark: StoryObj = themed('dark');

/** A host's brand: its font, accent, corners and focus ring, tokens only. */
export const HostBrand: StoryObj = themed('brand');

/** A host style sheet (`PARTS_CSS`) reaching inside the elements through `::part()`. */
export const Parts: StoryObj = {
  render: (_args, context) => {
    const sheet = document.createElement('style');
    sheet.textContent = PARTS_CSS;
    return html`${sheet}
      <div class="my-portal" style=${styleMap(panelStyle('light'))}>${sample(context)}</div>`;
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('tn-relationships');
    await waitFor(
      () => {
        const badge = list?.shadowRoot?.querySelector('[part~="status"]');
        expect(badge && getComputedStyle(badge).borderTopWidth).toBe('2px');
      },
      { timeout: 5000 },
    );
  },
};
