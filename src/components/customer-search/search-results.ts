/**
 * The search's results as the listbox shows them: grouped under their group's heading, in
 * display order (which the keyboard follows), and the count announced over them.
 */
import { msg, str } from '@lit/localize';
import type { CustomerEntity, GroupRef } from '../../adapter/types.js';
import { formatCount, pluralCategory } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';

/** Results of one query, all pages fetched so far. */
export interface ResultSet {
  query: string;
  items: CustomerEntity[];
  total?: number;
  nextCursor?: string;
}

/** Results as the listbox shows them: under their group's heading, in first-seen order. */
interface ResultSection {
  group?: GroupRef;
  /** `index` is the position in display order, which the keyboard follows. */
  entries: { entity: CustomerEntity; index: number }[];
}

/** The listbox's layout, derived from a result set. */
export interface ResultView {
  sections: ResultSection[];
  /** Every result in display order. */
  ordered: CustomerEntity[];
}

/** Groups results under their group (first-seen order); ungrouped results stand alone. */
export function layout(items: CustomerEntity[]): ResultView {
  const sections: ResultSection[] = [];
  const byGroup = new Map<string, ResultSection>();
  for (const entity of items) {
    if (!entity.group) {
      sections.push({ entries: [{ entity, index: 0 }] });
      continue;
    }
    let section = byGroup.get(entity.group.id);
    if (!section) {
      section = { group: entity.group, entries: [] };
      byGroup.set(entity.group.id, section);
      sections.push(section);
    }
    section.entries.push({ entity, index: 0 });
  }
  const ordered: CustomerEntity[] = [];
  for (const entry of sections.flatMap((section) => section.entries)) {
    entry.index = ordered.length;
    ordered.push(entry.entity);
  }
  return { sections, ordered };
}

/**
 * "Showing 20 of 10,000. Refine your search to narrow the results." when the results listed
 * are a page of more (the total known); otherwise nothing.
 */
export function partialCount(results: ResultSet): string | undefined {
  const rows = results.items;
  const count = results.total;
  if (count === undefined || count <= rows.length) return undefined;
  // The same message as the other lists' "Showing … of …", placeholders and all.
  return `${msg(str`Showing ${formatCount(rows.length)} of ${formatCount(count)}.`, {
    desc: 'Under a list: how many rows it shows, of all (number-neutral: no plural noun)',
  })} ${msg('Refine your search to narrow the results.', {
    desc: 'After "Showing 20 of 10,000." over search results that are a page of many more',
  })}`;
}

/** "8 customers found", or what `partialCount` says when more pages exist. */
export function resultCount(results: ResultSet): string {
  const shown = results.items.length;
  const locale = getLocale();
  const partial = partialCount(results);
  if (partial) return partial;
  return pluralCategory(shown, locale) === 'one'
    ? msg('1 customer found', { desc: 'Announced when exactly one result is listed' })
    : msg(str`${formatCount(shown, locale)} customers found`, { desc: 'Announced result count (plural)' });
}
