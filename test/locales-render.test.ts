import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS, DEMO_SEED_CASE_REFERENCES } from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import { getLocale, setLocale, supportedLocales } from '../src/localization/localization.js';

/**
 * Every element, in a state that shows most of its words, rendered in every shipped
 * locale: no English sentence of the source may show (names and IDs come from the data,
 * so they are not sources), and no raw placeholder, `undefined` or `NaN`.
 */

/** English sources long enough not to be a word a locale shares with English. */
let englishSources: string[] = [];

before(async () => {
  const xliff = await (await fetch('/locales/fr.xlf')).text();
  const doc = new DOMParser().parseFromString(xliff, 'application/xml');
  englishSources = [...doc.getElementsByTagName('source')]
    .map((source) => {
      // Keep the longest run of literal text between placeholders.
      const runs: string[] = [];
      let run = '';
      for (const node of source.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) run += node.textContent;
        else {
          runs.push(run);
          run = '';
        }
      }
      runs.push(run);
      return runs.map((r) => r.trim()).sort((a, b) => b.length - a.length)[0];
    })
    .filter((text) => text.length >= 12 && /\s/.test(text));
});

/** Every string a user can see or hear in `root`: text, and labels in attributes. */
function userText(root: Element | ShadowRoot): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text) out.push(text);
      return;
    }
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return;
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-valuetext']) {
        const value = node.getAttribute(name);
        if (value) out.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out;
}

function problemsIn(el: Element, locale: string): string[] {
  const texts = userText(el);
  const all = texts.join('\n');
  const problems: string[] = [];
  if (locale !== 'en') {
    for (const source of englishSources) if (all.includes(source)) problems.push(`English left: "${source}"`);
  }
  for (const bad of ['${', '<x id', 'undefined', 'NaN', '[object']) {
    if (all.includes(bad)) problems.push(`raw "${bad}" in: ${texts.find((t) => t.includes(bad))}`);
  }
  return problems;
}

/** A state of each element that shows most of its words. */
const CASES: { name: string; render: (adapter: DemoAdapter) => TemplateResult; ready: (el: Element) => boolean }[] = [
  {
    name: 'tn-customer-search with results',
    render: (adapter) => html`<tn-customer-search .adapter=${adapter} value="tungsten" debounce="0"></tn-customer-search>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0,
  },
  {
    name: 'tn-group-picker on a group',
    render: (adapter) =>
      html`<tn-group-picker .adapter=${adapter} group-id="GRP-TUNGSTEN" account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt}></tn-group-picker>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('[role="treeitem"]').length > 0,
  },
  {
    name: 'tn-group-picker on one customer',
    render: (adapter) => html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenNetworkGmbh}></tn-group-picker>`,
    ready: (el) => !!el.shadowRoot!.querySelector('[part~="customer-card"]'),
  },
  {
    name: 'tn-attention-panel',
    render: (adapter) => html`<tn-attention-panel .adapter=${adapter}></tn-attention-panel>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('tr').length > 3,
  },
  {
    name: 'tn-relationships',
    render: (adapter) => html`<tn-relationships .adapter=${adapter} heading-level="2"></tn-relationships>`,
    ready: (el) => el.shadowRoot!.querySelectorAll('tbody tr').length > 0,
  },
  {
    name: 'tn-support-case',
    render: (adapter) => html`<tn-support-case .adapter=${adapter} reference=${DEMO_SEED_CASE_REFERENCES[0]}></tn-support-case>`,
    ready: (el) => !!el.shadowRoot!.querySelector('[part~="next"]') && el.shadowRoot!.textContent!.includes('Adams Office Supplies'),
  },
  {
    name: 'tn-customer-connect',
    render: (adapter) => html`<tn-customer-connect .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-customer-connect>`,
    ready: (el) =>
      !!el.shadowRoot!.querySelector('tn-group-picker')?.shadowRoot?.querySelector('[part~="customer-card"]'),
  },
];

describe('every element in every locale', () => {
  after(async () => {
    await setLocale('en');
  });

  for (const locale of supportedLocales) {
    for (const { name, render, ready } of CASES) {
      it(`${locale}: ${name} shows no English source text and no raw placeholder`, async () => {
        await setLocale(locale);
        expect(getLocale()).to.equal(locale);
        const el = await fixture(render(createDemoAdapter()));
        await waitUntil(() => ready(el), `${name} never got ready`, { timeout: 5000 });
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(problemsIn(el, locale)).to.deep.equal([]);
      });
    }

    it(`${locale}: tn-verify-invoice shows no English source text`, async () => {
      await setLocale(locale);
      const adapter = createDemoAdapter();
      const outcome = await adapter.requestConnection({
        accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
        entityIds: [DEMO_IDS.demonstrationExampleBuyer],
        idempotencyKey: `locale-${locale}`,
      });
      if (outcome.kind !== 'verification-required') throw new Error('expected a verification');
      const el = await fixture(html`<tn-verify-invoice .adapter=${adapter} .session=${outcome.verification}></tn-verify-invoice>`);
      await waitUntil(() => el.shadowRoot!.querySelector('#invoice-number'), 'no form');
      expect(problemsIn(el, locale)).to.deep.equal([]);
    });
  }
});
