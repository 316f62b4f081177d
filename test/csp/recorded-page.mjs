// Shared by the CSP suites: opens a page that records, from its first script on, every CSP
// violation (`window.violations`, read with page.evaluate) and every page error or console
// error (`problems`; favicon misses aside).

/** Opens `url` in a new page of `browser`; resolves `{ page, problems, response }`. */
export async function openRecorded(browser, url) {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`),
    );
  });
  const response = await page.goto(url);
  return { page, problems, response };
}
