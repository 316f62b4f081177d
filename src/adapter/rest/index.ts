/**
 * The REST adapter: the adapter contract over the HTTP contract in `api/openapi.yaml`.
 *
 * ```ts
 * import { createRestAdapter } from 'tn-customer-connect/rest-adapter.js';
 * provideAdapter(document.body, createRestAdapter({ baseUrl: '/customer-connect/v1' }));
 * ```
 */
export { RestAdapter, createRestAdapter } from './rest-adapter.js';
export type { RestAdapterOptions } from './rest-adapter.js';
export { errorCodeForStatus } from './status-codes.js';
export { parseRetryAfter, randomIdempotencyKey } from './http-helpers.js';
export type { RestHeadersHook, RestRequestInfo, RestRetryOptions } from './http.js';
export { REST_OPERATIONS } from './operations.js';
export type { RestOperation, RestRoute } from './operations.js';
/** The HTTP contract's own types (generated from api/openapi.yaml), for servers written in TypeScript. */
export type {
  components as RestApiComponents,
  operations as RestApiOperations,
  paths as RestApiPaths,
} from './generated/openapi.js';
