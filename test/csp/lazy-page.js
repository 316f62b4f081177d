// The lazy-registration pages' own script (test/csp/lazy.e2e.mjs): the demo adapter on every
// tn-* element of the page, set before the element's code has arrived (it keeps the property).
import { createDemoAdapter } from '/dist/cdn/tn-demo-adapter.min.js';

window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
});
const adapter = createDemoAdapter();
for (const element of document.querySelectorAll('tn-customer-search, tn-customer-connect')) element.adapter = adapter;
window.demoAdapter = adapter;
