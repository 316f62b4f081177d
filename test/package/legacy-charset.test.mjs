// A legacy portal page in windows-1252 whose server sends scripts without a charset (many
// older enterprise and bank portals): the browser decodes a classic script in the page's
// charset, so a build with any raw non-ASCII character fails to parse there. Both script-tag
// builds of the installed tarball are ASCII only, and each runs a search on such a page, in
// French, with accented text intact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, packageDir, serveDirectories, watchPage } from './helpers.mjs';

let site;
let browser;
const files = {};
const cdn = () => join(packageDir(), 'dist/cdn');

before(async () => {
  for (const name of ['tn-customer-connect.min.js', 'tn-customer-connect.classic.min.js', 'tn-demo-adapter.min.js']) {
    // No charset: the page's decides.
    files[`/cdn/${name}`] = { body: await readFile(join(cdn(), name)), type: 'text/javascript' };
  }
  const page = (load) => ({
    type: 'text/html; charset=windows-1252',
    // "Portail fournisseurs : accès" in windows-1252 bytes: the page really is in that charset.
    body: Buffer.concat([
      Buffer.from('<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Portail</title>', 'latin1'),
      Buffer.from(load, 'latin1'),
      Buffer.from(`<script type="module">
          import { createDemoAdapter } from '/cdn/tn-demo-adapter.min.js';
          await customElements.whenDefined('tn-customer-search');
          const lib = window.TnCustomerConnect ?? (await import('/cdn/tn-customer-connect.min.js'));
          await lib.setLocale('fr');
          document.querySelector('tn-customer-search').adapter = createDemoAdapter();
          window.ready = true;
        </script></head><body><h1>Portail fournisseurs : acc\u00e8s</h1>
        <tn-customer-search debounce="0"></tn-customer-search></body></html>`, 'latin1'),
    ]),
  });
  files['/classic.html'] = page('<script src="/cdn/tn-customer-connect.classic.min.js"></script>');
  files['/module.html'] = page('<script type="module" src="/cdn/tn-customer-connect.min.js"></script>');
  site = await serveDirectories({ '/cdn/': cdn() }, { files });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('a windows-1252 page, scripts sent without a charset (Chromium)', () => {
  it('both script-tag builds and the demo adapter are ASCII only', async () => {
    for (const name of ['tn-customer-connect.min.js', 'tn-customer-connect.classic.min.js', 'tn-demo-adapter.min.js']) {
      const text = await readFile(join(cdn(), name), 'latin1');
      const at = text.search(/[^\0-\x7f]/);
      assert.equal(at, -1, `${name} has a non-ASCII byte at ${at}: ${JSON.stringify(text.slice(at - 20, at + 20))}`);
    }
  });

  for (const build of ['classic', 'module']) {
    it(`the ${build} build parses and searches, in French, accents intact`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const watch = watchPage(page);
      await page.goto(`${site.origin}/${build}.html`);
      assert.equal(await page.evaluate(() => document.characterSet), 'windows-1252');
      assert.equal(await page.locator('h1').textContent(), 'Portail fournisseurs : acc\u00e8s');
      await page.waitForFunction(() => window.ready);
      assert.equal(await page.locator('tn-customer-search label').textContent(), 'Rechercher vos clients');
      await page.locator('tn-customer-search input').fill('soci\u00e9t\u00e9');
      await page.locator('[role="option"]').first().waitFor();
      // The accented status text of the French build came through the escapes unchanged.
      const connect = await page.locator('[role="option"] [data-action="connect"]').first().textContent();
      assert.equal(connect.trim(), 'Se mettre en relation');
      const names = await page.locator('[role="option"] [part~="name"]').allTextContents();
      assert.ok(names.some((name) => /Soci\u00e9t\u00e9/.test(name)), `an accented name is shown intact: ${names.join(' | ')}`);
      assert.deepEqual(watch.problems(), []);
      await page.close();
    });
  }
});
