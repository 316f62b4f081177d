// examples/html/: a plain page with one script tag and one provider attribute shows the
// working flow, in Chromium, on the installed package's dist/cdn and the reference API
// server (cross-origin, no token): type "tungsten", Connect on Tungsten Bank PLC, choose an
// account, Connect → a support case number, which the server then knows. Once with the
// ES-module build (index.html), once with the classic-script build (classic.html).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, packageDir, repoRoot, serveDirectories, startReferenceServer, watchPage } from './helpers.mjs';

/** The API URL the example pages carry (`npm run server`'s default); the test serves them pointing at its own server. */
const EXAMPLE_API = 'http://127.0.0.1:8787/v1';

const dir = join(repoRoot, 'examples/html');
let site;
let browser;
/** The pages as served: each pointed at the API server of the test that runs. */
const pages = {};

before(async () => {
  // Mounted where the pages' relative script URL (../../dist/cdn/…) lands.
  site = await serveDirectories({ '/examples/html/': dir, '/dist/cdn/': join(packageDir(), 'dist/cdn') }, { files: pages });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Serves examples/html/<name> pointed at `apiUrl`, after checking it is what it claims: one script tag, one api-url. */
async function servePage(name, apiUrl) {
  const html = await readFile(join(dir, name), 'utf8');
  assert.equal(html.split(`api-url="${EXAMPLE_API}"`).length, 2, `${name}: one provider with api-url="${EXAMPLE_API}"`);
  assert.equal(html.match(/<script\b/g).length, 1, `${name}: one script tag`);
  pages[`/examples/html/${name}`] = { body: html.replace(EXAMPLE_API, apiUrl), type: 'text/html; charset=utf-8' };
}

/** Walks the flow on `path`; returns the support case reference shown and what the page reported. */
async function connectTungstenBank(path) {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const watch = watchPage(page);
  try {
    await page.goto(`${site.origin}${path}`);
    const box = page.getByRole('combobox', { name: 'Search your customers' });
    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).locator('[data-action="connect"]').click();
    await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Adams Office Supplies (IT) - Test' });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('heading', { name: 'Your request has been received' }).waitFor();
    const reference = (await page.locator('tn-customer-connect [part~="reference"]').first().textContent()).trim();
    return { reference, problems: watch.problems(), warnings: watch.warnings };
  } catch (error) {
    error.message += `\nwhat the page reported: ${JSON.stringify(watch.problems())}`;
    throw error;
  } finally {
    await page.close();
  }
}

describe('examples/html: one script tag, one provider attribute', () => {
  for (const [name, script] of [
    ['index.html', 'tn-customer-connect.min.js'],
    ['classic.html', 'tn-customer-connect.classic.min.js'],
  ]) {
    it(`${name}: search → Connect → account → Connect opens a support case on the server (${script})`, async () => {
      // A fresh server (a fresh demo network) for each page.
      const api = await startReferenceServer({ corsOrigin: site.origin });
      try {
        await servePage(name, api.url);
        const before = site.requests.length;
        const { reference, problems, warnings } = await connectTungstenBank(`/examples/html/${name}`);
        assert.match(reference, /^\d+$/);
        // The case exists on the server, under the reference the page showed.
        const response = await fetch(`${api.url}/support-cases/${reference}`);
        assert.equal(response.status, 200);
        assert.equal((await response.json()).reference, reference);
        assert.ok(site.requests.slice(before).includes(`/dist/cdn/${script}`), `${script} was not loaded from the package`);
        assert.deepEqual(problems, []);
        assert.deepEqual(warnings, []);
      } finally {
        await api.close();
      }
    });
  }
});
