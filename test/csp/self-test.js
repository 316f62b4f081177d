// The flow of test/csp/csp.e2e.mjs, driven from inside the page (index.html?self-test), for the engines the test
// starts without a driver (Firefox ESR, WebKit's MiniBrowser): search, Connect, account,
// Connect → support case; a group; a switch to French. It posts what it saw to /result:
// the steps it completed, CSP violations and page errors. Same origin ('self'), no inline
// script, no markup strings: it runs under the page's policy like the library does.
// Violations since the page started are in window.violations (test/csp/page.js).
import { deepAll, textOf, type, until, withText } from './page-helpers.js';

const errors = [];
window.addEventListener('error', (event) => errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

const steps = [];
async function run() {
  await until('the attention panel', () => textOf(document.querySelector('tn-attention-panel')).includes('ShuchitestPayment1'));
  await until('the relationships', () => textOf(document.querySelector('tn-relationships')).includes('Test buyer'));
  steps.push('panels');

  const search = () => deepAll('input[role="combobox"]')[0];
  type(await until('the search field', search), 'tungsten bank');
  const bank = await until('Tungsten Bank PLC in the results', withText('[role="option"]', 'Tungsten Bank PLC'));
  bank.querySelector('[data-action="connect"]').click();
  const account = await until('the account field', () => deepAll('select#account')[0]);
  account.value = [...account.options].find((o) => o.textContent.includes('Adams Office Supplies (IT) - Test')).value;
  account.dispatchEvent(new Event('change', { bubbles: true }));
  (await until('the Connect button', () => deepAll('[part~="submit"]')[0])).click();
  await until('the confirmation', withText('[role="heading"], h1, h2, h3, h4', 'Your request has been received'));
  await until('the new support case in the relationships', () =>
    deepAll('tn-relationships')[0].shadowRoot.querySelector('tr') &&
    [...deepAll('tn-relationships')[0].shadowRoot.querySelectorAll('tr')].some(
      (tr) => tr.textContent.includes('Tungsten Bank PLC') && tr.textContent.includes('Support case open'),
    ),
  );
  steps.push('support case');

  (await until('Connect with another customer', withText('button', 'Connect with another customer'))).click();
  // Start over gives the flow a fresh, empty search field: wait for it (the old one, still on
  // screen until the flow re-renders, holds the first query).
  const emptySearch = () => (search()?.value === '' ? search() : undefined);
  type(await until('the empty search field again', emptySearch), 'tungsten');
  const gmbh = await until('Tungsten Network GmbH in the results', withText('[role="option"]', 'Tungsten Network GmbH'));
  gmbh.querySelector('[data-action="view-group"]').click();
  // The tree renders a window of rows around the view: bring it into view, as a user would.
  (await until('the group tree', () => deepAll('[role="tree"]')[0])).scrollIntoView();
  await until('the group rows', withText('[role="treeitem"]', 'Tungsten Network GmbH'));
  steps.push('group');

  const { setLocale } = await import('/dist/cdn/tn-customer-connect.min.js');
  await setLocale('fr');
  await until('the French heading', withText('[role="heading"], h1, h2, h3, h4', 'Demander la mise en relation'));
  steps.push('french');
}

let failure = null;
try {
  await run();
} catch (error) {
  failure = String(error?.message ?? error);
}
// A violation is reported by an event that may come a moment later.
await new Promise((resolve) => setTimeout(resolve, 200));
await fetch('/result', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ userAgent: navigator.userAgent, steps, failure, violations: window.violations, errors }),
});
