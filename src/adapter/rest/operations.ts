/**
 * Where each adapter method lives in the HTTP contract (`api/openapi.yaml`): its method and
 * path template, keyed by `operationId` (= the adapter method's name). A test compares this
 * table with the document the reference server serves, so the two cannot drift.
 */
import type { CustomerConnectAdapter } from '../types.js';

/** An operation of the contract: one per adapter method. */
export type RestOperation = keyof CustomerConnectAdapter;

/** Method and path template (relative to the base URL) of one operation. */
export interface RestRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

/** Every operation of the contract. Writes (`POST`) carry an `Idempotency-Key`. */
export const REST_OPERATIONS: { readonly [Operation in RestOperation]-?: RestRoute } = {
  searchDirectory: { method: 'GET', path: '/directory/entities' },
  getCustomer: { method: 'GET', path: '/directory/entities/{id}' },
  getGroup: { method: 'GET', path: '/directory/groups/{groupId}' },
  listAccounts: { method: 'GET', path: '/accounts' },
  uploadAttachment: { method: 'POST', path: '/attachments' },
  requestConnection: { method: 'POST', path: '/connection-requests' },
  getVerification: { method: 'GET', path: '/verifications/{verificationId}' },
  submitVerificationEvidence: { method: 'POST', path: '/verifications/{verificationId}/evidence' },
  answerChallenge: { method: 'POST', path: '/verifications/{verificationId}/challenge-answer' },
  connectWithoutVerification: { method: 'POST', path: '/verifications/{verificationId}/support-case' },
  getSupportCase: { method: 'GET', path: '/support-cases/{reference}' },
  getAttentionSummary: { method: 'GET', path: '/attention-summary' },
  listRelationships: { method: 'GET', path: '/relationships' },
};
