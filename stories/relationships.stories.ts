/**
 * `<tn-relationships>` in every state: the demo network's relationships (every status and
 * the test buyer), one account, empty, nothing matching a filter, many rows, hostile
 * strings, stale after a failed refresh, error, loading, French, not configured.
 */
import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/components/relationships/tn-relationships.js';
import type { TnRelationships } from '../src/components/relationships/relationships.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import { RELATIONSHIP_STATUSES } from '../src/adapter/later-schemas.js';
import type { CustomerConnectAdapter, Relationship, RelationshipStatus } from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS } from '../src/adapter/demo/index.js';
import { localNumber, msg, normalised, shows as showsIn, str, visibleText } from './story-text.js';

interface RelationshipsArgs {
  accountId: string;
  headingLevel: number;
  onTnViewCase: (event: Event) => void;
  onTnResumeVerification: (event: Event) => void;
  onTnRequestAgain: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<RelationshipsArgs>;

/** An adapter answering the list with each of `answers` in turn (the last one repeats). */
function listAdapter(...answers: (Relationship[] | TnAdapterError | 'pending')[]): CustomerConnectAdapter {
  let call = 0;
  const adapter: Partial<CustomerConnectAdapter> = {
    listRelationships: () => {
      const answer = answers[Math.min(call++, answers.length - 1)];
      if (answer === 'pending') return new Promise(() => {});
      return answer instanceof TnAdapterError ? Promise.reject(answer) : Promise.resolve(structuredClone(answer));
    },
  };
  return adapter as CustomerConnectAdapter;
}

const STATUSES: readonly RelationshipStatus[] = RELATIONSHIP_STATUSES;

function many(count: number): Relationship[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    accountId: 'ACC-1',
    accountName: i % 3 ? 'Adams Office Supplies (IT) - Test' : 'Adams Office Supplies (UK)',
    customer: { id: `AAA${String(400000000 + i)}`, legalName: `Customer ${i + 1} Trading Ltd`, country: ['GB', 'FR', 'DE', 'IT'][i % 4] },
    status: STATUSES[i % STATUSES.length],
    since: new Date(Date.now() - i * 86_400_000).toISOString(),
    ...(STATUSES[i % STATUSES.length] === 'support-case-open' ? { supportCaseReference: String(2880000 + i) } : {}),
    ...(STATUSES[i % STATUSES.length] === 'verification-pending' ? { verificationId: `VER-${i}` } : {}),
  }));
}

const HOSTILE: Relationship[] = [
  {
    id: 'h1',
    accountId: 'ACC-1',
    accountName: '<b>Bold account</b>',
    customer: { id: 'AAA000000666"><img src=x onerror=alert(1)>', legalName: '<img src=x onerror=alert(2)> Holdings', country: 'GB' },
    status: 'rejected',
    since: new Date().toISOString(),
  },
  {
    id: 'h2',
    accountId: 'ACC-1',
    accountName: 'A'.repeat(120),
    customer: { id: 'AAA000000667', legalName: `${'Verylongname'.repeat(12)} \u202eLTD`, country: 'GB' },
    status: 'support-case-open',
    since: new Date().toISOString(),
    supportCaseReference: '<script>alert(3)</script>',
  },
];

const adapterOf = (context: StoryContext<RelationshipsArgs>) =>
  (context.loaded as { adapter?: CustomerConnectAdapter }).adapter;
const withAdapter = (make: () => CustomerConnectAdapter | undefined) => async () => ({ adapter: make() });
const elementOf = (canvasElement: HTMLElement) => canvasElement.querySelector('tn-relationships') as TnRelationships;
/**
 * Waits until the list shows `text` (in the part `selector` when given). Play functions pass
 * the element's words through `msg()` and numbers through `Intl`, so they hold in every locale.
 */
const shows = (canvasElement: HTMLElement, text: string, selector?: string) =>
  showsIn(() => elementOf(canvasElement).shadowRoot, text, selector);
const WAIT = { timeout: 5000 };
/** "Showing 6 of 6.", as the active locale says it. */
const countText = (shown: number, of: number) => msg(str`Showing ${localNumber(shown)} of ${localNumber(of)}.`);

const meta: Meta<RelationshipsArgs> = {
  title: 'Elements/tn-relationships',
  component: 'tn-relationships',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-relationships
    .adapter=${adapterOf(context)}
    account-id=${args.accountId}
    heading-level=${args.headingLevel}
    @tn-view-case=${args.onTnViewCase}
    @tn-resume-verification=${args.onTnResumeVerification}
    @tn-request-again=${args.onTnRequestAgain}
    @tn-error=${args.onTnError}
  ></tn-relationships>`,
  loaders: [withAdapter(() => createDemoAdapter())],
  args: {
    accountId: '',
    headingLevel: 2,
    onTnViewCase: fn().mockName('tn-view-case'),
    onTnResumeVerification: fn().mockName('tn-resume-verification'),
    onTnRequestAgain: fn().mockName('tn-request-again'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    accountId: { control: 'select', options: ['', DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt, DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk] },
    headingLevel: { control: { type: 'number', min: 0, max: 6, step: 1 } },
    onTnViewCase: { table: { disable: true } },
    onTnResumeVerification: { table: { disable: true } },
    onTnRequestAgain: { table: { disable: true } },
    onTnError: { table: { disable: true } },
  },
};
export default meta;

/** The demo network: every status, the test buyer of each account, both accounts. */
export const Default: Story = {
  play: async ({ canvasElement }) => shows(canvasElement, msg('Test buyer'), '[part="test-buyer"]'),
};

/** One account: no Account column. */
export const OneAccount: Story = {
  args: { accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk },
  play: async ({ canvasElement }) => shows(canvasElement, 'Wingtip Toys'),
};

/** Every status, with its action. */
export const AllStatuses: Story = {
  loaders: [withAdapter(() => listAdapter(many(6)))],
  play: async ({ canvasElement }) => {
    const root = () => elementOf(canvasElement).shadowRoot!;
    // One row per status, each with its badge…
    await waitFor(() => expect(root().querySelectorAll('[part="row"]')).toHaveLength(STATUSES.length), WAIT);
    for (const status of STATUSES) await expect(root().querySelector(`[part~="status-${status}"]`)).not.toBeNull();
    // …and the action each status offers.
    const actions = [...root().querySelectorAll('[part="action"]')].map((button) => visibleText(button));
    for (const label of [msg('Resume verification'), msg('View case'), msg('Request again')]) {
      await expect(actions.some((action) => action.startsWith(normalised(label)))).toBe(true);
    }
  },
};

/** 200 relationships, filter and sort. */
export const ManyRelationships: Story = {
  loaders: [withAdapter(() => listAdapter(many(200)))],
  play: async ({ canvasElement }) => shows(canvasElement, countText(200, 200), '[part="count"]'),
};

/** A filter that matches nothing: say so, offer "Clear filters". */
export const NothingMatches: Story = {
  loaders: [withAdapter(() => listAdapter(many(6)))],
  play: async ({ canvasElement }) => {
    await shows(canvasElement, countText(6, 6), '[part="count"]');
    const input = elementOf(canvasElement).shadowRoot!.querySelector<HTMLInputElement>('#filter')!;
    input.value = 'zzz-no-such-customer';
    input.dispatchEvent(new Event('input'));
    await shows(canvasElement, msg('No relationship matches your filters.'), '[part="empty"]');
    await shows(canvasElement, countText(0, 6), '[part="count"]');
  },
};

export const Empty: Story = {
  loaders: [withAdapter(() => listAdapter([]))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('You have no customer relationships yet.'), '[part="empty"]'),
};

/** Markup, scripts, bidi overrides and very long strings from the server: all shown as text. */
export const HostileStrings: Story = {
  loaders: [withAdapter(() => listAdapter(HOSTILE))],
  play: async ({ canvasElement }) => shows(canvasElement, '<img src=x onerror=alert(2)> Holdings'),
};

/** Loaded, then a refresh failed: the last list stays, with a notice. */
export const StaleAfterFailedRefresh: Story = {
  loaders: [withAdapter(() => listAdapter(many(6), new TnAdapterError('unavailable')))],
  play: async ({ canvasElement }) => {
    await shows(canvasElement, countText(6, 6), '[part="count"]');
    elementOf(canvasElement).refresh();
    await shows(canvasElement, msg("Couldn't refresh; this is the last list we had."), '[part="error"]');
    await shows(canvasElement, countText(6, 6), '[part="count"]');
  },
};

export const Error: Story = {
  loaders: [withAdapter(() => listAdapter(new TnAdapterError('network')))],
  play: async ({ canvasElement }) => shows(canvasElement, msg("Couldn't load your relationships."), '[part="error"]'),
};

export const Loading: Story = {
  loaders: [withAdapter(() => listAdapter('pending'))],
  play: async ({ canvasElement }) => shows(canvasElement, msg('Loading your relationships…'), '[part="status-message"]'),
};

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => shows(canvasElement, 'Acheteur test'),
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
