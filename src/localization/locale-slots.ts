/**
 * Compact locale modules, as the script-tag build ships them (built by
 * `scripts/rollup-compact-locales.mjs`; the npm build and the sources keep lit-localize's
 * plain `{ id: template }` tables).
 *
 * A plain table spends about 2.5 KB (gzip) of every locale chunk on its message IDs: 17
 * characters of hash each, which do not compress. A compact one has no IDs: its translations
 * sit in an array, each at the slot `slotOf` gives its ID — a minimal perfect hash, made
 * perfect for that locale's IDs by one small number (`seeds`) per bucket of about four IDs.
 * The hash is perfect only over the IDs it was built for, so each slot also keeps the last
 * character of its ID (`check`): a message the locale doesn't know falls back to English
 * instead of showing another message's translation (CI's locale check keeps that from
 * happening at all).
 */
import type { LocaleModule } from '@lit/localize';

type Templates = LocaleModule['templates'];
export type Template = Templates[string];

export interface CompactTemplates {
  /** One number per bucket: what makes the hash land every ID of the bucket on its own slot. */
  seeds: readonly number[];
  /** The last character of each slot's ID. */
  check: string;
  /** The translations, by slot. */
  entries: readonly Template[];
}

/**
 * The slot of a message ID (`s` or `h` and 16 hex digits) among `size` slots. The product is
 * mixed (high bits folded into low ones) before `% size`: a bare product's low bits depend
 * only on the key's low bits, so when `size` is even (236 messages) two IDs of a bucket kept
 * their slots' parity whatever the seed, and the build found no seed for them.
 */
export function slotOf(id: string, seeds: readonly number[], size: number): number {
  const bucket = parseInt(id.slice(1, 9), 16) % seeds.length;
  let hash = Math.imul(parseInt(id.slice(9, 17), 16) ^ seeds[bucket], 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return ((hash ^ (hash >>> 13)) >>> 0) % size;
}

export function isCompact(templates: unknown): templates is CompactTemplates {
  return Array.isArray((templates as CompactTemplates | undefined)?.entries);
}

/** A message's translation in a compact table, or undefined (then the English source shows). */
export function compactLookup(table: CompactTemplates, id: string): Template | undefined {
  if (!/^[sh][0-9a-f]{16}$/.test(id)) return undefined;
  const slot = slotOf(id, table.seeds, table.entries.length);
  return table.check[slot] === id[16] ? table.entries[slot] : undefined;
}

/**
 * A template table for `@lit/localize` over a compact one: `layer` (the host's overrides,
 * which may grow later) first, then the shipped translations.
 */
export function compactTable(table: CompactTemplates, layer: Templates): Templates {
  return new Proxy(layer, {
    get: (target, id) => (typeof id === 'string' ? (target[id] ?? compactLookup(table, id)) : undefined),
  });
}
