/**
 * The group picker's model: a group's legal entities by country, which are selected, which
 * match the filter, and the flat list of rows the virtualized tree shows. Selection lives
 * here (a Set of IDs), never in the DOM, so 10,000-entity groups stay cheap.
 */
import type { GroupEntity } from '../../adapter/types.js';
import { fold } from '../../base/fold.js';
import { countryName } from '../../format.js';

/** A country heading row: tri-state over the entities it shows. */
export interface CountryRow {
  kind: 'country';
  key: string;
  country: string;
  label: string;
  /** Entities of this country that match the filter. */
  shown: number;
  /** Of those, how many can be ticked (not already connected). */
  selectable: number;
  /** Of those, how many are ticked. */
  selected: number;
  expanded: boolean;
  /** Position among the country rows (1-based) and their number, for assistive tech. */
  position: number;
  setSize: number;
}

/** A legal entity row. */
export interface EntityRow {
  kind: 'entity';
  key: string;
  entity: GroupEntity;
  checked: boolean;
  /** Already connected: shown as such, cannot be ticked. */
  disabled: boolean;
  country: string;
  position: number;
  setSize: number;
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
}

/** Folded search keys of an entity: name, network ID and tax IDs. */
function keysOf(entity: GroupEntity): string {
  const ids = [entity.id, ...entity.taxIds].map((id) => id.replace(/[\s.-]/g, '').toLowerCase());
  return `${fold(entity.legalName)}\u0000${ids.join('\u0000')}`;
}

export class EntitySelection {
  /** Every entity of the group, by ID. */
  readonly byId = new Map<string, GroupEntity>();
  /** Ticked entity IDs (only selectable ones). */
  readonly selected = new Set<string>();
  private readonly countries: Country[];
  private readonly keys = new Map<string, string>();
  private readonly collapsed = new Set<string>();
  private filterText = '';
  private visible?: Set<string>;

  constructor(entities: readonly GroupEntity[], locale: string) {
    const groups = new Map<string, GroupEntity[]>();
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      const list = groups.get(entity.country) ?? [];
      list.push(entity);
      groups.set(entity.country, list);
    }
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    this.countries = [...groups.entries()]
      .map(([code, list]) => ({
        code,
        label: countryName(code, locale),
        entities: list.sort((a, b) => collator.compare(a.legalName, b.legalName)),
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }

  /** Number of entities in the group. */
  get total(): number {
    return this.byId.size;
  }

  /** Number that can be ticked (not already connected). */
  get selectableCount(): number {
    let count = 0;
    for (const entity of this.byId.values()) if (!entity.connected) count++;
    return count;
  }

  /** Shows only entities whose name, network ID or tax ID contains `text` (folded). */
  setFilter(text: string): void {
    const needle = fold(text);
    const idNeedle = text.replace(/[\s.-]/g, '').toLowerCase();
    this.filterText = needle;
    if (!needle) {
      this.visible = undefined;
      return;
    }
    const visible = new Set<string>();
    for (const entity of this.byId.values()) {
      let key = this.keys.get(entity.id);
      if (key === undefined) {
        key = keysOf(entity);
        this.keys.set(entity.id, key);
      }
      if (key.includes(needle) || (idNeedle && key.includes(idNeedle))) visible.add(entity.id);
    }
    this.visible = visible;
  }

  get filtering(): boolean {
    return this.filterText !== '';
  }

  /** Entities that match the filter, in display order. */
  shownEntities(): GroupEntity[] {
    return this.countries.flatMap((country) => this.shownOf(country));
  }

  private shownOf(country: Country): GroupEntity[] {
    const visible = this.visible;
    return visible ? country.entities.filter((entity) => visible.has(entity.id)) : country.entities;
  }

  /** Ticks or unticks one entity; already connected ones never change. */
  toggle(id: string, checked = !this.selected.has(id)): void {
    const entity = this.byId.get(id);
    if (!entity || entity.connected) return;
    if (checked) this.selected.add(id);
    else this.selected.delete(id);
  }

  /** Ticks or unticks every shown, selectable entity of a country. */
  setCountry(code: string, checked: boolean): void {
    const country = this.countries.find((c) => c.code === code);
    if (!country) return;
    for (const entity of this.shownOf(country)) this.toggle(entity.id, checked);
  }

  /** Ticks every selectable entity of the group, filtered or not. */
  selectAll(): void {
    for (const entity of this.byId.values()) if (!entity.connected) this.selected.add(entity.id);
  }

  clear(): void {
    this.selected.clear();
  }

  setExpanded(code: string, expanded: boolean): void {
    if (expanded) this.collapsed.delete(code);
    else this.collapsed.add(code);
  }

  /** The rows of the tree: each country with shown entities, then its entities if expanded. */
  rows(): TreeRow[] {
    const rows: TreeRow[] = [];
    const shownCountries = this.countries
      .map((country) => ({ country, entities: this.shownOf(country) }))
      .filter(({ entities }) => entities.length > 0);
    shownCountries.forEach(({ country, entities }, index) => {
      let selectable = 0;
      let selected = 0;
      for (const entity of entities) {
        if (entity.connected) continue;
        selectable++;
        if (this.selected.has(entity.id)) selected++;
      }
      const expanded = !this.collapsed.has(country.code);
      rows.push({
        kind: 'country',
        key: `c:${country.code}`,
        country: country.code,
        label: country.label,
        shown: entities.length,
        selectable,
        selected,
        expanded,
        position: index + 1,
        setSize: shownCountries.length,
      });
      if (!expanded) return;
      entities.forEach((entity, i) =>
        rows.push({
          kind: 'entity',
          key: `e:${entity.id}`,
          entity,
          checked: this.selected.has(entity.id),
          disabled: !!entity.connected,
          country: country.code,
          position: i + 1,
          setSize: entities.length,
        }),
      );
    });
    return rows;
  }
}
