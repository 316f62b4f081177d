/**
 * Validators of the directory's answers (what the search checks) and the contract's scalars,
 * the first of three modules of validators of every answer of the adapter contract, which are
 * also the response bodies of the HTTP contract (`api/openapi.yaml`). The answers after the
 * search are in `later-schemas.ts`, the error bodies only the REST adapter reads in
 * `rest/problem-schemas.ts`: the script-tag builds put the search's code in the first download
 * and the rest in chunks fetched later, and a module cannot be split between them.
 *
 * Elements check every answer of every adapter with these (`checked-adapter.ts`), and the
 * REST adapter checks each response body with them: an answer that does not match is a
 * `bad-response`, never a crash further down. Objects drop
 * properties they do not know (servers may add some); patterns are the contract's (money
 * as a decimal string, ISO dates, upper-case country and currency codes).
 *
 * Each call is marked `#__PURE__` so that a bundler keeps only the schemas a page's
 * elements use (the search alone needs the directory's, not the verification's).
 *
 * `test/rest-adapter-contract.test.ts` proves at compile time that each schema's output
 * type is exactly the adapter contract's type (`src/adapter/types.ts`) and the type
 * openapi-typescript generates from the contract, so the three cannot drift apart.
 */
import * as v from './validators.js';

// ---------------------------------------------------------------------------------------
// Scalars

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = /*#__PURE__*/ v.string(/^[A-Z]{2}$/);
/** ISO 4217, upper case. */
export const Currency = /*#__PURE__*/ v.string(/^[A-Z]{3}$/);
/** ISO 8601 date-time with `Z` or an offset. */
export const IsoDateTime = /*#__PURE__*/ v.string(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
/** An opaque network ID. */
export const NetworkId = /*#__PURE__*/ v.sized(1, 64);
/** A count: integer ≥ 0. */
export const Count = /*#__PURE__*/ v.integer(0);

/** Money: a decimal string and a currency. */
export const MoneySchema = /*#__PURE__*/ v.object({
  amount: /*#__PURE__*/ v.string(/^[+-]?\d+(\.\d+)?$/),
  currency: Currency,
});

// ---------------------------------------------------------------------------------------
// Directory

/** `GroupRef`. */
const GroupRefSchema = /*#__PURE__*/ v.object({
  id: /*#__PURE__*/ v.string(),
  name: /*#__PURE__*/ v.string(),
  size: /*#__PURE__*/ v.optional(Count),
});

/** `CustomerEntity`. */
export const CustomerEntitySchema = /*#__PURE__*/ v.object({
  id: NetworkId,
  legalName: /*#__PURE__*/ v.string(),
  taxIds: /*#__PURE__*/ v.array(/*#__PURE__*/ v.string()),
  country: CountryCode,
  group: /*#__PURE__*/ v.optional(GroupRefSchema),
  requiresVendorCode: /*#__PURE__*/ v.optional(v.boolean),
});

/** `SearchPage`. */
export const SearchPageSchema = /*#__PURE__*/ v.object({
  items: /*#__PURE__*/ v.array(CustomerEntitySchema),
  total: /*#__PURE__*/ v.optional(Count),
  nextCursor: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.sized(1, Infinity)),
});

/** Any schema the adapter validates a body with. */
export type BodySchema<T> = v.Schema<T>;
