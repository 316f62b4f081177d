#!/usr/bin/env node
// Subresource Integrity hashes of the script-tag build (run by `npm run build`, or alone:
// `npm run sri`). Writes dist/cdn/integrity.json — `{ "version", "algorithm", "files":
// { "<path under dist/cdn>": "sha384-…" } }`, one entry for every script a page may load:
// both builds, the demo adapter and every chunk, the classic script's under chunks/classic/
// included (source maps are never loaded by a page and are left out) — and prints it.
//
//   <script src=".../tn-customer-connect.classic.min.js"
//           integrity="<files['tn-customer-connect.classic.min.js']>" crossorigin="anonymous"></script>
//
// It also prints, ready to paste, the import map that gives the lazily loaded chunks their
// integrity (it applies to the classic script's `import()` too: test/csp/lazy.e2e.mjs), for the folder the files are served from (`--base /vendor/tn-customer-connect-
// <version>/` by default), and the `'sha256-…'` source to add to `script-src` so that a
// strict Content Security Policy lets that inline import map run.
//
//   npm run sri -- --base https://cdn.example.com/tn-customer-connect-0.1.0/
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cdn = join(root, 'dist/cdn');
const OUT = 'integrity.json';

if (!existsSync(cdn)) {
  console.error('No dist/cdn: run `npm run build` first.');
  process.exit(1);
}

/** Every file under `dir`, as paths relative to dist/cdn with `/` separators, sorted. */
function files(dir) {
  const walk = (at) =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(at, entry.name)) : [join(at, entry.name)]));
  return walk(dir)
    .map((file) => relative(dir, file).split(sep).join('/'))
    .sort();
}

const hashes = {};
for (const file of files(cdn)) {
  if (file === OUT || !file.endsWith('.js')) continue;
  hashes[file] = `sha384-${createHash('sha384').update(readFileSync(join(cdn, file))).digest('base64')}`;
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const integrity = { version, algorithm: 'sha384', files: hashes };
const json = `${JSON.stringify(integrity, null, 2)}\n`;
writeFileSync(join(cdn, OUT), json);
console.log(`dist/cdn/${OUT}:`);
console.log(json);

const at = process.argv.indexOf('--base');
let base = at === -1 ? `/vendor/tn-customer-connect-${version}/` : process.argv[at + 1];
if (!base.endsWith('/')) base += '/';
const chunks = Object.fromEntries(
  Object.entries(hashes)
    .filter(([file]) => file.startsWith('chunks/'))
    .map(([file, hash]) => [`${base}${file}`, hash]),
);
// The CSP hash covers the script element's text exactly as written: paste it unchanged.
const mapText = JSON.stringify({ integrity: chunks });
const csp = `'sha256-${createHash('sha256').update(mapText).digest('base64')}'`;
const html = `<script type="importmap">${mapText}</script>`;
console.log(`Import map for the chunks under ${base} (paste it before the library's script tag):\n${html}\n`);
console.log(`Add to script-src: ${csp}`);
