// Lazy registration in the built ES-module script-tag bundle (src/autoload.ts), read from the
// requests the static server saw, under the strict CSP of csp.e2e.mjs (Chromium):
// - a page with only <tn-customer-search> fetches its chunk and no other element's;
// - a <tn-group-picker> added later fetches its chunk, and the element upgrades and renders;
// - <tn-customer-connect> fetches its later steps (picker, verification) before Connect:
//   when the browser is idle, or — with idle callbacks never firing — at the first key typed.
//
//   npm run build && npm run test:csp
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openRecorded } from './recorded-page.mjs';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** csp.e2e.mjs's policy: the chunks load under script-src 'self' with Trusted Types. */
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
/** Every element chunk of the build, by the name its file starts with. */
const ELEMENT_CHUNKS = [
  'tn-adapter-provider',
  'tn-customer-search',
  'tn-attention-panel',
  'tn-group-picker',
  'tn-verify-invoice',
  'customer-connect',
  'tn-relationships',
  'tn-support-case',
];

let server;
let browser;

before(async () => {
  await readFile(join(root, 'dist/cdn/tn-customer-connect.min.js')).catch(() => {
    throw new Error('No dist/cdn build: run `npm run build` first.');
  });
  server = await serveStatic(root, {
    headers: { 'Content-Security-Policy': POLICY },
    handle: async (request, response) => {
      if (request.url !== '/favicon.ico') return false;
      response.writeHead(204, { 'Content-Security-Policy': POLICY });
      response.end();
      return true;
    },
  });
  browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The element chunks requested since `from` (an index into the server's request log). */
function elementChunksSince(from) {
  const names = server.requests
    .slice(from)
    .map((path) => /^\/dist\/cdn\/chunks\/(.+)-[\w-]{8}\.min\.js$/.exec(path)?.[1])
    .filter((name) => ELEMENT_CHUNKS.includes(name));
  return [...new Set(names)].sort();
}

/** Waits until the server saw `name`'s chunk since `from`. */
async function chunkRequested(name, from, ms = 10_000) {
  const until = Date.now() + ms;
  while (!elementChunksSince(from).includes(name)) {
    if (Date.now() > until) throw new Error(`no request for the ${name} chunk; element chunks seen: ${elementChunksSince(from)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('lazy registration, built ES-module bundle (Chromium, strict CSP)', () => {
  it('a page with only the search fetches the search chunk alone; a picker added later fetches its own and upgrades', async () => {
    const from = server.requests.length;
    const { page, problems } = await openRecorded(browser, `${server.origin}/test/csp/lazy-search.html`);
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(elementChunksSince(from), ['tn-customer-search']);
    assert.equal(await page.evaluate(() => customElements.get('tn-group-picker')), undefined);

    await page.evaluate(() => {
      const picker = document.createElement('tn-group-picker');
      picker.adapter = window.demoAdapter;
      document.body.append(picker);
    });
    await chunkRequested('tn-group-picker', from);
    await page.waitForFunction(() => document.querySelector('tn-group-picker').shadowRoot?.childElementCount > 0);
    assert.deepEqual(elementChunksSince(from), ['tn-customer-search', 'tn-group-picker']);
    assert.ok(await page.evaluate(() => customElements.get('tn-group-picker') !== undefined), 'tn-group-picker is defined');

    assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
    assert.deepEqual(problems, [], 'errors on the page');
    await page.close();
  });

  it('the flow fetches its first screen, then its later steps when the browser is idle, before Connect', async () => {
    const from = server.requests.length;
    const { page, problems } = await openRecorded(browser, `${server.origin}/test/csp/lazy-flow.html`);
    await page.getByRole('combobox', { name: 'Search your customers' }).waitFor();
    await chunkRequested('tn-group-picker', from);
    await chunkRequested('tn-verify-invoice', from);
    await page.waitForFunction(() => customElements.get('tn-group-picker') && customElements.get('tn-verify-invoice'));
    assert.deepEqual(elementChunksSince(from), ['customer-connect', 'tn-customer-search', 'tn-group-picker', 'tn-verify-invoice']);

    // Connect → the request form, on code already here.
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.click();
    await box.pressSequentially('tungsten bank', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).locator('[data-action="connect"]').click();
    await page.getByRole('combobox', { name: 'Account' }).waitFor();

    assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
    assert.deepEqual(problems, [], 'errors on the page');
    await page.close();
  });

  it('with no idle moment, the flow fetches its later steps at the first key typed in the search', async () => {
    const from = server.requests.length;
    const page = await browser.newPage();
    // A page that is never idle: idle callbacks are queued and never run.
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.goto(`${server.origin}/test/csp/lazy-flow.html`);
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.waitFor();
    await page.waitForTimeout(1000);
    assert.deepEqual(elementChunksSince(from), ['customer-connect', 'tn-customer-search']);

    await box.press('t');
    await chunkRequested('tn-group-picker', from);
    await chunkRequested('tn-verify-invoice', from);
    await page.close();
  });
});
