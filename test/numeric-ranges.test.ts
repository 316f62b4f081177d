/**
 * Numeric attributes are clamped into their documented ranges, with a console warning naming
 * the element and the attribute: `refresh-interval="0.001"` made hundreds of requests a
 * second, `page-size="1e9"` reached the adapter, `min-chars="-1"` searched on mount.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import '../src/components/customer-connect/tn-customer-connect.js';
import '../src/components/attention-panel/tn-attention-panel.js';
import '../src/components/relationships/tn-relationships.js';
import '../src/components/verify-invoice/tn-verify-invoice.js';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import type { TnAttentionPanel } from '../src/components/attention-panel/attention-panel.js';
import type { TnRelationships } from '../src/components/relationships/relationships.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { SearchQuery } from '../src/adapter/types.js';
import { FakeAdapter } from './helpers/fake-adapter.js';

let warnings: string[] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = originalWarn;
});

describe('numeric attributes are clamped to their documented ranges', () => {
  it('<tn-customer-search>: min-chars="-1" does not search on mount; page-size="1e9" asks for 100', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search min-chars="-1" page-size="1e9" debounce="-5" .adapter=${fake.adapter}></tn-customer-search>`,
    );
    expect([el.minChars, el.pageSize, el.debounce]).to.deep.equal([1, 100, 0]);
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain('<tn-customer-search> min-chars="-1" is outside 1–10; using 1.');
    expect(warnings.join('\n')).to.contain('page-size="1000000000" is outside 1–100; using 100.');
    await el.updateComplete;
    expect(fake.of('searchDirectory'), 'no search of an empty field').to.have.length(0);
    el.value = 't';
    await waitUntil(() => fake.of('searchDirectory').length === 1, 'searched');
    expect((fake.of('searchDirectory')[0].args[0] as SearchQuery).pageSize).to.equal(100);
  });

  it('<tn-customer-connect>: the same ranges for its search step, and heading-level 1–6', async () => {
    const el = await fixture<TnCustomerConnect>(
      html`<tn-customer-connect page-size="0" min-chars="42" heading-level="9" .adapter=${new FakeAdapter().adapter}></tn-customer-connect>`,
    );
    expect([el.pageSize, el.minChars, el.headingLevel]).to.deep.equal([1, 10, 6]);
    expect(warnings).to.have.length(3);
  });

  it('<tn-attention-panel>: refresh-interval="0.001" becomes 15 s, 0 still turns refreshing off, max-rows="abc" its default', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnAttentionPanel>(
      html`<tn-attention-panel refresh-interval="0.001" max-rows="abc" heading-level="6" .adapter=${fake.adapter}></tn-attention-panel>`,
    );
    expect([el.refreshInterval, el.maxRows, el.headingLevel]).to.deep.equal([15, 5, 5]);
    expect(warnings.join('\n')).to.contain('<tn-attention-panel> refresh-interval="0.001" is outside 15–86400 (or 0); using 15.');
    warnings = [];
    el.refreshInterval = 0;
    await el.updateComplete;
    expect(el.refreshInterval).to.equal(0);
    expect(warnings).to.deep.equal([]);
  });

  it('<tn-relationships>, <tn-verify-invoice>, <tn-group-picker>: heading levels and lengths', async () => {
    const adapter = new FakeAdapter().adapter;
    const list = await fixture<TnRelationships>(html`<tn-relationships heading-level="-3" .adapter=${adapter}></tn-relationships>`);
    expect(list.headingLevel).to.equal(0);
    const verify = await fixture<TnVerifyInvoice>(
      html`<tn-verify-invoice heading-level="0" invoice-number-max-length="1e6" .adapter=${adapter}></tn-verify-invoice>`,
    );
    expect([verify.headingLevel, verify.invoiceNumberMaxLength]).to.deep.equal([1, 200]);
    const picker = await fixture<TnGroupPicker>(
      html`<tn-group-picker vendor-code-max-length="-1" notes-max-length="2.5" max-attachment-size="Infinity" .adapter=${adapter}></tn-group-picker>`,
    );
    expect([picker.vendorCodeMaxLength, picker.notesMaxLength, picker.maxAttachmentSize]).to.deep.equal([1, 3, 1024 ** 3]);
    expect(warnings).to.have.length(6);
  });

  it('values inside the ranges pass unchanged, without a warning', async () => {
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search min-chars="3" page-size="50" debounce="0" .adapter=${new FakeAdapter().adapter}></tn-customer-search>`,
    );
    expect([el.minChars, el.pageSize, el.debounce]).to.deep.equal([3, 50, 0]);
    expect(warnings).to.deep.equal([]);
  });
});
