// The example host apps (examples/react, examples/vue, examples/typescript) as an integrator
// builds them, from the packed tarball:
//
// - one host project beside the harness's, `npm install`ed with the tarball and the exact
//   versions the examples' package.json files name (React 19, Vue 3, Vite, vue-tsc…), each
//   example copied into it, so `tn-customer-connect` resolves from the installed tarball and
//   never from this repository's src/ or dist/;
// - each app type-checked the way its README says (`tsc --noEmit`, `vue-tsc --noEmit` with
//   strictTemplates, strict) and built with `vite build`, all at once;
// - each type-probe file (a wrong event detail, a wrong prop type… each line under an
//   expect-error directive naming its TypeScript error code) checked both ways: as written
//   it compiles, and with the directives blanked out each probe line fails with its code and
//   no other line fails;
// - each build served and driven in Chromium on the demo adapter: search "tungsten",
//   Connect on Tungsten Bank PLC, choose an account, Connect → "Your request has been
//   received" with a support case number, which the host page saw through its typed events;
// - the plain TypeScript app imports one element alone: its JavaScript (what the page loads
//   before the demo adapter and locale chunks, which load later) is printed gzipped and
//   must stay under GZIP_BUDGET.
//
// The host's `npm install` takes what npm's cache holds (--prefer-offline, as
// integration-types.test.mjs does): React 19 cannot come from this repository's
// node_modules, whose React 18 the wrappers' own tests run on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium, packageDir, projectDir, repoRoot, tarball, watchPage } from './helpers.mjs';

const execFileAsync = promisify(execFile);

/**
 * The TypeScript app's start-up JavaScript, gzipped (zlib's default level), at most: measured
 * 49,703 then 50,047 bytes for <tn-customer-connect> with Lit (2026-12-03, Vite 8.3.4), then
 * 52,681 (2026-12-04: the group picker's `unselectedIds` and rows made as they are shown);
 * about 3.5 % over that, so a real growth fails here while a small fix does not.
 */
const GZIP_BUDGET = 54_500;

/** Each app: its type checker (a script in the host's node_modules) and its probe file. */
const APPS = {
  react: { checker: 'typescript/bin/tsc', probes: 'src/type-probes.tsx' },
  vue: { checker: 'vue-tsc/bin/vue-tsc.js', probes: 'src/TypeProbes.vue' },
  typescript: { checker: 'typescript/bin/tsc', probes: 'src/type-probes.ts' },
};

/** A directive line: `// @ts-expect-error TS2339: why`, `{/* … *\/}`, `<!-- @vue-expect-error … -->`. */
const DIRECTIVE = /@(?:ts|vue)-expect-error\s+(TS\d+)\b/;

let host;
let browser;
/** Per app: `{ dir, check, build, probes, server }`. */
const apps = {};

/** Runs `node script args` in `cwd`; resolves `{ ok, output, seconds }` (never rejects). */
async function run(script, args, cwd) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [script, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: `${stdout}${stderr}`, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`, seconds: (performance.now() - started) / 1000 };
  }
}

/** Writes the bare twin of a probe file (directive lines blanked); returns probe line → code. */
async function writeBareTwin(file) {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const probes = new Map();
  const bare = lines.map((line, index) => {
    const directive = DIRECTIVE.exec(line);
    if (!directive) return line;
    probes.set(index + 2, directive[1]); // the line under it, 1-based
    return '';
  });
  assert.ok(probes.size >= 3, `${file}: at least three probes`);
  const twin = file.replace(/(\.\w+)$/, '.bare$1');
  await writeFile(twin, bare.join('\n'));
  return { twin, probes };
}

/** `src/a.ts(12,3): error TS2322: message` lines of tsc / vue-tsc (`--pretty false`). */
function errorsIn(output, dir) {
  const errors = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) errors.push({ file: resolve(dir, match[1]), line: Number(match[2]), code: match[3], message: match[4] });
  }
  return errors;
}

before(async () => {
  host = join(dirname(projectDir()), 'host-apps');
  await mkdir(host, { recursive: true });
  // What the examples' package.json files ask for, one version of each; the package itself
  // from the tarball.
  const wanted = new Map();
  for (const name of Object.keys(APPS)) {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'examples', name, 'package.json'), 'utf8'));
    for (const [dependency, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (dependency === 'tn-customer-connect') continue;
      assert.ok(!wanted.has(dependency) || wanted.get(dependency) === version, `examples disagree on ${dependency}: ${wanted.get(dependency)} vs ${version}`);
      wanted.set(dependency, version);
    }
  }
  await writeFile(join(host, 'package.json'), JSON.stringify({ name: 'tn-host-apps', private: true, type: 'module' }));
  await execFileAsync(
    'npm',
    ['install', tarball(), ...[...wanted].map(([name, version]) => `${name}@${version}`), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: host, env: { ...process.env, npm_config_update_notifier: 'false' } },
  );

  // Copied in, then every type check and build at once.
  await Promise.all(
    Object.entries(APPS).map(async ([name, app]) => {
      const dir = join(host, name);
      await cp(join(repoRoot, 'examples', name), dir, {
        recursive: true,
        filter: (source) => !/[/\\](node_modules|dist)([/\\]|$)/.test(relative(repoRoot, source)),
      });
      const probes = await writeBareTwin(join(dir, app.probes));
      const [check, build] = await Promise.all([
        run(join(host, 'node_modules', app.checker), ['--noEmit', '-p', '.', '--pretty', 'false'], dir),
        run(join(host, 'node_modules/vite/bin/vite.js'), ['build', '--sourcemap', '--logLevel', 'warn'], dir),
      ]);
      apps[name] = { dir, check, build, probes };
    }),
  );
  for (const [name, { check, build }] of Object.entries(apps)) {
    console.log(`${name}: type check ${check.seconds.toFixed(1)} s, vite build ${build.seconds.toFixed(1)} s`);
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(apps).map((app) => app.server?.close()));
});

/** The app's build, served (once). */
async function served(name) {
  const app = apps[name];
  assert.ok(app.build.ok, `vite build failed:\n${app.build.output}`);
  app.server ??= await serveStatic(join(app.dir, 'dist'));
  return app.server;
}

/** The bundle's source files (from its source maps), as absolute real paths. */
async function bundleSources(name) {
  const assets = join(apps[name].dir, 'dist/assets');
  const sources = new Set();
  for (const file of (await readdir(assets)).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(await readFile(join(assets, file), 'utf8'));
    for (const source of map.sources) {
      const path = resolve(assets, map.sourceRoot ?? '', source);
      if (existsSync(path)) sources.add(realpathSync(path));
    }
  }
  return [...sources];
}

/** Type check and probes: no error but in the bare twin, and there one per probe, with its code. */
function assertTypes(name) {
  const { check, probes, dir } = apps[name];
  const errors = errorsIn(check.output, dir);
  const outside = errors.filter((error) => error.file !== probes.twin);
  assert.deepEqual(outside.map((e) => `${relative(dir, e.file)}(${e.line}): ${e.code} ${e.message}`), [], 'errors outside the probes');
  if (errors.length === 0) assert.ok(check.ok, `the type check failed with no error line:\n${check.output}`);
  const inTwin = errors.filter((error) => error.file === probes.twin);
  const stray = inTwin.filter((error) => !probes.probes.has(error.line));
  assert.deepEqual(stray.map((e) => `${e.line}: ${e.code} ${e.message}`), [], 'errors on lines that are no probe');
  for (const [line, code] of probes.probes) {
    const got = inTwin.filter((error) => error.line === line).map((error) => `${error.code} ${error.message}`);
    assert.ok(got.some((message) => message.startsWith(code)), `probe on line ${line} should fail with ${code}; got ${JSON.stringify(got)}`);
  }
}

/**
 * Sources came from the host project only (this repository's own files never), with one Lit,
 * and some from each of the installed package's `expected` folders.
 */
async function assertInstalledPackage(name, expected) {
  const sources = await bundleSources(name);
  const hostDir = realpathSync(host);
  assert.deepEqual(sources.filter((file) => file.startsWith(realpathSync(repoRoot) + sep)), [], "the bundle took this repository's files");
  assert.deepEqual(sources.filter((file) => !file.startsWith(hostDir + sep)), [], 'the bundle took files from outside the host project');
  const pkg = realpathSync(join(host, 'node_modules/tn-customer-connect'));
  const fromPackage = sources.filter((file) => file.startsWith(pkg + sep)).map((file) => relative(pkg, file));
  for (const folder of expected) assert.ok(fromPackage.some((file) => file.startsWith(folder)), `nothing of ${folder} came from the installed package`);
  const copies = (suffix) => sources.filter((file) => file.endsWith(suffix)).length;
  assert.equal(copies(join('lit-html', 'lit-html.js')), 1, 'lit-html copies');
  return copies;
}

/**
 * Walks the flow on the page: search "tungsten", Connect on Tungsten Bank PLC, an account,
 * Connect; resolves the support case reference the flow shows.
 */
async function connectTungstenBank(page) {
  const box = page.getByRole('combobox', { name: 'Search your customers' });
  await box.click();
  await box.pressSequentially('tungsten', { delay: 20 });
  await page.getByRole('option', { name: /Tungsten Bank PLC/ }).locator('[data-action="connect"]').click();
  await page.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Adams Office Supplies (IT) - Test' });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('heading', { name: 'Your request has been received' }).waitFor();
  const reference = (await page.locator('tn-customer-connect [part~="reference"]').first().textContent()).trim();
  assert.match(reference, /^\d+$/);
  return reference;
}

/** A new page on `url`, with what it reports watched; `use(page, watch)`, then the page closes. */
async function withPage(url, use) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  const watch = watchPage(page);
  try {
    await page.goto(url);
    await use(page, watch);
    assert.deepEqual(watch.problems(), [], 'console errors or page errors');
    assert.deepEqual(watch.warnings, [], 'console warnings');
  } catch (error) {
    error.message += `\nwhat the page reported: ${JSON.stringify([...watch.problems(), ...watch.warnings])}`;
    throw error;
  } finally {
    await page.close();
  }
}

describe('React 19 + Vite + TypeScript (examples/react), from the packed tarball', () => {
  it('type-checks strictly (wrappers and bare tags); each probe fails with its error', () => assertTypes('react'));

  it('bundles the installed package, one React and one Lit', async () => {
    const copies = await assertInstalledPackage('react', [join('dist', 'react') + sep, join('dist', 'adapter', 'demo') + sep]);
    assert.equal(copies(join('react', 'cjs', 'react.production.js')), 1, 'React copies');
    assert.equal(copies(join('react-dom', 'cjs', 'react-dom-client.production.js')), 1, 'ReactDOM copies');
    const version = JSON.parse(await readFile(join(host, 'node_modules/react/package.json'), 'utf8')).version;
    assert.match(version, /^19\./);
  });

  it("maps every event each element documents (@fires in the package's declarations) to a wrapper event prop, and no other", async () => {
    const documented = await documentedEvents();
    const maps = await import(pathToFileURL(join(packageDir(), 'dist/react/events.js')).href);
    const camel = (tag) => tag.slice(3).replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
    assert.deepEqual(
      [...documented.keys()].sort(),
      Object.keys(maps).map((name) => `tn-${name.replace(/Events$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).sort(),
      'one event map per tn-* element',
    );
    for (const [tag, events] of documented) {
      assert.deepEqual(Object.values(maps[`${camel(tag)}Events`]).sort(), events, `<${tag}>: event props vs @fires`);
    }
  });

  it('runs search → request → outcome: wrapper event props and a bare tag’s ontn-* handler reach the page', async () => {
    const { url } = await served('react');
    await withPage(url, async (page) => {
      const log = page.locator('.event-log');
      const reference = await connectTungstenBank(page);
      await log.locator('li', { hasText: 'tn-search' }).filter({ hasText: '"tungsten"' }).first().waitFor();
      await log.locator('li', { hasText: 'tn-connect' }).filter({ hasText: 'Tungsten Bank PLC' }).waitFor();
      await log.locator('li', { hasText: 'tn-flow-step-change' }).filter({ hasText: 'search → request' }).waitFor();
      await log.locator('li', { hasText: 'tn-support-case-opened' }).filter({ hasText: `case ${reference}` }).waitFor();
      // headingLevel={3}: the flow's headings sit under the page's h2.
      assert.equal(await page.locator('tn-customer-connect').getByRole('heading', { level: 2 }).count(), 0);
      // The bare <tn-attention-panel>: heading-level={2} as an attribute, ontn-view-attention as a listener.
      const panel = page.locator('tn-attention-panel');
      await panel.getByRole('heading', { level: 2, name: 'For your attention' }).waitFor();
      await panel.getByRole('button', { name: /^View all/ }).first().click();
      await log.locator('li', { hasText: 'tn-view-attention' }).waitFor();
    });
  });

  it('passes the query prop: ?q=tungsten opens with that search done', async () => {
    const { url } = await served('react');
    await withPage(`${url}?q=tungsten`, async (page) => {
      await page.locator('.event-log li', { hasText: 'tn-search' }).filter({ hasText: '"tungsten"' }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Search your customers' }).inputValue(), 'tungsten');
    });
  });
});

describe('Vue 3 + Vite + vue-tsc strictTemplates (examples/vue), from the packed tarball', () => {
  it('type-checks strictly (props and $event typed in templates); each probe fails with its error', () => assertTypes('vue'));

  it('bundles the installed package, one Vue and one Lit', async () => {
    const copies = await assertInstalledPackage('vue', [join('dist', 'components') + sep, join('dist', 'adapter', 'demo') + sep]);
    assert.equal(copies(join('runtime-core', 'dist', 'runtime-core.esm-bundler.js')), 1, 'Vue runtime copies');
  });

  it('runs search → request → outcome; the two-way query and the typed @tn-* handlers reach the page', async () => {
    const { url } = await served('vue');
    await withPage(url, async (page) => {
      const status = page.locator('#flow-status');
      await status.getByText('Step: search').waitFor();
      const reference = await connectTungstenBank(page);
      // query written back by @tn-search; step and case from their events.
      await status.getByText(`Step: done · searched for “tungsten” · support case ${reference}`).waitFor();
      const log = page.locator('.event-log');
      await log.locator('li', { hasText: 'tn-connect' }).filter({ hasText: 'Tungsten Bank PLC' }).waitFor();
      await log.locator('li', { hasText: 'tn-flow-step-change' }).filter({ hasText: 'search → request' }).waitFor();
      assert.equal(await page.locator('tn-customer-connect').getByRole('heading', { level: 2 }).count(), 0, ':heading-level="3"');
    });
  });

  it('binds query into the flow: ?q=tungsten opens with that search done', async () => {
    const { url } = await served('vue');
    await withPage(`${url}?q=tungsten`, async (page) => {
      const search = page.getByRole('combobox', { name: 'Search your customers' });
      await search.focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
      assert.equal(await search.inputValue(), 'tungsten');
      await page.locator('#flow-status').getByText('searched for “tungsten”').waitFor();
    });
  });
});

describe('plain TypeScript + Vite, one element imported alone (examples/typescript), from the packed tarball', () => {
  it('type-checks strictly (typed addEventListener, properties); each probe fails with its error', () => assertTypes('typescript'));

  it('bundles only <tn-customer-connect> and what it is made of, from the installed package', async () => {
    await assertInstalledPackage('typescript', [join('dist', 'components', 'customer-connect') + sep]);
    const sources = await bundleSources('typescript');
    const pkg = realpathSync(join(host, 'node_modules/tn-customer-connect'));
    const components = new Set(
      sources.filter((file) => file.startsWith(join(pkg, 'dist', 'components') + sep)).map((file) => relative(join(pkg, 'dist', 'components'), file).split(sep)[0]),
    );
    assert.deepEqual([...components].sort(), ['customer-connect', 'customer-search', 'group-picker', 'verify-invoice']);
  });

  it(`prints the element's start-up JavaScript gzipped, under ${GZIP_BUDGET} bytes`, async (t) => {
    const dist = join(apps.typescript.dir, 'dist');
    assert.ok(apps.typescript.build.ok, apps.typescript.build.output);
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    // The entry script and what it preloads; the demo adapter and the locales load later.
    const scripts = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
    assert.ok(scripts.length >= 1, 'no script in the built index.html');
    let gzipped = 0;
    let raw = 0;
    for (const script of scripts) {
      const code = await readFile(join(dist, script));
      raw += code.length;
      gzipped += gzipSync(code).length;
    }
    const demo = (await readdir(join(dist, 'assets'))).filter((file) => /^demo.*\.js$/.test(file));
    const demoGzipped = (await Promise.all(demo.map(async (file) => gzipSync(await readFile(join(dist, 'assets', file))).length))).reduce((a, b) => a + b, 0);
    const line = `<tn-customer-connect> alone (with Lit), built by Vite: ${raw} bytes, ${gzipped} gzipped (budget ${GZIP_BUDGET}); the demo adapter, loaded later: ${demoGzipped} gzipped`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(demo.length > 0, 'the demo adapter was not split from the element');
    assert.ok(gzipped <= GZIP_BUDGET, `${gzipped} gzipped bytes, over the budget of ${GZIP_BUDGET}`);
  });

  it('runs search → request → outcome; typed listeners report the support case', async () => {
    const { url } = await served('typescript');
    await withPage(url, async (page) => {
      const reference = await connectTungstenBank(page);
      await page.locator('#flow-status').getByText(`Support case ${reference} opened`).waitFor();
      assert.equal(await page.locator('tn-customer-connect').getByRole('heading', { level: 2 }).count(), 0, 'heading-level="3"');
    });
  });
});

/** JSDoc `@fires` names of each `tn-*` element, read from the installed package's declarations. */
async function documentedEvents() {
  const texts = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.d.ts')) texts.push(await readFile(path, 'utf8'));
    }
  };
  await walk(join(packageDir(), 'dist'));
  const classDocs = new Map();
  const tags = new Map();
  for (const text of texts) {
    for (const match of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export declare class (\w+)/g)) classDocs.set(match[2], match[1]);
    const map = text.match(/interface HTMLElementTagNameMap \{([^}]*)\}/);
    for (const entry of map?.[1].matchAll(/'(tn-[\w-]+)': (\w+);/g) ?? []) tags.set(entry[1], entry[2]);
  }
  return new Map(
    [...tags].map(([tag, className]) => {
      const doc = classDocs.get(className);
      assert.ok(doc, `no JSDoc for ${className} (<${tag}>) in the package's declarations`);
      return [tag, [...doc.matchAll(/@fires\s+(tn-[\w-]+)/g)].map((m) => m[1]).sort()];
    }),
  );
}
