// The React example app (examples/react/) built against the packed tarball, in Chromium.
//
//   TN_PACKAGE_DIR  the installed package: <project>/node_modules/tn-customer-connect
//   TN_PROJECT_DIR  the temporary project the tarball was installed into
//
// esbuild resolves `tn-customer-connect` (and its dependencies: lit, @lit/react…) from the
// temporary project, never from src/ or dist/ of this repository; react and react-dom — an
// optional peer the tarball does not install — come from this repository's node_modules
// (`nodePaths`), as a host's own React would. The example is type-checked the same way
// against the package's declarations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { launchChromium, openPage, serveStatic } from './react-helpers.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const example = join(repo, 'examples/react');
const repoModules = join(repo, 'node_modules');

const packageDir = process.env.TN_PACKAGE_DIR;
const projectDir = process.env.TN_PROJECT_DIR;
if (!packageDir || !projectDir) {
  throw new Error('TN_PACKAGE_DIR and TN_PROJECT_DIR must name an installed copy of the packed tarball (scripts/test-package.mjs sets them).');
}
const pkg = realpathSync(packageDir);

let out;
let metafile;
let server;
let browser;

before(async () => {
  out = await mkdtemp(join(tmpdir(), 'tn-react-example-'));
  const result = await build({
    entryPoints: [join(example, 'main.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    jsx: 'automatic',
    // Development React: StrictMode's double effects and React's warnings (which fail the test).
    define: { 'process.env.NODE_ENV': '"development"' },
    outdir: join(out, 'dist'),
    absWorkingDir: repo,
    nodePaths: [repoModules],
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        // The package as a host gets it: through its `exports`, from the temporary project.
        name: 'installed-package',
        setup(b) {
          b.onResolve({ filter: /^tn-customer-connect(\/|$)/ }, (args) =>
            args.pluginData === 'installed'
              ? undefined
              : b.resolve(args.path, { kind: args.kind, resolveDir: projectDir, pluginData: 'installed' }),
          );
        },
      },
    ],
  });
  metafile = result.metafile;
  await cp(join(example, 'index.html'), join(out, 'index.html'));
  await cp(join(example, 'app.css'), join(out, 'app.css'));
  server = await serveStatic(out);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** The bundle's input files, as absolute real paths. */
function inputs() {
  return Object.keys(metafile.inputs).map((input) => realpathSync(resolve(repo, input)));
}

/** JSDoc `@fires` names of each `tn-*` element, read from the package's declarations. */
async function documentedEvents() {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.d.ts')) files.push([path, await readFile(path, 'utf8')]);
    }
  };
  await walk(join(pkg, 'dist'));
  const classDocs = new Map();
  const tags = new Map();
  for (const [, text] of files) {
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

describe('React example app, built from the packed tarball', () => {
  it('bundles the installed package (not this repository) and one copy of React and Lit', () => {
    const files = inputs();
    const inRepo = files.filter((file) => file.startsWith(join(repo, 'src') + sep) || file.startsWith(join(repo, 'dist') + sep));
    assert.deepEqual(inRepo, [], "the bundle took this repository's own sources or build");
    const fromPackage = files.filter((file) => file.startsWith(pkg + sep)).map((file) => relative(pkg, file));
    assert.ok(fromPackage.includes(join('dist', 'react', 'index.js')), 'the React entry did not come from the package');
    assert.ok(fromPackage.includes(join('dist', 'adapter', 'demo', 'index.js')), 'the demo adapter did not come from the package');
    const copies = (suffix) => files.filter((file) => file.endsWith(suffix));
    assert.equal(copies(join('react', 'cjs', 'react.development.js')).length, 1, 'React copies');
    assert.equal(copies(join('react-dom', 'cjs', 'react-dom.development.js')).length, 1, 'ReactDOM copies');
    assert.equal(copies(join('lit-html', 'lit-html.js')).length, 1, 'lit-html copies');
  });

  it("maps every event each element documents (@fires in the package's declarations) to an event prop, and no other", async () => {
    const documented = await documentedEvents();
    const maps = await import(pathToFileURL(join(pkg, 'dist/react/events.js')).href);
    const camel = (tag) => tag.slice(3).replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
    assert.deepEqual(
      [...documented.keys()].sort(),
      Object.keys(maps).map((name) => `tn-${name.replace(/Events$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).sort(),
      'one event map per tn-* element',
    );
    for (const [tag, events] of documented) {
      const map = maps[`${camel(tag)}Events`];
      assert.deepEqual(Object.values(map).sort(), events, `<${tag}>: event props vs @fires`);
    }
  });

  it("type-checks against the package's declarations; a mistyped event handler does not", () => {
    const config = ts.readConfigFile(join(example, 'tsconfig.json'), ts.sys.readFile);
    const { options, fileNames } = ts.parseJsonConfigFileContent(config.config, ts.sys, example);
    // One more file, in memory: a tn-connect handler given to onTnSearch.
    const wrong = join(example, '__wrong-handler.tsx');
    const wrongText = [
      "import { TnCustomerSearch } from 'tn-customer-connect/react.js';",
      "import type { TnConnectEvent } from 'tn-customer-connect';",
      'export const el = <TnCustomerSearch onTnSearch={(e: TnConnectEvent) => e.detail.customer} />;',
    ].join('\n');
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists } = host;
    host.getSourceFile = (file, language, ...rest) =>
      file === wrong ? ts.createSourceFile(file, wrongText, language) : getSourceFile.call(host, file, language, ...rest);
    host.fileExists = (file) => file === wrong || fileExists.call(host, file);
    // tn-customer-connect from the temporary project; React's types from this repository
    // (for the package's files too: @lit/react's types import 'react').
    const origin = (name, containingFile) => {
      if (/^tn-customer-connect(\/|$)/.test(name)) return join(projectDir, 'index.ts');
      if (/^(react|react-dom)(\/|$)/.test(name)) return join(repo, 'index.ts');
      return containingFile;
    };
    host.resolveModuleNameLiterals = (literals, containingFile) =>
      literals.map(({ text }) => ts.resolveModuleName(text, origin(text, containingFile), options, host));
    const program = ts.createProgram({ rootNames: [...fileNames, wrong], options, host });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ({
      file: d.file ? relative(repo, d.file.fileName) : '',
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    const inWrong = errors.filter((error) => error.file === relative(repo, wrong));
    assert.deepEqual(
      errors.filter((error) => !inWrong.includes(error)),
      [],
      'the example does not type-check against the package',
    );
    assert.equal(inWrong.length, 1, `one error for a tn-connect handler on onTnSearch, got: ${JSON.stringify(inWrong)}`);
    assert.match(inWrong[0].message, /TnSearchEvent|TnConnectEvent/);
  });

  it('runs the flow: typing shows results, Connect fires the typed onTnConnect prop, props reach the elements', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const search = page.getByRole('combobox', { name: 'Search your customers' });
    await search.click();
    await search.pressSequentially('tungsten', { delay: 20 });
    const bank = page.getByRole('option', { name: /Tungsten Bank PLC/ });
    await bank.waitFor();
    assert.ok((await page.getByRole('option', { name: /Tungsten/ }).count()) > 1, 'more than one Tungsten result');
    const log = page.locator('.event-log');
    await log.getByText('"tungsten"').waitFor();

    await bank.getByText('Connect', { exact: true }).click();
    await log.locator('li', { hasText: 'tn-connect' }).filter({ hasText: 'Tungsten Bank PLC' }).waitFor();
    await log.locator('li', { hasText: 'tn-flow-step-change' }).filter({ hasText: 'search → request' }).waitFor();

    // headingLevel={3}: the flow's title sits under the page's h2.
    const title = page.locator('tn-customer-connect').getByRole('heading', { level: 3 }).first();
    await title.waitFor();
    assert.equal(await page.locator('tn-customer-connect').getByRole('heading', { level: 2 }).count(), 0);
    assert.deepEqual(problems, [], 'console or page errors');
    await page.close();
  });

  it('passes the query prop: ?q=tungsten opens with that search done', async () => {
    const { page, problems } = await openPage(browser, `${server.url}?q=tungsten`);
    const search = page.getByRole('combobox', { name: 'Search your customers' });
    await page.locator('.event-log li', { hasText: 'tn-search' }).filter({ hasText: '"tungsten"' }).waitFor();
    assert.equal(await search.inputValue(), 'tungsten');
    await search.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: /Tungsten Bank PLC/ }).waitFor();
    assert.deepEqual(problems, [], 'console or page errors');
    await page.close();
  });
});
