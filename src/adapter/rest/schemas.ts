/**
 * Validators of every response body of the HTTP contract (`api/openapi.yaml`).
 *
 * The REST adapter validates each response with these before handing it to an element: a
 * body that does not match is a `bad-response`, never a crash further down. Objects drop
 * properties they do not know (servers may add some); patterns are the contract's (money
 * as a decimal string, ISO dates, upper-case country and currency codes).
 *
 * `test/rest-adapter-contract.test.ts` proves at compile time that each schema's output
 * type is exactly the adapter contract's type (`src/adapter/types.ts`) and the type
 * openapi-typescript generates from the contract, so the three cannot drift apart.
 */
import * as v from './validators.js';

// ---------------------------------------------------------------------------------------
// Scalars

/** ISO 3166-1 alpha-2, upper case. */
const CountryCode = v.string(/^[A-Z]{2}$/);
/** ISO 4217, upper case. */
const Currency = v.string(/^[A-Z]{3}$/);
/** ISO 8601 date-time with `Z` or an offset. */
const IsoDateTime = v.string(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
/** An opaque network ID. */
const NetworkId = v.string(/^[\s\S]{1,64}$/);
/** A count: integer ≥ 0. */
const Count = v.integer(0);

/** Money: a decimal string and a currency. */
export const MoneySchema = v.object({
  amount: v.string(/^[+-]?\d+(\.\d+)?$/),
  currency: Currency,
});

// ---------------------------------------------------------------------------------------
// Directory

/** `GroupRef`. */
export const GroupRefSchema = v.object({
  id: v.string(),
  name: v.string(),
  size: v.optional(Count),
});

/** `CustomerEntity`. */
export const CustomerEntitySchema = v.object({
  id: NetworkId,
  legalName: v.string(),
  taxIds: v.array(v.string()),
  country: CountryCode,
  group: v.optional(GroupRefSchema),
  requiresVendorCode: v.optional(v.boolean),
});

/** `SearchPage`. */
export const SearchPageSchema = v.object({
  items: v.array(CustomerEntitySchema),
  total: v.optional(Count),
  nextCursor: v.optional(v.string(/^[\s\S]/)),
});

/** `GroupEntity`. */
export const GroupEntitySchema = v.object({
  ...CustomerEntitySchema.entries,
  connected: v.optional(v.boolean),
});

/** `CustomerGroup`. */
export const CustomerGroupSchema = v.object({
  id: v.string(),
  name: v.string(),
  entities: v.array(GroupEntitySchema),
});

// ---------------------------------------------------------------------------------------
// Accounts, attachments, relationships

/** `SupplierAccount`. */
export const SupplierAccountSchema = v.object({
  id: v.string(),
  name: v.string(),
  country: v.optional(CountryCode),
});

/** `GET /accounts`: `{ items }`. */
export const AccountListSchema = v.object({ items: v.array(SupplierAccountSchema) });

/** `POST /attachments`: `{ id }`. */
export const UploadedAttachmentSchema = v.object({ id: v.string(/^[\s\S]/) });

/** `Relationship`. */
export const RelationshipSchema = v.object({
  id: v.string(),
  accountId: v.string(),
  accountName: v.string(),
  customer: v.object({ id: NetworkId, legalName: v.string(), country: CountryCode }),
  status: v.picklist([
    'connected',
    'pending-customer-confirmation',
    'verification-pending',
    'support-case-open',
    'rejected',
    'expired',
  ]),
  since: IsoDateTime,
  isTestBuyer: v.optional(v.boolean),
  supportCaseReference: v.optional(v.string()),
  verificationId: v.optional(v.string()),
});

/** `GET /relationships`: `{ items }`. */
export const RelationshipListSchema = v.object({ items: v.array(RelationshipSchema) });

// ---------------------------------------------------------------------------------------
// Support cases and verification

const CustomerRefSchema = v.object({ id: NetworkId, legalName: v.string() });

/** `SupportCase`. */
export const SupportCaseSchema = v.object({
  reference: v.string(),
  status: v.picklist(['open', 'in-progress', 'resolved', 'closed']),
  openedAt: IsoDateTime,
  processBy: IsoDateTime,
  accountId: v.string(),
  customers: v.array(CustomerRefSchema),
  statusUrl: v.optional(v.string()),
});

/** `VerificationSession`. */
export const VerificationSessionSchema = v.object({
  id: v.string(),
  customer: CustomerRefSchema,
  accountId: v.string(),
  step: v.picklist(['evidence', 'challenge', 'verified', 'locked']),
  attemptsRemaining: Count,
  maxAttempts: v.integer(1),
  currency: Currency,
  challenge: v.optional(v.object({ invoiceNumber: v.string() })),
  supportCaseReference: v.optional(v.string()),
});

/** `VerificationResult`. */
export const VerificationResultSchema = v.object({
  accepted: v.boolean,
  session: VerificationSessionSchema,
  relationships: v.optional(v.array(RelationshipSchema)),
});

const SkippedEntitySchema = v.object({
  entityId: NetworkId,
  legalName: v.string(),
  reason: v.picklist(['already-connected', 'already-pending']),
});

/** `ConnectionOutcome`, discriminated by `kind`. */
export const ConnectionOutcomeSchema = v.variant('kind', [
  v.object({
    kind: v.picklist(['verification-required']),
    verification: VerificationSessionSchema,
    skipped: v.array(SkippedEntitySchema),
  }),
  v.object({ kind: v.picklist(['support-case']), supportCase: SupportCaseSchema, skipped: v.array(SkippedEntitySchema) }),
  v.object({ kind: v.picklist(['connected']), relationships: v.array(RelationshipSchema), skipped: v.array(SkippedEntitySchema) }),
]);

// ---------------------------------------------------------------------------------------
// Attention

/** `AttentionSummary`. */
export const AttentionSummarySchema = v.object({
  generatedAt: IsoDateTime,
  failedInvoices: v.object({
    count: Count,
    latestAt: v.optional(IsoDateTime),
    items: v.array(
      v.object({
        id: v.string(),
        number: v.string(),
        supplierName: v.string(),
        buyerName: v.string(),
        failedAt: v.optional(IsoDateTime),
      }),
    ),
  }),
  supportTickets: v.object({ count: Count, latestAt: v.optional(IsoDateTime), items: v.array(SupportCaseSchema) }),
  savedInvoices: v.object({
    count: Count,
    items: v.array(
      v.object({
        id: v.string(),
        number: v.string(),
        buyerId: NetworkId,
        buyerName: v.optional(v.string()),
        amount: MoneySchema,
        savedAt: v.optional(IsoDateTime),
      }),
    ),
  }),
});

// ---------------------------------------------------------------------------------------
// Errors

/** `FieldError` of a problem body. */
export const FieldErrorSchema = v.object({
  field: v.string(),
  code: v.string(),
  message: v.optional(v.string()),
});

/**
 * The parts of an RFC 9457 problem body the adapter reads. Lenient on purpose: the status
 * decides the error code, the body only adds a message and field errors, so a problem body
 * that does not match is ignored rather than turned into `bad-response`.
 */
export const ProblemSchema = v.object({
  title: v.optional(v.string()),
  detail: v.optional(v.string()),
  fieldErrors: v.optional(v.array(v.unknown)),
});

/** Any schema the adapter validates a body with. */
export type BodySchema<T> = v.Schema<T>;
