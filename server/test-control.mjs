// Test control (only with --test-control): faults the server injects into the next
// matching request(s), and a log of the requests it received, both behind `/__test/`
// endpoints that the browser tests call. Nothing here is reachable without the flag.
//
// They need the caller's bearer token, as the operations do.
//
//   POST /__test/reset    a fresh demo network and no idempotency keys for the calling token;
//                         no faults or log (those are shared by all tokens)
//   POST /__test/faults   queue a fault: { operation, kind, times?, status?, headers?, body?, delayMs? }
//   GET  /__test/log      { requests: [{ operation, method, path, status, idempotencyKey, replayed, fault, receivedAt, finishedAt }] }
//                         in arrival order; `status` is 'pending' until the request ends
//
// Fault kinds:
//   respond     answer `status` with `headers` and the raw `body` (default 500) without running
//               the operation — for 5xx, 429 + Retry-After, malformed JSON, wrong types
//   delay       wait `delayMs` before handling (a client that gives up meanwhile is not served)
//   drop        close the connection before running the operation
//   drop-after  run the operation (and store its idempotent answer), then close the
//               connection instead of answering: the "lost response" of a write
// Both cut the connection in the middle of the answer's header: every browser reports a
// network error (cut before any byte, Firefox silently re-sends a GET; cut in the body,
// WebKit takes the truncated body as whole).
import { validators } from './contract.generated.mjs';
import { errorsText } from './validator-runtime.mjs';

/** @typedef {'respond'|'delay'|'drop'|'drop-after'} FaultKind */

/**
 * @typedef {object} Fault
 * @property {string} operation   the contract's operationId, or `*` for any
 * @property {FaultKind} kind
 * @property {number} times       how many matching requests it hits
 * @property {number} [status]
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 * @property {number} [delayMs]
 */

/**
 * @typedef {object} LoggedRequest
 * @property {string} [operation]
 * @property {number} [caller]     which of several tokens (1, 2… in the order given), when there are several
 * @property {string} method
 * @property {string} path
 * @property {number | 'pending' | 'dropped' | 'client-closed'} status
 * @property {string} [idempotencyKey]
 * @property {boolean} replayed
 * @property {FaultKind} [fault]
 * @property {number} receivedAt   ms since the epoch
 * @property {number} finishedAt
 */

/** The fault's shape (fault-schema.mjs), compiled ahead of time with the contract's validators. */
const validateFault = validators.testControlFault;

/** Faults and the request log of a server started with --test-control. */
export class TestControl {
  /** @type {Fault[]} */
  #faults = [];
  /** @type {LoggedRequest[]} */
  #log = [];

  /**
   * Queues a fault; returns an error message when the description is not one.
   * @param {unknown} value
   * @param {ReadonlySet<string>} operations
   * @returns {string | undefined}
   */
  addFault(value, operations) {
    if (!validateFault(value)) return `Not a fault: ${errorsText(validateFault.errors)}`;
    const fault = /** @type {Fault} */ (value);
    if (fault.operation !== '*' && !operations.has(fault.operation)) return `No operation "${fault.operation}".`;
    this.#faults.push({ ...fault, times: fault.times ?? 1 });
    return undefined;
  }

  /**
   * The fault for this request, if one is queued for its operation (consumed).
   * @param {string} operation
   * @returns {Fault | undefined}
   */
  takeFault(operation) {
    const index = this.#faults.findIndex((fault) => fault.operation === '*' || fault.operation === operation);
    if (index < 0) return undefined;
    const fault = this.#faults[index];
    fault.times -= 1;
    if (fault.times <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  /**
   * Lists a request as it arrives; the server updates the same object as it ends.
   * @param {LoggedRequest} entry
   */
  record(entry) {
    this.#log.push(entry);
  }

  /** @returns {LoggedRequest[]} copies, in arrival order */
  requests() {
    return this.#log.map((entry) => ({ ...entry }));
  }

  /** Clears faults and the log. */
  reset() {
    this.#faults = [];
    this.#log = [];
  }
}
