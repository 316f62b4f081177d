// The built script-tag bundle under a strict Content Security Policy with Trusted Types:
//   default-src 'self'; script-src 'self'; style-src 'self';
//   require-trusted-types-for 'script'; trusted-types lit-html
// ("lit-html" is the one policy the library needs: Lit creates it for its templates). The
// whole flow runs with zero violations:
// - in Chromium (the engine that enforces Trusted Types), driven by playwright-core;
// - in Firefox ESR and WebKit (MiniBrowser under Xvfb), which enforce the CSP but not Trusted
//   Types, started with no driver on test/csp/index.html?self-test: the page drives the same flow
//   itself and posts what it saw to /result.
//
//   npm run build && npm run test:csp
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openRecorded, reportQueue, withSelfDriven } from './recorded-page.mjs';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

let server;
let browser;
let base;
/** What the self-driven pages post to /result. */
const reports = reportQueue();

before(async () => {
  await readFile(join(root, 'dist/cdn/tn-customer-connect.min.js')).catch(() => {
    throw new Error('No dist/cdn build: run `npm run build` first.');
  });
  server = await serveStatic(root, {
    headers: { 'Content-Security-Policy': POLICY },
    handle: async (request, response) => {
      if (await reports.handle(request, response, { 'Content-Security-Policy': POLICY })) return true;
      if (request.url !== '/favicon.ico') return false;
      response.writeHead(204, { 'Content-Security-Policy': POLICY });
      response.end();
      return true;
    },
  });
  base = server.origin;
  browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('strict CSP + Trusted Types, built script-tag bundle (Chromium)', () => {
  it('runs search → request → support case, then the relationships and a French switch, with no violation', async () => {
    const { page, problems, response } = await openRecorded(browser, `${base}/test/csp/index.html`);
    assert.equal(response.headers()['content-security-policy'], POLICY);

    // The attention panel and the relationships render (text, tables, constructable styles).
    await page.locator('tn-attention-panel').getByRole('rowheader', { name: 'ShuchitestPayment1' }).waitFor();
    await page.locator('tn-relationships').getByText('Test buyer').first().waitFor();

    // The flow: search, Connect, account, Connect → support case.
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.click();
    await box.pressSequentially('tungsten bank', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).locator('[data-action="connect"]').click();
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Adams Office Supplies (IT) - Test' });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.locator('tn-customer-connect').getByRole('heading', { name: 'Your request has been received' }).waitFor();
    await page.locator('tn-relationships tr', { hasText: 'Tungsten Bank PLC' }).getByText('Support case open', { exact: true }).waitFor();

    // A group (the tree's row window sets its spacers through the CSSOM, which the CSP allows).
    await page.getByRole('button', { name: 'Connect with another customer' }).click();
    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Network GmbH/ }).locator('[data-action="view-group"]').click();
    await page.getByRole('tree').getByRole('treeitem', { name: /Tungsten Network GmbH/ }).waitFor();

    // A locale chunk loads under script-src 'self'.
    await page.evaluate(() => import('/dist/cdn/tn-customer-connect.min.js').then((m) => m.setLocale('fr')));
    await page.locator('tn-customer-connect').getByRole('heading', { name: 'Demander la mise en relation' }).waitFor();

    const violations = await page.evaluate(() => window.violations);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(problems, [], 'errors on the page');
    await page.close();
  });

  it('would report a violation (the check is live): an inline style attribute is refused', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective));
    });
    await page.goto(`${base}/test/csp/index.html`);
    await page.waitForFunction(() => customElements.get('tn-customer-connect'));
    // What a template binding `style="…"` would do: setAttribute('style') — blocked by style-src.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => window.violations.length > 0);
    assert.match((await page.evaluate(() => window.violations))[0], /style-src/);
    await page.close();
  });
});

function assertClean(report) {
  assert.equal(report.failure, null, `the flow stopped: ${report.failure} (after: ${report.steps.join(', ') || 'nothing'})`);
  assert.deepEqual(report.steps, ['panels', 'support case', 'group', 'french']);
  assert.deepEqual(report.violations, [], 'CSP violations');
  assert.deepEqual(report.errors, [], 'errors on the page');
}

describe('strict CSP, built script-tag bundle, the page driving itself (Firefox ESR, WebKit)', () => {
  it('Firefox ESR: the whole flow, with no violation', async () => {
    const report = await withSelfDriven('firefox', `${base}/test/csp/index.html?self-test`, () => reports.next());
    assert.match(report.userAgent, /Firefox/);
    assertClean(report);
  });

  it('WebKit (MiniBrowser): the whole flow, with no violation', async () => {
    const report = await withSelfDriven('webkit', `${base}/test/csp/index.html?self-test`, () => reports.next());
    assert.match(report.userAgent, /AppleWebKit/);
    assert.doesNotMatch(report.userAgent, /Chrome/);
    assertClean(report);
  });
});
