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
 */
import { fold } from '../text-matching.js';
import type { CustomerEntity, GroupRef } from '../types.js';
import { SEED_CUSTOMERS, SEED_GROUPS, type SeedCustomer } from './data.js';
import { generateDirectory } from './directory.js';
import { NameIndex } from './name-index.js';

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
  readonly byTaxId: ReadonlyMap<string, readonly IndexedEntity[]>;
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

let sharedIndex: DirectoryIndex | undefined;

/** The shared index, built by the first caller. */
export function directoryIndex(): DirectoryIndex {
  sharedIndex ??= buildIndex();
  return sharedIndex;
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
  const exact = new Set<IndexedEntity>(/\d/.test(exactKey) ? (index.byTaxId.get(exactKey) ?? []) : []);
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

function buildIndex(): DirectoryIndex {
  const generated = generateDirectory({ reservedIds: SEED_CUSTOMERS.map((customer) => customer.id) });
  const records: readonly SeedCustomer[] = [...SEED_CUSTOMERS, ...generated.entries];
  const groupRefs = groupReferences([...SEED_GROUPS, ...generated.groups], records);
  const groupKeys = new Map([...groupRefs.values()].map((group) => [group.id, fold(group.name)]));
  const ordered = records
    .map((record): IndexedEntity => {
      const groupId = record.groupId;
      const group = groupId === undefined ? undefined : groupRefs.get(groupId);
      const groupKey = groupId === undefined ? undefined : groupKeys.get(groupId);
      return { record, nameKey: fold(record.legalName), group, groupKey, rank: 0 };
    })
    .sort(compareForDisplay);
  ordered.forEach((entity, rank) => (entity.rank = rank));
  let byTaxId: Map<string, IndexedEntity[]> | undefined;
  return {
    ordered,
    names: new NameIndex(ordered.map((entity) => entity.nameKey)),
    byId: new Map(ordered.map((entity) => [entity.record.id, entity])),
    // Built for the first text that can be a tax ID (one with a digit): most searches never need it.
    get byTaxId() {
      return (byTaxId ??= indexByTaxId(ordered));
    },
    groups: indexGroups(ordered, groupRefs),
    countries: new Set(records.map((record) => record.country)).size,
  };
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

/** Display order: grouped entities by group name, then the ungrouped; then legal name, then ID. */
function compareForDisplay(a: IndexedEntity, b: IndexedEntity): number {
  return (
    compareOptional(a.groupKey, b.groupKey) ||
    compareText(a.group?.id ?? '', b.group?.id ?? '') ||
    compareText(a.nameKey, b.nameKey) ||
    compareText(a.record.id, b.record.id)
  );
}

/** Absent values sort after present ones. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return compareText(a, b);
}

function indexByTaxId(entities: readonly IndexedEntity[]): Map<string, IndexedEntity[]> {
  const byTaxId = new Map<string, IndexedEntity[]>();
  for (const entity of entities) {
    for (const taxId of entity.record.taxIds) {
      const key = idKey(taxId);
      const list = byTaxId.get(key);
      if (list) list.push(entity);
      else byTaxId.set(key, [entity]);
    }
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
