// Two copies of the library on one page — a portal that includes the script-tag build while
// a widget of its own bundles another, or two versions during an upgrade: no exception, no
// error, exactly one console warning per tag both copies register, naming both versions, and
// the elements work. Both builds register only the tags the page shows (here the search), and
// the first copy to meet a tag keeps it. The second version is a copy of the installed
// ES-module build with its VERSION literal rewritten; the second classic copy is the same
// build from another URL (its own Lit, the first copy's global and claims).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TAGS, launchChromium, packageDir, packageJson, serveDirectories, watchPage } from './helpers.mjs';

const OTHER = '9.9.9-other';

let version;
let site;
let browser;
const files = {};

before(async () => {
  ({ version } = await packageJson());
  const cdnDir = join(packageDir(), 'dist/cdn');
  const build = await readFile(join(cdnDir, 'tn-customer-connect.min.js'), 'utf8');
  const literal = JSON.stringify(version);
  assert.equal(build.split(literal).length, 2, `the build holds the literal ${literal} once`);
  files['/other/tn-customer-connect.min.js'] = { body: build.replace(literal, JSON.stringify(OTHER)).replace(` ${version} `, ` ${OTHER} `) };
  site = await serveDirectories({ '/cdn/': cdnDir, '/other/chunks/': join(cdnDir, 'chunks'), '/copy/': cdnDir }, { files });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const ES = '/cdn/tn-customer-connect.min.js';
const CLASSIC = '/cdn/tn-customer-connect.classic.min.js';

/** A page: `head` loads the copies; then a search on the demo adapter, and `window.ready` once all ran. */
function servePage(path, head) {
  files[path] = {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two copies</title>${head}
      <script type="module">
        import { createDemoAdapter } from '/cdn/tn-demo-adapter.min.js';
        await window.copiesLoaded;
        document.querySelector('tn-customer-search').adapter = createDemoAdapter();
        window.ready = true;
      </script></head>
      <body><tn-customer-search debounce="0"></tn-customer-search></body></html>`,
  };
  return `${site.origin}${path}`;
}

/** A module script that loads `src` as a classic script after everything before it ran. */
const classicAfter = (src) => `<script type="module">
  window.copiesLoaded = new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: ${JSON.stringify(src)} });
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
</script>`;

/** Opens `url`, waits until the page ran, searches "tungsten"; returns what was defined and reported. */
async function visit(url) {
  const tab = await browser.newPage();
  tab.setDefaultTimeout(15_000);
  const watch = watchPage(tab);
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => window.ready === true);
    const box = tab.getByRole('combobox', { name: 'Search your customers' });
    await box.click();
    await box.pressSequentially('tungsten', { delay: 20 });
    await tab.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
    const defined = await tab.evaluate((tags) => tags.map((tag) => customElements.get(tag)?.version ?? null), TAGS);
    const global = await tab.evaluate(() => globalThis.TnCustomerConnect?.version ?? null);
    // A page that saved the first copy's global (`window.firstCopy`) still has it.
    const firstGlobalKept = await tab.evaluate(() => !('firstCopy' in window) || window.firstCopy === window.TnCustomerConnect);
    return { defined, global, firstGlobalKept, warnings: watch.warnings, problems: watch.problems() };
  } catch (error) {
    error.message += `\nwhat the page reported: ${JSON.stringify(watch.problems())}`;
    throw error;
  } finally {
    await tab.close();
  }
}

/** The one tag of the page: the only one the ES-module build registers. */
const SHOWN = ['tn-customer-search'];
/** What `defined` holds when the ES-module copies alone are on the page and `holder` met the search first. */
const shownBy = (holder) => TAGS.map((tag) => (SHOWN.includes(tag) ? holder : null));

/** Exactly one warning per tag of `tags`, each naming the tag, the version holding it and the one turned away — and no other warning. */
function assertOneWarningPerTag(warnings, holder, newcomer, tags = SHOWN) {
  assert.equal(warnings.length, tags.length, `warnings: ${JSON.stringify(warnings, null, 2)}`);
  for (const tag of tags) {
    const about = warnings.filter((text) => text.includes(`<${tag}>`));
    assert.equal(about.length, 1, `warnings about <${tag}>: ${JSON.stringify(about)}`);
    assert.ok(about[0].includes(`version ${holder}`) && about[0].includes(`version ${newcomer}`), about[0]);
  }
}

describe('two copies of the library on one page', () => {
  it('the ES-module build, then another version of it: the first keeps the tag it shows, one warning names both versions', async () => {
    const result = await visit(
      servePage('/es-then-other.html', `<script type="module" src="${ES}"></script><script type="module" src="/other/tn-customer-connect.min.js"></script>`),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.defined, shownBy(version));
    assertOneWarningPerTag(result.warnings, version, OTHER);
  });

  it('the other version first, then ours: the other keeps the tags, the warnings name both versions the other way round', async () => {
    const result = await visit(
      servePage('/other-then-es.html', `<script type="module" src="/other/tn-customer-connect.min.js"></script><script type="module" src="${ES}"></script>`),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.defined, shownBy(OTHER));
    assertOneWarningPerTag(result.warnings, OTHER, version);
  });

  it('the ES-module build, then the classic build: one warning per tag, and TnCustomerConnect is the classic copy’s', async () => {
    const result = await visit(servePage('/es-then-classic.html', `<script type="module" src="${ES}"></script>${classicAfter(CLASSIC)}`));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.defined, shownBy(version));
    assertOneWarningPerTag(result.warnings, version, version);
    assert.equal(result.global, version);
  });

  it('the classic build, then the ES-module build (plain page order: the classic script runs first)', async () => {
    const result = await visit(servePage('/classic-then-es.html', `<script src="${CLASSIC}"></script><script type="module" src="${ES}"></script>`));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.defined, shownBy(version));
    assertOneWarningPerTag(result.warnings, version, version);
  });

  it('the classic build twice, from two URLs: the first copy keeps the tag and the global, the second fetches no element code', async () => {
    const before = site.requests.length;
    files['/copy-mark.js'] = { body: 'window.firstCopy = window.TnCustomerConnect;', type: 'text/javascript' };
    const result = await visit(
      servePage(
        '/classic-twice.html',
        `<script src="${CLASSIC}"></script><script src="/copy-mark.js"></script><script src="/copy/tn-customer-connect.classic.min.js"></script>
        <script>window.copiesLoaded = Promise.resolve();</script>`,
      ),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.defined, shownBy(version));
    assertOneWarningPerTag(result.warnings, version, version);
    assert.equal(result.firstGlobalKept, true, 'the second copy replaced TnCustomerConnect');
    const chunks = site.requests.slice(before).filter((path) => /\/chunks\/classic\/tn-/.test(path));
    assert.deepEqual(chunks.map((path) => path.replace(/-[\w-]{8}\.min\.js$/, '')), ['/cdn/chunks/classic/tn-customer-search']);
  });

  it('one copy loaded twice by the same URL is one module: no warning at all', async () => {
    const result = await visit(servePage('/es-twice.html', `<script type="module" src="${ES}"></script><script type="module" src="${ES}"></script>`));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.warnings, []);
  });
});
