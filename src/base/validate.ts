/**
 * Shape checks for what an adapter returns. A host's adapter — or the server behind it —
 * can send anything; elements check what they are about to render and report a malformed
 * answer as a `bad-response` error (with "Try again") rather than crash half-rendered.
 * These are deliberately small: the fields an element reads, with the types it relies on.
 */
import { TnAdapterError } from '../adapter/errors.js';
import type { CustomerEntity, CustomerGroup } from '../adapter/types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

/** A directory entity as elements render it: ID, legal name, country, tax IDs, and its group when it has one. */
export function isCustomerEntity(value: unknown): value is CustomerEntity {
  if (!isObject(value)) return false;
  const { id, legalName, country, taxIds, group } = value;
  return (
    isString(id) &&
    isString(legalName) &&
    isString(country) &&
    Array.isArray(taxIds) &&
    taxIds.every(isString) &&
    (group === undefined || (isObject(group) && isString(group.id) && isString(group.name)))
  );
}

/** Throws `bad-response` naming `what` unless `valid`. */
export function expectShape(valid: boolean, what: string): void {
  if (!valid) throw new TnAdapterError('bad-response', { message: `The adapter returned ${what}` });
}

/** A corporate group: its ID, name and entities. */
export function checkGroup(group: unknown): CustomerGroup {
  expectShape(
    isObject(group) && isString(group.id) && isString(group.name) && Array.isArray(group.entities) && group.entities.every(isCustomerEntity),
    'a malformed group',
  );
  return group as unknown as CustomerGroup;
}

/** One directory entity. */
export function checkCustomer(customer: unknown): CustomerEntity {
  expectShape(isCustomerEntity(customer), 'a malformed customer');
  return customer as CustomerEntity;
}
