// The classic build's lazy registration, driven from inside the page in every engine
// (test/csp/lazy.e2e.mjs; Chromium opens the same pages through playwright). A page is opened
// as `…?self-test=<kind>&next=<pages>`; it posts what it saw to /result, then opens the next
// page. Which chunks each page fetched is read from the server's request log, where the page
// also leaves marks (`/mark/<name>`) between its steps.
import { deepAll, type, until, withText } from './page-helpers.js';
import { createDemoAdapter } from '/dist/cdn/tn-demo-adapter.min.js';

const params = new URLSearchParams(location.search);
const kind = params.get('self-test');
const next = (params.get('next') ?? '').split(',').filter(Boolean);
const adapter = createDemoAdapter();
for (const element of document.querySelectorAll('tn-customer-search, tn-customer-connect')) element.adapter = adapter;

const steps = [];
const mark = (name) => fetch(`/mark/${name}`).catch(() => undefined);
const label = () => deepAll('label')[0]?.textContent.trim();
const rendered = (tag) => () => document.querySelector(tag)?.shadowRoot?.childElementCount > 0;

async function search(words, result) {
  type(await until('the search field', () => deepAll('input[role="combobox"]')[0]), words);
  return until(result, withText('[role="option"]', result));
}

const pages = {
  async search() {
    await search('tungsten', 'Tungsten Bank PLC');
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (customElements.get('tn-group-picker')) throw new Error('the picker is defined before its tag appears');
    steps.push('search');
    await mark('search-done');
    // The REST adapter's implementation chunk, fetched at the first idle moment, answers: the
    // static server has no API, so a 404, which only the implementation reads as not-found.
    steps.push(`rest: ${await window.restAdapter.getSupportCase('x').then(() => 'answered', (error) => error.code)}`);
    const picker = document.createElement('tn-group-picker');
    picker.adapter = adapter;
    document.body.append(picker);
    await until('the picker rendered', rendered('tn-group-picker'));
    steps.push('picker');
  },
  async flow() {
    await until('the flow’s later steps', () => customElements.get('tn-group-picker') && customElements.get('tn-verify-invoice'));
    await mark('steps-loaded');
    const bank = await search('tungsten bank', 'Tungsten Bank PLC');
    bank.querySelector('[data-action="connect"]').click();
    await until('the request form', () => deepAll('select#account')[0]);
    steps.push('request form');
  },
  async french() {
    if ((await window.localeSwitch) !== 'switched') throw new Error(`setLocale('fr'): ${await window.localeSwitch}`);
    await until('the French label', () => label() === 'Rechercher vos clients');
    steps.push('french');
  },
  async tampered() {
    // The search chunk is fetched, fails its integrity check and is never run.
    await until('the search chunk requested', () =>
      performance.getEntriesByType('resource').some((entry) => /\/chunks\/classic\/tn-customer-search-/.test(entry.name)),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    if (customElements.get('tn-customer-search')) throw new Error('the tampered search chunk ran');
    steps.push('refused');
  },
  async 'two-copies'() {
    await search('tungsten', 'Tungsten Bank PLC');
    if (window.TnCustomerConnect !== window.firstCopy) throw new Error('the second copy replaced the global');
    steps.push('search');
  },
};

let failure = null;
try {
  await pages[kind]();
} catch (error) {
  failure = String(error?.message ?? error);
}
await new Promise((resolve) => setTimeout(resolve, 200));
await fetch('/result', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    page: kind,
    userAgent: navigator.userAgent,
    steps,
    failure,
    syncApi: window.syncApi,
    violations: window.violations,
    errors: window.pageErrors,
  }),
});
if (next.length) {
  const [page, ...rest] = next;
  location.href = `${page}?self-test=${page.replace(/^.*\/|\.html$/g, '')}&next=${rest.join(',')}${page.includes('french') ? '&locale=fr' : ''}`;
}
