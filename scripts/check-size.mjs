#!/usr/bin/env node
// What the library costs a page, from the built dist/ (run `npm run build` first).
//
//   npm run size            (node scripts/check-size.mjs [--json-only])
//
// Reports minified, gzip (zlib level 9) and brotli bytes of:
//   - English: the script-tag entry dist/cdn/tn-customer-connect.min.js plus every chunk it
//     imports statically (what a page pays before any locale or lazy code loads);
//   - lazy: chunks the entry imports dynamically that are not locales (e.g. the virtualizer's
//     layout, fetched when a virtual list first renders);
//   - each locale chunk (what switching to that locale adds);
//   - the demo adapter's own file;
//   - each npm entry (package.json "exports") bundled with its transitive local imports,
//     `lit`, `@lit/*`, `@lit-labs/*` and `tslib` external: an element's own cost to
//     an integrator who already has Lit.
// Writes bench/size.json; exits 1 when a budget below is exceeded, naming it.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Budgets in bytes of gzip (1 KB = 1,000 bytes). */
const BUDGETS = {
  /** Every element plus the REST adapter, English: the entry and its static imports. */
  english: 30_000,
  /** Each extra locale chunk. */
  locale: 4_000,
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CDN = join(ROOT, 'dist/cdn');
const ENTRY = join(CDN, 'tn-customer-connect.min.js');
const DEMO = join(CDN, 'tn-demo-adapter.min.js');
const EXTERNAL = ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'tslib'];

if (!existsSync(ENTRY)) {
  console.error('No dist/cdn build: run `npm run build` first.');
  process.exit(1);
}

const measure = (code) => {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (sizes) =>
  sizes.reduce((total, size) => ({ min: total.min + size.min, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli }), {
    min: 0,
    gzip: 0,
    brotli: 0,
  });
const rel = (file) => relative(ROOT, file);

/** A module's relative imports, static and dynamic, resolved to files. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const resolveSpecifier = (specifier) => resolve(dirname(file), specifier);
  const staticImports = [...code.matchAll(/\b(?:import|export)\s*(?:[^'"`;()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
    resolveSpecifier(m[1]),
  );
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolveSpecifier(m[1]));
  return { staticImports, dynamicImports };
}

// ---------------------------------------------------------------------------------------
// Script-tag build

const locales = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8')).targetLocales;
const localeOf = (file) => locales.find((locale) => new RegExp(`^${locale}-[\\w-]+\\.min\\.js$`).test(file.split('/').pop()));

const english = new Set();
const dynamic = new Set();
(function walk(file) {
  if (english.has(file)) return;
  english.add(file);
  const { staticImports, dynamicImports } = importsOf(file);
  staticImports.forEach(walk);
  dynamicImports.forEach((target) => dynamic.add(target));
})(ENTRY);
const englishFiles = [...english];
const lazyFiles = [...dynamic].filter((file) => !english.has(file) && !localeOf(file));
const localeFiles = [...dynamic].filter((file) => !english.has(file) && localeOf(file));
const rows = (files) => Object.fromEntries(files.map((file) => [rel(file), measure(readFileSync(file))]));

const report = {
  english: { total: sum(englishFiles.map((file) => measure(readFileSync(file)))), files: rows(englishFiles) },
  lazy: rows(lazyFiles),
  locales: Object.fromEntries(localeFiles.map((file) => [localeOf(file), { file: rel(file), ...measure(readFileSync(file)) }])),
  demoAdapter: existsSync(DEMO) ? { file: rel(DEMO), ...measure(readFileSync(DEMO)) } : undefined,
  npm: {},
};
for (const chunk of readdirSync(join(CDN, 'chunks')).filter((f) => f.endsWith('.js'))) {
  const file = join(CDN, 'chunks', chunk);
  if (!english.has(file) && !dynamic.has(file)) report.lazy[rel(file)] = measure(readFileSync(file));
}

// ---------------------------------------------------------------------------------------
// npm build: each export bundled with its local imports

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
for (const [name, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  // Pattern entries (./locales/*.js) are the locale modules, measured above as chunks.
  if (!file.endsWith('.js') || file.includes('*')) continue;
  const result = await build({
    entryPoints: [join(ROOT, file)],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'es2021',
    external: EXTERNAL,
    logLevel: 'silent',
    // Dynamic imports (locales) stay separate files, as a bundler would split them.
    splitting: true,
    outdir: '/virtual',
  });
  const [main] = result.outputFiles.filter((output) => output.path.endsWith(file.split('/').pop()));
  report.npm[name] = measure(main.contents);
}

// ---------------------------------------------------------------------------------------
// Output

const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(7);
const line = (label, size) => `${label.padEnd(44)} ${kb(size.min)} ${kb(size.gzip)} ${kb(size.brotli)}`;
const out = [`${''.padEnd(44)} ${'min'.padStart(7)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}   (KB)`];
out.push(line('English total (entry + static imports)', report.english.total));
for (const [file, size] of Object.entries(report.english.files)) out.push(line(`  ${file.replace('dist/cdn/', '')}`, size));
for (const [file, size] of Object.entries(report.lazy)) out.push(line(`lazy ${file.replace('dist/cdn/', '')}`, size));
for (const [locale, size] of Object.entries(report.locales)) out.push(line(`locale ${locale}`, size));
if (report.demoAdapter) out.push(line('demo adapter (own file)', report.demoAdapter));
out.push('npm entries, bundled with local imports (lit, @lit/*, tslib external):');
for (const [name, size] of Object.entries(report.npm)) out.push(line(`  ${name}`, size));
console.log(out.join('\n'));

writeFileSync(join(ROOT, 'bench/size.json'), `${JSON.stringify({ budgets: BUDGETS, ...report }, null, 2)}\n`);

const failures = [];
if (report.english.total.gzip > BUDGETS.english) {
  failures.push(`English total ${report.english.total.gzip} B gzip > budget ${BUDGETS.english} B`);
}
for (const [locale, size] of Object.entries(report.locales)) {
  if (size.gzip > BUDGETS.locale) failures.push(`locale ${locale} ${size.gzip} B gzip > budget ${BUDGETS.locale} B`);
}
if (english.has(DEMO) || dynamic.has(DEMO)) failures.push('the elements\' bundle imports the demo adapter');
if (failures.length > 0) {
  console.error(`\nOver budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nWithin budget.');
