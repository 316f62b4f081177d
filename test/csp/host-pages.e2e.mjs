// The README's Content Security Policy, read from the README and pasted as an integrator
// would, on host pages that really exist and load the packed package (`npm pack`, unpacked), in Chromium (which enforces Trusted Types, driven
// by playwright-core) and in Firefox ESR and WebKit (the pages drive themselves:
// host-self-test.js):
// - the page uses Lit itself (its own bundle, with its own `lit-html` policy), loaded before
//   ours or after ours;
// - both of our builds are on the page (classic + module: two copies of Lit, two policies),
//   and on one page a second version of the module build as well;
// - the API is on another origin, through `<tn-adapter-provider api-url>` (connect-src);
// - the chunks' integrity comes from the inline import map that `npm run sri` prints, with
//   the hash it prints in script-src; on one page a locale chunk has been tampered with.
// Each page ends with the flow (search → request → support case) working over the API, the host's own Lit element rendered,
// French loaded through an integrity-checked chunk (or the tampered one refused, English
// kept and `tn-locale-error` received), zero page errors and zero violations.
//
//   npm run build && npm run test:csp
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { startReferenceServer } from '../package/helpers.mjs';
import { openRecorded, reportQueue, withSelfDriven } from './recorded-page.mjs';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const PLACEHOLDER_API = 'https://api.example.com';

/** The policy the README tells integrators to paste (its ```text block under "Content Security Policy"). */
function readmePolicy() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Content Security Policy.**'));
  const policy = /```text\n([^\n]+)\n```/.exec(section)?.[1];
  assert.ok(policy, 'the README shows the policy in a text block');
  assert.ok(policy.includes(PLACEHOLDER_API), `the README's policy names ${PLACEHOLDER_API} for the API`);
  return policy;
}

/** The import map and its CSP source, as `npm run sri -- --base <base>` prints them. */
function importMap(mapBase = '/dist/cdn/') {
  const out = execFileSync(process.execPath, [join(root, 'scripts/sri.mjs'), '--base', mapBase], { encoding: 'utf8' });
  const html = /^<script type="importmap">.*<\/script>$/m.exec(out)?.[0];
  const csp = /^Add to script-src: ('sha256-[^']+')$/m.exec(out)?.[1];
  assert.ok(html && csp, 'npm run sri prints an import map and its hash');
  return { html, csp };
}

/** A host component built with the host's own copy of Lit (not ours: another bundle, another policy). */
const HOST_LIT = buildSync({
  stdin: {
    contents: `import { LitElement, html } from 'lit';
      class HostGreeting extends LitElement {
        render() { return html\`<p>Hello from the host</p>\`; }
      }
      customElements.define('host-greeting', HostGreeting);`,
    resolveDir: root,
  },
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'error',
}).outputFiles[0].text;

let server;
let browser;
let api;
let base;
let policy;
/** The README's policy, with the API's origin and the hash of the page's import map. */
let policyFor;
/** Generated pages: path → { html, policy }. */
const pages = {};
const reports = reportQueue();
/** Where a page loads our builds from: `/tampered/` serves the same files, one chunk altered. */
const SECOND_VERSION = '0.1.0-second';

/**
 * A host page: the host's Lit before or after ours, our two builds (and a second version of
 * the module build), the provider on the API. `?self-test=…` adds the recorder first and the
 * self-driving script last (Firefox, WebKit).
 */
function hostPage({ litFirst, map, cdn = '/dist/cdn/', secondVersion = false }, selfTest) {
  const hostLit = '<script type="module" src="/host/host-lit.js"></script>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
    ${selfTest ? '<script src="/test/csp/record.js"></script>' : ''}
    ${map}
    <script src="${cdn}tn-customer-connect.classic.min.js"></script>
    ${litFirst ? hostLit : ''}
    <script type="module" src="${cdn}tn-customer-connect.min.js"></script>
    ${secondVersion ? '<script type="module" src="/v2/tn-customer-connect.min.js"></script>' : ''}
    ${litFirst ? '' : hostLit}
    ${selfTest ? '<script type="module" src="/test/csp/host-self-test.js"></script>' : ''}
    </head><body><host-greeting></host-greeting>
    <tn-adapter-provider api-url="${api.url}"><tn-customer-connect debounce="0"></tn-customer-connect></tn-adapter-provider>
    </body></html>`;
}

/** A fresh demo network on the API (no connection requested yet). */
async function resetApi() {
  const response = await fetch(new URL('/__test/reset', api.url), { method: 'POST' });
  assert.ok(response.ok, `reset: ${response.status}`);
}

/** The package as an integrator downloads it: `npm pack`, unpacked (its `dist/cdn/` is what the pages load). */
let packed;
function unpack() {
  const work = mkdtempSync(join(tmpdir(), 'tn-host-pages-'));
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  execFileSync('tar', ['-xzf', join(work, filename), '-C', work]);
  return { dir: join(work, 'package'), remove: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * A file of the package as this server gives it: `/dist/` from the packed package, `/v2/` a
 * second version of its `dist/cdn/`, `/tampered/` the same with its French chunk altered.
 */
async function buildFile(path) {
  if (path.startsWith('/v2/')) {
    const body = await readFile(join(packed.dir, 'dist/cdn', path.slice('/v2/'.length)), 'utf8');
    return path.endsWith('/tn-customer-connect.min.js') ? body.replace('"0.1.0"', JSON.stringify(SECOND_VERSION)) : body;
  }
  if (path.startsWith('/tampered/')) {
    const body = await readFile(join(packed.dir, path.slice('/tampered'.length)), 'utf8');
    return /\/chunks\/fr-[^/]+\.js$/.test(path) ? body.replace('Rechercher vos clients', 'Rechercher vos fournisseurs') : body;
  }
  return readFile(join(packed.dir, path));
}

before(async () => {
  await readFile(join(root, 'dist/cdn/tn-customer-connect.min.js')).catch(() => {
    throw new Error('No dist/cdn build: run `npm run build` first.');
  });
  packed = unpack();
  server = await serveStatic(root, {
    headers: (path) => ({ 'Content-Security-Policy': pages[path]?.policy ?? policy, 'Cache-Control': 'no-store' }),
    // The pages, the reports and the package's files are made here; the rest (the test
    // pages' scripts) comes from the repo as it is on disk.
    handle: async (request, response) => {
      const url = new URL(request.url, 'http://x');
      const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      const page = pages[path];
      const headers = { 'Content-Security-Policy': page?.policy ?? policy, 'Cache-Control': 'no-store' };
      // Each self-driven page starts on a fresh network, as each Chromium test does.
      if (request.url === '/result') await resetApi();
      if (await reports.handle(request, response, headers)) return true;
      if (page) {
        response.writeHead(200, { ...headers, 'Content-Type': path.endsWith('.js') ? TYPES['.js'] : TYPES['.html'] });
        response.end(typeof page.body === 'function' ? page.body(url.searchParams.has('self-test')) : page.body);
        return true;
      }
      if (!/^\/(dist|v2|tampered)\//.test(path)) return false;
      try {
        const body = await buildFile(path);
        response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404, headers);
        response.end();
      }
      return true;
    },
  });
  base = server.origin;
  // The API on another origin (another port), allowing the page's origin.
  api = await startReferenceServer({ corsOrigin: base, args: ['--test-control'] });
  const readme = readmePolicy().replace(PLACEHOLDER_API, new URL(api.url).origin);
  policyFor = (map) => readme.replace("script-src 'self'", `script-src 'self' ${map.csp}`);
  const map = importMap();
  const tamperedMap = importMap('/tampered/dist/cdn/');
  policy = policyFor(map);
  pages['/host/host-lit.js'] = { body: HOST_LIT };
  pages['/favicon.ico'] = { body: '' };
  const hostPages = {
    '/host/lit-first.html': { litFirst: true, map: map.html },
    '/host/lit-after.html': { litFirst: false, map: map.html },
    '/host/two-versions.html': { litFirst: true, map: map.html, secondVersion: true },
    '/host/tampered.html': { litFirst: true, map: tamperedMap.html, cdn: '/tampered/dist/cdn/' },
  };
  for (const [path, options] of Object.entries(hostPages)) {
    pages[path] = {
      body: (selfTest) => hostPage(options, selfTest),
      policy: options.cdn ? policyFor(tamperedMap) : policy,
    };
  }
  browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  packed?.remove();
  await api?.close();
  await server?.close();
});

/** Opens `path` on the host pages' server, recording violations and errors. */
const open = (path) => openRecorded(browser, `${base}${path}`);

/** The flow over the API: search, Connect, account, Connect → the support case. */
async function flowWorks(page) {
  await resetApi();
  await page.locator('host-greeting').getByText('Hello from the host').waitFor();
  const box = page.getByRole('combobox', { name: 'Search your customers' });
  await box.pressSequentially('tungsten bank', { delay: 10 });
  await page.getByRole('option', { name: /Tungsten Bank PLC/ }).locator('[data-action="connect"]').click();
  await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Adams Office Supplies (IT) - Test' });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('heading', { name: 'Your request has been received' }).waitFor();
}

describe("the README's CSP on real host pages (Chromium, Trusted Types)", () => {
  for (const [name, path] of [
    ['the host loads its own Lit before ours', '/host/lit-first.html'],
    ['the host loads its own Lit after ours', '/host/lit-after.html'],
    ['a second version of our module build on the page too', '/host/two-versions.html'],
  ]) {
    it(`${name}, both our builds on the page, the API on another origin: the flow, French, zero violations`, async () => {
      const { page, problems, response } = await open(path);
      assert.equal(response.headers()['content-security-policy'], policy);
      await flowWorks(page);
      // French arrives in a chunk checked against the import map's integrity. The classic
      // build loaded first, so its copy holds the tags: its API reaches them.
      await page.evaluate(() => window.TnCustomerConnect.setLocale('fr'));
      await page.getByRole('button', { name: 'Se mettre en relation avec un autre client' }).waitFor();
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
      assert.deepEqual(problems, [], 'errors on the page');
      await page.close();
    });
  }

  it('a tampered locale chunk is refused: setLocale rejects, tn-locale-error, English kept and working', async () => {
    const { page, problems } = await open('/host/tampered.html');
    await flowWorks(page);
    const outcome = await page.evaluate(async () => {
      const reported = new Promise((resolve) => {
        window.addEventListener('tn-locale-error', (e) => resolve(e.detail.locale), { once: true });
        setTimeout(() => resolve('no tn-locale-error'), 5000);
      });
      const result = await window.TnCustomerConnect.setLocale('fr').then(() => 'loaded', () => 'refused');
      return { result, reported: await reported };
    });
    assert.deepEqual(outcome, { result: 'refused', reported: 'fr' });
    // Still English, still working: back to the search, which still finds.
    await page.getByRole('button', { name: 'Connect with another customer' }).click();
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.pressSequentially('tungsten', { delay: 10 });
    await page.getByRole('option', { name: /Tungsten Network GmbH/ }).waitFor();
    assert.equal(await page.getByText('Rechercher vos fournisseurs').count(), 0, 'the altered text never shows');
    assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
    // The browser reports the refused chunk itself; nothing else may fail.
    assert.deepEqual(problems.filter((problem) => !/integrity|digest|fr-[\w-]+\.min\.js/i.test(problem)), [], 'errors on the page');
    await page.close();
  });

  it("is live: without 'allow-duplicates' the second copy of Lit fails, as the README warns", async () => {
    pages['/host/lit-first.html'].policy = policy.replace(" 'allow-duplicates'", '');
    try {
      const { page, problems } = await open('/host/lit-first.html');
      await page.waitForFunction(() => window.violations.length > 0);
      assert.match(problems.join('\n'), /lit-html/);
      await page.close();
    } finally {
      pages['/host/lit-first.html'].policy = policy;
    }
  });
});

describe("the README's CSP on real host pages (Firefox ESR, WebKit: the pages drive themselves)", () => {
  const sequence = ['/host/lit-first.html', '/host/lit-after.html', '/host/two-versions.html', '/host/tampered.html'];
  const expected = {
    'lit-first': ['host lit', 'support case', 'french'],
    'lit-after': ['host lit', 'support case', 'french'],
    'two-versions': ['host lit', 'support case', 'second copy', 'french'],
    tampered: ['host lit', 'support case', 'refused'],
  };
  for (const [engine, agent] of [
    ['firefox', /Firefox/],
    ['webkit', /AppleWebKit/],
  ]) {
    it(`${engine}: every host page, the flow over the API, French (or the tampered chunk refused), zero violations`, async () => {
      await resetApi();
      const [first, ...rest] = sequence;
      const url = `${base}${first}?self-test=lit-first&next=${rest.join(',')}`;
      const seen = await withSelfDriven(engine, url, async () => {
        const out = [];
        for (let i = 0; i < sequence.length; i++) out.push(await reports.next());
        return out;
      });
      for (const report of seen) {
        assert.match(report.userAgent, agent);
        assert.equal(report.failure, null, `${report.page}: stopped: ${report.failure} (after: ${report.steps.join(', ')})`);
        assert.deepEqual(report.steps, expected[report.page], report.page);
        assert.deepEqual(report.violations, [], `${report.page}: CSP violations`);
        assert.deepEqual(report.errors, [], `${report.page}: errors on the page`);
      }
      assert.deepEqual(seen.map((report) => report.page), Object.keys(expected));
    });
  }
});
