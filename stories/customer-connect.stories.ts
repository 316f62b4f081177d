/**
 * `<tn-customer-connect>`: the whole flow on a fresh demo network per story. Latency and
 * fault injection are controls (they configure the demo adapter). Stories that show a later
 * step take the earlier steps in `play`, as a user would.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/components/customer-connect/tn-customer-connect.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import type { CustomerConnectAdapter, VerificationSession } from '../src/adapter/types.js';
import { DEMO_ACCOUNT_IDS, DEMO_IDS, createDemoAdapter } from '../src/adapter/demo/index.js';
import type { AdapterErrorCode } from '../src/adapter/errors.js';
import { DEMO_EVIDENCE, demoChallengeAnswer } from './story-adapters.js';
import { typedAmount } from './story-text.js';

interface FlowArgs {
  adapter?: CustomerConnectAdapter;
  query: string;
  customerId: string;
  group: boolean;
  verificationId: string;
  accountId: string;
  headingLevel: number;
  /** Demo adapter: simulated latency in ms (0 = answers at once). */
  latency: number;
  /** Demo adapter: make every call fail with this error code ('' = no fault). */
  fault: '' | AdapterErrorCode;
  onTnFlowStepChange: (event: Event) => void;
  onTnConnect: (event: Event) => void;
  onTnRequestConnection: (event: Event) => void;
  onTnSupportCaseOpened: (event: Event) => void;
  onTnVerificationRequired: (event: Event) => void;
  onTnConnected: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<FlowArgs>;

/** A fresh demo network with the story's latency, failing every call when `fault` is set. */
function adapterFor(args: FlowArgs): CustomerConnectAdapter {
  const adapter = createDemoAdapter({ latency: Math.max(0, args.latency) });
  if (args.fault) adapter.injectFault({ method: '*', code: args.fault, times: Number.MAX_SAFE_INTEGER });
  return adapter;
}

const meta: Meta<FlowArgs> = {
  title: 'Elements/tn-customer-connect',
  component: 'tn-customer-connect',
  tags: ['autodocs'],
  render: (args, context: StoryContext<FlowArgs>) => html`<tn-customer-connect
    .adapter=${(context.loaded as { adapter?: CustomerConnectAdapter }).adapter ?? adapterFor(args)}
    query=${ifDefined(args.query || undefined)}
    customer-id=${ifDefined(args.customerId || undefined)}
    ?group=${args.group}
    verification-id=${ifDefined(args.verificationId || undefined)}
    account-id=${ifDefined(args.accountId || undefined)}
    heading-level=${args.headingLevel}
    @tn-flow-step-change=${args.onTnFlowStepChange}
    @tn-connect=${args.onTnConnect}
    @tn-request-connection=${args.onTnRequestConnection}
    @tn-support-case-opened=${args.onTnSupportCaseOpened}
    @tn-verification-required=${args.onTnVerificationRequired}
    @tn-connected=${args.onTnConnected}
    @tn-error=${args.onTnError}
  ></tn-customer-connect>`,
  args: {
    query: '',
    customerId: '',
    group: false,
    verificationId: '',
    accountId: '',
    headingLevel: 2,
    latency: 0,
    fault: '',
    onTnFlowStepChange: fn().mockName('tn-flow-step-change'),
    onTnConnect: fn().mockName('tn-connect'),
    onTnRequestConnection: fn().mockName('tn-request-connection'),
    onTnSupportCaseOpened: fn().mockName('tn-support-case-opened'),
    onTnVerificationRequired: fn().mockName('tn-verification-required'),
    onTnConnected: fn().mockName('tn-connected'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 1, max: 5, step: 1 } },
    latency: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    fault: {
      control: 'select',
      options: ['', 'network', 'timeout', 'unauthorized', 'forbidden', 'not-found', 'rate-limited', 'unavailable', 'bad-response'],
    },
    onTnFlowStepChange: { table: { disable: true } },
    onTnConnect: { table: { disable: true } },
    onTnRequestConnection: { table: { disable: true } },
    onTnSupportCaseOpened: { table: { disable: true } },
    onTnVerificationRequired: { table: { disable: true } },
    onTnConnected: { table: { disable: true } },
    onTnError: { table: { disable: true } },
  },
};
export default meta;

const WAIT = { timeout: 5000 };

/** Only `challenge` matters to `demoChallengeAnswer`. */
const SESSION_SHAPE: VerificationSession = {
  id: '',
  customer: { id: DEMO_IDS.demonstrationExampleBuyer, legalName: '' },
  accountId: '',
  step: 'challenge',
  attemptsRemaining: 1,
  maxAttempts: 1,
  currency: 'GBP',
};

async function flowIn(canvas: HTMLElement): Promise<TnCustomerConnect> {
  const el = canvas.querySelector('tn-customer-connect');
  if (!el) throw new Error('<tn-customer-connect> is not in the canvas');
  await el.updateComplete;
  return el;
}

/** A child step's shadow root. */
const stepRoot = (el: TnCustomerConnect, tag: 'tn-group-picker' | 'tn-verify-invoice') =>
  el.shadowRoot!.querySelector(tag)!.shadowRoot!;

function fill(root: ShadowRoot, id: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  if (!field) throw new Error(`no #${id}`);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** Opens the request for a customer, chooses the account and sends it. */
async function request(el: TnCustomerConnect, customerId: string): Promise<void> {
  el.connect(customerId);
  await waitFor(() => expect(stepRoot(el, 'tn-group-picker').querySelector('#account')).not.toBeNull(), WAIT);
  await waitFor(() => expect(stepRoot(el, 'tn-group-picker').textContent).toContain(customerId), WAIT);
  fill(stepRoot(el, 'tn-group-picker'), 'account', DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt);
  await el.updateComplete;
  stepRoot(el, 'tn-group-picker').querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

const atStep = (el: TnCustomerConnect, step: string) => waitFor(() => expect(el.step).toBe(step), WAIT);

/** Step 1: search. Type "tungsten", "demonstration" or "globex"; Connect or View group. */
export const Search: Story = {};

/** Deep link: the search pre-filled. */
export const SearchPrefilled: Story = { args: { query: 'tungsten' } };

/** Step 2: the request for one legal entity (deep link `customer-id`). */
export const RequestOneEntity: Story = { args: { customerId: DEMO_IDS.tungstenBank } };

/** Step 2: the request on the entity's whole group (`customer-id` + `group`). */
export const RequestGroup: Story = { args: { customerId: DEMO_IDS.tungstenNetworkGmbh, group: true } };

/** Step 2 on GLOBEX INTERNATIONAL GROUP: 10,000 entities, filter as you type. */
export const RequestLargeGroup: Story = {
  loaders: [
    async () => {
      const adapter = createDemoAdapter();
      const page = await adapter.searchDirectory({ text: 'globex', pageSize: 1 });
      return { adapter, customerId: page.items[0]?.id };
    },
  ],
  render: (args, context) =>
    meta.render!({ ...args, customerId: (context.loaded as { customerId: string }).customerId, group: true }, context),
};

/** Step 3: the network asks for a verification (Demonstration Example Buyer). */
export const Verification: Story = {
  play: async ({ canvasElement }) => {
    const el = await flowIn(canvasElement);
    await request(el, DEMO_IDS.demonstrationExampleBuyer);
    await atStep(el, 'verify');
  },
};

/** Done: verified with the challenge, connected. */
export const DoneConnectedAfterVerification: Story = {
  play: async ({ canvasElement }) => {
    const el = await flowIn(canvasElement);
    await request(el, DEMO_IDS.demonstrationExampleBuyer);
    await atStep(el, 'verify');
    const root = () => stepRoot(el, 'tn-verify-invoice');
    await waitFor(() => expect(root().querySelector('#invoice-number')).not.toBeNull(), WAIT);
    fill(root(), 'invoice-number', DEMO_EVIDENCE.invoiceNumber);
    fill(root(), 'invoice-date', DEMO_EVIDENCE.invoiceDate);
    // Amounts as a user of the active locale types them ("4 508,00" in French).
    fill(root(), 'amount', typedAmount(DEMO_EVIDENCE.amount.amount));
    root().querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitFor(() => expect(root().querySelector('#challenge-number')).not.toBeNull(), WAIT);
    const asked = root().querySelector('#challenge-number')!.textContent!.trim();
    const answer = demoChallengeAnswer({ ...SESSION_SHAPE, challenge: { invoiceNumber: asked } });
    fill(root(), 'invoice-date', answer.invoiceDate);
    fill(root(), 'amount', typedAmount(answer.amount.amount));
    root().querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await atStep(el, 'done');
  },
};

/** Done: no invoice history, so a support case — reference and processing deadline. */
export const DoneSupportCase: Story = {
  play: async ({ canvasElement }) => {
    const el = await flowIn(canvasElement);
    await request(el, DEMO_IDS.tungstenBank);
    await atStep(el, 'done');
  },
};

/** Done: a customer that approves at once (Northwind). */
export const DoneConnectedAtOnce: Story = {
  play: async ({ canvasElement }) => {
    const el = await flowIn(canvasElement);
    await request(el, DEMO_IDS.northwindAutoApprove);
    await atStep(el, 'done');
  },
};

/** Fallback: "Connect without verification" from the verification opens a support case. */
export const DoneFallbackToSupportCase: Story = {
  play: async ({ canvasElement }) => {
    const el = await flowIn(canvasElement);
    await request(el, DEMO_IDS.demonstrationExampleBuyer);
    await atStep(el, 'verify');
    const root = () => stepRoot(el, 'tn-verify-invoice');
    await waitFor(() => expect(root().querySelector('[part~="fallback-button"]')).not.toBeNull(), WAIT);
    root().querySelector<HTMLButtonElement>('[part~="fallback-button"]')!.click();
    await atStep(el, 'done');
  },
};

/** The network is unavailable: the search shows the error with "Try again" (fault control). */
export const NetworkUnavailable: Story = { args: { fault: 'unavailable', query: 'tungsten' } };

/** Slow network (2 s per call): loading states at each step. */
export const SlowNetwork: Story = { args: { latency: 2000, query: 'tungsten' } };
