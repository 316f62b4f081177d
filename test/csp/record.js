// First script of a self-driven host page (a classic script, so it runs before any module):
// records every CSP violation and every page error from the start, for host-self-test.js.
window.violations = [];
window.pageErrors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
});
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(`unhandled rejection: ${event.reason}`));
