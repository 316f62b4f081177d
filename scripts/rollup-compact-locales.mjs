// Rollup plugin for the script-tag build: rewrites each generated locale module
// (src/generated/locales/<locale>.ts, after TypeScript) from lit-localize's
// `templates = { 'sXXXXXXXXXXXXXXXX': template, … }` into the compact form that
// src/localization/locale-slots.ts reads — `templates = { seeds, check, entries }`, with no IDs.
//
// The slots come from `slotOf` in src/localization/locale-slots.ts itself (loaded here through
// esbuild), so the build and the browser cannot disagree on where a message is. For each
// locale the plugin searches, bucket by bucket (largest first), the smallest seed that puts
// every ID of the bucket on a free slot, then checks that every ID reads back its own
// template before it writes anything.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const source = readFileSync(fileURLToPath(new URL('../src/localization/locale-slots.ts', import.meta.url)), 'utf8');
const { code: slotsJs } = transformSync(source, { loader: 'ts', format: 'esm' });
const { slotOf, compactLookup } = await import(`data:text/javascript;base64,${Buffer.from(slotsJs).toString('base64')}`);

const LOCALE_MODULE = /\/src\/generated\/locales\/[\w-]+\.ts$/;
/** About four IDs per bucket: few seeds to ship, quick to search. */
const IDS_PER_BUCKET = 4;
const MAX_SEED = 1 << 20;

/** Seeds that give each of `ids` its own slot among `ids.length`. */
export function findSeeds(ids) {
  const size = ids.length;
  const bucketCount = Math.max(1, Math.ceil(size / IDS_PER_BUCKET));
  const seeds = new Array(bucketCount).fill(0);
  const buckets = Array.from({ length: bucketCount }, (_, index) => ({ index, ids: [] }));
  // The bucket does not depend on the seed: probe with all-zero seeds to sort IDs into buckets.
  for (const id of ids) buckets[parseInt(id.slice(1, 9), 16) % bucketCount].ids.push(id);
  const taken = new Uint8Array(size);
  for (const bucket of buckets.sort((a, b) => b.ids.length - a.ids.length)) {
    if (bucket.ids.length === 0) continue;
    let placed = false;
    for (let seed = 0; seed < MAX_SEED && !placed; seed++) {
      seeds[bucket.index] = seed;
      const slots = bucket.ids.map((id) => slotOf(id, seeds, size));
      if (slots.every((slot, i) => !taken[slot] && slots.indexOf(slot) === i)) {
        for (const slot of slots) taken[slot] = 1;
        placed = true;
      }
    }
    if (!placed) throw new Error(`compact locales: no seed places bucket ${bucket.index} (${bucket.ids.join(', ')})`);
  }
  return seeds;
}

export function compactLocales() {
  return {
    name: 'compact-locales',
    transform(code, id) {
      if (!LOCALE_MODULE.test(id)) return null;
      const program = this.parse(code);
      const declaration = program.body
        .filter((node) => node.type === 'ExportNamedDeclaration' && node.declaration?.type === 'VariableDeclaration')
        .flatMap((node) => node.declaration.declarations)
        .find((d) => d.id.name === 'templates' && d.init?.type === 'ObjectExpression');
      if (!declaration) this.error(`compact locales: no \`templates\` object in ${id}`);
      const entries = declaration.init.properties.map((property) => {
        const key = property.key.type === 'Literal' ? property.key.value : property.key.name;
        if (property.type !== 'Property' || property.computed || !/^[sh][0-9a-f]{16}$/.test(key)) {
          this.error(`compact locales: unexpected key in ${id}`);
        }
        return { id: key, value: code.slice(property.value.start, property.value.end) };
      });
      const ids = entries.map((entry) => entry.id);
      const seeds = findSeeds(ids);
      // Slot → index of its entry; then every ID must read its own entry back.
      const order = new Array(ids.length);
      const check = new Array(ids.length);
      entries.forEach((entry, index) => {
        const slot = slotOf(entry.id, seeds, ids.length);
        order[slot] = index;
        check[slot] = entry.id[16];
      });
      const probe = { seeds, check: check.join(''), entries: order };
      entries.forEach((entry, index) => {
        if (compactLookup(probe, entry.id) !== index) this.error(`compact locales: ${entry.id} does not read back in ${id}`);
      });
      const slots = order.map((index) => entries[index].value);
      const compact = `{seeds:${JSON.stringify(seeds)},check:${JSON.stringify(probe.check)},entries:[${slots.join(',')}]}`;
      return { code: code.slice(0, declaration.init.start) + compact + code.slice(declaration.init.end), map: null };
    },
  };
}
