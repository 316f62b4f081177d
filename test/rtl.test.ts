import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';
import { press } from './helpers/keys.js';
import { demoVerification } from './helpers/demo-verification.js';

/** Right to left (Arabic): the layout mirrors, keys follow it, IDs and numbers stay LTR. */
describe('right to left', () => {
  before(async () => {
    await setLocale('ar');
  });
  after(async () => {
    await setLocale('en');
  });

  it('the search field starts on the right: icon at the right edge, text aligned right', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl" style="width: 600px"><tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>`,
    );
    const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
    const field = el.shadowRoot!.querySelector('[part~="field"]')!.getBoundingClientRect();
    const icon = el.shadowRoot!.querySelector('.icon')!.getBoundingClientRect();
    expect(icon.left - field.left).to.be.greaterThan(field.width / 2);
    expect(getComputedStyle(el.shadowRoot!.querySelector('input')!).direction).to.equal('rtl');
  });

  it('keeps network IDs left to right inside right-to-left results', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl"><tn-customer-search .adapter=${createDemoAdapter()} value="tungsten" debounce="0"></tn-customer-search></div>`,
    );
    const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="option"]'), 'no results', { timeout: 5000 });
    const id = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"] *')].find(
      (node) => node.children.length === 0 && node.textContent!.trim() === DEMO_IDS.tungstenBank,
    );
    expect(id, 'the network ID is in its own element').to.not.equal(undefined);
    expect(getComputedStyle(id!).direction).to.equal('ltr');
  });

  it('a result reads from the right: the name lines up right, the separator follows the ID on its left', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl" style="width: 600px"><tn-customer-search .adapter=${createDemoAdapter()} value="tungsten bank" debounce="0"></tn-customer-search></div>`,
    );
    const el = wrapper.querySelector<TnCustomerSearch>('tn-customer-search')!;
    el.shadowRoot!.querySelector('input')!.focus();
    await press('ArrowDown');
    const shown = () => el.shadowRoot!.querySelector<HTMLElement>('[role="option"]');
    await waitUntil(() => (shown()?.getBoundingClientRect().width ?? 0) > 0, 'no results on screen', { timeout: 5000 });
    const option = shown()!;
    // The Latin name keeps its own direction but sits on the right, like the line under it.
    const name = option.querySelector<HTMLElement>('[part~="name"]')!;
    const range = document.createRange();
    range.selectNodeContents(name);
    const text = range.getBoundingClientRect();
    expect(name.getBoundingClientRect().right - text.right, 'the name is not aligned right').to.be.lessThan(2);
    // The ID is first (rightmost); its "·" stands after it, on its left, never at the line's right edge.
    const id = option.querySelector<HTMLElement>('.id')!;
    const digits = id.querySelector<HTMLElement>('[dir="ltr"]')!;
    expect(id.getBoundingClientRect().right - digits.getBoundingClientRect().right).to.be.lessThan(1);
    expect(digits.getBoundingClientRect().left - id.getBoundingClientRect().left, 'no separator on the ID’s left').to.be.greaterThan(4);
    // The group's Latin name, above its entities, lines up right too.
    const label = el.shadowRoot!.querySelector<HTMLElement>('[part~="group-label"]')!;
    expect(label.textContent!.trim()).to.equal('TUNGSTEN ALL COMPANIES GROUP');
    const words = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, (node) =>
      node.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
    ).nextNode()!;
    range.selectNodeContents(words);
    const padding = parseFloat(getComputedStyle(label).paddingInlineEnd);
    expect(label.getBoundingClientRect().right - padding - range.getBoundingClientRect().right, 'the group name is not aligned right').to.be.lessThan(2);
  });

  it('in the group tree, ← expands and → collapses (the caret points left)', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl">
        <tn-group-picker
          .adapter=${createDemoAdapter()}
          group-id="GRP-TUNGSTEN"
          account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt}
        ></tn-group-picker>
      </div>`,
    );
    const el = wrapper.querySelector<TnGroupPicker>('tn-group-picker')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 'no tree', { timeout: 5000 });
    const tree = el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
    const active = () => el.shadowRoot!.getElementById(tree.getAttribute('aria-activedescendant')!)!;
    tree.focus();
    await el.updateComplete;
    expect(active().getAttribute('aria-expanded')).to.equal('true');
    await press('ArrowRight');
    await el.updateComplete;
    expect(active().getAttribute('aria-expanded')).to.equal('false');
    const caret = active().querySelector('.caret')!;
    expect(getComputedStyle(caret).transform).to.not.equal('none');
    await press('ArrowLeft');
    await el.updateComplete;
    expect(active().getAttribute('aria-expanded')).to.equal('true');
  });

  it('the flow’s Back arrow points right', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl">
        <tn-customer-connect .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenBank}></tn-customer-connect>
      </div>`,
    );
    const el = wrapper.querySelector<TnCustomerConnect>('tn-customer-connect')!;
    await el.updateComplete;
    const arrow = el.shadowRoot!.querySelector('.arrow')!;
    expect(getComputedStyle(arrow).transform).to.not.equal('none');
  });

  it('the verification’s date example reads as it is typed: the day on the left, as in the field', async () => {
    const { adapter, session } = await demoVerification();
    const wrapper = await fixture(
      html`<div dir="rtl"><tn-verify-invoice .adapter=${adapter} .session=${session}></tn-verify-invoice></div>`,
    );
    const el = wrapper.querySelector<TnVerifyInvoice>('tn-verify-invoice')!;
    await waitUntil(() => el.shadowRoot!.querySelector('#invoice-date-hint'), 'no date hint');
    const hint = el.shadowRoot!.querySelector<HTMLElement>('#invoice-date-hint')!;
    // The hint's text node; whatever digits Intl writes Arabic in, find the day (31) and the year.
    const node = [...hint.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && /\d{4}|[\u0660-\u0669]{4}/.test(child.textContent!))!;
    const digits = asciiDigitsOf(node.textContent!);
    const day = digits.indexOf('31');
    const year = digits.search(/\d{4}/);
    expect(day, `no day in ${node.textContent}`).to.be.greaterThan(-1);
    const box = (start: number, length: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + length);
      return range.getBoundingClientRect();
    };
    // One character at a time: WebKit gives a range of two digits the box of the whole number.
    expect(box(day + 1, 1).right, 'the year stands left of the day').to.be.lessThan(box(year, 1).left + 1);
  });
});

/** `text` with Arabic-Indic digits as ASCII ones (same length). */
function asciiDigitsOf(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
}
