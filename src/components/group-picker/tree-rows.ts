/**
 * The rows of the group picker's tree: a country heading (tri-state over the entities it
 * shows) and a legal entity, and the list of them (`TreeRows`). The selection model
 * (entity-selection.ts) makes a list once per filter result and expansion state; an entity's
 * row is made when the list is first asked for it, and what changes with a tick (`selected`,
 * `checked`) is read live from the selection, so ticking never rebuilds a row.
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

  get needsVendorCode(): boolean {
    return !!this.entity.requiresVendorCode && !this.entity.connected;
  }
}

/** What a country shows, as its entity rows need it. */
interface ShownEntities {
  /** The entities shown, in the tree's order (the first read may sort them). */
  readonly entities: readonly GroupEntity[];
  /** Their number (known without sorting them). */
  readonly count: number;
  /** Their rows, made as they are asked for and kept with what the country shows. */
  rows?: EntityRow[];
}

/** A country's run of rows: its own row, then, when expanded, a row for each entity it shows. */
export interface RowRun {
  readonly row: CountryRow;
  /** What it shows; undefined when collapsed. */
  readonly shown: ShownEntities | undefined;
}

/**
 * The tree's rows in order, each country's run after the other's. Its length is known at
 * once, but an entity's row is made only when first asked for: a filter keystroke that
 * expands every country of a 10,000-entity group lists 10,200 rows and renders about 40 of
 * them (making every row first took 3 ms of that keystroke's frame in Chromium, 7 ms at
 * 50,000 entities). Rows are asked for by index (`at`, `slice`) and found by what they are.
 */
export class TreeRows implements Iterable<TreeRow> {
  readonly length: number;
  /** Where each run starts. */
  private readonly starts: number[] = [];

  constructor(
    private readonly runs: readonly RowRun[],
    private readonly ticked: ReadonlySet<string>,
  ) {
    let length = 0;
    for (const run of runs) {
      this.starts.push(length);
      length += 1 + (run.shown ? run.shown.count : 0);
    }
    this.length = length;
  }

  /** The row at `index`, or undefined outside the list. */
  at(index: number): TreeRow | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    const run = this.runs[low];
    const offset = index - starts[low];
    return offset === 0 ? run.row : this.entityRow(run, offset - 1);
  }

  /** The rows from `start` up to, not including, `end`. */
  slice(start: number, end: number): TreeRow[] {
    const rows: TreeRow[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) rows.push(this.at(i)!);
    return rows;
  }

  /** Where the row of country `code` is; -1 when it has none. */
  indexOfCountry(code: string): number {
    const run = this.runs.findIndex((r) => r.row.country === code);
    return run < 0 ? -1 : this.starts[run];
  }

  /** Where the row of entity `id` (of country `code`) is; -1 when it is not shown. */
  indexOfEntity(id: string, code: string): number {
    const run = this.runs.findIndex((r) => r.row.country === code);
    const at = run < 0 ? -1 : (this.runs[run].shown?.entities.findIndex((entity) => entity.id === id) ?? -1);
    return at < 0 ? -1 : this.starts[run] + 1 + at;
  }

  *[Symbol.iterator](): Iterator<TreeRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  private entityRow(run: RowRun, i: number): EntityRow {
    const shown = run.shown!;
    const rows = (shown.rows ??= []);
    return (rows[i] ??= new EntityTreeRow(this.ticked, shown.entities[i], run.row.country, i + 1, shown.count));
  }
}
