/**
 * Validators of the adapter contract's answers after the search: a group, accounts,
 * attachments, relationships, support cases, verification and the attention summary (the
 * directory's and the scalars are in `schemas.ts`, which says how they are used). A module of
 * its own so that the script-tag builds fetch these with the elements that check them, not
 * before the search is usable.
 */
import * as v from './validators.js';
import type { RelationshipStatus } from './types.js';
import { Count, CountryCode, Currency, CustomerEntitySchema, IsoDateTime, MoneySchema, NetworkId } from './schemas.js';

/** `GroupEntity`. */
const GroupEntitySchema = /*#__PURE__*/ v.object({
  ...CustomerEntitySchema.entries,
  connected: /*#__PURE__*/ v.optional(v.boolean),
});

type GroupEntityOutput = v.Output<typeof GroupEntitySchema>;

/** `^[A-Z]{2}$` without a regular expression: two code units, each A–Z. */
const isCountryCode = (value: string): boolean => {
  if (value.length !== 2) return false;
  const first = value.charCodeAt(0);
  const second = value.charCodeAt(1);
  return first >= 65 && first <= 90 && second >= 65 && second <= 90;
};

/**
 * `GroupEntitySchema` compiled by hand for a group's usual entity (no `group` reference):
 * the same checks, the same object out, or `undefined` — then the generic schema checks it
 * and words what is wrong. A group holds up to tens of thousands of entities and the picker
 * opens only once they are checked; the generic walk (a call per property) was about a third
 * of the open's script at 10,000 entities.
 */
function quickGroupEntity(value: unknown): GroupEntityOutput | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Record<string, unknown>;
  const { id, legalName, taxIds, country, requiresVendorCode, connected } = source;
  if (typeof id !== 'string' || id.length < 1 || id.length > 64) return undefined;
  if (typeof legalName !== 'string' || !Array.isArray(taxIds)) return undefined;
  if (typeof country !== 'string' || !isCountryCode(country)) return undefined;
  if ('group' in source) return undefined;
  if (requiresVendorCode !== undefined && typeof requiresVendorCode !== 'boolean') return undefined;
  if (connected !== undefined && typeof connected !== 'boolean') return undefined;
  const ids: string[] = new Array<string>(taxIds.length);
  for (let index = 0; index < taxIds.length; index++) {
    const taxId: unknown = taxIds[index];
    if (typeof taxId !== 'string') return undefined;
    ids[index] = taxId;
  }
  const output: GroupEntityOutput = { id, legalName, taxIds: ids, country };
  // As the generic schema does: an optional property is kept when present, even undefined.
  if (requiresVendorCode !== undefined || 'requiresVendorCode' in source) output.requiresVendorCode = requiresVendorCode;
  if (connected !== undefined || 'connected' in source) output.connected = connected;
  return output;
}

/** `CustomerGroup`. */
export const CustomerGroupSchema = /*#__PURE__*/ v.object({
  id: /*#__PURE__*/ v.string(),
  name: /*#__PURE__*/ v.string(),
  entities: /*#__PURE__*/ v.fastArray(GroupEntitySchema, quickGroupEntity),
  countries: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.array(/*#__PURE__*/ v.object({ code: CountryCode, total: Count }))),
});

// ---------------------------------------------------------------------------------------
// Accounts, attachments, relationships

/** `SupplierAccount`. */
const SupplierAccountSchema = /*#__PURE__*/ v.object({
  id: /*#__PURE__*/ v.string(),
  name: /*#__PURE__*/ v.string(),
  country: /*#__PURE__*/ v.optional(CountryCode),
});

/** `listAccounts`: the accounts themselves. */
export const SupplierAccountsSchema = /*#__PURE__*/ v.array(SupplierAccountSchema);

/** `GET /accounts`: `{ items }`. */
export const AccountListSchema = /*#__PURE__*/ v.object({ items: /*#__PURE__*/ v.array(SupplierAccountSchema) });

/** `POST /attachments`: `{ id }`. */
export const UploadedAttachmentSchema = /*#__PURE__*/ v.object({ id: /*#__PURE__*/ v.sized(1, Infinity) });

/** Every relationship status, in the order a status filter lists them. */
export const RELATIONSHIP_STATUSES = [
  'connected',
  'pending-customer-confirmation',
  'verification-pending',
  'support-case-open',
  'rejected',
  'expired',
] as const satisfies readonly RelationshipStatus[];

/** `Relationship`. */
const RelationshipSchema = /*#__PURE__*/ v.object({
  id: /*#__PURE__*/ v.string(),
  accountId: /*#__PURE__*/ v.string(),
  accountName: /*#__PURE__*/ v.string(),
  customer: /*#__PURE__*/ v.object({ id: NetworkId, legalName: /*#__PURE__*/ v.string(), country: CountryCode }),
  status: /*#__PURE__*/ v.picklist(RELATIONSHIP_STATUSES),
  since: IsoDateTime,
  isTestBuyer: /*#__PURE__*/ v.optional(v.boolean),
  supportCaseReference: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
  verificationId: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
});

/** `listRelationships`: the relationships themselves. */
export const RelationshipsSchema = /*#__PURE__*/ v.array(RelationshipSchema);

/** `GET /relationships`: `{ items }`. */
export const RelationshipListSchema = /*#__PURE__*/ v.object({ items: /*#__PURE__*/ v.array(RelationshipSchema) });

// ---------------------------------------------------------------------------------------
// Support cases and verification

const CustomerRefSchema = /*#__PURE__*/ v.object({ id: NetworkId, legalName: /*#__PURE__*/ v.string() });

/** `SupportCase`. */
export const SupportCaseSchema = /*#__PURE__*/ v.object({
  reference: /*#__PURE__*/ v.string(),
  status: /*#__PURE__*/ v.picklist(['open', 'in-progress', 'resolved', 'closed']),
  openedAt: IsoDateTime,
  processBy: IsoDateTime,
  accountId: /*#__PURE__*/ v.string(),
  customers: /*#__PURE__*/ v.array(CustomerRefSchema),
  statusUrl: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
});

/** `VerificationSession`. */
export const VerificationSessionSchema = /*#__PURE__*/ v.refine(
  /*#__PURE__*/ v.object({
  id: /*#__PURE__*/ v.string(),
  customer: CustomerRefSchema,
  accountId: /*#__PURE__*/ v.string(),
  step: /*#__PURE__*/ v.picklist(['evidence', 'challenge', 'verified', 'locked']),
  attemptsRemaining: Count,
  maxAttempts: /*#__PURE__*/ v.integer(1),
  currency: Currency,
  challenge: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.object({ invoiceNumber: /*#__PURE__*/ v.string() })),
  supportCaseReference: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
  }),
  (session) => session.step !== 'challenge' || session.challenge !== undefined,
  'a challenge at the challenge step',
);

/** `VerificationResult`. */
export const VerificationResultSchema = /*#__PURE__*/ v.object({
  accepted: v.boolean,
  session: VerificationSessionSchema,
  relationships: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.array(RelationshipSchema)),
});

const SkippedEntitySchema = /*#__PURE__*/ v.object({
  entityId: NetworkId,
  legalName: /*#__PURE__*/ v.string(),
  reason: /*#__PURE__*/ v.picklist(['already-connected', 'already-pending']),
});

/** `ConnectionOutcome`, discriminated by `kind`. */
export const ConnectionOutcomeSchema = /*#__PURE__*/ v.variant('kind', [
  /*#__PURE__*/ v.object({
    kind: /*#__PURE__*/ v.picklist(['verification-required']),
    verification: VerificationSessionSchema,
    skipped: /*#__PURE__*/ v.array(SkippedEntitySchema),
  }),
  /*#__PURE__*/ v.object({ kind: /*#__PURE__*/ v.picklist(['support-case']), supportCase: SupportCaseSchema, skipped: /*#__PURE__*/ v.array(SkippedEntitySchema) }),
  /*#__PURE__*/ v.object({ kind: /*#__PURE__*/ v.picklist(['connected']), relationships: /*#__PURE__*/ v.array(RelationshipSchema), skipped: /*#__PURE__*/ v.array(SkippedEntitySchema) }),
]);

// ---------------------------------------------------------------------------------------
// Attention

/** `AttentionSummary`. */
export const AttentionSummarySchema = /*#__PURE__*/ v.object({
  generatedAt: IsoDateTime,
  failedInvoices: /*#__PURE__*/ v.object({
    count: Count,
    latestAt: /*#__PURE__*/ v.optional(IsoDateTime),
    items: /*#__PURE__*/ v.array(
      /*#__PURE__*/ v.object({
        id: /*#__PURE__*/ v.string(),
        number: /*#__PURE__*/ v.string(),
        supplierName: /*#__PURE__*/ v.string(),
        buyerName: /*#__PURE__*/ v.string(),
        failedAt: /*#__PURE__*/ v.optional(IsoDateTime),
      }),
    ),
  }),
  supportTickets: /*#__PURE__*/ v.object({ count: Count, latestAt: /*#__PURE__*/ v.optional(IsoDateTime), items: /*#__PURE__*/ v.array(SupportCaseSchema) }),
  savedInvoices: /*#__PURE__*/ v.object({
    count: Count,
    items: /*#__PURE__*/ v.array(
      /*#__PURE__*/ v.object({
        id: /*#__PURE__*/ v.string(),
        number: /*#__PURE__*/ v.string(),
        buyerId: NetworkId,
        buyerName: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
        amount: MoneySchema,
        savedAt: /*#__PURE__*/ v.optional(IsoDateTime),
      }),
    ),
  }),
});
