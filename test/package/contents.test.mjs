// What `npm pack` ships, read from the tarball itself: exactly the files we mean to ship,
// every path package.json points at, types for every entry, source maps that resolve, and a
// `sideEffects` list that names exactly the modules that register elements (or set a global)
// when they load — measured by loading every npm module in Node, not by reading names.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import process from 'node:process';
import { packageDir, packageJson, projectDir, tarball } from './helpers.mjs';

const run = promisify(execFile);

/** Every file in the tarball, relative to the package root, sorted. */
let files;
let pkg;

before(async () => {
  files = execFileSync('tar', ['-tzf', tarball()], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
  pkg = await packageJson();
});

const shipped = (path) => files.includes(path.replace(/^\.\//, ''));

/** A `sideEffects` glob as a RegExp over package-relative paths (`*` within a segment, `**` across). */
function globRegExp(glob) {
  const body = glob
    .replace(/^\.\//, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\0/g, '.*');
  return new RegExp(`^${body}$`);
}

/** The shipped files an exports target matches (`*` in a pattern target matches any string, `/` included). */
function exportTargets(target) {
  if (!target.includes('*')) return shipped(target) ? [target.replace(/^\.\//, '')] : [];
  const [head, tail] = target.replace(/^\.\//, '').split('*');
  return files.filter((file) => file.startsWith(head) && file.endsWith(tail) && file.length >= head.length + tail.length);
}

describe('the tarball', () => {
  it('holds only the package: dist/, src/, locales/*.xlf and their glossary, the HTTP contract, the reference server, the manifest, README, docs/elements.md, CHANGELOG and package.json', () => {
    const allowed = [
      /^dist\//,
      /^src\/.+\.ts$/,
      /^locales\/[a-z]{2}\.xlf$/,
      // The terms each locale uses: what a translator of a new locale follows, beside the .xlf files.
      /^locales\/GLOSSARY\.md$/,
      /^api\/openapi\.yaml$/,
      // The reference API server (the package's bin, tn-customer-connect-server), without its tests.
      /^server\/[^/]+\.mjs$/,
      /^server\/README\.md$/,
      /^custom-elements\.json$/,
      /^package\.json$/,
      /^README\.md$/,
      // The elements' reference the README links to (generated from their documentation).
      /^docs\/elements\.md$/,
      /^CHANGELOG\.md$/,
      /^LICENSE$/,
    ];
    assert.deepEqual(
      files.filter((file) => !allowed.some((re) => re.test(file))),
      [],
      'files nobody meant to ship',
    );
    // Named again for a clear message (the demo *adapter*, dist/adapter/demo/, does ship).
    const forbidden =
      /^(test|tests|stories|demo|bench|server\/test|scripts|examples|\.storybook|\.ci|storybook-static)\/|(^|\/)node_modules\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/;
    assert.deepEqual(files.filter((file) => forbidden.test(file)), [], 'tests, stories or tooling in the tarball');
    // package.json says MIT; the licence text must travel with the code.
    assert.ok(files.includes('LICENSE'), 'no LICENSE in the tarball');
  });

  it('ships every source module, so that declaration maps and source maps lead to real code', () => {
    const sources = files.filter((file) => file.startsWith('src/'));
    const modules = files.filter((file) => /^dist\/(?!cdn\/).+\.js$/.test(file));
    assert.ok(modules.length > 20, `only ${modules.length} npm modules`);
    for (const module of modules) {
      const source = module.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
      assert.ok(sources.includes(source), `${module} has no ${source}`);
    }
  });

  it('has source maps that resolve: every sourceMappingURL names a shipped map, every map source is shipped or inlined', async () => {
    const problems = [];
    const code = files.filter((file) => /\.(js|d\.ts)$/.test(file));
    for (const file of code) {
      const text = await readFile(join(packageDir(), file), 'utf8');
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (url === undefined) continue;
      const map = posix.join(posix.dirname(file), url);
      if (!shipped(map)) problems.push(`${file} → ${map} (not shipped)`);
    }
    const maps = files.filter((file) => file.endsWith('.map'));
    assert.ok(maps.length > 0, 'no source maps at all');
    for (const file of maps) {
      const map = JSON.parse(await readFile(join(packageDir(), file), 'utf8'));
      map.sources.forEach((source, i) => {
        if (map.sourcesContent?.[i] != null) return;
        const path = posix.join(posix.dirname(file), map.sourceRoot ?? '', source);
        if (!shipped(path)) problems.push(`${file}: source ${source} (${path}) is neither shipped nor inlined`);
      });
    }
    assert.deepEqual(problems, []);
  });
});

describe('package.json', () => {
  it('points main, module, types and customElements at shipped files', () => {
    for (const field of ['main', 'module', 'types', 'customElements']) {
      assert.equal(typeof pkg[field], 'string', `"${field}" is missing`);
      assert.ok(shipped(pkg[field]), `"${field}": ${pkg[field]} is not in the tarball`);
    }
  });

  it('custom-elements.json is a manifest that declares every tag define.js registers', async () => {
    assert.ok(shipped('custom-elements.json'), 'custom-elements.json is not in the tarball');
    const manifest = JSON.parse(await readFile(join(packageDir(), 'custom-elements.json'), 'utf8'));
    assert.equal(typeof manifest.schemaVersion, 'string');
    // A tag counts as declared as a class's `tagName` or as a `custom-element-definition` export.
    const tags = new Set(
      manifest.modules.flatMap((module) => [
        ...(module.declarations ?? []).map((declaration) => declaration.tagName),
        ...(module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => entry.name),
      ]),
    );
    const registered = await registeredBy(join(packageDir(), 'dist/define.js'));
    assert.ok(registered.length >= 7, `define.js registered only ${registered}`);
    assert.deepEqual(registered.filter((tag) => !tags.has(tag)), [], 'tags missing from custom-elements.json');
  });

  it('has an export for every element, define-all and the adapters; each resolves to shipped code with its types listed first', () => {
    const exports = pkg.exports;
    for (const entry of [
      '.',
      './define.js',
      './customer-search.js',
      './attention-panel.js',
      './group-picker.js',
      './verify-invoice.js',
      './customer-connect.js',
      './relationships.js',
      './support-case.js',
      './adapter-provider.js',
      './demo-adapter.js',
      './rest-adapter.js',
    ]) {
      assert.ok(exports[entry], `no "${entry}" export`);
    }
    for (const [entry, target] of Object.entries(exports)) {
      if (typeof target === 'string') {
        // Plain files (the contract, package.json): no code, so no types.
        assert.doesNotMatch(target, /\.js$/, `${entry}: JavaScript without types`);
        assert.ok(exportTargets(target).length > 0, `${entry}: ${target} is not in the tarball`);
        continue;
      }
      assert.equal(Object.keys(target)[0], 'types', `${entry}: "types" must come first (TypeScript reads conditions in order)`);
      if (!('default' in target)) {
        // Types only (the JSX and Vue declarations): nothing to run, one declaration file.
        assert.deepEqual(Object.keys(target), ['types'], `${entry}: unexpected conditions`);
        assert.match(target.types, /\.d\.ts$/, `${entry}: a types-only entry names a declaration file`);
        assert.equal(exportTargets(target.types).length, 1, `${entry}: ${target.types} is not in the tarball`);
        continue;
      }
      assert.deepEqual(Object.keys(target).sort(), ['default', 'types'], `${entry}: unexpected conditions`);
      const code = exportTargets(target.default);
      assert.ok(code.length > 0, `${entry}: ${target.default} matches nothing in the tarball`);
      const types = exportTargets(target.types);
      assert.equal(types.length, code.length, `${entry}: ${code.length} modules but ${types.length} declaration files`);
      for (const file of code) assert.ok(types.includes(file.replace(/\.js$/, '.d.ts')), `${entry}: ${file} has no declarations`);
    }
  });

  it('lists in sideEffects exactly the npm modules that register an element when loaded (loaded one by one in Node)', async () => {
    const patterns = pkg.sideEffects.map(globRegExp);
    const listed = (file) => patterns.some((re) => re.test(file));
    const modules = files.filter((file) => /^dist\/(?!cdn\/).+\.js$/.test(file));
    const registering = [];
    // Two at a time: each load is a fresh Node process, so no module cache hides a registration.
    const queue = [...modules];
    const workers = Array.from({ length: Math.min(2, cpus().length) }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        if ((await registeredBy(join(packageDir(), file))).length > 0) registering.push(file);
      }
    });
    await Promise.all(workers);
    assert.ok(registering.includes('dist/define.js'), 'the measurement is broken: define.js registered nothing');
    assert.ok(!registering.includes('dist/index.js'), 'the root entry registers elements (it must not)');
    assert.deepEqual(modules.filter(listed).sort(), registering.sort());
  });

  it('lists the script-tag builds that register elements, and no other file of dist/cdn', async () => {
    const patterns = pkg.sideEffects.map(globRegExp);
    const cdn = files.filter((file) => /^dist\/cdn\/.+\.js$/.test(file));
    const registering = [];
    for (const file of cdn) {
      if ((await readFile(join(packageDir(), file), 'utf8')).includes('customElements.define(')) registering.push(file);
    }
    assert.deepEqual(registering.sort(), ['dist/cdn/tn-customer-connect.classic.min.js', 'dist/cdn/tn-customer-connect.min.js']);
    assert.deepEqual(cdn.filter((file) => patterns.some((re) => re.test(file))).sort(), registering.sort());
  });

  it('lists each source module exactly when its built module is listed (bundlers of src/ read the same list), and the classic entry', () => {
    const patterns = pkg.sideEffects.map(globRegExp);
    const listed = (file) => patterns.some((re) => re.test(file));
    const mismatched = files
      .filter((file) => /^src\/.+\.ts$/.test(file))
      .filter((source) => {
        // The classic build's entry sets the global TnCustomerConnect; it has no npm module.
        if (source === 'src/classic.ts') return !listed(source);
        const built = source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
        return listed(source) !== (shipped(built) && listed(built));
      });
    assert.deepEqual(mismatched, []);
  });

  it('has no sideEffects entry that matches nothing shipped', () => {
    for (const glob of pkg.sideEffects) {
      assert.ok(files.some((file) => globRegExp(glob).test(file)), `sideEffects "${glob}" matches no file in the tarball`);
    }
  });
});

/**
 * The tags a module registers when loaded in a fresh Node process: a recording
 * `customElements` is installed first (Lit's Node build keeps an existing one).
 */
async function registeredBy(file) {
  const script = `
    const defined = [];
    globalThis.customElements = { define: (tag) => void defined.push(tag), get: () => undefined };
    await import(${JSON.stringify(pathToFileURL(file).href)});
    console.log(JSON.stringify(defined));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: projectDir() });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}
