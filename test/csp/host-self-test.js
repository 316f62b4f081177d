// The checks of test/csp/host-pages.e2e.mjs, driven from inside a host page, for the engines
// the suite starts without a driver (Firefox ESR, WebKit's MiniBrowser). The page is opened
// as `…?self-test=<kind>&next=<pages>`: it checks the host's own Lit element, runs the flow
// (search → request → support case) over the cross-origin API, switches to French (or, on the tampered page, sees French refused and
// English kept), posts what it saw to /result, then goes on to the next page.
import { deepAll, type, until, withText } from './page-helpers.js';

const params = new URLSearchParams(location.search);
const kind = params.get('self-test');
const next = (params.get('next') ?? '').split(',').filter(Boolean);

const label = () => deepAll('label')[0]?.textContent.trim();
const steps = [];
const localeErrors = [];
window.addEventListener('tn-locale-error', (event) => localeErrors.push(event.detail.locale));

async function run() {
  await until("the host's own Lit element", withText('p', 'Hello from the host'));
  steps.push('host lit');
  // The flow over the API on another origin: search, Connect, account, Connect → support case.
  type(await until('the search field', () => deepAll('input[role="combobox"]')[0]), 'tungsten bank');
  const bank = await until('Tungsten Bank PLC from the API', withText('[role="option"]', 'Tungsten Bank PLC'));
  bank.querySelector('[data-action="connect"]').click();
  const account = await until('the accounts from the API', () => deepAll('select#account')[0]?.options.length > 1 && deepAll('select#account')[0]);
  account.value = [...account.options].find((o) => o.textContent.includes('Adams Office Supplies (IT) - Test')).value;
  account.dispatchEvent(new Event('change', { bubbles: true }));
  (await until('the Connect button', () => deepAll('[part~="submit"]')[0])).click();
  await until('the confirmation', withText('[role="heading"], h1, h2, h3, h4', 'Your request has been received'));
  steps.push('support case');
  if (kind === 'two-versions') {
    const second = await import('/v2/tn-customer-connect.min.js');
    if (second.VERSION !== '0.1.0-second' || customElements.get('tn-customer-search').version === '0.1.0-second') {
      throw new Error('the second version is not a separate copy');
    }
    steps.push('second copy');
  }
  // The classic build loaded first, so its copy holds the tags: its API reaches them.
  if (kind === 'tampered') {
    const refused = await window.TnCustomerConnect.setLocale('fr').then(() => false, () => true);
    await until('tn-locale-error', () => localeErrors.includes('fr'));
    if (!refused || label() !== 'Search your customers') throw new Error(`French was not refused (label: ${label()})`);
    steps.push('refused');
  } else {
    await window.TnCustomerConnect.setLocale('fr');
    await until('the French label', () => label() === 'Rechercher vos clients');
    steps.push('french');
  }
}

let failure = null;
try {
  await run();
} catch (error) {
  // What the elements say (an error notice, a field message) explains most stops.
  const said = deepAll('[role="alert"], .field-error, [part~="error"]').map((el) => el.textContent.trim()).filter(Boolean);
  failure = [String(error?.message ?? error), ...said].join(' | ');
}
await new Promise((resolve) => setTimeout(resolve, 200));
await fetch('/result', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ page: kind, userAgent: navigator.userAgent, steps, failure, violations: window.violations, errors: window.pageErrors }),
});
if (next.length) {
  const [page, ...rest] = next;
  location.href = `${page}?self-test=${page.replace(/^.*\/|\.html$/g, '')}&next=${rest.join(',')}`;
}
