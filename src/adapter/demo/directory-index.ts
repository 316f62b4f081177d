/**
 * The demo network's directory index: the hand-written seed customers and the generated
 * directory, indexed once for lookup by network ID, tax ID and group, and for search by
 * legal name. It is immutable and shared by every network; it is built on first use, never
 * at import.
 *
 * Search order (documented for hosts and tests): exact network-ID / tax-ID matches first,
 * then legal names starting with the text, then names containing it; inside each of those,
 * entities of a group stay together — groups by name (accents and case folded), entities
 * without a group after every group — then by legal name, then by network ID.
 *
 * Building it takes most of a second in a browser. A demo adapter starts it when the page
 * is next idle ({@link prepareDirectoryIndex}), a few milliseconds at a time, so that the
 * first search rarely waits; a search that comes first finishes it at once.
 */
import { fold } from '../text-matching.js';
import type { CustomerEntity, GroupRef } from '../types.js';
import { SEED_CUSTOMERS, SEED_GROUPS, type SeedCustomer } from './data.js';
import { directorySteps } from './directory.js';
import { NameIndex } from './name-index.js';
import { runWhenIdle, Stepwise, type Steps } from './steps.js';

/** A directory entry with its search keys. */
export interface IndexedEntity {
  readonly record: SeedCustomer;
  readonly nameKey: string;
  readonly group?: Required<GroupRef>;
  /** The group's folded name, shared by its members; absent without a group. */
  readonly groupKey?: string;
  /** Position in the directory's display order. */
  rank: number;
}

/** A group and its members, in display order. */
interface IndexedGroup {
  readonly ref: Required<GroupRef>;
  readonly members: IndexedEntity[];
}

/** The whole directory, indexed. */
export interface DirectoryIndex {
  readonly ordered: readonly IndexedEntity[];
  /** The folded legal names, in display order: matches are positions in `ordered`. */
  readonly names: NameIndex;
  readonly byId: ReadonlyMap<string, IndexedEntity>;
  /** Made for the first text that can be a tax ID (one with a digit), or in idle time: most searches never need it. */
  readonly byTaxId: Stepwise<ReadonlyMap<string, readonly IndexedEntity[]>>;
  readonly groups: ReadonlyMap<string, IndexedGroup>;
  readonly countries: number;
}

/** Size figures of the demo directory. */
export interface DirectoryStats {
  entities: number;
  countries: number;
  groups: number;
  largestGroup: Required<GroupRef>;
}

/**
 * A search's matches: exact ID/tax-ID matches, then names starting with the text, then names
 * containing it (the last two as positions in the display order, without the exact ones).
 */
export interface Matches {
  readonly exact: readonly IndexedEntity[];
  readonly names: ArrayLike<number>;
}

/** Entities a step of the build handles (folding names, sorting, mapping IDs): a few milliseconds. */
const ENTITIES_PER_STEP = 2_000;

const shared = new Stepwise(buildDirectoryIndex);
let preparing = false;

/** The shared index: built by the first caller, or the build under way finished now. */
export function directoryIndex(): DirectoryIndex {
  return shared.result;
}

/**
 * Builds the shared index, then its tax-ID map, in the page's idle time, a few milliseconds at
 * a time, unless that has started already. Whatever needs either first finishes it at once.
 */
export function prepareDirectoryIndex(): void {
  if (preparing) return;
  preparing = true;
  runWhenIdle(
    (function* () {
      while (!shared.step()) yield;
      const { byTaxId } = shared.result;
      while (!byTaxId.step()) yield;
    })(),
  );
}

/** How big the directory is: entities, countries, groups and the largest group. */
export function directoryStats(): DirectoryStats {
  const index = directoryIndex();
  let largest: Required<GroupRef> = { id: '', name: '', size: 0 };
  for (const group of index.groups.values()) if (group.ref.size > largest.size) largest = group.ref;
  return { entities: index.ordered.length, countries: index.countries, groups: index.groups.size, largestGroup: { ...largest } };
}

/** Folds a network or tax ID: upper case, without spaces, dots or dashes. */
export function idKey(text: string): string {
  return text.replace(/[\s.-]/g, '').toUpperCase();
}

/** Code-unit order: the same in every engine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entity as the adapter contract shows it (a fresh object). */
export function toCustomerEntity(entity: IndexedEntity): CustomerEntity {
  const { record, group } = entity;
  return {
    id: record.id,
    legalName: record.legalName,
    taxIds: [...record.taxIds],
    country: record.country,
    ...(group ? { group: { ...group } } : {}),
    ...(record.requiresVendorCode ? { requiresVendorCode: true } : {}),
  };
}

/** Every entity the text finds, in search order. */
export function findMatches(text: string): Matches {
  const index = directoryIndex();
  const exactKey = idKey(text);
  // Every tax ID holds a digit (a test checks the directory): a text without one is none.
  const exact = new Set<IndexedEntity>(/\d/.test(exactKey) ? (index.byTaxId.result.get(exactKey) ?? []) : []);
  const byId = index.byId.get(exactKey);
  if (byId) exact.add(byId);
  const names = index.names.find(fold(text));
  if (exact.size === 0) return { exact: [], names };
  const ranks = new Set([...exact].map((entity) => entity.rank));
  return { exact: [...exact].sort((a, b) => a.rank - b.rank), names: Array.from(names).filter((rank) => !ranks.has(rank)) };
}

/** The `i`-th match in search order. */
export function matchAt(matches: Matches, i: number): IndexedEntity {
  const { exact, names } = matches;
  return i < exact.length ? exact[i] : directoryIndex().ordered[names[i - exact.length]];
}

/** Builds the index, a step at a time: {@link prepareDirectoryIndex} runs the steps in idle time, {@link directoryIndex} at once. */
export function* buildDirectoryIndex(): Steps<DirectoryIndex> {
  const generated = yield* directorySteps({ reservedIds: SEED_CUSTOMERS.map((customer) => customer.id) });
  const records: readonly SeedCustomer[] = [...SEED_CUSTOMERS, ...generated.entries];
  const groupRefs = groupReferences([...SEED_GROUPS, ...generated.groups], records);
  yield;
  const groupKeys = new Map([...groupRefs.values()].map((group) => [group.id, fold(group.name)]));
  yield;
  const entities: IndexedEntity[] = [];
  for (const record of records) {
    const groupId = record.groupId;
    const group = groupId === undefined ? undefined : groupRefs.get(groupId);
    const groupKey = groupId === undefined ? undefined : groupKeys.get(groupId);
    entities.push({ record, nameKey: fold(record.legalName), group, groupKey, rank: 0 });
    if (entities.length % ENTITIES_PER_STEP === 0) yield;
  }
  const ordered = yield* displayOrder(entities);
  const names = yield* NameIndex.steps(ordered.map((entity) => entity.nameKey));
  const byId = new Map<string, IndexedEntity>();
  for (const entity of ordered) {
    byId.set(entity.record.id, entity);
    if (byId.size % ENTITIES_PER_STEP === 0) yield;
  }
  const groups = indexGroups(ordered, groupRefs);
  yield;
  return {
    ordered,
    names,
    byId,
    byTaxId: new Stepwise(() => indexByTaxId(ordered)),
    groups,
    countries: new Set(records.map((record) => record.country)).size,
  };
}

/**
 * The entities in display order, each with its rank: every group's members (the groups by
 * name, then ID), then the entities without a group; inside each, by legal name, then ID.
 * Sorted a bucket at a time — a group, or the ungrouped names starting with one character
 * (code-unit order puts those buckets in the same order as the names) — so that no step sorts
 * tens of thousands at once.
 */
function* displayOrder(entities: readonly IndexedEntity[]): Steps<IndexedEntity[]> {
  const groups = new Map<string, IndexedEntity[]>();
  const ungrouped = new Map<number, IndexedEntity[]>();
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i];
    if (entity.group) addTo(groups, entity.group.id, entity);
    else addTo(ungrouped, entity.nameKey.charCodeAt(0), entity);
    if ((i + 1) % ENTITIES_PER_STEP === 0) yield;
  }
  const buckets = [
    ...[...groups.values()].sort((a, b) => compareText(a[0].groupKey!, b[0].groupKey!) || compareText(a[0].group!.id, b[0].group!.id)),
    ...[...ungrouped.entries()].sort(([a], [b]) => a - b).map(([, members]) => members),
  ];
  const ordered: IndexedEntity[] = [];
  let sorted = 0;
  for (const members of buckets) {
    for (const entity of members.sort(compareByName)) {
      entity.rank = ordered.length;
      ordered.push(entity);
    }
    sorted += members.length;
    if (sorted >= ENTITIES_PER_STEP) {
      sorted = 0;
      yield;
    }
  }
  return ordered;
}

/** Each group's reference, with its size counted from the records. */
function groupReferences(
  groups: readonly { id: string; name: string }[],
  records: readonly SeedCustomer[],
): Map<string, Required<GroupRef>> {
  const sizes = new Map<string, number>();
  for (const record of records) {
    if (record.groupId !== undefined) sizes.set(record.groupId, (sizes.get(record.groupId) ?? 0) + 1);
  }
  return new Map(groups.map((group) => [group.id, { id: group.id, name: group.name, size: sizes.get(group.id) ?? 0 }]));
}

/** Adds `entity` to the list under `key`. */
function addTo<K>(lists: Map<K, IndexedEntity[]>, key: K, entity: IndexedEntity): void {
  const list = lists.get(key);
  if (list) list.push(entity);
  else lists.set(key, [entity]);
}

/** Legal name, then network ID. */
function compareByName(a: IndexedEntity, b: IndexedEntity): number {
  return compareText(a.nameKey, b.nameKey) || compareText(a.record.id, b.record.id);
}

function* indexByTaxId(entities: readonly IndexedEntity[]): Steps<Map<string, IndexedEntity[]>> {
  const byTaxId = new Map<string, IndexedEntity[]>();
  for (let i = 0; i < entities.length; i++) {
    for (const taxId of entities[i].record.taxIds) addTo(byTaxId, idKey(taxId), entities[i]);
    if ((i + 1) % ENTITIES_PER_STEP === 0) yield;
  }
  return byTaxId;
}

function indexGroups(entities: readonly IndexedEntity[], refs: ReadonlyMap<string, Required<GroupRef>>): Map<string, IndexedGroup> {
  const groups = new Map<string, IndexedGroup>([...refs.values()].map((ref) => [ref.id, { ref, members: [] }]));
  for (const entity of entities) {
    if (entity.group) groups.get(entity.group.id)?.members.push(entity);
  }
  return groups;
}
