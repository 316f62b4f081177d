/**
 * The HTTP contract, the adapter contract and the REST adapter's validators cannot drift.
 *
 * Three descriptions of the same data exist: `src/adapter/types.ts` (what elements get),
 * `api/openapi.yaml` (what travels over HTTP; its types are generated into
 * `src/adapter/rest/generated/openapi.ts`, and `npm run lint` fails when that file is stale)
 * and the validators in `src/adapter/schemas.ts`, `later-schemas.ts` and
 * `rest/problem-schemas.ts` (what the adapter accepts).
 * The assertions below are checked by `tsc` (`npm run lint`): each pair must be exactly the
 * same type — same properties, same optionality, same literal unions — or the build fails.
 * The runtime half checks what types cannot: the document served by the reference server
 * is this contract, and every adapter method has its operation.
 */
import { expect } from '@open-wc/testing';
import type { FieldError } from '../src/adapter/errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  GroupCountry,
  InvoiceEvidence,
  Money,
  Relationship,
  SearchPage,
  SearchQuery,
  SupplierAccount,
  SupportCase,
  VerificationResult,
  VerificationSession,
} from '../src/adapter/types.js';
import type { components, operations } from '../src/adapter/rest/generated/openapi.js';
import type { CustomerEntitySchema, MoneySchema, SearchPageSchema } from '../src/adapter/schemas.js';
import type {
  AccountListSchema,
  AttentionSummarySchema,
  ConnectionOutcomeSchema,
  CustomerGroupSchema,
  RelationshipListSchema,
  SupportCaseSchema,
  UploadedAttachmentSchema,
  VerificationResultSchema,
  VerificationSessionSchema,
} from '../src/adapter/later-schemas.js';
import type { FieldErrorSchema } from '../src/adapter/rest/problem-schemas.js';
import { REST_OPERATIONS } from '../src/adapter/rest/operations.js';
import type { Output } from '../src/adapter/validators.js';
import { serverUrl } from './helpers/reference-server.js';

// ---------------------------------------------------------------------------------------
// Type-level equality

/** Flattens intersections and named references, recursively, so only the shape counts. */
type Shape<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? Shape<Item>[]
    : T extends object
      ? { [K in keyof T]: Shape<T[K]> }
      : T;

/** 1 when A and B are the same type (not merely assignable to each other), else 0. */
type Same<A, B> = (<X>() => X extends Shape<A> ? 1 : 2) extends <X>() => X extends Shape<B> ? 1 : 2 ? 1 : 0;

/** Compiles only for `1`. */
function same<Check extends 1>(): Check {
  return 1 as Check;
}

type Schemas = components['schemas'];
type JsonBody<Op extends keyof operations, Status extends number> = operations[Op]['responses'] extends Record<
  Status,
  { content: { 'application/json': infer Body } }
>
  ? Body
  : never;
type RequestBody<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** Every check, by name; `tsc` rejects the file when one is not `1`. */
const checks = {
  // The contract names one operation per adapter method, and no other.
  'operations = adapter methods': same<Same<keyof operations, keyof CustomerConnectAdapter>>(),
  // Response bodies: contract = adapter types = validators.
  'SearchPage (contract)': same<Same<Schemas['SearchPage'], SearchPage>>(),
  'SearchPage (schema)': same<Same<Output<typeof SearchPageSchema>, SearchPage>>(),
  'searchDirectory 200': same<Same<JsonBody<'searchDirectory', 200>, SearchPage>>(),
  'CustomerEntity (contract)': same<Same<Schemas['CustomerEntity'], CustomerEntity>>(),
  'CustomerEntity (schema)': same<Same<Output<typeof CustomerEntitySchema>, CustomerEntity>>(),
  'getCustomer 200': same<Same<JsonBody<'getCustomer', 200>, CustomerEntity>>(),
  'CustomerGroup (contract)': same<Same<Schemas['CustomerGroup'], CustomerGroup>>(),
  'CustomerGroup (schema)': same<Same<Output<typeof CustomerGroupSchema>, CustomerGroup>>(),
  'getGroup 200': same<Same<JsonBody<'getGroup', 200>, CustomerGroup>>(),
  'AccountList (contract)': same<Same<Schemas['AccountList'], { items: SupplierAccount[] }>>(),
  'AccountList (schema)': same<Same<Output<typeof AccountListSchema>, { items: SupplierAccount[] }>>(),
  'listAccounts 200': same<Same<JsonBody<'listAccounts', 200>, { items: SupplierAccount[] }>>(),
  'UploadedAttachment (contract)': same<Same<Schemas['UploadedAttachment'], { id: string }>>(),
  'UploadedAttachment (schema)': same<Same<Output<typeof UploadedAttachmentSchema>, { id: string }>>(),
  'uploadAttachment 201': same<Same<JsonBody<'uploadAttachment', 201>, { id: string }>>(),
  'ConnectionOutcome (contract)': same<Same<Schemas['ConnectionOutcome'], ConnectionOutcome>>(),
  'ConnectionOutcome (schema)': same<Same<Output<typeof ConnectionOutcomeSchema>, ConnectionOutcome>>(),
  'requestConnection 200': same<Same<JsonBody<'requestConnection', 200>, ConnectionOutcome>>(),
  'VerificationSession (contract)': same<Same<Schemas['VerificationSession'], VerificationSession>>(),
  'VerificationSession (schema)': same<Same<Output<typeof VerificationSessionSchema>, VerificationSession>>(),
  'getVerification 200': same<Same<JsonBody<'getVerification', 200>, VerificationSession>>(),
  'VerificationResult (contract)': same<Same<Schemas['VerificationResult'], VerificationResult>>(),
  'VerificationResult (schema)': same<Same<Output<typeof VerificationResultSchema>, VerificationResult>>(),
  'submitVerificationEvidence 200': same<Same<JsonBody<'submitVerificationEvidence', 200>, VerificationResult>>(),
  'answerChallenge 200': same<Same<JsonBody<'answerChallenge', 200>, VerificationResult>>(),
  'SupportCase (contract)': same<Same<Schemas['SupportCase'], SupportCase>>(),
  'SupportCase (schema)': same<Same<Output<typeof SupportCaseSchema>, SupportCase>>(),
  'connectWithoutVerification 200': same<Same<JsonBody<'connectWithoutVerification', 200>, SupportCase>>(),
  'getSupportCase 200': same<Same<JsonBody<'getSupportCase', 200>, SupportCase>>(),
  'AttentionSummary (contract)': same<Same<Schemas['AttentionSummary'], AttentionSummary>>(),
  'AttentionSummary (schema)': same<Same<Output<typeof AttentionSummarySchema>, AttentionSummary>>(),
  'getAttentionSummary 200': same<Same<JsonBody<'getAttentionSummary', 200>, AttentionSummary>>(),
  'RelationshipList (contract)': same<Same<Schemas['RelationshipList'], { items: Relationship[] }>>(),
  'RelationshipList (schema)': same<Same<Output<typeof RelationshipListSchema>, { items: Relationship[] }>>(),
  'listRelationships 200': same<Same<JsonBody<'listRelationships', 200>, { items: Relationship[] }>>(),
  'Money (contract)': same<Same<Schemas['Money'], Money>>(),
  'Money (schema)': same<Same<Output<typeof MoneySchema>, Money>>(),
  'FieldError (contract)': same<Same<Schemas['FieldError'], FieldError>>(),
  'FieldError (schema)': same<Same<Output<typeof FieldErrorSchema>, FieldError>>(),
  // Request bodies and parameters: what the adapter sends is the method's argument.
  'searchDirectory query': same<Same<Query<'searchDirectory'>, Required<Pick<SearchQuery, 'text'>> & Omit<SearchQuery, 'text'>>>(),
  // `countries` travels as the contract's assigned codes; the adapter takes any strings and
  // leaves refusing an unknown one to the server (a 400 naming `countries`).
  'getGroup query': same<Same<Query<'getGroup'>, { accountId?: string; countries?: Schemas['AssignedCountryCode'][] }>>(),
  'getGroup countries': same<Same<Schemas['AssignedCountryCode'] extends string ? 1 : 0, 1>>(),
  'GroupCountry (contract)': same<Same<Schemas['GroupCountry'], GroupCountry>>(),
  'listRelationships query': same<Same<Query<'listRelationships'>, { accountId?: string }>>(),
  'requestConnection body': same<
    Same<
      RequestBody<'requestConnection'>,
      Omit<ConnectionRequest, 'idempotencyKey' | 'attachment'> & { attachment?: { id: string; name: string } }
    >
  >(),
  'submitVerificationEvidence body': same<Same<RequestBody<'submitVerificationEvidence'>, InvoiceEvidence>>(),
  'answerChallenge body': same<Same<RequestBody<'answerChallenge'>, ChallengeAnswer>>(),
};

// ---------------------------------------------------------------------------------------
// Runtime

describe('HTTP contract', () => {
  it('agrees with the adapter contract at compile time (checked by tsc in npm run lint)', () => {
    expect(Object.values(checks).every((check) => check === 1)).to.equal(true);
  });

  it('is what the reference server serves, with one operation per adapter method', async () => {
    const response = await fetch(`${serverUrl()}/openapi.json`);
    expect(response.status).to.equal(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(document.openapi).to.match(/^3\.1\./);
    const served = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => `${operation.operationId} ${method.toUpperCase()} ${path}`),
    );
    const adapter = Object.entries(REST_OPERATIONS).map(
      ([operationId, { method, path }]) => `${operationId} ${method} ${path}`,
    );
    expect(served.sort()).to.deep.equal(adapter.sort());
  });
});
