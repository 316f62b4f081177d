/**
 * `<tn-verify-invoice>` in every state. Each story's loader opens a verification of
 * "Demonstration Example Buyer" on a fresh demo network and brings it to the state shown
 * (answering as a user would), so every story starts from the same place. Stories that show
 * the result of an action (wrong answer, fallback, failure) take it in `play`.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/components/verify-invoice/tn-verify-invoice.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import type { CustomerConnectAdapter, VerificationSession } from '../src/adapter/types.js';
import {
  DEMO_EVIDENCE,
  demoChallengeAnswer,
  demoVerification,
  pendingVerificationAdapter,
} from './story-adapters.js';
import { activeLocale, typedAmount } from './story-text.js';

interface VerifyArgs {
  /** Listed (from the JSDoc) but not a control: each story's loader supplies the adapter. */
  adapter?: CustomerConnectAdapter;
  verificationId: string;
  customerName: string;
  headingLevel: number;
  invoiceNumberMaxLength: number;
  onTnStepChange: (event: Event) => void;
  onTnVerificationRejected: (event: Event) => void;
  onTnVerified: (event: Event) => void;
  onTnConnected: (event: Event) => void;
  onTnSupportCaseOpened: (event: Event) => void;
  onTnViewCase: (event: Event) => void;
  onTnError: (event: Event) => void;
}

type Story = StoryObj<VerifyArgs>;

/** What a loader gives the story; a key set to `undefined` overrides the default loader's. */
interface Loaded {
  adapter?: CustomerConnectAdapter;
  session?: VerificationSession;
}

const loadedOf = (context: StoryContext<VerifyArgs>) => context.loaded as Loaded;

/** A loader giving the story what `make` prepares. */
const withLoaded = (make: () => Promise<Loaded> | Loaded) => async () => make();

const meta: Meta<VerifyArgs> = {
  title: 'Elements/tn-verify-invoice',
  component: 'tn-verify-invoice',
  tags: ['autodocs'],
  render: (args, context) => html`<tn-verify-invoice
    .adapter=${loadedOf(context).adapter}
    .session=${loadedOf(context).session}
    verification-id=${ifDefined(args.verificationId || undefined)}
    customer-name=${ifDefined(args.customerName || undefined)}
    heading-level=${args.headingLevel}
    invoice-number-max-length=${args.invoiceNumberMaxLength}
    @tn-step-change=${args.onTnStepChange}
    @tn-verification-rejected=${args.onTnVerificationRejected}
    @tn-verified=${args.onTnVerified}
    @tn-connected=${args.onTnConnected}
    @tn-support-case-opened=${args.onTnSupportCaseOpened}
    @tn-view-case=${args.onTnViewCase}
    @tn-error=${args.onTnError}
  ></tn-verify-invoice>`,
  loaders: [withLoaded(() => demoVerification())],
  args: {
    verificationId: '',
    customerName: '',
    headingLevel: 2,
    invoiceNumberMaxLength: 50,
    onTnStepChange: fn().mockName('tn-step-change'),
    onTnVerificationRejected: fn().mockName('tn-verification-rejected'),
    onTnVerified: fn().mockName('tn-verified'),
    onTnConnected: fn().mockName('tn-connected'),
    onTnSupportCaseOpened: fn().mockName('tn-support-case-opened'),
    onTnViewCase: fn().mockName('tn-view-case'),
    onTnError: fn().mockName('tn-error'),
  },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 1, max: 5, step: 1 } },
    invoiceNumberMaxLength: { control: { type: 'number', min: 1, max: 100, step: 1 } },
    onTnStepChange: { table: { disable: true } },
    onTnVerificationRejected: { table: { disable: true } },
    onTnVerified: { table: { disable: true } },
    onTnConnected: { table: { disable: true } },
    onTnSupportCaseOpened: { table: { disable: true } },
    onTnViewCase: { table: { disable: true } },
    onTnError: { table: { disable: true } },
  },
};
export default meta;

const WAIT = { timeout: 5000 };

/** The element in the story's canvas, rendered. */
async function elementIn(canvas: HTMLElement): Promise<TnVerifyInvoice> {
  const el = canvas.querySelector('tn-verify-invoice');
  if (!el) throw new Error('<tn-verify-invoice> is not in the canvas');
  await el.updateComplete;
  return el;
}

const shadow = (el: TnVerifyInvoice) => el.shadowRoot!;

/** Puts a value in a field the way typing does (an `input` event). */
function fill(el: TnVerifyInvoice, id: string, value: string): void {
  const input = shadow(el).querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no #${id}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

/** A date ("2015-08-10") typed the way the active locale writes it: "08/10/2015" in English, "10/08/2015" in French. */
function typedDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const digits = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  return new Intl.DateTimeFormat(activeLocale(), digits).format(new Date(year, month - 1, day));
}

function click(el: TnVerifyInvoice, selector: string): void {
  shadow(el).querySelector<HTMLButtonElement>(selector)!.click();
}

/** Waits until the element shows `selector`. */
const shows = (el: TnVerifyInvoice, selector: string) =>
  waitFor(() => expect(shadow(el).querySelector(selector)).not.toBeNull(), WAIT);

/**
 * Step 1: the number, date and amount of a recent invoice. Try TNA9322 / 10 Aug 2015 / 4508.
 * The date is typed in the page's order (08/10/2015 in English, 10/08/2015 in French), as
 * the hint under it shows.
 */
export const Step1InvoiceDetails: Story = {};

/** Step 2: the network names another invoice of the history; give its date and amount. */
export const Step2Challenge: Story = {
  loaders: [
    withLoaded(() =>
      demoVerification((adapter, session) => adapter.submitVerificationEvidence(session.id, DEMO_EVIDENCE)),
    ),
  ],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '#challenge-number');
  },
};

/** Step 3: verified and connected, with the one-to-two-hours note. */
export const Step3Connected: Story = {
  loaders: [
    withLoaded(() =>
      demoVerification(async (adapter, session) => {
        const { session: atChallenge } = await adapter.submitVerificationEvidence(session.id, DEMO_EVIDENCE);
        await adapter.answerChallenge(session.id, demoChallengeAnswer(atChallenge));
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '[part~="confirmation"]');
  },
};

/** A wrong answer: the message says how many attempts are left; the fields keep their values. */
export const WrongAnswer: Story = {
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    fill(el, 'invoice-number', 'TNA9322');
    fill(el, 'invoice-date', typedDate('2015-08-11'));
    // The right amount, written the way the active locale writes it ("4 508,00" in French).
    fill(el, 'amount', typedAmount(DEMO_EVIDENCE.amount.amount));
    click(el, '[part~="continue"]');
    await shows(el, '[part~="rejection"]');
  },
};

/** A date that does not exist (31 February): the field keeps it and says how to write a date, with an example. */
export const InvalidDate: Story = {
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    fill(el, 'invoice-number', 'TNA9322');
    // No such day whichever order the page reads it in (31 February, or a 31st month).
    fill(el, 'invoice-date', '31/02/2015');
    fill(el, 'amount', typedAmount(DEMO_EVIDENCE.amount.amount));
    click(el, '[part~="continue"]');
    await shows(el, '#invoice-date-error');
  },
};

/** No attempts left: locked, with "Connect without verification" as the way forward. */
export const Locked: Story = {
  loaders: [
    withLoaded(() =>
      demoVerification(async (adapter, session) => {
        const wrong = { ...DEMO_EVIDENCE, invoiceDate: '2015-08-11' };
        for (let attempt = 0; attempt < session.maxAttempts; attempt++) {
          await adapter.submitVerificationEvidence(session.id, wrong);
        }
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '[part~="locked"]');
  },
};

/** "Connect without verification" from step 1: the support case's reference and deadline. */
export const FallbackToSupportCase: Story = {
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    click(el, '[part~="fallback-button"]');
    await shows(el, '[part="reference"]');
  },
};

/** The network is unavailable when Continue is pressed: an error with "Try again"; nothing typed is lost. */
export const AdapterFailure: Story = {
  loaders: [
    withLoaded(async () => {
      const loaded = await demoVerification();
      loaded.adapter.injectFault({ method: 'submitVerificationEvidence', code: 'unavailable' });
      return loaded;
    }),
  ],
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    fill(el, 'invoice-number', 'TNA9322');
    fill(el, 'invoice-date', typedDate('2015-08-10'));
    fill(el, 'amount', '4508');
    click(el, '[part~="continue"]');
    await shows(el, 'form [part~="retry"]');
  },
};

/** Given only a `verification-id`: loading while the session is fetched. */
export const LoadingSession: Story = {
  args: { verificationId: 'VER-0001' },
  loaders: [withLoaded(() => ({ adapter: pendingVerificationAdapter(), session: undefined }))],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '[part="status"]');
  },
};

/** The session could not be fetched: an error with "Try again". */
export const LoadFailure: Story = {
  args: { verificationId: 'VER-0001' },
  loaders: [
    withLoaded(async () => {
      const { adapter } = await demoVerification();
      adapter.injectFault({ method: 'getVerification', code: 'network' });
      return { adapter, session: undefined };
    }),
  ],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '[part~="retry"]');
  },
};

/** No adapter: a visible "not configured" error, never a blank box. */
export const NotConfigured: Story = {
  loaders: [withLoaded(async () => ({ adapter: undefined, session: (await demoVerification()).session }))],
  play: async ({ canvasElement }) => {
    await shows(await elementIn(canvasElement), '[part~="not-configured"]');
  },
};

/** Markup in server strings (the customer's name, the challenge number) shows as text. */
export const HostileData: Story = {
  loaders: [
    withLoaded(async () => {
      const { adapter, session } = await demoVerification((a, s) => a.submitVerificationEvidence(s.id, DEMO_EVIDENCE));
      return {
        adapter,
        session: {
          ...session,
          customer: { ...session.customer, legalName: '<img src=x onerror=alert(1)> Holdings Ltd' },
          challenge: { invoiceNumber: '<b>TNA</b><script>alert(2)</script>' },
        },
      };
    }),
  ],
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    await expect(shadow(el).querySelector('img, script, b')).toBeNull();
    await expect(shadow(el).textContent).toContain('<img src=x onerror=alert(1)>');
  },
};

/** Step 1 in French, with a date and an amount typed the French way ("10/08/2015", "4 508,00"). */
export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const el = await elementIn(canvasElement);
    fill(el, 'invoice-number', 'TNA9322');
    fill(el, 'invoice-date', '10/08/2015');
    fill(el, 'amount', '4 508,00');
  },
};

/** The challenge in French. */
export const FrenchChallenge: Story = {
  ...Step2Challenge,
  globals: { locale: 'fr' },
};

/** The support case in French: the deadline in French, the reference to note. */
export const FrenchSupportCase: Story = {
  ...FallbackToSupportCase,
  globals: { locale: 'fr' },
};

/** Step 2 in the dark theme: only `--tn-*` custom properties on the page. */
export const DarkTheme: Story = {
  ...Step2Challenge,
  globals: { theme: 'dark' },
};

/** A wrong answer in a right-to-left page. */
export const RightToLeft: Story = {
  ...WrongAnswer,
  globals: { dir: 'rtl' },
};
