/**
 * Some countries of a group, as the HTTP contract's `GET /directory/groups/{id}?countries=`
 * answers them: those countries' entities in the group's order, and every country of the
 * whole group with its total — so the demo adapter offers the same optional capability as
 * the reference server (server/operations.mjs does the same on the server).
 */
import { TnAdapterError } from '../errors.js';
import type { CustomerGroup } from '../types.js';

/** The group cut down to `countries`; a code that is not two capitals is an `invalid` `countries`. */
export function groupInCountries(group: CustomerGroup, countries: readonly string[]): CustomerGroup {
  const malformed = countries.find((code) => !/^[A-Z]{2}$/.test(code));
  if (malformed !== undefined) {
    throw new TnAdapterError('invalid', {
      message: 'Invalid request: countries (invalid).',
      fieldErrors: [{ field: 'countries', code: 'invalid' }],
      status: 400,
    });
  }
  const wanted = new Set(countries);
  const totals = new Map<string, number>();
  for (const entity of group.entities) totals.set(entity.country, (totals.get(entity.country) ?? 0) + 1);
  return {
    id: group.id,
    name: group.name,
    entities: group.entities.filter((entity) => wanted.has(entity.country)),
    countries: [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, total]) => ({ code, total })),
  };
}
