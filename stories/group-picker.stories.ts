/**
 * `<tn-group-picker>` in every state, on the demo adapter (with faults injected where a
 * story shows a failure): one entity, the Tungsten group of 7, the 10,000-entity group (its
 * countries collapsed), the review of what is ticked, validation errors, each outcome,
 * adapter failures, French.
 */
import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';
import type { TnSupportCaseOpenedEvent } from '../src/base/events.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_GROUP_IDS, DEMO_IDS, GLOBEX_GROUP_ID } from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import { localKilobytes, localNumber, msg, shows as showsIn, str } from './story-text.js';
import { isolated } from '../src/localization/format.js';

interface PickerArgs {
  customerId: string;
  groupId: string;
  maxAttachmentSize: number;
  onTnRequestConnection: (event: Event) => void;
  onTnSupportCaseOpened: (event: Event) => void;
  onTnVerificationRequired: (event: Event) => void;
  onTnConnected: (event: Event) => void;
  onTnViewCase: (event: Event) => void;
  onTnModeChange: (event: Event) => void;
  onTnSelectionChange: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<PickerArgs>;

const adapterOf = (context: StoryContext<PickerArgs>) =>
  (context.loaded as { adapter?: CustomerConnectAdapter }).adapter;
const withAdapter = (make: () => CustomerConnectAdapter | undefined) => async () => ({ adapter: make() });
/** A demo adapter whose next calls of `method` fail with `code`. */
const failing = (method: keyof CustomerConnectAdapter, code: 'unavailable' | 'network') => () => {
  const adapter: DemoAdapter = createDemoAdapter();
  adapter.injectFault({ method, code, times: 100 });
  return adapter;
};

const pickerOf = (canvasElement: HTMLElement) => canvasElement.querySelector('tn-group-picker') as TnGroupPicker;
const root = (canvasElement: HTMLElement) => pickerOf(canvasElement).shadowRoot!;
/**
 * Waits until the picker shows `text` (in the element matching `selector` when given). Play
 * functions pass the picker's words through `msg()`, numbers through `Intl`, and data (names,
 * IDs) as the adapter has them, so they hold in every locale.
 */
const shows = (canvasElement: HTMLElement, text: string, selector?: string) =>
  showsIn(() => root(canvasElement), text, selector);

/** The legal name the demo network has for `id` (data: never translated). */
const legalName = async (canvasElement: HTMLElement, id: string) =>
  (await pickerOf(canvasElement).adapter!.getCustomer(id)).legalName;

/** Picks the supplier's first account and presses Connect. */
async function chooseAccountAndConnect(canvasElement: HTMLElement) {
  const select = await waitFor(() => {
    const found = root(canvasElement).querySelector('select');
    expect(found).toBeTruthy();
    return found!;
  });
  select.value = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
  select.dispatchEvent(new Event('change'));
  await pickerOf(canvasElement).updateComplete;
  root(canvasElement).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

const meta: Meta<PickerArgs> = {
  title: 'Elements/tn-group-picker',
  component: 'tn-group-picker',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-group-picker
    .adapter=${adapterOf(context)}
    customer-id=${args.customerId}
    group-id=${args.groupId}
    max-attachment-size=${args.maxAttachmentSize}
    @tn-request-connection=${args.onTnRequestConnection}
    @tn-support-case-opened=${args.onTnSupportCaseOpened}
    @tn-verification-required=${args.onTnVerificationRequired}
    @tn-connected=${args.onTnConnected}
    @tn-view-case=${args.onTnViewCase}
    @tn-mode-change=${args.onTnModeChange}
    @tn-selection-change=${args.onTnSelectionChange}
    @tn-error=${args.onTnError}
  ></tn-group-picker>`,
  loaders: [withAdapter(() => createDemoAdapter())],
  args: {
    customerId: DEMO_IDS.tungstenBank,
    groupId: '',
    maxAttachmentSize: 10 * 1024 * 1024,
    onTnRequestConnection: fn().mockName('tn-request-connection'),
    onTnSupportCaseOpened: fn().mockName('tn-support-case-opened'),
    onTnVerificationRequired: fn().mockName('tn-verification-required'),
    onTnConnected: fn().mockName('tn-connected'),
    onTnViewCase: fn().mockName('tn-view-case'),
    onTnModeChange: fn().mockName('tn-mode-change'),
    onTnSelectionChange: fn().mockName('tn-selection-change'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    maxAttachmentSize: { control: { type: 'number', min: 0, step: 1024 } },
  },
};
export default meta;

/** One legal entity: Tungsten Bank PLC, which belongs to a group (so "View group" is offered). */
export const SingleEntity: Story = {
  play: async ({ canvasElement }) => shows(canvasElement, 'Tungsten Bank PLC'),
};

/** TUNGSTEN ALL COMPANIES GROUP: seven entities, every row shown (no scrolling inside the list), markers in words. */
export const GroupOfSeven: Story = {
  args: { customerId: '', groupId: DEMO_GROUP_IDS.tungsten },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Network GmbH');
    await shows(canvasElement, msg('Needs vendor code', { desc: 'Marker on a legal entity that requires the supplier’s vendor code on a request' }));
  },
};

/** GLOBEX INTERNATIONAL GROUP: 10,000 entities, their countries collapsed, only the visible rows rendered. */
export const GroupOf10000: Story = {
  args: { customerId: '', groupId: GLOBEX_GROUP_ID },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, msg(str`${localNumber(0)} of ${localNumber(10_000)} selected`), '[part="count"]');
    await waitFor(() => expect(root(canvasElement).querySelector('[role="treeitem"]')?.getAttribute('aria-expanded')).toBe('false'));
  },
};

/** The Tungsten group, wholly ticked, reviewed with "Selected (n)" before sending. */
export const ReviewSelected: Story = {
  args: { customerId: '', groupId: DEMO_GROUP_IDS.tungsten },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Network GmbH');
    root(canvasElement).querySelector<HTMLButtonElement>('[part~="select-all"]')!.click();
    const count = localNumber(7);
    await shows(canvasElement, msg(str`Selected (${count})`, { desc: 'Shows only the ticked legal entities; the number is how many are ticked' }), '[part~="show-selected"]');
    root(canvasElement).querySelector<HTMLButtonElement>('[part~="show-selected"]')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('[part~="show-selected"]')?.getAttribute('aria-pressed')).toBe('true'));
  },
};

/** Connect with nothing chosen: every message, focus on the first field. */
export const ValidationErrors: Story = {
  args: { customerId: DEMO_IDS.tungstenNetworkGmbh },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Network GmbH');
    root(canvasElement).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await shows(canvasElement, msg(str`Your vendor code is required by ${isolated('Tungsten Network GmbH')}.`), '#vendor-code-error');
  },
};

/** A group with nothing ticked: "Select at least one legal entity." on the tree. */
export const NoEntitySelected: Story = {
  args: { customerId: '', groupId: DEMO_GROUP_IDS.tungsten },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Network GmbH');
    await chooseAccountAndConnect(canvasElement);
    await shows(canvasElement, msg('Select at least one legal entity.'), '#tree-error');
  },
};

/** Attachments refused: a wrong type (then a too-large file with a 1 KB limit). */
export const AttachmentRejected: Story = {
  args: { maxAttachmentSize: 1024 },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Bank PLC');
    const picker = pickerOf(canvasElement);
    picker.attach(new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }));
    const accepted = picker.accept.split(',').join(', ');
    await shows(
      canvasElement,
      msg(str`“${'setup.exe'}” is not an accepted type. Accepted: ${accepted}.`),
      '#attachment-error',
    );
    picker.attach(new File([new Uint8Array(4096)], 'scan.pdf', { type: 'application/pdf' }));
    await shows(
      canvasElement,
      msg(str`“${'scan.pdf'}” is ${localKilobytes(4)}; the largest file accepted is ${localKilobytes(1)}.`),
      '#attachment-error',
    );
  },
};

export const SupportCaseOpened: Story = {
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Bank PLC');
    const opened = new Promise<TnSupportCaseOpenedEvent['detail']>((resolve) =>
      pickerOf(canvasElement).addEventListener('tn-support-case-opened', (event) => resolve(event.detail), {
        once: true,
      }),
    );
    await chooseAccountAndConnect(canvasElement);
    const { supportCase } = await opened;
    await shows(canvasElement, msg('Request received'), '#outcome-title');
    await shows(canvasElement, supportCase.reference, '[part="outcome"] [part="reference"]');
  },
};

export const VerificationRequired: Story = {
  args: { customerId: DEMO_IDS.demonstrationExampleBuyer },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Demonstration Example Buyer');
    await chooseAccountAndConnect(canvasElement);
    await shows(canvasElement, msg('Verification required'), '#outcome-title');
    await shows(canvasElement, 'Demonstration Example Buyer', '[part="outcome"]');
  },
};

export const ConnectedAtOnce: Story = {
  args: { customerId: DEMO_IDS.northwindAutoApprove },
  play: async ({ canvasElement }) => {
    const name = await legalName(canvasElement, DEMO_IDS.northwindAutoApprove);
    await shows(canvasElement, name, '[part="customer-card"]');
    await chooseAccountAndConnect(canvasElement);
    await shows(canvasElement, msg('Connected'), '#outcome-title');
    await shows(canvasElement, msg(str`You are connected with ${isolated(name)}.`), '[part="outcome"]');
  },
};

/** The request failed: an error with a retry, and everything typed kept. */
export const RequestFailed: Story = {
  loaders: [withAdapter(failing('requestConnection', 'unavailable'))],
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'Tungsten Bank PLC');
    await chooseAccountAndConnect(canvasElement);
    await shows(canvasElement, msg("Couldn't send your request."), '[part="error"]');
  },
};

export const AccountsFailed: Story = {
  loaders: [withAdapter(failing('listAccounts', 'network'))],
  play: async ({ canvasElement }) => shows(canvasElement, msg("Couldn't load your accounts."), '[part="error"]'),
};

export const French: Story = {
  globals: { locale: 'fr' },
  args: { customerId: DEMO_IDS.technicalServicesTestBuyer17 },
  play: async ({ canvasElement }) => shows(canvasElement, 'Malaisie'),
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
