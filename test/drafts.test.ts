import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS } from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import type { VerificationSession } from '../src/adapter/types.js';
import { clearDrafts } from '../src/index.js';

/** Types `value` into the field `#id` of `root` as a user's input would arrive. */
function typeInto(root: ShadowRoot, id: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function chooseAccount(root: ShadowRoot, id: string): void {
  const select = root.querySelector<HTMLSelectElement>('#account')!;
  select.value = id;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const fieldValue = (root: ShadowRoot, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)?.value;
const drafts = () => Object.keys(sessionStorage).filter((key) => key.startsWith('tn-draft:'));

async function requestForm(adapter: DemoAdapter, keep = true): Promise<TnGroupPicker> {
  const el = await fixture<TnGroupPicker>(
    html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank} ?keep-drafts=${keep}></tn-group-picker>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('#vendor-code') && el.shadowRoot!.querySelector('#account option[value]:not([value=""])'), 'no form');
  return el;
}

async function demoVerification(adapter: DemoAdapter): Promise<VerificationSession> {
  const outcome = await adapter.requestConnection({
    accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
    entityIds: [DEMO_IDS.demonstrationExampleBuyer],
    idempotencyKey: 'drafts-test',
  });
  if (outcome.kind !== 'verification-required') throw new Error(`expected a verification, got ${outcome.kind}`);
  return outcome.verification;
}

async function verifyForm(adapter: DemoAdapter, session: VerificationSession): Promise<TnVerifyInvoice> {
  const el = await fixture<TnVerifyInvoice>(
    html`<tn-verify-invoice .adapter=${adapter} .session=${session} keep-drafts></tn-verify-invoice>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('#invoice-number'), 'no form');
  return el;
}

describe('keep-drafts: unsent values survive a reload', () => {
  beforeEach(() => clearDrafts());
  after(() => clearDrafts());

  it('the request form finds its account, vendor code and notes again, and forgets them once sent', async () => {
    const adapter = createDemoAdapter();
    const first = await requestForm(adapter);
    chooseAccount(first.shadowRoot!, DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk);
    typeInto(first.shadowRoot!, 'vendor-code', 'V-42');
    typeInto(first.shadowRoot!, 'notes', 'Ask for Dana in accounts payable');
    await first.updateComplete;
    expect(drafts()).to.have.length(1);
    first.remove();

    // What a reload does: a new element for the same customer.
    const second = await requestForm(adapter);
    const root = second.shadowRoot!;
    expect(fieldValue(root, 'vendor-code')).to.equal('V-42');
    expect(root.querySelector<HTMLTextAreaElement>('#notes')!.value).to.equal('Ask for Dana in accounts payable');
    expect(root.querySelector<HTMLSelectElement>('#account')!.value).to.equal(DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk);

    second.submit();
    await waitUntil(() => drafts().length === 0, 'the draft outlived the request');
  });

  it('emptying the fields removes the draft; without keep-drafts nothing is written', async () => {
    const adapter = createDemoAdapter();
    const kept = await requestForm(adapter);
    typeInto(kept.shadowRoot!, 'vendor-code', 'V-1');
    await kept.updateComplete;
    expect(drafts()).to.have.length(1);
    typeInto(kept.shadowRoot!, 'vendor-code', '');
    chooseAccount(kept.shadowRoot!, '');
    await kept.updateComplete;
    expect(drafts()).to.deep.equal([]);

    const plain = await requestForm(adapter, false);
    typeInto(plain.shadowRoot!, 'vendor-code', 'V-2');
    await plain.updateComplete;
    expect(drafts()).to.deep.equal([]);
  });

  it('a draft that is not the elements’ own (other fields, not strings, not JSON) is ignored', async () => {
    sessionStorage.setItem(`tn-draft:request:${DEMO_IDS.tungstenBank}`, JSON.stringify({ vendorCode: 42, script: '<img src=x onerror=alert(1)>' }));
    const el = await requestForm(createDemoAdapter());
    expect(fieldValue(el.shadowRoot!, 'vendor-code')).to.equal('');
    sessionStorage.setItem(`tn-draft:request:${DEMO_IDS.tungstenBank}`, '{not json');
    const again = await requestForm(createDemoAdapter());
    expect(fieldValue(again.shadowRoot!, 'vendor-code')).to.equal('');
  });

  it('works, without drafts, when the storage refuses to write', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await requestForm(createDemoAdapter());
      typeInto(el.shadowRoot!, 'vendor-code', 'V-3');
      await el.updateComplete;
      expect(fieldValue(el.shadowRoot!, 'vendor-code')).to.equal('V-3');
      expect(drafts()).to.deep.equal([]);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('the verification finds its unsent answers again, and forgets them when it ends', async () => {
    const adapter = createDemoAdapter();
    const session = await demoVerification(adapter);
    const first = await verifyForm(adapter, session);
    typeInto(first.shadowRoot!, 'invoice-number', 'TNA9322');
    typeInto(first.shadowRoot!, 'invoice-date', '10/08/2015');
    await first.updateComplete;
    first.remove();

    const second = await verifyForm(adapter, session);
    expect(fieldValue(second.shadowRoot!, 'invoice-number')).to.equal('TNA9322');
    expect(fieldValue(second.shadowRoot!, 'invoice-date')).to.equal('10/08/2015');
    expect(fieldValue(second.shadowRoot!, 'amount')).to.equal('');

    // "Connect without verification" ends it: a support case, and no draft left.
    second.shadowRoot!.querySelector<HTMLButtonElement>('[part~="fallback-button"]')!.click();
    await waitUntil(() => second.shadowRoot!.querySelector('[part~="support-case"]'), 'no support case');
    await second.updateComplete;
    expect(drafts()).to.deep.equal([]);
  });

  it('the flow passes keep-drafts to its steps: a reload on the request finds the vendor code', async () => {
    const adapter = createDemoAdapter();
    const flow = () =>
      fixture<TnCustomerConnect>(
        html`<tn-customer-connect .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank} keep-drafts></tn-customer-connect>`,
      );
    const pickerOf = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnGroupPicker>('tn-group-picker')!;
    const first = await flow();
    await waitUntil(() => pickerOf(first).shadowRoot?.querySelector('#vendor-code'), 'no request form');
    typeInto(pickerOf(first).shadowRoot!, 'vendor-code', 'V-77');
    await pickerOf(first).updateComplete;
    first.remove();

    const second = await flow();
    await waitUntil(() => pickerOf(second).shadowRoot?.querySelector('#vendor-code'), 'no request form');
    expect(fieldValue(pickerOf(second).shadowRoot!, 'vendor-code')).to.equal('V-77');
  });

  it('clearDrafts() removes every draft (a host’s sign-out)', async () => {
    const el = await requestForm(createDemoAdapter());
    typeInto(el.shadowRoot!, 'vendor-code', 'V-5');
    await el.updateComplete;
    sessionStorage.setItem('host-owned', 'kept');
    clearDrafts();
    expect(drafts()).to.deep.equal([]);
    expect(sessionStorage.getItem('host-owned')).to.equal('kept');
    sessionStorage.removeItem('host-owned');
  });
});

describe('keep-drafts and Start over', () => {
  beforeEach(() => clearDrafts());

  it('Start over abandons the request typed: the same customer then opens empty', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank} keep-drafts></tn-customer-connect>`,
    );
    const picker = () => el.shadowRoot!.querySelector<TnGroupPicker>('tn-group-picker')!;
    await waitUntil(() => picker().shadowRoot?.querySelector('#vendor-code'), 'no request form');
    typeInto(picker().shadowRoot!, 'vendor-code', 'V-9');
    await picker().updateComplete;
    expect(drafts()).to.have.length(1);
    el.startOver();
    await el.updateComplete;
    expect(drafts()).to.deep.equal([]);
    el.connect(DEMO_IDS.tungstenBank);
    await el.updateComplete;
    await waitUntil(() => picker().shadowRoot?.querySelector('#vendor-code'), 'no request form');
    expect(fieldValue(picker().shadowRoot!, 'vendor-code')).to.equal('');
  });
});
