/**
 * The search creates its results' `Intl` formatters while the user types, not in the frame
 * that paints the first results (the first of each kind costs milliseconds), and its plural
 * rules once per locale. Runs in a page of its own, so no formatter exists before the test.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { pluralCategory } from '../src/localization/format.js';
import { type } from './helpers/keys.js';

/** Counts `new Intl.<kind>(…)` calls (by their locale) from now on. */
function countCreations(kind: 'NumberFormat' | 'DisplayNames' | 'PluralRules'): string[] {
  const created: string[] = [];
  const Original = Intl[kind] as unknown as new (...args: unknown[]) => object;
  const Counting = function (this: unknown, ...args: unknown[]) {
    created.push(String(args[0]));
    return new Original(...args);
  } as unknown as typeof Intl.NumberFormat;
  Object.assign(Counting, Original);
  (Intl as unknown as Record<string, unknown>)[kind] = Counting;
  return created;
}

describe('tn-customer-search: Intl formatters', () => {
  it('are created while the user types, before the results, and not again when they show', async () => {
    const numbers = countCreations('NumberFormat');
    const regions = countCreations('DisplayNames');
    const plurals = countCreations('PluralRules');
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search .adapter=${createDemoAdapter({ latency: 0 })} debounce="300"></tn-customer-search>`,
    );
    el.focus();
    await type('S'); // one character: no search yet
    await waitUntil(() => numbers.length > 0 && regions.length > 0 && plurals.length > 0, 'not prepared while typing', { timeout: 1000 });
    expect(numbers).to.deep.equal(['en']);
    await type('u');
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('[role="option"]').length > 0, 'no results', { timeout: 5000 });
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).to.match(/customers? found|Showing/);
    expect({ numbers, regions, plurals }).to.deep.equal({ numbers: ['en'], regions: ['en'], plurals: ['en'] });
  });

  it('pluralCategory follows each locale’s rules, one rule set per locale', () => {
    expect(pluralCategory(1, 'en')).to.equal('one');
    expect(pluralCategory(0, 'en')).to.equal('other');
    expect(pluralCategory(0, 'fr')).to.equal('one');
    expect(pluralCategory(2, 'fr')).to.equal('other');
    expect(pluralCategory(2, 'ar')).to.equal('two');
    expect(pluralCategory(0, 'en')).to.equal('other');
  });
});
