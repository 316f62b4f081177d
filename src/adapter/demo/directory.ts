/**
 * The demo network's generated directory: tens of thousands of plausible buyer legal
 * entities, built from word lists by a seeded PRNG. Same seed, same directory — in every
 * browser and in Node — so tests, stories and the reference server all see the same data.
 *
 * Nothing runs at import: call {@link generateDirectory} (the engine does, on first use), or
 * step through {@link directorySteps} to build it a slice at a time.
 * The words are in directory-word-lists.ts, how a name is made in legal-names.ts and the
 * PRNG in seeded-random.ts.
 */

import {
  BRAND_HEADS,
  BRAND_LINKS,
  BRAND_TAILS,
  COUNTRIES,
  GROUP_SUFFIXES,
  type Country,
  type Locale,
} from './directory-word-lists.js';
import {
  STANDALONE,
  capitalise,
  containsReservedWord,
  fillPattern,
  joinsSmoothly,
  type NameStyle,
} from './legal-names.js';
import { Random } from './seeded-random.js';
import { finish, type Steps } from './steps.js';

/** The PRNG seed of the default directory. */
export const DEFAULT_DIRECTORY_SEED = 0x5eed_c0de;
/** Number of generated entities in the default directory (the big group included). */
export const DEFAULT_DIRECTORY_SIZE = 60_000;
/** ID of the one big generated group. */
export const GLOBEX_GROUP_ID = 'GRP-GLOBEX';
/** Name of the one big generated group. */
export const GLOBEX_GROUP_NAME = 'GLOBEX INTERNATIONAL GROUP';
/** Number of legal entities in the big group. */
export const GLOBEX_GROUP_SIZE = 10_000;

/** A generated legal entity, before the engine adds search keys. */
export interface DirectoryEntry {
  readonly id: string;
  readonly legalName: string;
  readonly taxIds: readonly string[];
  readonly country: string;
  readonly groupId?: string;
  readonly requiresVendorCode?: boolean;
}

/** A generated corporate group (its members point at it through `groupId`). */
export interface DirectoryGroup {
  readonly id: string;
  readonly name: string;
}

/** The whole generated directory. */
export interface GeneratedDirectory {
  readonly entries: readonly DirectoryEntry[];
  readonly groups: readonly DirectoryGroup[];
}

/** How to generate a directory. */
export interface DirectoryOptions {
  /** PRNG seed; defaults to {@link DEFAULT_DIRECTORY_SEED}. */
  seed?: number;
  /** Total entities, at least {@link GLOBEX_GROUP_SIZE}; defaults to {@link DEFAULT_DIRECTORY_SIZE}. */
  size?: number;
  /** Network IDs that generated entities must never use (the hand-written seed's). */
  reservedIds?: Iterable<string>;
}

const SMALL_GROUP_CHANCE = 0.04;
const SMALL_GROUP_HOME_SHARE = 0.7;
const NO_TAX_ID_CHANCE = 0.08;
const VENDOR_CODE_CHANCE = 0.05;
const NAME_RETRIES = 12;
/** Entities {@link directorySteps} makes between two pauses (a few milliseconds of work). */
const ENTITIES_PER_STEP = 2_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const GLOBEX_STYLE: NameStyle = { patterns: 'groupPatterns', brand: 'Globex' };

/** Picks countries in proportion to their weight. */
class CountryPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly countries: readonly Country[]) {
    let sum = 0;
    for (const c of countries) this.cumulative.push((sum += c.weight));
    this.total = sum;
  }

  pick(random: Random): Country {
    const target = random.int(0, this.total * 1000 - 1) / 1000;
    const index = this.cumulative.findIndex((edge) => target < edge);
    return this.countries[index];
  }
}

/** Accumulates entities and groups while keeping IDs and names unique. */
class DirectoryBuilder {
  readonly entries: DirectoryEntry[] = [];
  readonly groups: DirectoryGroup[] = [];
  private readonly usedIds = new Set<number>();
  private readonly usedNames = new Set<string>();
  private readonly usedBrands = new Set<string>();
  private readonly picker = new CountryPicker(COUNTRIES);

  constructor(
    private readonly random: Random,
    reservedIds: Iterable<string>,
  ) {
    for (const id of reservedIds) {
      if (/^AAA\d{9}$/.test(id)) this.usedIds.add(Number(id.slice(3)));
    }
  }

  addGlobexGroup(): void {
    this.groups.push({ id: GLOBEX_GROUP_ID, name: GLOBEX_GROUP_NAME });
  }

  /** The big group's `i`-th entity: spread evenly over every country, a truly multinational group. */
  addGlobexEntity(i: number): void {
    this.addEntity(COUNTRIES[i % COUNTRIES.length], GLOBEX_STYLE, GLOBEX_GROUP_ID);
  }

  addSmallGroup(size: number): void {
    const brand = this.newBrand();
    const group: DirectoryGroup = {
      id: `GRP-${String(this.groups.length).padStart(5, '0')}`,
      name: `${brand.toUpperCase()} ${this.random.pick(GROUP_SUFFIXES)}`,
    };
    this.groups.push(group);
    const style: NameStyle = { patterns: 'groupPatterns', brand };
    const home = this.picker.pick(this.random);
    for (let i = 0; i < size; i++) {
      const where = i === 0 || this.random.chance(SMALL_GROUP_HOME_SHARE) ? home : this.picker.pick(this.random);
      this.addEntity(where, style, group.id);
    }
  }

  addStandalone(): void {
    this.addEntity(this.picker.pick(this.random), STANDALONE);
  }

  private addEntity(where: Country, style: NameStyle, groupId?: string): void {
    const locale = where.locales.length === 1 ? where.locales[0] : this.random.pick(where.locales);
    const entry: Mutable<DirectoryEntry> = {
      id: this.newId(),
      legalName: this.newName(locale, style),
      taxIds: where.taxId && !this.random.chance(NO_TAX_ID_CHANCE) ? [this.random.fromPattern(where.taxId)] : [],
      country: where.code,
    };
    if (groupId !== undefined) entry.groupId = groupId;
    if (this.random.chance(VENDOR_CODE_CHANCE)) entry.requiresVendorCode = true;
    this.entries.push(entry);
  }

  /** A legal name no other entity has: retry a few draws, then number the stem. */
  private newName(locale: Locale, style: NameStyle): string {
    const patterns = locale.bank[style.patterns];
    let stem = '';
    let form = '';
    for (let attempt = 0; attempt < NAME_RETRIES; attempt++) {
      stem = capitalise(fillPattern(this.random.pick(patterns), locale, this.random, style.brand));
      form = this.random.pick(locale.forms);
      const name = `${stem} ${form}`;
      if (!this.usedNames.has(name)) return this.claimName(name);
    }
    for (let n = 2; ; n++) {
      const name = `${stem} ${n} ${form}`;
      if (!this.usedNames.has(name)) return this.claimName(name);
    }
  }

  private claimName(name: string): string {
    this.usedNames.add(name);
    return name;
  }

  /** `AAA` + 9 digits, unique; numbers rather than strings in the set keep this cheap. */
  private newId(): string {
    for (;;) {
      const number = this.random.int(0, 999_999_999);
      if (!this.usedIds.has(number)) {
        this.usedIds.add(number);
        return `AAA${String(number).padStart(9, '0')}`;
      }
    }
  }

  private newBrand(): string {
    for (;;) {
      const link = this.random.chance(0.35) ? this.random.pick(BRAND_LINKS) : '';
      const parts = [this.random.pick(BRAND_HEADS), link, this.random.pick(BRAND_TAILS)].filter((part) => part !== '');
      const brand = parts.join('');
      if (joinsSmoothly(parts) && !this.usedBrands.has(brand) && !containsReservedWord(brand)) {
        this.usedBrands.add(brand);
        return brand;
      }
    }
  }
}


/**
 * Generates the directory: one group of {@link GLOBEX_GROUP_SIZE} entities spread over
 * every country, then standalone entities and small groups (2–20) until `size` is reached.
 * Pure and deterministic: the same options always give the same directory.
 */
export function generateDirectory(options: DirectoryOptions = {}): GeneratedDirectory {
  return finish(directorySteps(options));
}

/**
 * {@link generateDirectory} a slice at a time: each `next()` makes a few thousand entities
 * (milliseconds of work) and the last returns the directory, the same as generateDirectory's.
 * A caller can so build it in the page's idle time without holding up input.
 */
export function* directorySteps(options: DirectoryOptions = {}): Steps<GeneratedDirectory> {
  const size = options.size ?? DEFAULT_DIRECTORY_SIZE;
  if (!Number.isInteger(size) || size < GLOBEX_GROUP_SIZE) {
    throw new RangeError(`Directory size must be an integer of at least ${GLOBEX_GROUP_SIZE}.`);
  }
  const random = new Random(options.seed ?? DEFAULT_DIRECTORY_SEED);
  const builder = new DirectoryBuilder(random, options.reservedIds ?? []);
  builder.addGlobexGroup();
  for (let i = 0; i < GLOBEX_GROUP_SIZE; i++) {
    builder.addGlobexEntity(i);
    if ((i + 1) % ENTITIES_PER_STEP === 0) yield;
  }
  let pauseAt = builder.entries.length + ENTITIES_PER_STEP;
  while (builder.entries.length < size) {
    const room = size - builder.entries.length;
    if (room >= 2 && random.chance(SMALL_GROUP_CHANCE)) builder.addSmallGroup(Math.min(room, random.int(2, 20)));
    else builder.addStandalone();
    if (builder.entries.length >= pauseAt) {
      pauseAt += ENTITIES_PER_STEP;
      yield;
    }
  }
  return { entries: builder.entries, groups: builder.groups };
}
