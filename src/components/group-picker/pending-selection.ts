/**
 * What the group picker ticks when its group arrives: the entity "View group" came from, or
 * what the host set before then — `selectedIds` (exactly these) or `unselectedIds` (every
 * entity that can be ticked but these; until the group is there, nobody knows which are
 * ticked). The group's load takes it all once (`take`).
 */
import type { GroupLoad } from './group-tree.js';

export class PendingSelection {
  /** Entities to tick (the customer the user came from). */
  readonly ticks = new Set<string>();
  /** The customer "View group" was chosen on: its row is in view when the group arrives. */
  cameFrom?: string;
  /** What the host set `selectedIds` to. */
  ids?: string[];
  /** What the host set `unselectedIds` to. */
  allBut?: string[];
  /** A change of selection while `allBut` waited: to tell once the group is shown. */
  unreported = false;

  /** The host's `selectedIds`: these and no others (the last list set wins). */
  setIds(ids: readonly string[]): void {
    this.ids = [...ids];
    this.allBut = undefined;
  }

  /** The host's `unselectedIds`: every entity but these (the last list set wins). */
  setAllBut(ids: readonly string[]): void {
    this.allBut = [...ids];
    this.ids = undefined;
  }

  /** The view group's customer: ticked, its row in view. */
  cameFromEntity(id: string): void {
    this.ticks.add(id);
    this.cameFrom = id;
  }

  /** What the group's load ticks, and whether a change is still to tell; then forgets it all. */
  take(): { load: Pick<GroupLoad, 'ticks' | 'replace' | 'allBut' | 'cameFrom'>; fromHost: boolean; unreported: boolean } {
    const { ids, allBut, cameFrom, unreported } = this;
    const load = {
      ticks: ids ?? [...this.ticks],
      replace: !!ids,
      ...(allBut ? { allBut } : {}),
      ...(cameFrom ? { cameFrom } : {}),
    };
    this.ticks.clear();
    this.cameFrom = undefined;
    this.ids = undefined;
    this.allBut = undefined;
    this.unreported = false;
    return { load, fromHost: !!(ids || allBut), unreported };
  }
}
