/**
 * The group picker's model: a group's legal entities by country, which are selected, which
 * match the filter, and the flat list of rows the tree shows (a window of them at a time).
 * Selection lives here (a Set of IDs), never in the DOM, so 50,000-entity groups stay cheap.
 *
 * Costs, for a group of N entities: opening it counts the entities of each country and names
 * the countries, nothing more, so the first screen (countries collapsed) waits on no sorting
 * and allocates nothing per entity. The entities are indexed (by ID, and each country's list)
 * in one pass, and each country's entities sorted by name, their search keys folded by the
 * same pass, when first needed (the country expanded, a filter, a tick) or before that, a
 * step at a time, whenever the page is idle (`prepare`). A filter keystroke that extends the previous filter
 * only re-tests what the previous one matched, and going back to an earlier filter
 * (Backspace, or clearing it) reuses its result and its rows. The rows are built once per
 * filter result and expansion state; ticking reads through them (`checked`, a country's
 * `selected`), so it never rebuilds a row.
 *
 * Three views, each with its own expanded countries: the whole group (a large group starts
 * with its countries collapsed), a filter (its countries start expanded, so what matches
 * shows; cleared, the filter's expansions are forgotten), and the review of what is ticked
 * (the ticked entities that match the filter, taken when the review starts, the filter
 * changes or a bulk action ticks or unticks; a tick in the review leaves its row in place).
 */
import type { GroupEntity } from '../../adapter/types.js';
import type { CountrySelection } from '../../base/events.js';
import { fold } from '../../adapter/text-matching.js';
import { countryName, nameCollator } from '../../localization/format.js';
import { CountryTreeRow, TreeRows, type EntityRow } from './tree-rows.js';

interface Country {
  code: string;
  label: string;
  /** Its entities in the group's order (once the group is indexed). */
  members: GroupEntity[];
  /** Its entities, counted when the group opens. */
  count: number;
  /** Entities that can be ticked. */
  selectable: number;
  /** Its entities by name, with their folded search keys index for index: sorted when first needed. */
  sorted?: { entities: GroupEntity[]; keys: string[] };
}

/** What a country shows under the current filter. */
interface Shown {
  country: Country;
  /** Indexes into the country's sorted entities that match; undefined when nothing is filtered. */
  matches?: number[];
  /** The entities shown, by name. */
  readonly entities: GroupEntity[];
  /** Their number (known without sorting them). */
  readonly count: number;
  /** The same entities in any order, when sorting them would cost more than counting needs. */
  readonly members?: readonly GroupEntity[];
  selectable: number;
  /** Ticked among `entities`, as counted at `countedAt` (a selection version). */
  selected: number;
  countedAt: number;
  /** The entity rows, made as the tree asks for them, kept with the result. */
  rows?: EntityRow[];
}

/** Rows built for a view, for the expansions as they were at `rowsAt` (in `rowsCollapsed`). */
interface RowCache {
  rows?: TreeRows;
  rowsAt?: number;
  rowsCollapsed?: ReadonlySet<string>;
}

/** The result of one filter: what each country shows. */
interface FilterResult extends RowCache {
  needle: string;
  idNeedle: string;
  shown: Shown[];
}

/** The review of the ticked entities: those of `from` (a filter result) ticked when it was taken. */
interface Review extends RowCache {
  from: FilterResult;
  shown: Shown[];
  /** Countries collapsed in the review (all expanded when it starts). */
  collapsed: Set<string>;
}

/**
 * Ticks by country: in each of `countries` (`'all'`: every country), every entity that can be
 * ticked but `unselectedIds`; elsewhere `selectedIds`. A picker's `unselectedIds` is every
 * country but these; its `countrySelection`, some countries.
 */
export interface ByCountry {
  countries: readonly string[] | 'all';
  selectedIds: readonly string[];
  unselectedIds: readonly string[];
}

/** How the group starts: `'all'` collapses every country (unless there is only one), a list collapses those. */
export interface SelectionOptions {
  collapse?: 'all' | Iterable<string>;
}

/** True when rows built with `a` collapsed hold for `b` collapsed (the same set, or both empty). */
function sameCollapse(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): boolean {
  return a === b || (a?.size === 0 && b.size === 0);
}

/** Folds an identifier for matching: no spaces, dots or dashes, lower case ("DE 255.790-071" → "de255790071"). */
function foldId(text: string): string {
  return text.replace(/[\s.-]/g, '').toLowerCase();
}

/** Folded search keys of an entity: name (already folded), network ID and tax IDs. */
function keysOf(entity: GroupEntity, name: string): string {
  let key = `${name}\u0000${foldId(entity.id)}`;
  for (const taxId of entity.taxIds) key += `\u0000${foldId(taxId)}`;
  return key;
}

/**
 * Sorts entities by name as `collator` orders them, with their search keys. A first sort on
 * the folded names (a plain string comparison, several times faster than the collator's)
 * leaves them in or near the collator's order, so the stable collator sort that follows does
 * little more than check it; the folded names are the keys' first part.
 */
function sortByName(list: GroupEntity[], collator: Intl.Collator): { entities: GroupEntity[]; keys: string[] } {
  const items = list.map((entity, index) => ({ entity, index, name: fold(entity.legalName) }));
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  items.sort((a, b) => collator.compare(a.entity.legalName, b.entity.legalName));
  return { entities: items.map((item) => item.entity), keys: items.map((item) => keysOf(item.entity, item.name)) };
}

/** True when every key that matches `next` also matches `previous`, so `next` can narrow its result. */
function narrows(previous: FilterResult, needle: string, idNeedle: string): boolean {
  return needle.includes(previous.needle) && (idNeedle === '' || (previous.idNeedle !== '' && idNeedle.includes(previous.idNeedle)));
}

/** Entities indexed at a time in idle time (`prepare`): a millisecond's work or less. */
const INDEX_STEP = 2000;

export class EntitySelection {
  /** Ticked entity IDs (only selectable ones). */
  readonly selected = new Set<string>();
  /** Number that can be ticked (not already connected). */
  readonly selectableCount: number;
  private readonly countries: Country[];
  private readonly collator: Intl.Collator;
  private readonly countryByCode = new Map<string, Country>();
  /** Countries collapsed in the whole group's view. */
  private readonly collapsed = new Set<string>();
  /** Countries collapsed while a filter is typed (all expanded when it starts). */
  private readonly filterCollapsed = new Set<string>();
  private review?: Review;
  /** Every entity of every country, unfiltered. */
  private readonly unfiltered: FilterResult;
  /** The current filter's result last; below it, the results it narrowed (for Backspace). */
  private results: FilterResult[] = [];
  /** Bumped by every change of the selection: country counts are recounted when stale. */
  private version = 0;
  /** Ticked entities that need a vendor code. */
  private vendorCodeTicks = 0;
  /** Bumped by every expansion or collapse: the rows built before are stale. */
  private expansions = 0;
  /** Every entity of the group by ID, as far as indexed (see `index`). */
  private readonly ids = new Map<string, GroupEntity>();
  /** How many entities, from the first, `ids` and the countries' `members` hold. */
  private indexed = 0;
  /** What "Select the whole group" ticks, once made (`selectableIds`). */
  private allSelectable?: { ids: string[]; needingVendorCode: number };

  constructor(
    private readonly entities: readonly GroupEntity[],
    locale: string,
    options: SelectionOptions = {},
  ) {
    const groups = new Map<string, Country>();
    let selectable = 0;
    for (const entity of entities) {
      let country = groups.get(entity.country);
      if (!country) groups.set(entity.country, (country = { code: entity.country, label: '', members: [], count: 0, selectable: 0 }));
      country.count++;
      if (!entity.connected) {
        selectable++;
        country.selectable++;
      }
    }
    this.selectableCount = selectable;
    const collator = (this.collator = nameCollator(locale));
    for (const country of groups.values()) country.label = countryName(country.code, locale);
    this.countries = [...groups.values()].sort((a, b) => collator.compare(a.label, b.label));
    for (const country of this.countries) this.countryByCode.set(country.code, country);
    // Collapsing the only country of a group would hide it all behind one row.
    const collapse =
      options.collapse === 'all' ? (this.countries.length > 1 ? this.countryByCode.keys() : []) : (options.collapse ?? []);
    for (const code of collapse) if (this.countryByCode.has(code)) this.collapsed.add(code);
    this.unfiltered = {
      needle: '',
      idNeedle: '',
      shown: this.countries.map((country) => {
        const sorted = () => this.sortedOf(country).entities;
        const members = () => this.membersOf(country);
        return {
          country,
          get entities() {
            return sorted();
          },
          count: country.count,
          get members() {
            return members();
          },
          selectable: country.selectable,
          selected: 0,
          countedAt: -1,
        };
      }),
    };
  }

  /**
   * Sorts the countries' entities not sorted yet, in the order the tree lists the countries,
   * then lists what "Select the whole group" ticks, until `enough()` says to stop (checked
   * after each step). True once all is done. For idle time: whatever is not done yet is
   * done when first needed all the same.
   */
  prepare(enough: () => boolean): boolean {
    while (this.indexed < this.entities.length) {
      if (enough()) return false;
      this.index(INDEX_STEP);
    }
    for (const country of this.countries) {
      if (country.sorted) continue;
      if (enough()) return false;
      this.sortedOf(country);
    }
    if (!this.allSelectable) {
      if (enough()) return false;
      this.selectableIds();
    }
    return true;
  }

  /** Number of entities in the group. */
  get total(): number {
    return this.entities.length;
  }

  /** Every entity of the group, by ID. */
  get byId(): ReadonlyMap<string, GroupEntity> {
    this.index();
    return this.ids;
  }

  /** True when a ticked entity needs the supplier's vendor code. */
  get needsVendorCode(): boolean {
    return this.vendorCodeTicks > 0;
  }

  /** The ticked entities that need the supplier's vendor code, in the order they were ticked. */
  vendorCodeTicked(): GroupEntity[] {
    const found: GroupEntity[] = [];
    if (this.vendorCodeTicks === 0) return found;
    for (const id of this.selected) {
      const entity = this.byId.get(id);
      if (entity?.requiresVendorCode) found.push(entity);
    }
    return found;
  }

  /** The country (code) of an entity of the group. */
  countryOf(id: string): string | undefined {
    return this.byId.get(id)?.country;
  }

  /** A country's name, as its row shows it. */
  countryLabel(code: string): string {
    return this.countryByCode.get(code)?.label ?? code;
  }

  /** Countries collapsed in the whole group's view (to keep them so when the group reloads). */
  collapsedCountries(): string[] {
    return [...this.collapsed];
  }

  /** Whether the tree shows only what was ticked (the review). */
  get reviewing(): boolean {
    return this.review !== undefined;
  }

  /** Shows only the ticked entities (that match the filter), or everything again. */
  setReviewing(reviewing: boolean): void {
    this.review = reviewing ? this.snapshot(new Set()) : undefined;
  }

  /** Shows only entities whose name, network ID or tax ID contains `text` (folded). */
  setFilter(text: string): void {
    const needle = fold(text);
    let idNeedle = needle ? foldId(text) : '';
    // The same needle twice would test every key twice.
    if (idNeedle === needle) idNeedle = '';
    const current = this.current;
    if (needle === current.needle && idNeedle === current.idNeedle) return;
    if (!needle) {
      this.results = [];
      if (this.filterCollapsed.size > 0) {
        this.filterCollapsed.clear();
        this.expansions++;
      }
      return;
    }
    // Back to an earlier, wider filter (Backspace): drop the results it does not contain.
    while (this.results.length && !narrows(this.results.at(-1)!, needle, idNeedle)) this.results.pop();
    const base = this.current;
    if (base.needle === needle && base.idNeedle === idNeedle) return;
    const shown = base.shown.map((s) => this.narrow(s, needle, idNeedle));
    // Nothing narrowed (a first letter that every name has, say): the same rows too.
    const same = shown.every((s, i) => s === base.shown[i]);
    this.results.push({
      needle,
      idNeedle,
      shown,
      ...(same ? { rows: base.rows, rowsAt: base.rowsAt, rowsCollapsed: base.rowsCollapsed } : {}),
    });
  }

  get filtering(): boolean {
    return this.current.needle !== '';
  }

  /** Number of entities the tree shows (that match the filter; in the review, that were ticked). */
  get shownCount(): number {
    let count = 0;
    for (const shown of this.shownNow) count += shown.count;
    return count;
  }

  /** Entities the tree shows, in display order. */
  shownEntities(): GroupEntity[] {
    return this.shownNow.flatMap((shown) => shown.entities);
  }

  /** Ticks or unticks one entity; already connected ones never change. */
  toggle(id: string, checked = !this.selected.has(id)): void {
    const entity = this.byId.get(id);
    if (!entity) return;
    this.tick(entity, checked);
    this.version++;
  }

  /** Ticks or unticks every shown, selectable entity of a country. */
  setCountry(code: string, checked: boolean): void {
    const shown = this.shownNow.find((s) => s.country.code === code);
    if (!shown) return;
    for (const entity of shown.entities) this.tick(entity, checked);
    this.version++;
  }

  /**
   * Ticks every selectable entity of the group, filtered or not, in the order the tree lists
   * them. From the list of their IDs (`selectableIds`), made in idle time once the countries
   * are sorted: at 10,000 entities, going through the countries and ticking each entity
   * took 3–7 ms of the click's frame in Chromium the first time (the loop still
   * interpreted); adding the IDs by `forEach` with the Set's own `add`, a loop the engine
   * runs natively, takes about 1.3.
   */
  selectAll(): void {
    const all = this.selectableIds();
    all.ids.forEach(Set.prototype.add, this.selected);
    // Every selectable entity is ticked now, so every one that needs a vendor code.
    this.vendorCodeTicks = all.needingVendorCode;
    this.version++;
    if (this.review) this.review = this.snapshot(this.review.collapsed);
  }

  /** Ticks exactly what `byCountry` says (a selection restored from its short form). */
  selectByCountry({ countries, selectedIds, unselectedIds }: ByCountry): void {
    if (countries === 'all') {
      this.selectAll();
    } else {
      this.selected.clear();
      this.vendorCodeTicks = 0;
      for (const code of countries) {
        const country = this.countryByCode.get(code);
        if (country) for (const entity of this.membersOf(country)) this.tick(entity, true);
      }
    }
    for (const id of unselectedIds) this.toggle(id, false);
    for (const id of selectedIds) this.toggle(id, true);
    this.version++;
    if (this.review) this.review = this.snapshot(this.review.collapsed);
  }

  /**
   * What is ticked, by country: a country where more of the entities that can be ticked are
   * ticked than not is ticked as a whole, with the exceptions; the others list their ticked
   * ones — the shortest lists there are. Countries by code. One pass over the ticked entities
   * and one over the whole countries' (not the whole group's: this runs on every change).
   */
  countrySelection(): CountrySelection {
    const byId = this.byId;
    const tickedIn = new Map<string, number>();
    for (const id of this.selected) {
      const code = byId.get(id)!.country;
      tickedIn.set(code, (tickedIn.get(code) ?? 0) + 1);
    }
    const whole = this.countries.filter(({ code, selectable }) => {
      const ticked = tickedIn.get(code) ?? 0;
      return ticked > selectable - ticked;
    });
    const countries = whole.map((country) => country.code).sort();
    const wholeCodes = new Set(countries);
    const selectedIds = [...this.selected].filter((id) => !wholeCodes.has(byId.get(id)!.country));
    const unselectedIds = new Set<string>();
    for (const country of whole) {
      for (const { id, connected } of this.membersOf(country)) if (!connected && !this.selected.has(id)) unselectedIds.add(id);
    }
    return { countries, selectedIds, unselectedIds: [...unselectedIds] };
  }

  /** The selectable entities that are not ticked, in the tree's order. */
  unselectedIds(): string[] {
    return this.selectableIds().ids.filter((id) => !this.selected.has(id));
  }

  /**
   * The selectable entities' IDs in the tree's order, each once (an answer listing an entity
   * twice must not count its vendor code twice), and how many of them need a vendor code.
   * Made once.
   */
  private selectableIds(): { ids: string[]; needingVendorCode: number } {
    if (this.allSelectable) return this.allSelectable;
    const listed = new Set<string>();
    let needingVendorCode = 0;
    for (const country of this.countries) {
      for (const entity of this.sortedOf(country).entities) {
        if (entity.connected || listed.has(entity.id)) continue;
        listed.add(entity.id);
        if (entity.requiresVendorCode) needingVendorCode++;
      }
    }
    return (this.allSelectable = { ids: [...listed], needingVendorCode });
  }

  clear(): void {
    this.selected.clear();
    this.vendorCodeTicks = 0;
    this.version++;
    if (this.review) this.review = this.snapshot(this.review.collapsed);
  }

  /** Expands or collapses a country in the view shown now. */
  setExpanded(code: string, expanded: boolean): void {
    const collapsed = this.collapsedNow;
    if (expanded === !collapsed.has(code)) return;
    if (expanded) collapsed.delete(code);
    else collapsed.add(code);
    this.expansions++;
  }

  /**
   * The rows of the tree: each country with shown entities, then its entities if expanded.
   * The same list until the filter or an expansion changes; ticks read through its rows.
   */
  rows(): TreeRows {
    // The filter changed during the review: the review of what the new filter shows.
    if (this.review && this.review.from !== this.current) this.review = this.snapshot(this.review.collapsed);
    const cache: RowCache = this.review ?? this.current;
    const collapsed = this.collapsedNow;
    if (cache.rows && cache.rowsAt === this.expansions && sameCollapse(cache.rowsCollapsed, collapsed)) return cache.rows;
    const shownCountries = this.shownNow.filter((shown) => shown.count > 0);
    const runs = shownCountries.map((shown, index) => {
      const expanded = !collapsed.has(shown.country.code);
      const row = new CountryTreeRow(shown, () => this.countSelected(shown), expanded, index + 1, shownCountries.length);
      return { row, shown: expanded ? shown : undefined };
    });
    cache.rows = new TreeRows(runs, this.selected);
    cache.rowsAt = this.expansions;
    cache.rowsCollapsed = collapsed;
    return cache.rows;
  }

  /** What each country shows now: the filter's result, or the review. */
  private get shownNow(): Shown[] {
    return this.review?.shown ?? this.current.shown;
  }

  /** The countries collapsed in the view shown now. */
  private get collapsedNow(): Set<string> {
    if (this.review) return this.review.collapsed;
    return this.filtering ? this.filterCollapsed : this.collapsed;
  }

  /** A review of the entities the current filter shows that are ticked now. */
  private snapshot(collapsed: Set<string>): Review {
    const from = this.current;
    const shown = from.shown.map((s): Shown => {
      const entities = s.entities.filter((entity) => this.selected.has(entity.id));
      return { country: s.country, entities, count: entities.length, selectable: entities.length, selected: 0, countedAt: -1 };
    });
    return { from, shown, collapsed };
  }

  /** How many of a country's shown entities are ticked; counted again only after the selection changed. */
  private countSelected(shown: Shown): number {
    if (shown.countedAt !== this.version) {
      let selected = 0;
      if (this.selected.size > 0) for (const entity of shown.members ?? shown.entities) if (this.selected.has(entity.id)) selected++;
      shown.selected = selected;
      shown.countedAt = this.version;
    }
    return shown.selected;
  }

  /** Ticks or unticks one entity (never a connected one), keeping the vendor-code count. */
  private tick(entity: GroupEntity, checked: boolean): void {
    if (entity.connected || checked === this.selected.has(entity.id)) return;
    if (checked) this.selected.add(entity.id);
    else this.selected.delete(entity.id);
    if (entity.requiresVendorCode) this.vendorCodeTicks += checked ? 1 : -1;
  }

  /** A country's entities by name, with their search keys: sorted the first time they are asked for. */
  private sortedOf(country: Country): { entities: GroupEntity[]; keys: string[] } {
    return (country.sorted ??= sortByName(this.membersOf(country), this.collator));
  }

  /** A country's entities in the group's order. */
  private membersOf(country: Country): GroupEntity[] {
    this.index();
    return country.members;
  }

  /**
   * Indexes up to `count` more entities (all by default): the entities by ID and each
   * country's list of them, in the group's order. Not when the group opens: at 10,000
   * entities building them there made the constructor take 18–40 ms instead of 2–5
   * (Chromium on a busy 2-core machine), in a first open of 70–100 ms.
   */
  private index(count = Infinity): void {
    const { entities, ids, countryByCode } = this;
    const end = Math.min(entities.length, this.indexed + count);
    for (let i = this.indexed; i < end; i++) {
      const entity = entities[i];
      ids.set(entity.id, entity);
      countryByCode.get(entity.country)!.members.push(entity);
    }
    this.indexed = end;
  }

  private get current(): FilterResult {
    return this.results.at(-1) ?? this.unfiltered;
  }

  /** What `shown` keeps of its country under a narrower filter (itself when it keeps everything). */
  private narrow(shown: Shown, needle: string, idNeedle: string): Shown {
    const { country } = shown;
    const { keys, entities } = this.sortedOf(country);
    const from = shown.matches;
    const count = from ? from.length : keys.length;
    const at = (n: number) => (from ? from[n] : n);
    const test = (key: string) => key.includes(needle) || (idNeedle !== '' && key.includes(idNeedle));
    let n = 0;
    while (n < count && test(keys[at(n)])) n++;
    // Everything still matches: the same result, and the rows already built for it.
    if (n === count) return shown;
    const matches: number[] = [];
    for (let m = 0; m < n; m++) matches.push(at(m));
    for (n++; n < count; n++) if (test(keys[at(n)])) matches.push(at(n));
    let selectable = 0;
    const kept = matches.map((i) => {
      const entity = entities[i];
      if (!entity.connected) selectable++;
      return entity;
    });
    return { country, matches, entities: kept, count: kept.length, selectable, selected: 0, countedAt: -1 };
  }
}
