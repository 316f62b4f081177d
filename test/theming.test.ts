// Theming through tokens only: what a host sets on any ancestor reaches the elements.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';

const blockSize = (el: Element) => el.getBoundingClientRect().height;

describe('design tokens', () => {
  before(() => setLocale('en'));

  it('--tn-density scales the height of fields and buttons, set on an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font-size: 16px">
      <tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>
      <div style="--tn-density: 1.5"><tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>
      <div style="--tn-density: 0.8"><tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>
    </div>`);
    const searches = [...wrapper.querySelectorAll<TnCustomerSearch>('tn-customer-search')];
    await Promise.all(searches.map((s) => s.updateComplete));
    const [normal, roomy, compact] = searches.map((s) => blockSize(s.shadowRoot!.querySelector('input')!));
    expect(normal).to.be.closeTo(40, 1); // 2.5rem
    expect(roomy).to.be.closeTo(60, 1);
    expect(compact).to.be.closeTo(32, 1);
  });

  it('typography inherits the host page\'s font unless --tn-font-family says otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font-family: 'Courier New', monospace">
      <tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search>
      <div style="--tn-font-family: Georgia, serif"><tn-customer-search .adapter=${createDemoAdapter()}></tn-customer-search></div>
    </div>`);
    const [inherited, branded] = [...wrapper.querySelectorAll<TnCustomerSearch>('tn-customer-search')];
    await waitUntil(() => inherited.shadowRoot?.querySelector('input') && branded.shadowRoot?.querySelector('input'));
    expect(getComputedStyle(inherited.shadowRoot!.querySelector('input')!).fontFamily).to.contain('Courier New');
    expect(getComputedStyle(branded.shadowRoot!.querySelector('input')!).fontFamily).to.contain('Georgia');
  });
});
