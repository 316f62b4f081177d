// The script-tag build's locale chunks are compact (no message IDs; see
// src/localization/locale-slots.ts and scripts/rollup-compact-locales.mjs). This reads every built
// chunk back through the same lookup the browser uses and checks that every message ID of
// lit-localize's own output finds its own translation — and that an ID the locale doesn't
// have finds nothing (English shows) rather than another message.
//
// Runs on the installed tarball (TN_PACKAGE_DIR, see scripts/test-package.mjs), or on this
// checkout's dist/ when run by hand after `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { findSeeds } from '../../scripts/rollup-compact-locales.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = process.env.TN_PACKAGE_DIR ?? ROOT;
const CHUNKS = join(PACKAGE, 'dist/cdn/chunks');
const { targetLocales } = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8'));

/** Stand-ins for lit's `html` and @lit/localize's `str`: keep what a template is made of. */
const TAGS = `const tag = (kind) => (strings, ...values) => ({ kind, strings: [...strings], values });
export const html = tag('html'), str = tag('str');`;
const tagsUrl = `data:text/javascript;base64,${Buffer.from(TAGS).toString('base64')}`;
const importAsModule = (code) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

/** lit-localize's output for a locale (src/generated/locales/<locale>.ts), with the stand-in tags. */
async function expected(locale) {
  const source = readFileSync(join(ROOT, 'src/generated/locales', `${locale}.ts`), 'utf8')
    .replace(/import\s*\{\s*html\s*\}\s*from\s*'lit';/, `import { html } from '${tagsUrl}';`)
    .replace(/import\s*\{\s*str\s*\}\s*from\s*'@lit\/localize';/, `import { str } from '${tagsUrl}';`);
  return (await importAsModule(transformSync(source, { loader: 'ts', format: 'esm' }).code)).templates;
}

/**
 * The built chunk. It carries its own copies of the two template tags and imports nothing
 * (rollup.config.mjs, `standaloneLocales`: the classic build loads the same file); should it
 * import them from the entry instead, they are replaced by the stand-ins.
 */
async function built(locale) {
  const file = readdirSync(CHUNKS).find((name) => new RegExp(`^${locale}-[\\w-]+\\.min\\.js$`).test(name));
  assert.ok(file, `a chunk for ${locale} in ${CHUNKS}`);
  const code = readFileSync(join(CHUNKS, file), 'utf8');
  const imported = code.match(/^(?:\/\*![^]*?\*\/\s*)?import\{([^}]*)\}from"\.\.\/tn-customer-connect\.min\.js";/);
  if (!imported) {
    assert.doesNotMatch(code, /\bimport\s*[{*"'(]|\bfrom\s*"/, `${file} imports nothing`);
    return (await importAsModule(code)).templates;
  }
  // The chunk imports `str` and `html` from the entry under short names; the transform copies
  // each template's source verbatim, so one stand-in tag for both is enough to compare them.
  const locals = imported[1].split(',').map((pair) => pair.split(' as ').pop().trim());
  const bindings = locals.map((local) => `const ${local} = (strings, ...values) => ({ strings: [...strings], values });`);
  return (await importAsModule(`${bindings.join('\n')}\n${code.slice(imported[0].length)}`)).templates;
}

const lookup = (await importAsModule(transformSync(readFileSync(join(ROOT, 'src/localization/locale-slots.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code));

describe('compact locale chunks of the script-tag build', () => {
  for (const locale of targetLocales) {
    it(`${locale}: every message finds its own translation, an unknown ID finds none`, async () => {
      const want = await expected(locale);
      const table = await built(locale);
      assert.ok(lookup.isCompact(table), 'the chunk is compact');
      assert.equal(table.entries.length, Object.keys(want).length, 'one slot per message');
      for (const [id, template] of Object.entries(want)) {
        const got = lookup.compactLookup(table, id);
        if (typeof template === 'string') assert.equal(got, template, id);
        else assert.deepEqual({ strings: got?.strings, values: got?.values }, { strings: template.strings, values: template.values }, id);
      }
      // The table the browser uses: the host's overrides first, even ones added later.
      const [first, second] = Object.keys(want);
      const layer = { [first]: 'override' };
      const proxied = lookup.compactTable(table, layer);
      assert.equal(proxied[first], 'override');
      assert.deepEqual(proxied[second], lookup.compactLookup(table, second));
      Object.assign(proxied, { [second]: 'later' });
      assert.equal(proxied[second], 'later');
      let unknown = 0;
      for (let i = 0; i < 2000; i++) {
        const id = `s${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}${(i * 40503 >>> 0).toString(16).padStart(8, '0')}`.slice(0, 17);
        if (!(id in want) && lookup.compactLookup(table, id) !== undefined) unknown++;
      }
      // One check character lets about 1 in 16 unknown IDs through; never all of them.
      assert.ok(unknown < 250, `${unknown} of 2000 unknown IDs found a translation`);
    });
  }
});

describe('the seed search the build runs for each locale', () => {
  /** Every ID on a slot of its own among `ids.length`. */
  const placesAll = (ids) => {
    const seeds = findSeeds(ids);
    return new Set(ids.map((id) => lookup.slotOf(id, seeds, ids.length))).size === ids.length;
  };
  it("places every message ID of each locale (236 of them stopped the build before the slot hash was mixed: a bare product kept two IDs' parity whatever the seed)", () => {
    for (const locale of targetLocales) {
      const source = readFileSync(join(ROOT, 'src/generated/locales', `${locale}.ts`), 'utf8');
      const ids = [...new Set([...source.matchAll(/'([sh][0-9a-f]{16})'/g)].map((match) => match[1]))];
      assert.ok(ids.length > 0 && placesAll(ids), locale);
    }
  });
  it('places tables of other sizes, odd and even, as messages come and go', () => {
    for (const size of [1, 2, 3, 64, 128, 200, 235, 236, 237, 256, 300]) {
      const ids = Array.from({ length: size }, (_, i) => `s${createHash('sha256').update(`${size}:${i}`).digest('hex').slice(0, 16)}`);
      assert.ok(placesAll(ids), `${size} IDs`);
    }
  });
});
