// The page's own script (script-src 'self': no inline script): the demo adapter, and a log
// of every CSP violation for the test to read.
import { createDemoAdapter } from '/dist/cdn/tn-demo-adapter.min.js';

window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
});
document.getElementById('provider').adapter = createDemoAdapter();

// Firefox and WebKit open this page as index.html?self-test, with no driver: the page then
// drives the flow itself and posts what it saw (test/csp/self-test.js).
if (new URLSearchParams(location.search).has('self-test')) import('/test/csp/self-test.js');
