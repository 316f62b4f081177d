/**
 * `<tn-support-case>` in every state: a case of the demo network loaded by reference, each
 * status, a case the host already holds (with its link to the network's own page), many
 * entities, hostile strings, not found, error, loading, not configured.
 */
import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { fn } from 'storybook/test';
import '../src/components/support-case/tn-support-case.js';
import type { TnSupportCase } from '../src/components/support-case/support-case.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { CustomerConnectAdapter, SupportCase, SupportCaseStatus } from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_SEED_CASE_REFERENCES } from '../src/adapter/demo/index.js';
import { msg, shows as showsIn } from './story-text.js';

interface SupportCaseArgs {
  reference: string;
  headingLevel: number;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<SupportCaseArgs>;

const held = (status: SupportCaseStatus, customers = 1): SupportCase => ({
  reference: '2881017',
  status,
  openedAt: '2026-11-20T09:30:00Z',
  processBy: '2026-11-24T09:30:00Z',
  accountId: 'ACC-AOS-IT',
  customers: Array.from({ length: customers }, (_, i) => ({ id: `AAA${400000000 + i}`, legalName: i ? `Tungsten Subsidiary ${i} Ltd` : 'Tungsten Bank PLC' })),
});

/** An adapter answering `getSupportCase` with `answer` (and the demo's accounts). */
function caseAdapter(answer: SupportCase | TnAdapterError | 'pending'): CustomerConnectAdapter {
  const demo = createDemoAdapter();
  const adapter: Partial<CustomerConnectAdapter> = {
    listAccounts: (options) => demo.listAccounts(options),
    getSupportCase: () => {
      if (answer === 'pending') return new Promise(() => {});
      return answer instanceof TnAdapterError ? Promise.reject(answer) : Promise.resolve(structuredClone(answer));
    },
  };
  return adapter as CustomerConnectAdapter;
}

const adapterOf = (context: StoryContext<SupportCaseArgs>) => (context.loaded as { adapter?: CustomerConnectAdapter }).adapter;
const withAdapter = (make: () => CustomerConnectAdapter | undefined) => async () => ({ adapter: make() });
const elementOf = (canvasElement: HTMLElement) => canvasElement.querySelector('tn-support-case') as TnSupportCase;
const shows = (canvasElement: HTMLElement, text: string, selector?: string) =>
  showsIn(() => elementOf(canvasElement).shadowRoot, text, selector);

const meta: Meta<SupportCaseArgs> = {
  title: 'Elements/tn-support-case',
  component: 'tn-support-case',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-support-case
    .adapter=${adapterOf(context)}
    reference=${args.reference}
    heading-level=${args.headingLevel}
    @tn-error=${args.onTnError}
  ></tn-support-case>`,
  loaders: [withAdapter(() => createDemoAdapter())],
  args: {
    reference: DEMO_SEED_CASE_REFERENCES[0],
    headingLevel: 2,
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 0, max: 6, step: 1 } },
    onTnError: { table: { disable: true } },
  },
};
export default meta;

/** A case of the demo network, by reference: open, with its dates and what happens next. */
export const Default: Story = {
  play: async ({ canvasElement }) => shows(canvasElement, msg('Open', { desc: 'Support case status' }), '[part~="status"]'),
};

/** In progress. */
export const InProgress: Story = {
  args: { reference: '2881017' },
  loaders: [withAdapter(() => caseAdapter(held('in-progress')))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('In progress', { desc: 'Support case status' }), '[part~="status"]'),
};

/** Resolved: the customer confirmed, the supplier is connected. */
export const Resolved: Story = {
  args: { reference: '2881017' },
  loaders: [withAdapter(() => caseAdapter(held('resolved')))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('Resolved', { desc: 'Support case status' }), '[part~="status"]'),
};

/** Closed: request again. */
export const Closed: Story = {
  args: { reference: '2881017' },
  loaders: [withAdapter(() => caseAdapter(held('closed')))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('Closed', { desc: 'Support case status' }), '[part~="status"]'),
};

/** A request for nine entities of a group: three names, then how many more. */
export const ManyEntities: Story = {
  args: { reference: '2881017' },
  loaders: [withAdapter(() => caseAdapter(held('open', 9)))],
  play: async ({ canvasElement }) => shows(canvasElement, 'Tungsten Subsidiary 2 Ltd', '[part~="details"]'),
};

/** A case the host already holds: nothing is fetched; the network's own page opens in a new tab. */
export const HeldByTheHost: Story = {
  render: (args, context) => html`<tn-support-case
    .adapter=${adapterOf(context)}
    .supportCase=${{ ...held('open'), statusUrl: 'https://network.example/cases/2881017' }}
    heading-level=${args.headingLevel}
  ></tn-support-case>`,
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg('Open the case on the network', { desc: 'Link to the case’s own page (opens a new tab)' }), '[part~="status-link"]'),
};

/** Markup and bidi overrides from the server: shown as text. */
export const HostileStrings: Story = {
  loaders: [
    withAdapter(() =>
      caseAdapter({
        ...held('open'),
        reference: '<script>alert(1)</script>',
        customers: [{ id: 'x', legalName: '<img src=x onerror=alert(2)> \u202eLTD' }],
      }),
    ),
  ],
  args: { reference: '<script>alert(1)</script>' },
  play: async ({ canvasElement }) => shows(canvasElement, '<img src=x onerror=alert(2)>', '[part~="details"]'),
};

/** A reference the network does not know. */
export const NotFound: Story = {
  args: { reference: '0000000' },
  play: async ({ canvasElement }) => shows(canvasElement, msg('No support case has this reference.', { desc: 'Case view: unknown reference' }), '[part~="error"]'),
};

export const Error: Story = {
  loaders: [withAdapter(() => caseAdapter(new TnAdapterError('unavailable')))],
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg("Couldn't load the support case.", { desc: 'Lead of the error when a support case fails to load' }), '[part~="error"]'),
};

export const Loading: Story = {
  loaders: [withAdapter(() => caseAdapter('pending'))],
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg('Loading the support case…', { desc: 'Status while a support case loads' }), '[part~="loading"]'),
};

/** No adapter: a visible error, never a blank box. */
export const NotConfigured: Story = {
  loaders: [withAdapter(() => undefined)],
  play: async ({ canvasElement }) =>
    shows(canvasElement, msg('This component is not configured: it has no connection to the network.', { desc: 'Shown when the host page gave the element no adapter' }), '[part~="error"]'),
};
