/**
 * The rows of the group picker's tree: a country heading (tri-state over the entities it
 * shows) and a legal entity. The selection model (entity-selection.ts) builds them once per
 * filter result and expansion state; what changes with a tick (`selected`, `checked`) is read
 * live from the selection, so ticking never rebuilds a row.
 */
import type { GroupEntity } from '../../adapter/types.js';

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
  /** Not connected, and requires the supplier's vendor code on a request. */
  readonly needsVendorCode: boolean;
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

/** What a country row is made from: the country and what it shows under the filter. */
export interface CountryShown {
  readonly country: { readonly code: string; readonly label: string };
  /** Entities shown. */
  readonly count: number;
  /** Of those, how many can be ticked. */
  readonly selectable: number;
}

export class CountryTreeRow implements CountryRow {
  readonly kind = 'country';
  readonly key: string;
  readonly country: string;
  readonly label: string;
  readonly shown: number;
  readonly selectable: number;

  constructor(
    source: CountryShown,
    private readonly countSelected: () => number,
    readonly expanded: boolean,
    readonly position: number,
    readonly setSize: number,
  ) {
    this.country = source.country.code;
    this.key = `c:${this.country}`;
    this.label = source.country.label;
    this.shown = source.count;
    this.selectable = source.selectable;
  }

  get selected(): number {
    return this.countSelected();
  }
}

export class EntityTreeRow implements EntityRow {
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

  get needsVendorCode(): boolean {
    return !!this.entity.requiresVendorCode && !this.entity.connected;
  }
}
