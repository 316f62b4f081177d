// The classic pages' second script (test/csp/lazy.e2e.mjs inlines it, its hash in the
// policy's script-src): it runs right after the library's `<script src>`, before any
// element's code has arrived, and uses the global's API at once, as a host page's next
// inline script would. What it saw is `window.syncApi`;
// `?locale=fr` also switches the page to French from here.
const api = window.TnCustomerConnect;
// On the two-copies page this runs between the copies: the global must stay this one.
window.firstCopy = api;
const adapter = api.createRestAdapter({ baseUrl: '/customer-connect/v1' });
// Its implementation is fetched when the page is idle; classic-self-test.js calls it once.
window.restAdapter = adapter;
window.syncApi = {
  version: api.version,
  frozen: Object.isFrozen(api),
  adapter: typeof adapter.searchDirectory,
  amount: api.parseAmount('1,234.50', 'en', 'EUR').ok,
  searchDefined: customElements.get('tn-customer-search') !== undefined,
};
const locale = new URLSearchParams(location.search).get('locale');
if (locale) window.localeSwitch = api.setLocale(locale).then(() => 'switched', (error) => `refused: ${error}`);
