/**
 * `<tn-attention-panel>` in every state: the tutorial's home page (demo adapter), empty, many
 * items, stale after a failed refresh, error, loading, French, not configured.
 */
import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { fn } from 'storybook/test';
import '../src/components/attention-panel/tn-attention-panel.js';
import type { TnAttentionPanel } from '../src/components/attention-panel/attention-panel.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { AttentionSummary, CustomerConnectAdapter } from '../src/adapter/types.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { localNumber, msg, shows as showsIn, str } from './story-text.js';

interface PanelArgs {
  refreshInterval: number;
  maxRows: number;
  headingLevel: number;
  onTnViewAttention: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<PanelArgs>;

/** An adapter answering the attention summary with each of `answers` in turn (the last one repeats). */
function summaryAdapter(...answers: (AttentionSummary | TnAdapterError | 'pending')[]): CustomerConnectAdapter {
  let call = 0;
  const adapter: Partial<CustomerConnectAdapter> = {
    getAttentionSummary: () => {
      const answer = answers[Math.min(call++, answers.length - 1)];
      if (answer === 'pending') return new Promise(() => {});
      return answer instanceof TnAdapterError ? Promise.reject(answer) : Promise.resolve(structuredClone(answer));
    },
  };
  return adapter as CustomerConnectAdapter;
}

const now = () => new Date().toISOString();

function manyItems(): AttentionSummary {
  return {
    generatedAt: now(),
    failedInvoices: {
      count: 12,
      latestAt: now(),
      items: Array.from({ length: 12 }, (_, i) => ({
        id: `f${i}`,
        number: `INV-2026-${String(1040 + i).padStart(5, '0')}`,
        supplierName: 'Adams Office Supplies (IT) - Test',
        buyerName: i % 2 ? 'Tungsten Network - Demo Account' : 'Fabrikam Logistics BV',
      })),
    },
    supportTickets: { count: 4, latestAt: now(), items: [] },
    savedInvoices: {
      count: 9,
      items: Array.from({ length: 9 }, (_, i) => ({
        id: `s${i}`,
        number: `DRAFT-${700 + i}`,
        buyerId: 'AAA168149359',
        buyerName: 'Tungsten Network - Demo Account',
        amount: { amount: `${(i + 1) * 1234}.5${i}`, currency: i % 2 ? 'EUR' : 'GBP' },
      })),
    },
  };
}

const emptySummary = (): AttentionSummary => ({
  generatedAt: now(),
  failedInvoices: { count: 0, items: [] },
  supportTickets: { count: 0, items: [] },
  savedInvoices: { count: 0, items: [] },
});

const adapterOf = (context: StoryContext<PanelArgs>) =>
  (context.loaded as { adapter?: CustomerConnectAdapter }).adapter;
const withAdapter = (make: () => CustomerConnectAdapter | undefined) => async () => ({ adapter: make() });

const panelOf = (canvasElement: HTMLElement) => canvasElement.querySelector('tn-attention-panel') as TnAttentionPanel;

/**
 * Waits until the panel shows `text` (in the part `selector` when given). Play functions
 * pass the panel's words through `msg()`, so they hold in every locale.
 */
const shows = (canvasElement: HTMLElement, text: string, selector?: string) =>
  showsIn(() => panelOf(canvasElement).shadowRoot, text, selector);

const meta: Meta<PanelArgs> = {
  title: 'Elements/tn-attention-panel',
  component: 'tn-attention-panel',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-attention-panel
    .adapter=${adapterOf(context)}
    refresh-interval=${args.refreshInterval}
    max-rows=${args.maxRows}
    heading-level=${args.headingLevel}
    @tn-view-attention=${args.onTnViewAttention}
    @tn-error=${args.onTnError}
  ></tn-attention-panel>`,
  loaders: [withAdapter(() => createDemoAdapter())],
  args: {
    refreshInterval: 60,
    maxRows: 5,
    headingLevel: 2,
    onTnViewAttention: fn().mockName('tn-view-attention'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    refreshInterval: { control: { type: 'number', min: 0, max: 3600, step: 5 } },
    maxRows: { control: { type: 'number', min: 1, max: 50, step: 1 } },
    headingLevel: { control: { type: 'number', min: 1, max: 6, step: 1 } },
  },
};
export default meta;

/** The tutorial's home page: one failed invoice, two support tickets, saved invoice 121121. */
export const Default: Story = {
  play: async ({ canvasElement }) => shows(canvasElement, 'ShuchitestPayment1'),
};

export const Empty: Story = {
  loaders: [withAdapter(() => summaryAdapter(emptySummary()))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('Nothing needs your attention.'), '[part="empty"]'),
};

export const ManyItems: Story = {
  loaders: [withAdapter(() => summaryAdapter(manyItems()))],
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg(str`Showing ${localNumber(5)} of ${localNumber(12)}.`), '.more'),
};

/** The data loaded, then a refresh failed: the last data stays, with a notice. */
export const StaleAfterFailedRefresh: Story = {
  loaders: [withAdapter(() => summaryAdapter(manyItems(), new TnAdapterError('unavailable')))],
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'INV-2026-01040');
    await panelOf(canvasElement).refresh();
    await shows(canvasElement, msg("Couldn't refresh; this is the last information we had."), '[part="stale"]');
    await shows(canvasElement, 'INV-2026-01040');
  },
};

export const Error: Story = {
  loaders: [withAdapter(() => summaryAdapter(new TnAdapterError('network')))],
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg("Couldn't load what needs your attention."), '[part="error"]'),
};

export const Loading: Story = {
  loaders: [withAdapter(() => summaryAdapter('pending'))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('Loading what needs your attention…'), '[part="status"]'),
};

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => shows(canvasElement, 'Pour votre attention'),
};

export const NotConfigured: Story = {
  loaders: [withAdapter(() => undefined)],
  play: async ({ canvasElement }) =>
    shows(
      canvasElement,
      msg('This component is not configured: it has no connection to the network.'),
      '[part~="not-configured"]',
    ),
};
