import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter, DEMO_IDS } from '../src/adapter/demo/index.js';
import { press, type } from './helpers/keys.js';

/** The element on the real demo network: what a newcomer sees on `npm start`. */
describe('<tn-customer-search> on the demo adapter', () => {
  it('lists the seven entities of TUNGSTEN ALL COMPANIES GROUP for "tungsten"', async () => {
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search .adapter=${createDemoAdapter()} debounce="0"></tn-customer-search>`,
    );
    el.focus();
    await type('tungsten');
    const root = el.shadowRoot!;
    const group = () =>
      [...root.querySelectorAll('[role="group"]')].find((g) =>
        g.textContent!.includes('TUNGSTEN ALL COMPANIES GROUP'),
      );
    await waitUntil(() => group()?.querySelectorAll('[role="option"]').length === 7, 'the group never showed', {
      timeout: 5000,
    });
    const rows = [...group()!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.replace(/\s+/g, ' '));
    const expected: [string, string, string[]][] = [
      ['AAA489745059', 'Tungsten Bank PLC', ['GB177907267']],
      ['AAA855955589', 'Tungsten Corporation Guernsey Ltd', []],
      ['AAA652334046', 'Tungsten Corporation PLC', ['GB177907267']],
      ['AAA443893490', 'Tungsten Network EOOD', []],
      ['AAA858442379', 'Tungsten Network Finance', ['GB177907267']],
      ['AAA474005402', 'Tungsten Network GmbH', ['DE255790071']],
      ['AAA014773592', 'Tungsten Network Limited', ['GB177907267']],
    ];
    for (const [id, name, taxIds] of expected) {
      const row = rows.find((r) => r.includes(id));
      expect(row, id).to.contain(name);
      for (const taxId of taxIds) expect(row).to.contain(taxId);
    }
    await expect(el).to.be.accessible();

    // Connect on the first result reports Tungsten Bank PLC.
    await press('ArrowDown');
    const connect = oneEvent(el, 'tn-connect');
    await press('Enter');
    expect((await connect).detail.customer.id).to.equal(DEMO_IDS.tungstenBank);
  });
});
