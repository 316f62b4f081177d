// Server-side import: every JavaScript entry of the installed package's `exports` loads in
// Node without throwing and without its own code reading `window` or `document` — each in a
// fresh Node process, so no module cache hides a touch. `window` and `document` are traps
// on globalThis (getters that record the stack and return undefined, as plain Node has
// them). Lit and the virtualizer probe for them (`typeof window`, `t.document === undefined`,
// to pick their server fallbacks) — allowed, and reported; a module of ours must not even probe.
//
// define.js in Node: Lit's Node build installs the `customElements` registry of
// @lit-labs/ssr-dom-shim on globalThis, and define.js registers every element in it, as in a
// browser (what @lit-labs/ssr would render with); nothing renders until there is a DOM.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import process from 'node:process';
import { TAGS, launchChromium, packageDir, packageJson, projectDir, serveDirectories, watchPage } from './helpers.mjs';

const run = promisify(execFile);

/**
 * Imports `specifier` from the temp project in a fresh Node process with `window` and
 * `document` trapped; resolves { resolved, error, touches: [{ name, file }], exports, extra }.
 * `after` is code run after a successful import, with the module as `module`; its JSON result
 * lands in `extra`.
 */
async function load(specifier, after = 'undefined') {
  const script = `
    const touches = [];
    for (const name of ['window', 'document']) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          // The frame after this getter is the code that read the global.
          const frame = new Error().stack.split('\\n')[2] ?? '';
          const file = /(file:\\/\\/[^\\s)]+?):\\d+:\\d+\\)?$/.exec(frame)?.[1] ?? frame.trim();
          touches.push({ name, file });
          return undefined;
        },
      });
    }
    const result = { resolved: import.meta.resolve(${JSON.stringify(specifier)}), touches };
    try {
      const module = await import(${JSON.stringify(specifier)});
      result.exports = Object.keys(module);
      result.extra = await (async () => ${after})();
    } catch (error) {
      result.error = String(error?.stack ?? error);
    }
    console.log(JSON.stringify(result));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: projectDir() });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

let entries;
let ours;

before(async () => {
  const pkg = await packageJson();
  const { readdirSync } = await import('node:fs');
  ours = `file://${packageDir()}/`;
  entries = [];
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    // Data files and the types-only entries (./jsx, ./vue) have no code to load.
    if (!file?.endsWith('.js')) continue;
    if (!entry.includes('*')) {
      entries.push(entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`);
      continue;
    }
    // A pattern entry (./locales/*.js): every file it reaches.
    const [dir, tail] = file.replace(/^\.\//, '').split('*');
    for (const name of readdirSync(join(packageDir(), dir))) {
      if (name.endsWith(tail)) entries.push(`${pkg.name}/${entry.slice(2).replace('*', name.slice(0, -tail.length))}`);
    }
  }
});

describe('importing the package in Node', () => {
  it('covers every JavaScript entry of exports', () => {
    assert.ok(entries.includes('tn-customer-connect'));
    assert.ok(entries.includes('tn-customer-connect/define.js'));
    assert.ok(entries.includes('tn-customer-connect/locales/fr.js'));
    assert.ok(entries.length >= 19, `only ${entries.length} entries: ${entries}`);
  });

  it('loads every entry without an exception and without its own code reading window or document', async () => {
    const report = [];
    for (const specifier of entries) {
      const result = await load(specifier);
      assert.ok(result.resolved.startsWith(ours), `${specifier} resolved outside the installed package: ${result.resolved}`);
      assert.equal(result.error, undefined, `${specifier} threw on import`);
      const own = result.touches.filter((touch) => touch.file.startsWith(ours));
      assert.deepEqual(own, [], `${specifier}: our code read ${own.map((t) => `${t.name} (${t.file})`).join(', ')}`);
      const others = [...new Set(result.touches.map((touch) => `${touch.name} ← ${touch.file.replace(/^.*node_modules\//, '')}`))];
      report.push(`${specifier}: ${others.length ? `dependencies probed ${others.join(', ')}` : 'no access'}`);
    }
    console.log(report.join('\n'));
  });

  it('the trap sees a read: a module that reads document at load is caught, with its file', async () => {
    await writeFile(join(projectDir(), 'reads-document.mjs'), 'export const title = globalThis.document?.title;\n');
    const result = await load('./reads-document.mjs');
    assert.equal(result.error, undefined);
    assert.deepEqual(
      result.touches.map((touch) => [touch.name, touch.file.replace(/^.*\//, '')]),
      [['document', 'reads-document.mjs']],
    );
  });

  it('define.js registers every element in the registry Lit provides in Node, each class with the package version', async () => {
    const { version } = await packageJson();
    const result = await load(
      'tn-customer-connect/define.js',
      `['tn-adapter-provider', 'tn-customer-search', 'tn-attention-panel', 'tn-group-picker', 'tn-verify-invoice',
        'tn-customer-connect', 'tn-relationships'].map((tag) => [tag, customElements.get(tag)?.version ?? null])`,
    );
    assert.equal(result.error, undefined);
    assert.deepEqual(
      result.extra,
      ['tn-adapter-provider', 'tn-customer-search', 'tn-attention-panel', 'tn-group-picker', 'tn-verify-invoice', 'tn-customer-connect', 'tn-relationships'].map(
        (tag) => [tag, version],
      ),
    );
    assert.ok(result.exports.includes('VERSION'));
  });

  it('the root entry registers nothing in Node either', async () => {
    const result = await load(
      'tn-customer-connect',
      `['tn-customer-search', 'tn-adapter-provider'].map((tag) => globalThis.customElements?.get(tag) ?? null)`,
    );
    assert.equal(result.error, undefined);
    assert.deepEqual(result.extra, [null, null]);
  });

  it('a demo adapter made in Node answers, and its idle-time indexing holds no timer that would keep the process alive', async () => {
    // Node has no requestIdleCallback: the directory is indexed in timers, which must not
    // keep a script (a test, a server that made an adapter) running once its own work is done.
    const result = await load(
      'tn-customer-connect/demo-adapter.js',
      `(async () => {
        const adapter = module.createDemoAdapter();
        const holding = process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
        const page = await adapter.searchDirectory({ text: 'globex', pageSize: 3 });
        return { holding, total: page.total, names: page.items.length };
      })()`,
    );
    assert.equal(result.error, undefined);
    assert.deepEqual(result.extra, { holding: 0, total: 10000, names: 3 });
  });
});

describe('server rendering with @lit-labs/ssr', () => {
  let result;
  before(async () => {
    const script = `
      import { render } from '@lit-labs/ssr';
      import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
      import { html, unsafeStatic } from 'lit/static-html.js';
      const result = { rendered: {} };
      try {
        const lib = await import('tn-customer-connect/define.js');
        await lib.setLocale('fr');
        result.locale = lib.getLocale();
        for (const tag of ${JSON.stringify(TAGS)}) {
          const name = unsafeStatic(tag);
          result.rendered[tag] = await collectResult(render(html\`<\${name} debounce="0"></\${name}>\`));
        }
      } catch (error) {
        result.error = String(error?.stack ?? error);
      }
      console.log(JSON.stringify(result));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: projectDir() });
    result = JSON.parse(stdout.trim().split('\n').at(-1));
  });

  it('setLocale and rendering every element in Node never throw; each renders an empty shell', () => {
    assert.equal(result.error, undefined);
    // On a server, setLocale changes nothing: the server renders in English.
    assert.equal(result.locale, 'en');
    for (const tag of TAGS) {
      const out = result.rendered[tag];
      assert.match(out, new RegExp(`<${tag}[^>]*><template shadowroot(mode)?="open"`), `${tag} renders a declarative shadow root`);
      // No adapter exists on the server: no "not configured" alert flashes before the browser runs.
      assert.doesNotMatch(out, /role="alert"|not configured/, `${tag} renders no error on the server`);
    }
  });

  it('in the browser, the script-tag build takes over the server-rendered search, which then works', async () => {
    const cdn = join(packageDir(), 'dist/cdn');
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title>
      <script type="module">
        import { createDemoAdapter } from '/cdn/tn-demo-adapter.min.js';
        const { provideAdapter } = await import('/cdn/tn-customer-connect.min.js');
        provideAdapter(document.body, createDemoAdapter());
        window.ready = true;
      </script></head><body>${result.rendered['tn-customer-search']}</body></html>`;
    const site = await serveDirectories({ '/cdn/': cdn }, { files: { '/': { body: page, type: 'text/html; charset=utf-8' } } });
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      tab.setDefaultTimeout(10_000);
      const watch = watchPage(tab);
      await tab.goto(site.url);
      await tab.waitForFunction(() => window.ready);
      await tab.locator('tn-customer-search input').fill('tungsten');
      await tab.locator('[role="option"]').first().waitFor();
      const bases = await tab.evaluate(() => document.querySelector('tn-customer-search').shadowRoot.querySelectorAll('[part="base"]').length);
      assert.equal(bases, 1, 'one rendering, not the server shell beside the browser one');
      assert.deepEqual(watch.problems(), []);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
