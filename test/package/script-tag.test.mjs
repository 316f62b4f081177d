// The script-tag builds as a partner portal hosts them, from the installed package's
// dist/cdn on a second origin (CORS, as a CDN or a static host would answer):
// - both files name their version (banner, `VERSION` / `TnCustomerConnect.version`, each
//   element class's static `version`), the package's;
// - dist/cdn/integrity.json holds the sha384 of every script in dist/cdn;
// - a plain page that includes a build with `integrity` + `crossorigin` gets its elements
//   defined (both builds fetch an element's code when its tag appears: the search the page
//   shows, and no other), and a wrong hash blocks the script;
// - the classic build's global API works in the page's very next inline script, before any
//   element's code has arrived, and the page fetches only the chunks of the tags it shows;
// - each build loads a locale chunk next to itself when the page switches language.
// test/csp/lazy.e2e.mjs proves the classic build's lazy loading in three engines under the
// README's policy, with the chunks' integrity from the import map.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TAGS, launchChromium, packageDir, packageJson, serveDirectories, watchPage } from './helpers.mjs';

const BUILDS = {
  module: { file: 'tn-customer-connect.min.js', tag: (src, attrs) => `<script type="module" src="${src}" ${attrs}></script>` },
  classic: { file: 'tn-customer-connect.classic.min.js', tag: (src, attrs) => `<script src="${src}" ${attrs}></script>` },
};

let cdnDir;
let version;
let integrity;
let cdn;
let site;
let browser;
/** Pages served by `site`, by path. */
const pages = {};

before(async () => {
  cdnDir = join(packageDir(), 'dist/cdn');
  ({ version } = await packageJson());
  integrity = JSON.parse(await readFile(join(cdnDir, 'integrity.json'), 'utf8'));
  // Two origins: the portal's page, and the host the builds are served from.
  cdn = await serveDirectories({ '/tn-customer-connect/': cdnDir }, { cors: true });
  site = await serveDirectories({}, { files: pages });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await cdn?.close();
});

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Serves a page at `path` that includes `build` with `attrs`, and a <tn-customer-search>. */
function page(path, build, attrs) {
  const src = `${cdn.origin}/tn-customer-connect/${BUILDS[build].file}`;
  pages[path] = {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${build}</title>${BUILDS[build].tag(src, attrs)}</head>
      <body><tn-customer-search></tn-customer-search></body></html>`,
  };
  return `${site.origin}${path}`;
}

/** Which tags a page has defined, with each class's `version` (null when undefined). */
const definedVersions = (page) => page.evaluate((tags) => tags.map((tag) => [tag, customElements.get(tag)?.version ?? null]), TAGS);

describe('the script-tag builds: version', () => {
  it('each build starts with a banner naming the package version', async () => {
    for (const { file } of Object.values(BUILDS)) {
      const head = (await readFile(join(cdnDir, file), 'utf8')).slice(0, 200);
      assert.ok(head.startsWith(`/*! tn-customer-connect ${version} `), `${file} starts with ${JSON.stringify(head.slice(0, 60))}`);
    }
  });

  it('the builds report the version at run time: VERSION, TnCustomerConnect.version, every element’s static version', async () => {
    const tab = await browser.newPage();
    const watch = watchPage(tab);
    await tab.goto(page('/versions.html', 'classic', ''));
    assert.equal(await tab.evaluate(() => globalThis.TnCustomerConnect.version), version);
    await tab.waitForFunction(() => customElements.get('tn-customer-search'));
    assert.deepEqual(await definedVersions(tab), TAGS.map((tag) => [tag, tag === 'tn-customer-search' ? version : null]));
    const esm = await tab.evaluate((url) => import(url).then((module) => module.VERSION), `${cdn.origin}/tn-customer-connect/${BUILDS.module.file}`);
    assert.equal(esm, version);
    assert.deepEqual(watch.problems(), []);
    await tab.close();
  });
});

describe('the script-tag builds: Subresource Integrity', () => {
  it('integrity.json holds the sha384 of every script in dist/cdn, and nothing else', async () => {
    const scripts = [
      ...(await readdir(cdnDir)).filter((name) => name.endsWith('.js')),
      ...(await readdir(join(cdnDir, 'chunks'))).filter((name) => name.endsWith('.js')).map((name) => `chunks/${name}`),
      ...(await readdir(join(cdnDir, 'chunks/classic'))).filter((name) => name.endsWith('.js')).map((name) => `chunks/classic/${name}`),
    ].sort();
    assert.equal(integrity.version, version);
    assert.equal(integrity.algorithm, 'sha384');
    assert.deepEqual(Object.keys(integrity.files).sort(), scripts);
    for (const file of scripts) assert.equal(integrity.files[file], sha384(await readFile(join(cdnDir, file))), file);
  });

  for (const build of Object.keys(BUILDS)) {
    it(`${build}: with its integrity and crossorigin attributes, the build runs and defines its elements`, async () => {
      const tab = await browser.newPage();
      const watch = watchPage(tab);
      await tab.goto(page(`/sri-${build}.html`, build, `integrity="${integrity.files[BUILDS[build].file]}" crossorigin="anonymous"`));
      const expected = ['tn-customer-search'];
      await tab.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), expected);
      assert.deepEqual(await definedVersions(tab), TAGS.map((tag) => [tag, expected.includes(tag) ? version : null]));
      // The element upgraded and rendered (with no adapter it says so).
      await tab.locator('tn-customer-search [part~="not-configured"]').waitFor();
      assert.deepEqual(watch.problems(), []);
      await tab.close();
    });

    it(`${build}: a wrong hash blocks the script — nothing is defined, and the console says why`, async () => {
      const tab = await browser.newPage();
      const watch = watchPage(tab);
      // Another file's hash: well-formed, but not this file's.
      const wrong = integrity.files['tn-demo-adapter.min.js'];
      await tab.goto(page(`/sri-wrong-${build}.html`, build, `integrity="${wrong}" crossorigin="anonymous"`), { waitUntil: 'load' });
      // Scripts in <head> run (or are refused) before the load event.
      assert.deepEqual(await definedVersions(tab), TAGS.map((tag) => [tag, null]));
      assert.ok(
        watch.errors.some((text) => /integrity/i.test(text) && text.includes(BUILDS[build].file)),
        `no integrity error in ${JSON.stringify(watch.errors)}`,
      );
      await tab.close();
    });
  }
});

describe('the script-tag builds: locale chunks next to the script', () => {
  for (const build of Object.keys(BUILDS)) {
    it(`${build}: switching to French loads chunks/fr-*.min.js from the script's own folder and renders French`, async () => {
      const tab = await browser.newPage();
      const watch = watchPage(tab);
      const before = cdn.requests.length;
      await tab.goto(page(`/locale-${build}.html`, build, `integrity="${integrity.files[BUILDS[build].file]}" crossorigin="anonymous"`));
      await tab.waitForFunction(() => customElements.get('tn-customer-search'));
      await tab.evaluate(() => document.documentElement.setAttribute('lang', 'fr'));
      await tab.locator('tn-customer-search').getByText("Ce composant n'est pas configuré", { exact: false }).waitFor();
      const fetched = cdn.requests.slice(before);
      assert.ok(fetched.some((path) => /^\/tn-customer-connect\/chunks\/fr-[\w-]+\.min\.js$/.test(path)), `chunks fetched: ${fetched}`);
      assert.deepEqual(watch.problems(), []);
      await tab.close();
    });
  }
});

describe('the script-tag builds: integrity for the chunks too, through an import map', () => {
  /** An import map giving every chunk its hash from integrity.json (one wrong, if `wrong` names it). */
  const importMap = (wrong) => {
    const entries = Object.entries(integrity.files)
      .filter(([file]) => file.startsWith('chunks/'))
      .map(([file, hash]) => [`${cdn.origin}/tn-customer-connect/${file}`, file.startsWith(`chunks/${wrong}-`) ? integrity.files['tn-demo-adapter.min.js'] : hash]);
    return `<script type="importmap">${JSON.stringify({ integrity: Object.fromEntries(entries) })}</script>`;
  };

  for (const [name, wrong, french] of [
    ['the right hashes: French loads', undefined, true],
    ['a wrong hash for the French chunk: it is refused, the page stays in English', 'fr', false],
  ]) {
    it(name, async () => {
      const tab = await browser.newPage();
      const watch = watchPage(tab);
      const url = page(`/importmap-${wrong ?? 'ok'}.html`, 'module', `integrity="${integrity.files[BUILDS.module.file]}" crossorigin="anonymous"`);
      pages[new URL(url).pathname].body = pages[new URL(url).pathname].body.replace('<title>', `${importMap(wrong)}<title>`);
      await tab.goto(url);
      await tab.waitForFunction(() => customElements.get('tn-customer-search'));
      const switched = await tab.evaluate(
        (src) => import(src).then((module) => module.setLocale('fr')).then(() => 'ok', (error) => String(error)),
        `${cdn.origin}/tn-customer-connect/${BUILDS.module.file}`,
      );
      const text = await tab.locator('tn-customer-search [part~="not-configured"]').textContent();
      if (french) {
        assert.equal(switched, 'ok');
        assert.match(text, /Ce composant n'est pas configuré/);
        assert.deepEqual(watch.problems(), []);
      } else {
        assert.notEqual(switched, 'ok');
        assert.match(text, /This component is not configured/);
        assert.ok(watch.errors.some((line) => /integrity/i.test(line)), `no integrity error in ${JSON.stringify(watch.errors)}`);
      }
      await tab.close();
    });
  }
});

describe('the classic build under a strict Content Security Policy with Trusted Types', () => {
  // The policy test/csp checks the ES-module build under (npm run test:csp).
  const POLICY =
    "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

  it('defines and renders the elements the page shows, loads the French chunk, and causes no violation', async () => {
    const strict = await serveDirectories(
      { '/cdn/': cdnDir },
      {
        headers: { 'Content-Security-Policy': POLICY },
        files: {
          '/index.html': {
            type: 'text/html; charset=utf-8',
            body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>classic under CSP</title>
              <script src="/cdn/${BUILDS.classic.file}"></script></head>
              <body><tn-customer-search></tn-customer-search><tn-relationships></tn-relationships></body></html>`,
          },
        },
      },
    );
    const tab = await browser.newPage();
    const watch = watchPage(tab);
    try {
      await tab.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`),
        );
      });
      await tab.goto(`${strict.origin}/index.html`);
      const shown = ['tn-customer-search', 'tn-relationships'];
      await tab.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), shown);
      assert.deepEqual(await definedVersions(tab), TAGS.map((tag) => [tag, shown.includes(tag) ? version : null]));
      await tab.locator('tn-customer-search [part~="not-configured"]').waitFor();
      await tab.evaluate(() => globalThis.TnCustomerConnect.setLocale('fr'));
      await tab.locator('tn-customer-search').getByText("Ce composant n'est pas configuré", { exact: false }).waitFor();
      assert.deepEqual(await tab.evaluate(() => window.violations), []);
      assert.deepEqual(watch.problems(), []);
    } finally {
      await tab.close();
      await strict.close();
    }
  });
});

describe('the classic build: the global at once, the elements lazily', () => {
  it("the next inline script uses TnCustomerConnect (setLocale('fr'), createRestAdapter) before any element's code; the page fetches only the search's chunk, a picker added later its own", async () => {
    const tab = await browser.newPage();
    const watch = watchPage(tab);
    const before = cdn.requests.length;
    const url = page('/classic-sync.html', 'classic', `integrity="${integrity.files[BUILDS.classic.file]}" crossorigin="anonymous"`);
    pages['/classic-sync.html'].body = pages['/classic-sync.html'].body.replace(
      '</head>',
      `<script>
        window.sync = {
          adapter: typeof TnCustomerConnect.createRestAdapter({ baseUrl: '/v1' }).searchDirectory,
          amount: TnCustomerConnect.parseAmount('12.50', 'en', 'EUR').ok,
          searchDefined: customElements.get('tn-customer-search') !== undefined,
          classes: Object.keys(TnCustomerConnect).filter((name) => /^Tn[A-Z]/.test(name) && name !== 'TnAdapterError' && name !== 'TnElement'),
        };
        TnCustomerConnect.setLocale('fr');
      </script></head>`,
    );
    await tab.goto(url);
    assert.deepEqual(await tab.evaluate(() => window.sync), { adapter: 'function', amount: true, searchDefined: false, classes: [] });
    await tab.locator('tn-customer-search').getByText("Ce composant n'est pas configuré", { exact: false }).waitFor();
    const classicChunks = () =>
      cdn.requests.slice(before).map((path) => /^\/tn-customer-connect\/chunks\/classic\/(.+)-[\w-]{8}\.min\.js$/.exec(path)?.[1]);
    // The REST adapter's implementation (rest-client, with the later answers' checks it imports) is fetched when the
    // page is idle: the inline script made an adapter.
    const elementChunks = () =>
      classicChunks().filter((name) => name && !['shared', 'shared-later', 'later-schemas', 'rest-client'].includes(name));
    assert.deepEqual(elementChunks(), ['tn-customer-search']);
    await tab.evaluate(() => document.body.append(document.createElement('tn-group-picker')));
    await tab.locator('tn-group-picker [part~="not-configured"]').waitFor();
    assert.deepEqual(elementChunks(), ['tn-customer-search', 'tn-group-picker']);
    for (let i = 0; i < 100 && !classicChunks().includes('rest-client'); i++) await tab.waitForTimeout(50);
    assert.deepEqual(classicChunks().filter((name) => name === 'rest-client'), ['rest-client'], 'the REST implementation, once');
    assert.deepEqual(watch.problems(), []);
    await tab.close();
  });
});
