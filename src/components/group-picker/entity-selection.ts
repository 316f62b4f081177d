/**
 * The group picker's model: a group's legal entities by country, which are selected, which
 * match the filter, and the flat list of rows the tree shows (a window of them at a time).
 * Selection lives here (a Set of IDs), never in the DOM, so 50,000-entity groups stay cheap.
 *
 * Costs, for a group of N entities: search keys are folded once, when the group loads, by
 * the same pass that sorts the names; a filter keystroke that extends the previous filter
 * only re-tests what the previous one matched, and going back to an earlier filter
 * (Backspace, or clearing it) reuses its result and its rows. The rows are built once per
 * filter result and expansion state; ticking reads through them (`checked`, a country's
 * `selected`), so it never rebuilds a row.
 */
import type { GroupEntity } from '../../adapter/types.js';
import { fold } from '../../base/fold.js';
import { countryName } from '../../format.js';

/** A country heading row: tri-state over the entities it shows. */
export interface CountryRow {
  readonly kind: 'country';
  readonly key: string;
  readonly country: string;
  readonly label: string;
  /** Entities of this country that match the filter. */
  readonly shown: number;
  /** Of those, how many can be ticked (not already connected). */
  readonly selectable: number;
  /** Of those, how many are ticked (read live from the selection). */
  readonly selected: number;
  readonly expanded: boolean;
  /** Position among the country rows (1-based) and their number, for assistive tech. */
  readonly position: number;
  readonly setSize: number;
}

/** A legal entity row. */
export interface EntityRow {
  readonly kind: 'entity';
  readonly key: string;
  readonly entity: GroupEntity;
  /** Ticked (read live from the selection). */
  readonly checked: boolean;
  /** Already connected: shown as such, cannot be ticked. */
  readonly disabled: boolean;
  readonly country: string;
  readonly position: number;
  readonly setSize: number;
}

export type TreeRow = CountryRow | EntityRow;

/** Tri-state of a country row. */
export function countryState(row: CountryRow): 'true' | 'false' | 'mixed' {
  if (row.selected === 0) return 'false';
  return row.selected === row.selectable ? 'true' : 'mixed';
}

interface Country {
  code: string;
  label: string;
  entities: GroupEntity[];
  /** Folded search keys, index for index with `entities`. */
  keys: string[];
  /** Entities that can be ticked. */
  selectable: number;
}

/** What a country shows under the current filter. */
interface Shown {
  country: Country;
  /** Indexes into `country.entities` that match; undefined when nothing is filtered. */
  matches?: number[];
  entities: GroupEntity[];
  selectable: number;
  /** Ticked among `entities`, as counted at `countedAt` (a selection version). */
  selected: number;
  countedAt: number;
  /** The entity rows, built once per result. */
  rows?: EntityRow[];
}

/** The result of one filter: what each country shows. */
interface FilterResult {
  needle: string;
  idNeedle: string;
  shown: Shown[];
  /** Its rows, built for the expansions as they were at `rowsAt`. */
  rows?: TreeRow[];
  rowsAt?: number;
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

export class EntitySelection {
  /** Every entity of the group, by ID. */
  readonly byId = new Map<string, GroupEntity>();
  /** Ticked entity IDs (only selectable ones). */
  readonly selected = new Set<string>();
  /** Number that can be ticked (not already connected). */
  readonly selectableCount: number;
  private readonly countries: Country[];
  private readonly collapsed = new Set<string>();
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

  constructor(entities: readonly GroupEntity[], locale: string) {
    const groups = new Map<string, GroupEntity[]>();
    let selectable = 0;
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      if (!entity.connected) selectable++;
      let list = groups.get(entity.country);
      if (!list) groups.set(entity.country, (list = []));
      list.push(entity);
    }
    this.selectableCount = selectable;
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    this.countries = [...groups.entries()]
      .map(([code, list]) => {
        const { entities, keys } = sortByName(list, collator);
        return {
          code,
          label: countryName(code, locale),
          entities,
          keys,
          selectable: list.reduce((count, entity) => (entity.connected ? count : count + 1), 0),
        };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
    this.unfiltered = {
      needle: '',
      idNeedle: '',
      shown: this.countries.map((country) => ({
        country,
        entities: country.entities,
        selectable: country.selectable,
        selected: 0,
        countedAt: -1,
      })),
    };
  }

  /** Number of entities in the group. */
  get total(): number {
    return this.byId.size;
  }

  /** True when a ticked entity needs the supplier's vendor code. */
  get needsVendorCode(): boolean {
    return this.vendorCodeTicks > 0;
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
      return;
    }
    // Back to an earlier, wider filter (Backspace): drop the results it does not contain.
    while (this.results.length && !narrows(this.results.at(-1)!, needle, idNeedle)) this.results.pop();
    const base = this.current;
    if (base.needle === needle && base.idNeedle === idNeedle) return;
    const shown = base.shown.map((s) => this.narrow(s, needle, idNeedle));
    // Nothing narrowed (a first letter that every name has, say): the same rows too.
    const same = shown.every((s, i) => s === base.shown[i]);
    this.results.push({ needle, idNeedle, shown, ...(same ? { rows: base.rows, rowsAt: base.rowsAt } : {}) });
  }

  get filtering(): boolean {
    return this.current.needle !== '';
  }

  /** Number of entities that match the filter. */
  get shownCount(): number {
    let count = 0;
    for (const shown of this.current.shown) count += shown.entities.length;
    return count;
  }

  /** Entities that match the filter, in display order. */
  shownEntities(): GroupEntity[] {
    return this.current.shown.flatMap((shown) => shown.entities);
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
    const shown = this.current.shown.find((s) => s.country.code === code);
    if (!shown) return;
    for (const entity of shown.entities) this.tick(entity, checked);
    this.version++;
  }

  /** Ticks every selectable entity of the group, filtered or not. */
  selectAll(): void {
    for (const country of this.countries) {
      for (const entity of country.entities) this.tick(entity, true);
    }
    this.version++;
  }

  clear(): void {
    this.selected.clear();
    this.vendorCodeTicks = 0;
    this.version++;
  }

  setExpanded(code: string, expanded: boolean): void {
    if (expanded === !this.collapsed.has(code)) return;
    if (expanded) this.collapsed.delete(code);
    else this.collapsed.add(code);
    this.expansions++;
  }

  /**
   * The rows of the tree: each country with shown entities, then its entities if expanded.
   * The same array until the filter or an expansion changes; ticks read through its rows.
   */
  rows(): TreeRow[] {
    const result = this.current;
    if (result.rows && result.rowsAt === this.expansions) return result.rows;
    const rows: TreeRow[] = [];
    const shownCountries = result.shown.filter((shown) => shown.entities.length > 0);
    shownCountries.forEach((shown, index) => {
      const expanded = !this.collapsed.has(shown.country.code);
      rows.push(new CountryTreeRow(shown, () => this.countSelected(shown), expanded, index + 1, shownCountries.length));
      if (!expanded) return;
      shown.rows ??= shown.entities.map(
        (entity, i, entities) => new EntityTreeRow(this.selected, entity, shown.country.code, i + 1, entities.length),
      );
      for (const row of shown.rows) rows.push(row);
    });
    result.rows = rows;
    result.rowsAt = this.expansions;
    return rows;
  }

  /** How many of a country's shown entities are ticked; counted again only after the selection changed. */
  private countSelected(shown: Shown): number {
    if (shown.countedAt !== this.version) {
      let selected = 0;
      for (const entity of shown.entities) if (this.selected.has(entity.id)) selected++;
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

  private get current(): FilterResult {
    return this.results.at(-1) ?? this.unfiltered;
  }

  /** What `shown` keeps of its country under a narrower filter (itself when it keeps everything). */
  private narrow(shown: Shown, needle: string, idNeedle: string): Shown {
    const { country } = shown;
    const { keys, entities } = country;
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
    return { country, matches, entities: kept, selectable, selected: 0, countedAt: -1 };
  }
}

class CountryTreeRow implements CountryRow {
  readonly kind = 'country';
  readonly key: string;
  readonly country: string;
  readonly label: string;
  readonly shown: number;
  readonly selectable: number;

  constructor(
    source: Shown,
    private readonly countSelected: () => number,
    readonly expanded: boolean,
    readonly position: number,
    readonly setSize: number,
  ) {
    this.country = source.country.code;
    this.key = `c:${this.country}`;
    this.label = source.country.label;
    this.shown = source.entities.length;
    this.selectable = source.selectable;
  }

  get selected(): number {
    return this.countSelected();
  }
}

class EntityTreeRow implements EntityRow {
  readonly kind = 'entity';

  constructor(
    private readonly ticked: ReadonlySet<string>,
    readonly entity: GroupEntity,
    readonly country: string,
    readonly position: number,
    readonly setSize: number,
  ) {}

  get key(): string {
    return `e:${this.entity.id}`;
  }

  get checked(): boolean {
    return this.ticked.has(this.entity.id);
  }

  get disabled(): boolean {
    return !!this.entity.connected;
  }
}
