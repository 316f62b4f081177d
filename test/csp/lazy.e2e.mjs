// Lazy registration in the built script-tag bundles (src/autoload.ts), read from the
// requests the static server saw.
// The ES-module build, under the strict CSP of csp.e2e.mjs (Chromium):
// - a page with only <tn-customer-search> fetches its chunk and no other element's;
// - a <tn-group-picker> added later fetches its chunk, and the element upgrades and renders;
// - <tn-customer-connect> fetches its later steps (picker, verification) before Connect:
//   when the browser is idle, or — with idle callbacks never firing — at the first key typed;
// - the README's page (<tn-adapter-provider api-url> around the search) fetches the REST
//   adapter's implementation (its rest-client chunk) only after the search's chunk, when the
//   browser is idle — or, never idle, at the first key — and the search answers from the API.
// The classic build, under the README's policy with the import map `npm run sri` prints, in
// Chromium, Firefox ESR and WebKit (the pages drive themselves: classic-self-test.js):
// - the global's API works in the very next script, before any element's code has arrived
//   (createRestAdapter, parseAmount; setLocale('fr') gives a French search);
// - the same search and flow pages fetch the same chunks (chunks/classic/) as above, and the
//   REST adapter made by the API script fetches its implementation after the search's chunk
//   and answers (a 404 from the static server is its `not-found`);
// - a classic chunk that fails its import-map integrity is refused;
// - a second classic copy on the page fetches nothing and leaves the global alone.
//
//   npm run build && npm run test:csp
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openRecorded, reportQueue, withSelfDriven } from './recorded-page.mjs';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
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

/** What the README's page asks the API (`/customer-connect/v1/directory/entities`), answered from the demo network. */
const { DemoNetwork } = await import(join(root, 'dist/adapter/demo/index.js'));
const network = new DemoNetwork();
const SEARCH_PATH = '/customer-connect/v1/directory/entities';

let server;
let browser;

before(async () => {
  await readFile(join(root, 'dist/cdn/tn-customer-connect.min.js')).catch(() => {
    throw new Error('No dist/cdn build: run `npm run build` first.');
  });
  server = await serveStatic(root, {
    headers: { 'Content-Security-Policy': POLICY },
    handle: async (request, response) => {
      const url = new URL(request.url, 'http://x');
      if (url.pathname === SEARCH_PATH) {
        response.writeHead(200, { 'Content-Security-Policy': POLICY, 'Content-Type': 'application/json' });
        response.end(JSON.stringify(network.searchDirectory({ text: url.searchParams.get('text') ?? '' })));
        return true;
      }
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

/** Every chunk but the locales requested since `from`, in order, by name (`rest-client` too). */
function chunksSince(from) {
  return server.requests
    .slice(from)
    .map((path) => /^\/dist\/cdn\/chunks\/(.+)-[\w-]{8}\.min\.js$/.exec(path)?.[1])
    .filter((name) => name && !/^[a-z]{2}$/.test(name));
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

  it("the README's page (provider api-url, search): the REST implementation after the search's chunk, when idle and before any key; the search answers from the API", async () => {
    const from = server.requests.length;
    const { page, problems } = await openRecorded(browser, `${server.origin}/test/csp/lazy-rest.html`);
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.waitFor();
    await waitFor(() => chunksSince(from).includes('later-schemas'), 'no request for the rest-client chunk and its schemas while idle');
    // The REST implementation and the later answers' checks it imports.
    assert.deepEqual(chunksSince(from), ['tn-adapter-provider', 'tn-customer-search', 'rest-client', 'later-schemas']);
    assert.deepEqual(server.requests.slice(from).filter((path) => path.startsWith('/customer-connect/')), [], 'API requests before a key');

    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
    assert.ok(server.requests.slice(from).includes(SEARCH_PATH), 'the search asked the API');
    assert.deepEqual(chunksSince(from), ['tn-adapter-provider', 'tn-customer-search', 'rest-client', 'later-schemas']);
    assert.deepEqual(await page.evaluate(() => [window.violations, window.pageErrors]), [[], []], 'CSP violations, page errors');
    assert.deepEqual(problems, [], 'errors on the page');
    await page.close();
  });

  it("the README's page with no idle moment: no REST implementation before the first key, which fetches it; the search answers", async () => {
    const from = server.requests.length;
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.goto(`${server.origin}/test/csp/lazy-rest.html`);
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.waitFor();
    await page.waitForTimeout(1000);
    assert.deepEqual(chunksSince(from), ['tn-adapter-provider', 'tn-customer-search']);

    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
    assert.deepEqual(chunksSince(from), ['tn-adapter-provider', 'tn-customer-search', 'rest-client', 'later-schemas']);
    assert.deepEqual(await page.evaluate(() => [window.violations, window.pageErrors]), [[], []], 'CSP violations, page errors');
    await page.close();
  });
});

/** Waits until `test()` is true (10 s at most). */
async function waitFor(test, message, ms = 10_000) {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The README's policy (its ```text block under "Content Security Policy"). */
async function readmePolicy() {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const policy = /```text\n([^\n]+)\n```/.exec(readme.slice(readme.indexOf('**Content Security Policy.**')))?.[1];
  assert.ok(policy, 'the README shows the policy in a text block');
  return policy;
}

/** The import map and its CSP source, as `npm run sri -- --base <base>` prints them. */
function importMap(base) {
  const out = execFileSync(process.execPath, [join(root, 'scripts/sri.mjs'), '--base', base], { encoding: 'utf8' });
  return { html: /^<script type="importmap">.*<\/script>$/m.exec(out)[0], csp: /^Add to script-src: ('sha256-[^']+')$/m.exec(out)[1] };
}

describe('lazy registration, built classic bundle (README policy with the import map; Chromium, Firefox ESR, WebKit)', () => {
  const CLASSIC = /^\/(?:copy\/|tampered\/)?dist\/cdn\/chunks\/classic\/(.+)-[\w-]{8}\.min\.js$/;
  const SEQUENCE = ['search', 'flow', 'french', 'tampered', 'two-copies'];
  const reports = reportQueue();
  /** Where in the request log each report arrived. */
  const reportedAt = [];
  /** Where in the request log the current engine's sequence started. */
  let startedAt = 0;
  const pages = {};
  let site;

  /** classic-api.js, inlined right after the library's script (its hash in script-src). */
  let apiScript;
  /** A classic page: the library from `cdn`, the API used by the next, inline script, then `body`. */
  const classicPage = (map, body, { cdn = '/dist/cdn/', second = false } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>classic</title><script src="/test/csp/record.js"></script>${map.html}
    <script src="${cdn}tn-customer-connect.classic.min.js"></script>
    <script>${apiScript}</script>
    ${second ? '<script src="/copy/dist/cdn/tn-customer-connect.classic.min.js"></script>' : ''}
    <script type="module" src="/test/csp/classic-self-test.js"></script></head><body>${body}</body></html>`;

  before(async () => {
    const policy = await readmePolicy();
    const map = importMap('/dist/cdn/');
    const tamperedMap = importMap('/tampered/dist/cdn/');
    apiScript = await readFile(join(root, 'test/csp/classic-api.js'), 'utf8');
    const apiHash = `'sha256-${createHash('sha256').update(apiScript).digest('base64')}'`;
    const policyFor = ({ csp }) => policy.replace("script-src 'self'", `script-src 'self' ${csp} ${apiHash}`);
    const search = '<tn-customer-search debounce="0"></tn-customer-search>';
    pages['/classic/search.html'] = { body: classicPage(map, search), policy: policyFor(map) };
    pages['/classic/flow.html'] = { body: classicPage(map, '<tn-customer-connect debounce="0"></tn-customer-connect>'), policy: policyFor(map) };
    pages['/classic/french.html'] = { body: classicPage(map, search), policy: policyFor(map) };
    pages['/classic/tampered.html'] = { body: classicPage(tamperedMap, search, { cdn: '/tampered/dist/cdn/' }), policy: policyFor(tamperedMap) };
    pages['/classic/two-copies.html'] = { body: classicPage(map, search, { second: true }), policy: policyFor(map) };
    const headers = (path) => ({ 'Content-Security-Policy': pages[path]?.policy ?? policyFor(map), 'Cache-Control': 'no-store' });
    site = await serveStatic(
      { '/': root, '/copy/': root, '/tampered/': root },
      {
        headers,
        files: Object.fromEntries(Object.entries(pages).map(([path, { body }]) => [path, { body, type: 'text/html; charset=utf-8' }])),
        handle: async (request, response) => {
          const path = new URL(request.url, 'http://x').pathname;
          if (path === '/result') reportedAt.push(site.requests.length);
          if (await reports.handle(request, response, headers(path))) return true;
          if (path.startsWith('/mark/') || path === '/favicon.ico') {
            response.writeHead(204, headers(path));
            response.end();
            return true;
          }
          // The tampered copy: its search chunk altered by one word.
          if (/^\/tampered\/dist\/cdn\/chunks\/classic\/tn-customer-search-[\w-]{8}\.min\.js$/.test(path)) {
            const body = await readFile(join(root, path.slice('/tampered'.length)), 'utf8');
            response.writeHead(200, { ...headers(path), 'Content-Type': 'text/javascript; charset=utf-8' });
            response.end(body.replace('combobox', 'comboboxes'));
            return true;
          }
          return false;
        },
      },
    );
  });

  after(() => site?.close());

  /** The element chunks each report's page fetched (the requests since the previous report), and those before `mark`. */
  function chunksOf(index, mark, others = []) {
    let requests = site.requests.slice(reportedAt[index - 1] ?? startedAt, reportedAt[index]);
    if (mark) requests = requests.slice(0, requests.indexOf(`/mark/${mark}`));
    return requests.map((path) => CLASSIC.exec(path)?.[1]).filter((name) => ELEMENT_CHUNKS.includes(name) || others.includes(name));
  }

  /** Every page of the sequence, in order, from its first; resolves the reports. */
  async function runSequence(engine) {
    reportedAt.length = 0;
    startedAt = site.requests.length;
    const url = `${site.origin}/classic/search.html?self-test=search&next=${SEQUENCE.slice(1).map((name) => `/classic/${name}.html`).join(',')}`;
    const collect = async () => {
      const seen = [];
      for (let i = 0; i < SEQUENCE.length; i++) seen.push(await reports.next());
      return seen;
    };
    if (engine !== 'chromium') return { seen: await withSelfDriven(engine, url, collect), consoleLines: null };
    const page = await browser.newPage();
    const consoleLines = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    await page.goto(url);
    const seen = await collect();
    await page.close();
    return { seen, consoleLines };
  }

  for (const engine of ['chromium', 'firefox', 'webkit']) {
    it(`${engine}: the API at once, only the chunks each page shows, integrity enforced, a second copy inert, zero violations`, async () => {
      const { seen, consoleLines } = await runSequence(engine);
      const byPage = Object.fromEntries(seen.map((report, i) => [report.page, { ...report, index: i }]));
      assert.deepEqual(seen.map((report) => report.page), SEQUENCE);
      for (const report of seen) {
        assert.equal(report.failure, null, `${report.page}: stopped: ${report.failure} (after: ${report.steps.join(', ')})`);
        assert.deepEqual(report.violations, [], `${report.page}: CSP violations`);
        assert.deepEqual(report.errors, [], `${report.page}: errors on the page`);
        // The next script saw the whole API, before the search's code had arrived.
        assert.deepEqual(report.syncApi, { version, frozen: true, adapter: 'function', amount: true, searchDefined: false }, report.page);
      }
      const { search, flow, french, tampered } = byPage;
      assert.deepEqual(search.steps, ['search', 'rest: not-found', 'picker']);
      assert.deepEqual(chunksOf(search.index, 'search-done'), ['tn-customer-search']);
      // The REST implementation once, after the search's chunk (the API script made an adapter).
      assert.deepEqual(chunksOf(search.index, undefined, ['rest-client']), ['tn-customer-search', 'rest-client', 'tn-group-picker']);
      assert.deepEqual(chunksOf(search.index), ['tn-customer-search', 'tn-group-picker']);
      assert.deepEqual(flow.steps, ['request form']);
      assert.deepEqual(chunksOf(flow.index, 'steps-loaded').sort(), ['customer-connect', 'tn-customer-search', 'tn-group-picker', 'tn-verify-invoice']);
      assert.deepEqual(french.steps, ['french']);
      assert.deepEqual(tampered.steps, ['refused']);
      assert.deepEqual(chunksOf(tampered.index), ['tn-customer-search']);
      // The second copy fetched nothing: one search chunk and one REST implementation (with its schemas), the first copy's.
      const copies = site.requests.slice(reportedAt[byPage['two-copies'].index - 1], reportedAt[byPage['two-copies'].index]);
      assert.deepEqual(
        copies.filter((path) => CLASSIC.test(path)).map((path) => path.replace(/-[\w-]{8}\.min\.js$/, '')).sort(),
        ['/dist/cdn/chunks/classic/later-schemas', '/dist/cdn/chunks/classic/rest-client', '/dist/cdn/chunks/classic/tn-customer-search'],
      );
      assert.ok(copies.includes('/copy/dist/cdn/tn-customer-connect.classic.min.js'), 'the second copy was loaded');
      if (consoleLines) {
        // Chromium: the refused chunk is reported, and each tag the second copy met warns once.
        const warnings = consoleLines.filter((line) => line.startsWith('warning: tn-customer-connect:'));
        const warning = `warning: tn-customer-connect: <tn-customer-search> is already defined (version ${version}); this copy (version ${version}) was not registered.`;
        assert.deepEqual(warnings, [warning]);
        assert.ok(consoleLines.some((line) => /integrity/i.test(line) && /tn-customer-search-/.test(line)), consoleLines.join('\n'));
      }
    });
  }
});
