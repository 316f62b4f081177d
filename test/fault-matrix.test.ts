import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { AdapterErrorCode, FieldError } from '../src/adapter/errors.js';
import type {
  AttentionSummary,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  SupportCase,
  VerificationSession,
} from '../src/adapter/types.js';
import { errorMessage } from '../src/base/error-states.js';
import type { TnErrorEvent } from '../src/base/events.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import type { PendingCall } from './helpers/fake-adapter.js';

/**
 * The fault matrix: every adapter method an element calls × every error code. For each,
 * the element that called it shows the localized message for that code (or, for `invalid`
 * with field errors on a form, the errors on their fields), reports `tn-error` with the
 * method and code, keeps everything the user typed, and — where it makes sense — "Try
 * again" calls the method once more and, answered, shows the working state.
 */

type Method = keyof CustomerConnectAdapter;

const CODES: AdapterErrorCode[] = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'invalid',
  'rate-limited',
  'unavailable',
  'bad-response',
];

// ----- data the fake adapter answers with once the fault is retried

const GROUP_REF = { id: 'GRP-T', name: 'TEST GROUP', size: 2 };
const ENTITY: CustomerEntity = { id: 'AAA100000001', legalName: 'Acme Trading Ltd', taxIds: ['GB100'], country: 'GB' };
const GROUPED: CustomerEntity = { ...ENTITY, group: GROUP_REF };
const GROUP: CustomerGroup = {
  id: GROUP_REF.id,
  name: GROUP_REF.name,
  entities: [GROUPED, { id: 'AAA100000002', legalName: 'Acme GmbH', taxIds: [], country: 'DE', group: GROUP_REF }],
};
const ACCOUNTS = [{ id: 'ACC-1', name: 'Adams Office Supplies' }];
const CASE: SupportCase = {
  reference: '2881017',
  status: 'open',
  openedAt: '2026-11-28T10:00:00Z',
  processBy: '2026-11-30T10:00:00Z',
  accountId: 'ACC-1',
  customers: [{ id: ENTITY.id, legalName: ENTITY.legalName }],
};
const SESSION: VerificationSession = {
  id: 'VER-1',
  customer: { id: ENTITY.id, legalName: ENTITY.legalName },
  accountId: 'ACC-1',
  step: 'evidence',
  attemptsRemaining: 3,
  maxAttempts: 3,
  currency: 'GBP',
};
const AT_CHALLENGE: VerificationSession = { ...SESSION, step: 'challenge', challenge: { invoiceNumber: 'TNA9187' } };
const VERIFIED: VerificationSession = { ...SESSION, step: 'verified' };
const SUMMARY: AttentionSummary = {
  generatedAt: '2026-11-28T10:00:00Z',
  failedInvoices: { count: 0, items: [] },
  supportTickets: { count: 1, items: [CASE] },
  savedInvoices: { count: 0, items: [] },
};

// ----- helpers

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);

/** The live call of `method` (not one the element already gave up), once the element made it. */
async function pending(fake: FakeAdapter, method: Method, after = 0): Promise<PendingCall> {
  const live = () => fake.of(method).slice(after).filter((call) => !call.signal?.aborted);
  await waitUntil(() => live().length > 0, `${method} was never called`, { timeout: 3000 });
  // Let the element settle: a call it replaces at once (new arguments) is aborted by then.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  await waitUntil(() => live().length > 0, `${method} was called, then abandoned`, { timeout: 3000 });
  return live().at(-1)!;
}

function fill(el: Element, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The values of these fields, as the user sees them. */
const values = (el: Element, selectors: string[]) =>
  Object.fromEntries(selectors.map((s) => [s, $<HTMLInputElement>(el, s)?.value ?? '(gone)']));

interface Scenario {
  element: string;
  method: Method;
  /** Mounts the element and drives it until `method` is called; returns it with that call. */
  start(fake: FakeAdapter): Promise<{ el: Element; call: PendingCall }>;
  /** Fields the user typed into before the call: they must keep their values. */
  typed?: string[];
  /**
   * For `invalid`: field errors the server sends, the message element each must fill, and
   * the control that must point at it (`aria-describedby`) and take focus.
   */
  fieldErrors?: { errors: FieldError[]; message: string; control: string };
  /** A good answer to the retried call. */
  answer: unknown;
  /** Codes whose "Try again" rightly calls another method first (e.g. re-reading the state after `conflict`). */
  retryWith?: Partial<Record<AdapterErrorCode, { method: Method; answer: unknown; recovered?: (el: Element) => boolean }>>;
  /** The good answer moves on to a new step with new, empty fields. */
  movesOn?: boolean;
  /** The element shows what the good answer brings. */
  recovered(el: Element): boolean;
}

const SCENARIOS: Scenario[] = [
  {
    element: 'tn-customer-search',
    method: 'searchDirectory',
    async start(fake) {
      const el = await fixture(html`<tn-customer-search .adapter=${fake.adapter} debounce="0"></tn-customer-search>`);
      fill(el, 'input', 'acme');
      return { el, call: await pending(fake, 'searchDirectory') };
    },
    typed: ['input'],
    answer: { items: [ENTITY], total: 1 },
    recovered: (el) => !!$(el, '[role="option"]'),
  },
  {
    element: 'tn-group-picker',
    method: 'listAccounts',
    async start(fake) {
      const el = await fixture(html`<tn-group-picker .adapter=${fake.adapter} .customer=${ENTITY}></tn-group-picker>`);
      return { el, call: await pending(fake, 'listAccounts') };
    },
    answer: ACCOUNTS,
    recovered: (el) => !!$(el, '#account'),
  },
  {
    element: 'tn-group-picker',
    method: 'getCustomer',
    async start(fake) {
      const el = await fixture(html`<tn-group-picker .adapter=${fake.adapter} customer-id=${ENTITY.id}></tn-group-picker>`);
      (await pending(fake, 'listAccounts')).resolve(ACCOUNTS);
      return { el, call: await pending(fake, 'getCustomer') };
    },
    answer: ENTITY,
    recovered: (el) => !!$(el, '[part~="customer-card"]'),
  },
  {
    element: 'tn-group-picker',
    method: 'getGroup',
    async start(fake) {
      const el = await fixture(html`<tn-group-picker .adapter=${fake.adapter} group-id=${GROUP.id}></tn-group-picker>`);
      (await pending(fake, 'listAccounts')).resolve(ACCOUNTS);
      return { el, call: await pending(fake, 'getGroup') };
    },
    answer: GROUP,
    recovered: (el) => !!$(el, '[role="treeitem"]'),
  },
  {
    element: 'tn-group-picker',
    method: 'requestConnection',
    async start(fake) {
      const el = await fixture(html`<tn-group-picker .adapter=${fake.adapter} .customer=${ENTITY}></tn-group-picker>`);
      (await pending(fake, 'listAccounts')).resolve(ACCOUNTS);
      await waitUntil(() => $(el, '#vendor-code'));
      fill(el, '#vendor-code', 'V-42');
      fill(el, '#notes', 'Our PO 7781');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      return { el, call: await pending(fake, 'requestConnection') };
    },
    typed: ['#vendor-code', '#notes'],
    fieldErrors: {
      errors: [{ field: 'vendorCode', code: 'unknown-vendor', message: 'Unknown vendor code' }],
      message: '#vendor-code-error',
      control: '#vendor-code',
    },
    answer: { kind: 'support-case', supportCase: CASE, skipped: [] },
    recovered: (el) => !!$(el, '[part~="outcome"]'),
  },
  {
    element: 'tn-group-picker',
    method: 'uploadAttachment',
    async start(fake) {
      const el = await fixture(html`<tn-group-picker .adapter=${fake.adapter} .customer=${ENTITY}></tn-group-picker>`);
      (await pending(fake, 'listAccounts')).resolve(ACCOUNTS);
      await waitUntil(() => $(el, '#vendor-code'));
      fill(el, '#vendor-code', 'V-43');
      (el as HTMLElement & { attach(file: File): void }).attach(new File(['%PDF-1.4'], 'po.pdf', { type: 'application/pdf' }));
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      return { el, call: await pending(fake, 'uploadAttachment') };
    },
    typed: ['#vendor-code'],
    fieldErrors: {
      errors: [{ field: 'file', code: 'virus', message: 'The file was refused' }],
      message: '#attachment-error',
      control: '[data-field="attachment"]',
    },
    answer: { id: 'UP-1' },
    // Uploaded, the request goes on: the element now waits for the connection request.
    recovered: () => true,
  },
  {
    element: 'tn-verify-invoice',
    method: 'getVerification',
    async start(fake) {
      const el = await fixture(html`<tn-verify-invoice .adapter=${fake.adapter} verification-id="VER-1"></tn-verify-invoice>`);
      return { el, call: await pending(fake, 'getVerification') };
    },
    answer: SESSION,
    recovered: (el) => !!$(el, '#invoice-number'),
  },
  {
    element: 'tn-verify-invoice',
    method: 'submitVerificationEvidence',
    async start(fake) {
      const el = await fixture(html`<tn-verify-invoice .adapter=${fake.adapter} .session=${SESSION}></tn-verify-invoice>`);
      fill(el, '#invoice-number', 'TNA9322');
      fill(el, '#invoice-date', '2015-08-10');
      fill(el, '#amount', '4508');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $<HTMLButtonElement>(el, '[part~="continue"]')!.click();
      return { el, call: await pending(fake, 'submitVerificationEvidence') };
    },
    typed: ['#invoice-number', '#invoice-date', '#amount'],
    fieldErrors: {
      errors: [{ field: 'invoiceNumber', code: 'unknown', message: 'No such invoice' }],
      message: '#invoice-number-error',
      control: '#invoice-number',
    },
    answer: { accepted: true, session: AT_CHALLENGE },
    retryWith: { conflict: { method: 'getVerification', answer: AT_CHALLENGE } },
    movesOn: true,
    recovered: (el) => !!$(el, '#challenge-number'),
  },
  {
    element: 'tn-verify-invoice',
    method: 'answerChallenge',
    async start(fake) {
      const el = await fixture(html`<tn-verify-invoice .adapter=${fake.adapter} .session=${AT_CHALLENGE}></tn-verify-invoice>`);
      fill(el, '#invoice-date', '2015-06-15');
      fill(el, '#amount', '1275.50');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $<HTMLButtonElement>(el, '[part~="continue"]')!.click();
      return { el, call: await pending(fake, 'answerChallenge') };
    },
    typed: ['#invoice-date', '#amount'],
    fieldErrors: {
      errors: [{ field: 'amount', code: 'mismatch', message: 'Wrong currency' }],
      message: '#amount-error',
      control: '#amount',
    },
    answer: { accepted: true, session: VERIFIED, relationships: [] },
    retryWith: { conflict: { method: 'getVerification', answer: VERIFIED } },
    movesOn: true,
    recovered: (el) => !!$(el, '[part~="confirmation"]'),
  },
  {
    element: 'tn-verify-invoice',
    method: 'connectWithoutVerification',
    async start(fake) {
      const el = await fixture(html`<tn-verify-invoice .adapter=${fake.adapter} .session=${SESSION}></tn-verify-invoice>`);
      fill(el, '#invoice-number', 'TNA1');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      $<HTMLButtonElement>(el, '[part~="fallback-button"]')!.click();
      return { el, call: await pending(fake, 'connectWithoutVerification') };
    },
    typed: ['#invoice-number'],
    answer: CASE,
    // After a conflict, "Try again" re-reads the verification: here it is still open, with its form.
    retryWith: {
      conflict: {
        method: 'getVerification',
        answer: SESSION,
        recovered: (el) => !!$(el, '#invoice-number') && !$(el, '[role="alert"]'),
      },
    },
    recovered: (el) => !!$(el, '[part="reference"]'),
  },
  {
    element: 'tn-verify-invoice',
    method: 'getSupportCase',
    async start(fake) {
      const replaced: VerificationSession = { ...SESSION, supportCaseReference: CASE.reference };
      const el = await fixture(html`<tn-verify-invoice .adapter=${fake.adapter} .session=${replaced}></tn-verify-invoice>`);
      return { el, call: await pending(fake, 'getSupportCase') };
    },
    answer: CASE,
    recovered: (el) => !!$(el, '[part="reference"]'),
  },
  {
    element: 'tn-support-case',
    method: 'getSupportCase',
    async start(fake) {
      const el = await fixture(html`<tn-support-case .adapter=${fake.adapter} reference=${CASE.reference}></tn-support-case>`);
      return { el, call: await pending(fake, 'getSupportCase') };
    },
    answer: CASE,
    recovered: (el) => !!$(el, '[part="reference"]'),
  },
  {
    element: 'tn-attention-panel',
    method: 'getAttentionSummary',
    async start(fake) {
      const el = await fixture(html`<tn-attention-panel .adapter=${fake.adapter}></tn-attention-panel>`);
      return { el, call: await pending(fake, 'getAttentionSummary') };
    },
    answer: SUMMARY,
    recovered: (el) => root(el).textContent!.includes('2881017') || root(el).querySelectorAll('tr').length > 1,
  },
  {
    element: 'tn-relationships',
    method: 'listRelationships',
    async start(fake) {
      const el = await fixture(html`<tn-relationships .adapter=${fake.adapter}></tn-relationships>`);
      return { el, call: await pending(fake, 'listRelationships') };
    },
    answer: [
      {
        id: 'REL-1',
        accountId: 'ACC-1',
        accountName: 'Adams Office Supplies',
        customer: { id: ENTITY.id, legalName: ENTITY.legalName, country: 'GB' },
        status: 'connected',
        since: '2026-11-20T10:00:00Z',
      },
    ],
    recovered: (el) => root(el).textContent!.includes(ENTITY.legalName),
  },
];

describe('fault matrix: every adapter method × every error code', () => {
  for (const scenario of SCENARIOS) {
    for (const code of CODES) {
      it(`${scenario.element} › ${scenario.method} › ${code}`, async () => {
        const fake = new FakeAdapter();
        const { el, call } = await scenario.start(fake);
        const reported: TnErrorEvent['detail'][] = [];
        el.addEventListener('tn-error', (event) => reported.push((event as TnErrorEvent).detail));
        const typedBefore = values(el, scenario.typed ?? []);
        const onFields = code === 'invalid' && scenario.fieldErrors;

        call.reject(
          new TnAdapterError(code, {
            message: `server says ${code}`,
            ...(code === 'invalid' && scenario.fieldErrors ? { fieldErrors: scenario.fieldErrors.errors } : {}),
          }),
        );
        await waitUntil(() => reported.length > 0, 'no tn-error was reported');
        expect(reported[0]).to.include({ operation: scenario.method, code });

        if (onFields) {
          // The server's field error lands on its field: a message the control points at, and focus.
          const { message, control } = scenario.fieldErrors!;
          await waitUntil(() => $(el, message)?.textContent!.trim(), `${message} is empty`);
          expect($(el, control)!.getAttribute('aria-describedby') ?? '').to.contain(message.slice(1));
          await waitUntil(() => root(el).activeElement === $(el, control), `focus is not on ${control}`);
        } else {
          const message = errorMessage(code);
          await waitUntil(
            () => [...root(el).querySelectorAll('[role="alert"], [part~="error"]')].some((n) => n.textContent!.includes(message)),
            `no "${message}" shown`,
          );
          // The server's own words are not shown in place of ours.
          expect(root(el).textContent).to.not.contain(`server says ${code}`);
        }
        expect(values(el, scenario.typed ?? []), 'something the user typed was lost').to.deep.equal(typedBefore);

        if (!onFields) {
          const retry = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="retry"]')].at(-1);
          expect(retry, 'no "Try again"').to.not.equal(undefined);
          const { method, answer, recovered = scenario.recovered } = scenario.retryWith?.[code] ?? {
            method: scenario.method,
            answer: scenario.answer,
          };
          const before = fake.of(method).length;
          // Fifty impatient clicks before the element re-renders: one new call.
          for (let i = 0; i < 50; i++) retry!.click();
          const again = await pending(fake, method, before);
          expect(fake.of(method).length, 'fifty clicks on "Try again", one new call').to.equal(before + 1);
          again.resolve(answer);
          await waitUntil(() => recovered(el), 'the answered retry did not bring the element back');
          if (!scenario.movesOn) {
            expect(values(el, (scenario.typed ?? []).filter((s) => $(el, s))), 'typed values lost on retry').to.deep.equal(
              Object.fromEntries(Object.entries(typedBefore).filter(([s]) => $(el, s))),
            );
          }
        }
      });
    }
  }
});
