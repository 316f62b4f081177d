// The README's Content Security Policy, read from the README and pasted as an integrator
// would, on host pages that really exist (Chromium, which enforces Trusted Types):
// - the page uses Lit itself (its own bundle, with its own `lit-html` policy), loaded before
//   ours or after ours;
// - both of our builds are on the page (classic + module: two copies of Lit, two policies);
// - the API is on another origin, through `<tn-adapter-provider api-url>` (connect-src);
// - the chunks' integrity comes from the inline import map that `npm run sri` prints, with
//   the hash it prints in script-src.
// Each page ends with the search working over the API, French loaded through an integrity-
// checked chunk, the host's own Lit element rendered, zero page errors and zero violations.
//
//   npm run build && npm run test:csp
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { startReferenceServer } from '../package/helpers.mjs';
import { openRecorded } from './recorded-page.mjs';

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

/** The import map and its CSP source, as `npm run sri -- --base /dist/cdn/` prints them. */
function importMap() {
  const out = execFileSync(process.execPath, [join(root, 'scripts/sri.mjs'), '--base', '/dist/cdn/'], { encoding: 'utf8' });
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
const pages = {};

/** A host page: our two builds, the host's Lit `before` or after ours, the provider on the API. */
function hostPage(litFirst, map) {
  const hostLit = '<script type="module" src="/host/host-lit.js"></script>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
    ${map}
    <script src="/dist/cdn/tn-customer-connect.classic.min.js"></script>
    ${litFirst ? hostLit : ''}
    <script type="module" src="/dist/cdn/tn-customer-connect.min.js"></script>
    ${litFirst ? '' : hostLit}
    </head><body><host-greeting></host-greeting>
    <tn-adapter-provider api-url="${api.url}"><tn-customer-search debounce="0"></tn-customer-search></tn-adapter-provider>
    </body></html>`;
}

before(async () => {
  await readFile(join(root, 'dist/cdn/tn-customer-connect.min.js')).catch(() => {
    throw new Error('No dist/cdn build: run `npm run build` first.');
  });
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const headers = { 'Content-Security-Policy': pages.policy };
    if (pages[path] !== undefined) {
      response.writeHead(200, { ...headers, 'Content-Type': path.endsWith('.js') ? TYPES['.js'] : TYPES['.html'] });
      response.end(pages[path]);
      return;
    }
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  // The API on another origin (another port), allowing the page's origin.
  api = await startReferenceServer({ corsOrigin: base });
  const map = importMap();
  policy = readmePolicy()
    .replace(PLACEHOLDER_API, new URL(api.url).origin)
    .replace("script-src 'self'", `script-src 'self' ${map.csp}`);
  pages.policy = policy;
  pages['/host/host-lit.js'] = HOST_LIT;
  pages['/favicon.ico'] = '';
  pages['/host/lit-first.html'] = hostPage(true, map.html);
  pages['/host/lit-after.html'] = hostPage(false, map.html);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens `path` on the host pages' server, recording violations and errors. */
const open = (path) => openRecorded(browser, `${base}${path}`);

describe("the README's CSP on real host pages (Chromium, Trusted Types)", () => {
  for (const [name, path] of [
    ['the host loads its own Lit before ours', '/host/lit-first.html'],
    ['the host loads its own Lit after ours', '/host/lit-after.html'],
  ]) {
    it(`${name}, both our builds on the page, the API on another origin: search, French, zero violations`, async () => {
      const { page, problems, response } = await open(path);
      assert.equal(response.headers()['content-security-policy'], policy);
      await page.locator('host-greeting').getByText('Hello from the host').waitFor();
      const box = page.getByRole('combobox', { name: 'Search your customers' });
      await box.pressSequentially('tungsten', { delay: 10 });
      await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
      // French arrives in a chunk checked against the import map's integrity. The classic
      // build loaded first, so its copy holds the tags: its API reaches them.
      await page.evaluate(() => window.TnCustomerConnect.setLocale('fr'));
      await page.getByRole('combobox', { name: 'Rechercher vos clients' }).waitFor();
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
      assert.deepEqual(problems, [], 'errors on the page');
      await page.close();
    });
  }

  it("is live: without 'allow-duplicates' the second copy of Lit fails, as the README warns", async () => {
    pages.policy = policy.replace(" 'allow-duplicates'", '');
    try {
      const { page, problems } = await open('/host/lit-first.html');
      await page.waitForFunction(() => window.violations.length > 0);
      assert.match(problems.join('\n'), /lit-html/);
      await page.close();
    } finally {
      pages.policy = policy;
    }
  });
});
