import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/customer-connect/tn-customer-connect.js';
import '../src/components/adapter-provider/tn-adapter-provider.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_FIRST_CASE_REFERENCE,
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  createDemoAdapter,
} from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import type { FlowStep, TnFlowStepChangeEvent } from '../src/base/events.js';
import { setLocale } from '../src/localization/localization.js';
import { chord, press, type } from './helpers/keys.js';

// ----- helpers: the flow is driven through its children, as a user sees them

const search = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnCustomerSearch>('tn-customer-search')!;
const picker = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnGroupPicker>('tn-group-picker')!;
const verifier = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnVerifyInvoice>('tn-verify-invoice')!;
const title = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<HTMLElement>('#flow-title')!;
const inPicker = <T extends Element = HTMLElement>(el: TnCustomerConnect, selector: string) =>
  picker(el).shadowRoot!.querySelector<T>(selector);
const inVerifier = <T extends Element = HTMLElement>(el: TnCustomerConnect, selector: string) =>
  verifier(el).shadowRoot!.querySelector<T>(selector);
const button = (root: ParentNode, name: string | RegExp) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof name === 'string' ? b.textContent!.trim().replace(/\s+/g, ' ') === name : name.test(b.textContent!),
  );
/** The text a user sees in an element, its shadow root included. */
const visibleText = (el: Element): string =>
  el.shadowRoot
    ? [...el.shadowRoot.children].map((child) => (child as HTMLElement).innerText ?? '').join(' ')
    : ((el as HTMLElement).innerText ?? '');

/** Whether a child sits in a hidden step. */
const shown = (child: Element) => !(child.parentElement as HTMLElement).hidden;

async function flowFixture(adapter: DemoAdapter = createDemoAdapter(), attrs = html``) {
  const steps: TnFlowStepChangeEvent['detail'][] = [];
  const el = await fixture<TnCustomerConnect>(
    html`<tn-customer-connect .adapter=${adapter} @tn-flow-step-change=${(e: TnFlowStepChangeEvent) => steps.push(e.detail)}
      >${attrs}</tn-customer-connect
    >`,
  );
  search(el).debounce = 0;
  return { el, adapter, steps };
}

async function titleFocused(el: TnCustomerConnect, text: string) {
  await waitUntil(
    () => el.shadowRoot!.activeElement === title(el) && title(el).textContent!.trim() === text,
    `focus is not on the step title "${text}" (title: "${title(el).textContent!.trim()}", focus: ${el.shadowRoot!.activeElement?.id})`,
  );
}

/** Types into the search and waits for results, then takes the first one with Enter (or Shift+Enter). */
async function findAndChoose(el: TnCustomerConnect, text: string, name: string, how: 'connect' | 'group' = 'connect') {
  search(el).focus();
  await type(text);
  const options = () => [...search(el).shadowRoot!.querySelectorAll('[role="option"]')];
  await waitUntil(() => options().some((o) => o.textContent!.includes(name)), `no result "${name}"`, { timeout: 5000 });
  const index = options().findIndex((o) => o.textContent!.includes(name));
  for (let i = 0; i <= index; i++) await press('ArrowDown');
  if (how === 'connect') await press('Enter');
  else await chord('Shift', 'Enter');
}

async function chooseAccount(el: TnCustomerConnect, id = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt) {
  await waitUntil(() => inPicker<HTMLSelectElement>(el, '#account'), 'no account choice', { timeout: 5000 });
  const select = inPicker<HTMLSelectElement>(el, '#account')!;
  select.value = id;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function setField(root: ShadowRoot, id: string, value: string) {
  const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const stepsOf = (steps: TnFlowStepChangeEvent['detail'][]) => steps.map((s) => s.step);

describe('<tn-customer-connect>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('the step title gets focus with a ring after a key, without one after a click', async () => {
    const { el } = await flowFixture();
    // Keyboard: Enter on a result.
    await findAndChoose(el, 'tungsten bank', 'Tungsten Bank PLC');
    await titleFocused(el, 'Request the connection');
    expect(title(el).hasAttribute('data-pointer-focus')).to.equal(false);
    expect(getComputedStyle(title(el)).outlineStyle).to.not.equal('none');

    // Pointer: back to the search, then a click on a result's Connect.
    button(el.shadowRoot!, /Back/)!.click();
    await titleFocused(el, 'Find your customer');
    const connect = () =>
      [...search(el).shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
        .find((o) => o.textContent!.includes('Tungsten Bank PLC'))
        ?.querySelector<HTMLElement>('[data-action="connect"]');
    search(el).focus();
    await type('x');
    await press('Backspace');
    await waitUntil(connect, 'no result', { timeout: 5000 });
    connect()!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    connect()!.click();
    await titleFocused(el, 'Request the connection');
    expect(title(el).hasAttribute('data-pointer-focus')).to.equal(true);
    expect(getComputedStyle(title(el)).outlineStyle).to.equal('none');
  });

  it('shows a visible "not configured" error without an adapter', async () => {
    const el = await fixture<TnCustomerConnect>(html`<tn-customer-connect></tn-customer-connect>`);
    expect(el.shadowRoot!.textContent).to.contain('tn-customer-connect');
    expect(el.shadowRoot!.querySelector('[role="alert"], .notice')).to.not.equal(null);
  });

  it('starts on the search, with a visible title and progress, and does not steal focus', async () => {
    const { el, steps } = await flowFixture();
    expect(el.step).to.equal('search');
    expect(title(el).textContent!.trim()).to.equal('Find your customer');
    expect(title(el).getAttribute('role')).to.equal('heading');
    expect(title(el).getAttribute('aria-level')).to.equal('2');
    const current = el.shadowRoot!.querySelector('[aria-current="step"]')!;
    expect(current.textContent).to.contain('Find your customer').and.contain('(step 1 of 3)');
    expect(shown(search(el))).to.equal(true);
    expect(shown(picker(el))).to.equal(false);
    expect(shown(verifier(el))).to.equal(false);
    expect(document.activeElement).to.not.equal(el);
    expect(steps).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('gives its adapter to its steps, and takes one from a provider around it', async () => {
    const adapter = createDemoAdapter();
    const wrapper = await fixture(html`<tn-adapter-provider .adapter=${adapter}><tn-customer-connect></tn-customer-connect></tn-adapter-provider>`);
    const el = wrapper.querySelector('tn-customer-connect')!;
    await el.updateComplete;
    search(el).debounce = 0;
    await findAndChoose(el, 'tungsten', 'Tungsten Bank PLC');
    await waitUntil(() => inPicker(el, '#account'), 'the request never got the provided adapter', { timeout: 5000 });
    expect(el.step).to.equal('request');
  });

  it('tunes its search step with min-chars, debounce and page-size, whose defaults are the search\'s own', async () => {
    const adapter = createDemoAdapter();
    const asked: { text: string; pageSize?: number }[] = [];
    const searchDirectory = adapter.searchDirectory.bind(adapter);
    adapter.searchDirectory = (query, options) => {
      asked.push({ text: query.text, pageSize: query.pageSize });
      return searchDirectory(query, options);
    };
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect .adapter=${adapter} min-chars="4" debounce="0" page-size="3"></tn-customer-connect>`,
    );
    search(el).focus();
    await type('tun');
    // Longer than the default debounce: three characters never search, whatever the debounce.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked, 'searched before min-chars').to.deep.equal([]);
    await type('g');
    await waitUntil(() => asked.length === 1, 'the fourth character did not search', { timeout: 2000 });
    expect(asked[0]).to.deep.equal({ text: 'tung', pageSize: 3 });
    const options = () => search(el).shadowRoot!.querySelectorAll('[role="option"]');
    await waitUntil(() => options().length > 0, 'no results', { timeout: 5000 });
    expect(options().length).to.equal(3);

    // Changed later, it reaches the step too.
    el.minChars = 1;
    await el.updateComplete;
    expect(search(el).minChars).to.equal(1);

    const flow = document.createElement('tn-customer-connect');
    const alone = document.createElement('tn-customer-search');
    expect([flow.minChars, flow.debounce, flow.pageSize]).to.deep.equal([alone.minChars, alone.debounce, alone.pageSize]);
  });

  it('single entity: search → request → support case, with the reference and deadline, every event reaching the host', async () => {
    const { el, steps } = await flowFixture();
    const seen: string[] = [];
    const types = ['tn-search', 'tn-connect', 'tn-request-connection', 'tn-support-case-opened', 'tn-flow-step-change'];
    const record = (e: Event) => seen.push(e.type);
    for (const t of types) document.addEventListener(t, record);
    try {
      await findAndChoose(el, 'tungsten bank', 'Tungsten Bank PLC');
      await titleFocused(el, 'Request the connection');
      expect(el.step).to.equal('request');
      expect(shown(picker(el))).to.equal(true);
      expect(shown(search(el))).to.equal(false);
      expect(steps[0]).to.deep.equal({ step: 'request', previous: 'search', customerId: DEMO_IDS.tungstenBank });
      await waitUntil(() => visibleText(picker(el)).includes('Tungsten Bank PLC'), 'the request does not show the customer');

      await chooseAccount(el);
      const opened = oneEvent(el, 'tn-support-case-opened');
      inPicker<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      const { detail } = await opened;
      expect(detail.supportCase.reference).to.equal(String(DEMO_FIRST_CASE_REFERENCE));

      await titleFocused(el, 'Your request has been received');
      expect(el.step).to.equal('done');
      expect(steps.at(-1)).to.deep.equal({
        step: 'done',
        previous: 'request',
        customerId: DEMO_IDS.tungstenBank,
        supportCaseReference: String(DEMO_FIRST_CASE_REFERENCE),
      });
      // The flow's done step recaps the request (customer, account, the reference to note) and says what comes next.
      expect(shown(picker(el))).to.equal(false);
      const outcome = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="outcome"]')!;
      await waitUntil(() => outcome().innerText.includes('Adams Office Supplies (IT) - Test'), 'the recap names no account');
      const recap = outcome().innerText;
      expect(recap).to.contain('Tungsten Bank PLC');
      expect(recap).to.contain(String(DEMO_FIRST_CASE_REFERENCE));
      expect(recap).to.contain('Note this reference');
      expect(recap).to.match(/will be processed by .*\d/);
      expect(button(el.shadowRoot!, 'View the case')).to.not.equal(undefined);
      expect(button(el.shadowRoot!, 'Back')).to.equal(undefined);
      expect(button(el.shadowRoot!, 'Connect with another customer')).to.not.equal(undefined);
      await expect(el).to.be.accessible();
      for (const t of types) expect(seen, t).to.include(t);
    } finally {
      for (const t of types) document.removeEventListener(t, record);
    }
  });

  it('group: View group opens the request on the whole group with the entity ticked, and connects several entities', async () => {
    const { el, steps } = await flowFixture();
    await findAndChoose(el, 'tungsten', 'Tungsten Network GmbH', 'group');
    await titleFocused(el, 'Request the connection');
    const tree = () => inPicker(el, '[role="tree"]');
    await waitUntil(() => tree()?.querySelectorAll('[role="treeitem"]').length, `the group never showed: ${el.step}`, { timeout: 5000 });
    const checked = () =>
      [...tree()!.querySelectorAll('[role="treeitem"][aria-checked="true"]')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    await waitUntil(() => checked().some((t) => t.includes('Tungsten Network GmbH')), 'the entity was not ticked', { timeout: 3000 }).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(checked())} ${JSON.stringify(steps)}`);
    });
    expect(steps[0]).to.include({ step: 'request', customerId: DEMO_IDS.tungstenNetworkGmbh });

    button(picker(el).shadowRoot!, /Select the whole group/)!.click();
    await chooseAccount(el);
    // Tungsten Network GmbH requires the supplier's vendor code.
    setField(picker(el).shadowRoot!, 'vendor-code', 'V-1');
    const requested = oneEvent(el, 'tn-request-connection');
    inPicker<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    expect((await requested).detail.customers).to.have.length(7);
    await titleFocused(el, 'Your request has been received');
  });

  it('verification: request → verify (evidence, challenge) → connected; Back from verify keeps the request as typed', async () => {
    const { el, steps } = await flowFixture();
    await findAndChoose(el, 'demonstration', 'Demonstration Example Buyer');
    await titleFocused(el, 'Request the connection');
    await chooseAccount(el);
    setField(picker(el).shadowRoot!, 'vendor-code', 'V-42');
    inPicker<HTMLButtonElement>(el, '[part~="submit"]')!.click();

    await titleFocused(el, 'Verify your relationship');
    expect(el.step).to.equal('verify');
    expect(el.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain('(step 3 of 4)');
    const verificationId = steps.at(-1)!.verificationId!;
    expect(verificationId).to.be.a('string');

    // Back: the request as it was sent, vendor code included; sending it again returns to the same verification.
    button(el.shadowRoot!, /Back/)!.click();
    await titleFocused(el, 'Request the connection');
    await waitUntil(() => inPicker<HTMLInputElement>(el, '#vendor-code'), 'the form did not come back');
    expect(inPicker<HTMLInputElement>(el, '#vendor-code')!.value).to.equal('V-42');
    expect(inPicker<HTMLSelectElement>(el, '#account')!.value).to.equal(DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt);
    inPicker<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await titleFocused(el, 'Verify your relationship');
    expect(steps.at(-1)!.verificationId).to.equal(verificationId);

    // Step 1: a recent invoice.
    const [first] = DEMO_INVOICE_HISTORY;
    await waitUntil(() => inVerifier(el, '#invoice-number'), 'no evidence form');
    setField(verifier(el).shadowRoot!, 'invoice-number', first.number);
    setField(verifier(el).shadowRoot!, 'invoice-date', first.date);
    setField(verifier(el).shadowRoot!, 'amount', first.amount.amount);
    inVerifier<HTMLButtonElement>(el, '[part~="continue"]')!.click();
    await waitUntil(() => inVerifier(el, '#challenge-number'), 'no challenge', { timeout: 5000 });

    // Step 2: the invoice the network names.
    const asked = inVerifier(el, '#challenge-number')!.textContent!.trim();
    const invoice = DEMO_INVOICE_HISTORY.find((i) => i.number === asked)!;
    setField(verifier(el).shadowRoot!, 'invoice-date', invoice.date);
    setField(verifier(el).shadowRoot!, 'amount', invoice.amount.amount);
    const connected = oneEvent(el, 'tn-connected');
    inVerifier<HTMLButtonElement>(el, '[part~="continue"]')!.click();
    expect((await connected).detail.relationships[0].customer.id).to.equal(DEMO_IDS.demonstrationExampleBuyer);

    await titleFocused(el, 'You are connected');
    expect(el.step).to.equal('done');
    expect(shown(verifier(el))).to.equal(false);
    const recap = el.shadowRoot!.querySelector<HTMLElement>('[part~="recap"]')!.innerText;
    expect(recap).to.contain('Demonstration Example Buyer').and.contain('Adams Office Supplies (IT) - Test').and.contain('V-42');
    expect(visibleText(el)).to.contain('Invoice status information can take one to two hours');
    expect(stepsOf(steps)).to.deep.equal(['request', 'verify', 'request', 'verify', 'done']);
  });

  it('falls back from the verification to a support case ("Connect without verification")', async () => {
    const { el, steps } = await flowFixture();
    await findAndChoose(el, 'demonstration', 'Demonstration Example Buyer');
    await chooseAccount(el);
    inPicker<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await titleFocused(el, 'Verify your relationship');
    await waitUntil(() => inVerifier(el, '[part~="fallback-button"]'), 'no fallback');
    const opened = oneEvent(el, 'tn-support-case-opened');
    inVerifier<HTMLButtonElement>(el, '[part~="fallback-button"]')!.click();
    // The verification may ask for a confirmation first.
    const confirm = await Promise.race([
      opened.then(() => undefined),
      waitUntil(() => button(verifier(el).shadowRoot!, /Open a support case|Connect without verification/), '', { timeout: 2000 }).then(
        () => button(verifier(el).shadowRoot!, /Open a support case/),
      ),
    ]);
    confirm?.click();
    const { detail } = await opened;
    await titleFocused(el, 'Your request has been received');
    expect(steps.at(-1)).to.include({ step: 'done', previous: 'verify', supportCaseReference: detail.supportCase.reference });
    expect(el.shadowRoot!.querySelector('[part~="reference"]')!.textContent).to.equal(detail.supportCase.reference);
  });

  it('Back from the request returns to the search as it was; the same customer keeps the request, another starts afresh', async () => {
    const { el, steps } = await flowFixture();
    await findAndChoose(el, 'tungsten', 'Tungsten Bank PLC');
    await titleFocused(el, 'Request the connection');
    await waitUntil(() => inPicker(el, '#vendor-code'));
    setField(picker(el).shadowRoot!, 'vendor-code', 'V-7');

    button(el.shadowRoot!, /Back/)!.click();
    await titleFocused(el, 'Find your customer');
    expect(search(el).value).to.equal('tungsten');
    expect(search(el).shadowRoot!.querySelectorAll('[role="option"]').length).to.be.greaterThan(0);
    expect(steps.at(-1)).to.include({ step: 'search', previous: 'request' });

    // The same customer again: what was typed is still there.
    search(el).focus();
    await press('ArrowDown');
    await press('Enter');
    await titleFocused(el, 'Request the connection');
    expect(inPicker<HTMLInputElement>(el, '#vendor-code')!.value).to.equal('V-7');

    // Another customer: a new, empty request.
    button(el.shadowRoot!, /Back/)!.click();
    await titleFocused(el, 'Find your customer');
    search(el).focus();
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Enter');
    await titleFocused(el, 'Request the connection');
    expect(steps.at(-1)!.customerId).to.not.equal(DEMO_IDS.tungstenBank);
    await waitUntil(() => inPicker(el, '#vendor-code'));
    expect(inPicker<HTMLInputElement>(el, '#vendor-code')!.value).to.equal('');
  });

  it('Start over empties every step and returns to an empty search', async () => {
    const { el } = await flowFixture();
    await findAndChoose(el, 'tungsten', 'Tungsten Bank PLC');
    await titleFocused(el, 'Request the connection');
    await waitUntil(() => inPicker(el, '#vendor-code'));
    setField(picker(el).shadowRoot!, 'vendor-code', 'V-9');
    button(el.shadowRoot!, 'Start over')!.click();
    await titleFocused(el, 'Find your customer');
    expect(el.step).to.equal('search');
    expect(search(el).value).to.equal('');
    await findAndChoose(el, 'tungsten', 'Tungsten Bank PLC');
    await titleFocused(el, 'Request the connection');
    await waitUntil(() => inPicker(el, '#vendor-code'));
    expect(inPicker<HTMLInputElement>(el, '#vendor-code')!.value).to.equal('');
  });

  it('Start over empties the search of text it has not searched for yet (a fresh search, not one written into)', async () => {
    const { el } = await flowFixture();
    search(el).focus();
    await type('t');
    expect(search(el).value, 'one character is under min-chars: never searched').to.equal('t');
    el.startOver();
    await el.updateComplete;
    expect(search(el).value).to.equal('');
    expect(search(el).shadowRoot!.querySelector<HTMLInputElement>('input')!.value).to.equal('');
  });

  it('deep link: query pre-fills the search; customer-id set later navigates (a host restoring its URL)', async () => {
    const { el } = await flowFixture(createDemoAdapter(), html``);
    el.query = 'tungsten';
    await el.updateComplete;
    expect(search(el).value).to.equal('tungsten');
    expect(el.step).to.equal('search');
    el.customerId = DEMO_IDS.tungstenBank;
    await el.updateComplete;
    expect(el.step).to.equal('request');
    await waitUntil(() => visibleText(picker(el)).includes('Tungsten Bank PLC'), 'no customer', { timeout: 5000 });
  });

  it('deep link: customer-id with group opens the request on the group, the entity ticked', async () => {
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenNetworkGmbh} group></tn-customer-connect>`,
    );
    expect(el.step).to.equal('request');
    await waitUntil(
      () =>
        [...(inPicker(el, '[role="tree"]')?.querySelectorAll('[role="treeitem"][aria-checked="true"]') ?? [])].some((r) =>
          r.textContent!.includes('Tungsten Network GmbH'),
        ),
      'the group did not open with the entity ticked',
      { timeout: 5000 },
    );
  });

  it('deep link: verification-id resumes a verification; Back then goes to the search', async () => {
    const adapter = createDemoAdapter();
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.demonstrationExampleBuyer],
      idempotencyKey: 'deep-link-test',
    });
    if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect .adapter=${adapter} verification-id=${outcome.verification.id}></tn-customer-connect>`,
    );
    expect(el.step).to.equal('verify');
    await waitUntil(() => inVerifier(el, '#invoice-number'), 'the verification did not load', { timeout: 5000 });
    expect(visibleText(verifier(el))).to.contain('Demonstration Example Buyer');
    button(el.shadowRoot!, /Back/)!.click();
    await titleFocused(el, 'Find your customer');
    expect(el.step).to.equal('search');
  });

  it('uses the group deep link for a group ID', async () => {
    const { el } = await flowFixture();
    el.groupId = DEMO_GROUP_IDS.technicalServices;
    await el.updateComplete;
    expect(el.step).to.equal('request');
    await waitUntil(
      () => inPicker(el, '[role="tree"]')?.textContent!.includes('Technical Services Test Buyer 17'),
      'the group never showed',
      { timeout: 5000 },
    );
  });

  it('the whole single-entity journey by keyboard only', async () => {
    const { el } = await flowFixture();
    await findAndChoose(el, 'tungsten bank', 'Tungsten Bank PLC');
    await titleFocused(el, 'Request the connection');
    // Tab through the flow's bar (Back, Start over) into the request: the account select.
    await press('Tab');
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('Back');
    await press('Tab');
    await press('Tab');
    await waitUntil(() => picker(el).shadowRoot!.activeElement?.id === 'account', 'Tab did not reach the account choice');
    await press('ArrowDown'); // Chromium/Firefox/WebKit all move a closed select's choice with ↓ — checked below
    await waitUntil(() => inPicker<HTMLSelectElement>(el, '#account')!.value !== '', 'the account was not chosen by keyboard');
    // Submit with Enter from the vendor code field.
    inPicker<HTMLInputElement>(el, '#vendor-code')!.focus();
    const opened = oneEvent(el, 'tn-support-case-opened');
    await press('Enter');
    await opened;
    await titleFocused(el, 'Your request has been received');
    await press('Tab');
    // Focus moves on into the outcome (e.g. "View the case") or the next step's button, never nowhere.
    expect(document.activeElement).to.equal(el);
  });

  it('speaks French', async () => {
    await setLocale('fr');
    const { el } = await flowFixture();
    expect(title(el).textContent!.trim()).to.equal('Trouver votre client');
    expect(el.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.contain('(étape 1 sur 3)');
    await findAndChoose(el, 'tungsten bank', 'Tungsten Bank PLC');
    await titleFocused(el, 'Demander la mise en relation');
    expect(button(el.shadowRoot!, /Retour/)).to.not.equal(undefined);
    expect(button(el.shadowRoot!, 'Recommencer')).to.not.equal(undefined);
  });

  it('account-id chooses the request’s account, also after the user chose another (a host routing "Request again")', async () => {
    const { el } = await flowFixture();
    el.connect(DEMO_IDS.wingtipToys);
    await chooseAccount(el, DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt);
    el.accountId = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk;
    await el.updateComplete;
    await picker(el).updateComplete;
    expect(inPicker<HTMLSelectElement>(el, '#account')!.value).to.equal(DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk);
    // An account the supplier does not have is not chosen.
    el.accountId = 'ACC-NOT-MINE';
    await el.updateComplete;
    await picker(el).updateComplete;
    expect(inPicker<HTMLSelectElement>(el, '#account')!.value).to.equal(DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk);
  });

  it('reports its step through `step` and the heading level through heading-level', async () => {
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect .adapter=${createDemoAdapter()} heading-level="3"></tn-customer-connect>`,
    );
    expect(title(el).getAttribute('aria-level')).to.equal('3');
    expect(verifier(el).headingLevel).to.equal(4);
    const step: FlowStep = el.step;
    expect(step).to.equal('search');
  });
});
