// The checks of test/csp/host-pages.e2e.mjs, driven from inside a host page, for the engines
// the suite starts without a driver (Firefox ESR, WebKit's MiniBrowser). The page is opened
// as `…?self-test=<kind>&next=<pages>`: it checks the host's own Lit element, searches over
// the cross-origin API, switches to French (or, on the tampered page, sees French refused and
// English kept), posts what it saw to /result, then goes on to the next page.
const params = new URLSearchParams(location.search);
const kind = params.get('self-test');
const next = (params.get('next') ?? '').split(',').filter(Boolean);

function deepAll(selector, root = document, into = []) {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) into.push(el);
    if (el.shadowRoot) deepAll(selector, el.shadowRoot, into);
  }
  return into;
}

function until(what, find) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const found = find();
      if (found) resolve(found);
      else if (Date.now() - started > 10_000) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

const label = () => deepAll('label')[0]?.textContent.trim();
const steps = [];
const localeErrors = [];
window.addEventListener('tn-locale-error', (event) => localeErrors.push(event.detail.locale));

async function run() {
  await until("the host's own Lit element", () => deepAll('p').some((p) => p.textContent.includes('Hello from the host')));
  steps.push('host lit');
  const input = await until('the search field', () => deepAll('input[role="combobox"]')[0]);
  input.focus();
  input.value = 'tungsten';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'tungsten' }));
  await until('Tungsten Bank PLC from the API', () => deepAll('[role="option"]').some((o) => o.textContent.includes('Tungsten Bank PLC')));
  steps.push('search');
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
  failure = String(error?.message ?? error);
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
