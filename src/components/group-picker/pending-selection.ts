/**
 * What the group picker ticks when its group arrives: the entity "View group" came from, or
 * what the host set before then — `selectedIds` (exactly these), or `unselectedIds` or
 * `countrySelection` (by country: until the group is there, nobody knows which entities are
 * ticked). The group's load takes it all once (`take`).
 */
import type { CountrySelection } from '../../base/events.js';
import type { ByCountry } from './entity-selection.js';
import type { GroupLoad } from './group-tree.js';

export class PendingSelection {
  /** Entities to tick (the customer the user came from). */
  readonly ticks = new Set<string>();
  /** The customer "View group" was chosen on: its row is in view when the group arrives. */
  cameFrom?: string;
  /** What the host set `selectedIds` to. */
  ids?: string[];
  /** What the host set `unselectedIds` (every country) or `countrySelection` to. */
  byCountry?: ByCountry;
  /** A change of selection while `byCountry` waited: to tell once the group is shown. */
  unreported = false;

  /** The host's `selectedIds`: these and no others (the last one set wins). */
  setIds(ids: readonly string[]): void {
    this.ids = [...ids];
    this.byCountry = undefined;
  }

  /** The host's `unselectedIds`: every entity but these (the last one set wins). */
  setAllBut(ids: readonly string[]): void {
    this.byCountry = { countries: 'all', selectedIds: [], unselectedIds: [...ids] };
    this.ids = undefined;
  }

  /** The host's `countrySelection` (the last one set wins). */
  setByCountry({ countries, selectedIds, unselectedIds }: CountrySelection): void {
    this.byCountry = { countries: [...countries], selectedIds: [...selectedIds], unselectedIds: [...unselectedIds] };
    this.ids = undefined;
  }

  /** What `countrySelection` reads while the host's waits for the group: what was set, or nothing known yet (`unselectedIds`). */
  waitingByCountry(): CountrySelection | undefined {
    const waiting = this.byCountry;
    if (!waiting) return undefined;
    if (waiting.countries === 'all') return { countries: [], selectedIds: [], unselectedIds: [] };
    return { countries: [...waiting.countries], selectedIds: [...waiting.selectedIds], unselectedIds: [...waiting.unselectedIds] };
  }

  /** The view group's customer: ticked, its row in view. */
  cameFromEntity(id: string): void {
    this.ticks.add(id);
    this.cameFrom = id;
  }

  /** What the group's load ticks, and whether a change is still to tell; then forgets it all. */
  take(): { load: Pick<GroupLoad, 'ticks' | 'replace' | 'byCountry' | 'cameFrom'>; fromHost: boolean; unreported: boolean } {
    const { ids, byCountry, cameFrom, unreported } = this;
    const load = {
      ticks: ids ?? [...this.ticks],
      replace: !!ids,
      ...(byCountry ? { byCountry } : {}),
      ...(cameFrom ? { cameFrom } : {}),
    };
    this.ticks.clear();
    this.cameFrom = undefined;
    this.ids = undefined;
    this.byCountry = undefined;
    this.unreported = false;
    return { load, fromHost: !!(ids || byCountry), unreported };
  }
}
