import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../src/define.js';
import type { TnRelationships } from '../src/components/relationships/relationships.js';
import type { Relationship } from '../src/adapter/types.js';
import { setLocale, supportedLocales } from '../src/localization/localization.js';
import { FakeAdapter } from './helpers/fake-adapter.js';

const rel = (id: string, status: Relationship['status'], extra: Partial<Relationship> = {}): Relationship => ({
  id,
  accountId: 'ACC-1',
  accountName: 'Adams Office Supplies',
  customer: { id: `AAA${id}`, legalName: 'Proseware Ingénierie', country: 'FR' },
  status,
  since: '2026-11-23T09:00:00Z',
  ...extra,
});

/** Every status, the test buyer, and the actions that narrow the status's column the most. */
const LIST: Relationship[] = [
  rel('1', 'connected', { isTestBuyer: true }),
  rel('2', 'support-case-open', { supportCaseReference: '2879455' }),
  rel('3', 'pending-customer-confirmation'),
  rel('4', 'verification-pending', { verificationId: 'VER-7' }),
  rel('5', 'rejected'),
  rel('6', 'expired'),
];

async function relationshipsIn(width: number): Promise<TnRelationships> {
  const fake = new FakeAdapter();
  // A common page's font, at the width a 320px phone leaves inside 8px page margins.
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width - 16}px; font: 16px system-ui, sans-serif"></div>`,
  );
  const el = document.createElement('tn-relationships') as TnRelationships;
  el.adapter = fake.adapter;
  wrapper.append(el);
  await waitUntil(() => fake.of('listRelationships').length === 1);
  fake.of('listRelationships')[0].resolve(LIST);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="status"]').length === LIST.length, 'no statuses');
  return el;
}

/** The lines a pill's text takes (its text boxes, by their top). */
function lines(pill: Element): number {
  const range = document.createRange();
  range.selectNodeContents(pill);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}

describe('pills', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  for (const width of [320, 1280]) {
    it(`relationship statuses stay on one line and inside the element, in every locale, at ${width}px`, async () => {
      const problems: string[] = [];
      for (const locale of supportedLocales) {
        await setLocale(locale);
        const el = await relationshipsIn(width);
        const base = el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
        for (const pill of el.shadowRoot!.querySelectorAll('[part~="status"], [part~="test-buyer"]')) {
          const label = `${locale} "${pill.textContent!.trim()}"`;
          if (getComputedStyle(pill).whiteSpace !== 'nowrap') problems.push(`${label} may wrap`);
          if (lines(pill) !== 1) problems.push(`${label} takes ${lines(pill)} lines`);
          const box = pill.getBoundingClientRect();
          if (box.left < base.left - 1 || box.right > base.right + 1) problems.push(`${label} overflows the element`);
        }
        el.parentElement!.remove();
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('no element sets its buttons or links in capitals (actions are in sentence case)', async () => {
    const tags = ['customer-search', 'group-picker', 'verify-invoice', 'customer-connect', 'relationships', 'attention-panel'];
    for (const tag of tags.map((name) => `tn-${name}`)) {
      const element = customElements.get(tag) as typeof LitElement | undefined;
      expect(element, tag).to.not.equal(undefined);
      const css = element!.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
      expect(css, tag).to.contain('.button').and.not.match(/text-transform\s*:\s*uppercase/i);
    }
    const fake = new FakeAdapter();
    const el = await fixture<TnRelationships>(html`<tn-relationships .adapter=${fake.adapter}></tn-relationships>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="refresh"]'));
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="refresh"]')!).textTransform).to.equal('none');
  });
});
