// The packed script-tag build (the installed tarball's dist/cdn) in the host layouts of
// test/host-layouts/host.html (`lib=cdn`), in Chromium: a modal dialog, a flex row item, an
// inline-block, a clipping card in a transformed column, a dark page and a 62.5 % root. The
// three-engine suite (test/host-layouts.test.ts) measures the same layouts from the
// sources; this one proves the bundle a partner portal ships behaves the same, with no page
// error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium, packageDir, repoRoot, serveDirectories, watchPage } from './helpers.mjs';

let site;
let browser;

before(async () => {
  site = await serveDirectories({
    '/dist/cdn/': join(packageDir(), 'dist/cdn'),
    '/test/host-layouts/': join(repoRoot, 'test/host-layouts'),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens the host page with `query` (on the built bundle) and waits for its element. */
async function open(query, width = 1280, height = 800) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(10_000);
  const watch = watchPage(page);
  await page.goto(`${site.origin}/test/host-layouts/host.html?lib=cdn&${query}`);
  await page.waitForFunction(() => window.hostReady);
  await page.evaluate(() => window.hostReady);
  return { page, watch };
}

/** The width of the page's tn-* element. */
const elementWidth = (page) =>
  page.evaluate(() => [...document.querySelectorAll('*')].find((el) => el.localName.startsWith('tn-')).getBoundingClientRect().width);

describe('the packed script-tag build in host layouts (Chromium)', () => {
  for (const layout of ['dialog', 'flex', 'inline-block']) {
    it(`${layout}: the flow takes its preferred width, and fits 360 px`, async () => {
      const wide = await open(`layout=${layout}`);
      assert.ok((await elementWidth(wide.page)) > 600, 'about 40em at 1280 px');
      assert.deepEqual(wide.watch.problems(), []);
      await wide.page.close();
      const narrow = await open(`layout=${layout}`, 360);
      const width = await elementWidth(narrow.page);
      assert.ok(width > 240 && width <= 360, `fits 360 px (${width})`);
      assert.ok((await narrow.page.evaluate(() => document.scrollingElement.scrollWidth)) <= 360, 'no sideways scroll');
      await narrow.page.close();
    });
  }

  it('a clipping card: the results are in the top layer and the first one connects on a click', async () => {
    const { page, watch } = await open('layout=card');
    await page.locator('tn-customer-search input').fill('tungsten');
    const option = page.locator('[role="option"]').first();
    await option.waitFor();
    const placement = await page.evaluate(() => {
      const search = document.querySelector('tn-customer-connect').shadowRoot.querySelector('tn-customer-search');
      const popup = search.shadowRoot.querySelector('.popup');
      return { open: popup.matches(':popover-open'), bottom: popup.getBoundingClientRect().bottom, card: document.querySelector('#host').getBoundingClientRect().bottom };
    });
    assert.equal(placement.open, true, 'in the top layer');
    assert.ok(placement.bottom > placement.card, 'reaches past the card');
    // A real click at the option's action: nothing clips or covers it.
    const connected = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('tn-connect', (e) => resolve(e.detail.customer.id), { once: true })),
    );
    await option.locator('[data-action="connect"]').click();
    assert.match(await connected, /^AAA\d+$/);
    assert.deepEqual(watch.problems(), []);
    await page.close();
  });

  it('a dark page and a 62.5 % root: light text on its own dark surface; text at the body size', async () => {
    const dark = await open('layout=dark');
    const colours = await dark.page.evaluate(() => {
      const flow = document.querySelector('tn-customer-connect');
      return { text: getComputedStyle(flow.shadowRoot.querySelector('.title')).color, canvas: getComputedStyle(flow).backgroundColor };
    });
    assert.deepEqual(colours, { text: 'rgb(230, 237, 243)', canvas: 'rgb(22, 27, 34)' });
    await dark.page.close();
    const small = await open('layout=root-62');
    assert.equal(await small.page.evaluate(() => getComputedStyle(document.querySelector('tn-customer-connect')).fontSize), '14px');
    assert.deepEqual(small.watch.problems(), []);
    await small.page.close();
  });
});
