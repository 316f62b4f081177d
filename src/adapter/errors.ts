/**
 * The one error type adapters reject with.
 *
 * Elements read `code` to choose a localized message and `retryable` to decide whether an
 * automatic retry makes sense (a manual "Try again" is always offered). Two copies of the
 * library on one page must recognise each other's errors, so recognition goes through
 * {@link isAdapterError} (a brand), never `instanceof` alone.
 */

/** Why an adapter call failed. */
export type AdapterErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'unavailable'
  | 'bad-response'
  | 'unsupported'
  | 'aborted';

/** A problem with one input field, as reported by the server (`invalid`). */
export interface FieldError {
  /**
   * The property of the method's argument at fault, named as in the contract's types
   * (`vendorCode`, `notes`, `entityIds`, `invoiceDate`, `amount`, `text`…), so an element can
   * put the message on the matching form field.
   */
  field: string;
  /** A machine-readable reason, e.g. `required`, `too-long`. */
  code: string;
  /** The server's own message, shown as text when the element has no better one. */
  message?: string;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<AdapterErrorCode> = new Set([
  'network',
  'timeout',
  'rate-limited',
  'unavailable',
]);

const BRAND = 'tn-adapter-error';

export interface AdapterErrorInit {
  message?: string;
  /** Overrides the default for the code (network, timeout, rate-limited, unavailable). */
  retryable?: boolean;
  fieldErrors?: FieldError[];
  /** HTTP status, when there was one. */
  status?: number;
  /** Milliseconds the server asked us to wait (`Retry-After`). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The error every adapter method rejects with. */
export class TnAdapterError extends Error {
  readonly brand = BRAND;
  readonly code: AdapterErrorCode;
  readonly retryable: boolean;
  readonly fieldErrors: FieldError[];
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: AdapterErrorCode, init: AdapterErrorInit = {}) {
    super(init.message ?? code, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'TnAdapterError';
    this.code = code;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.fieldErrors = init.fieldErrors ?? [];
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** True for a `TnAdapterError` from this or any other copy of the library. */
export function isAdapterError(value: unknown): value is TnAdapterError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { brand?: unknown }).brand === BRAND &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** True when `value` reports an abort (ours, or a DOM `AbortError`). */
export function isAbort(value: unknown): boolean {
  if (isAdapterError(value)) return value.code === 'aborted';
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}

/**
 * Normalises whatever an adapter threw. Anything that is not a `TnAdapterError` (a plain
 * `Error`, a `TypeError`, a string) is reported as `unavailable`: the call failed for a
 * reason the adapter did not say, and trying again may help. (A malformed *answer* is
 * `bad-response`; elements check answers themselves.)
 */
export function toAdapterError(value: unknown): TnAdapterError {
  if (isAdapterError(value)) return value;
  if (isAbort(value)) return new TnAdapterError('aborted', { cause: value });
  const message = value instanceof Error ? value.message : String(value);
  return new TnAdapterError('unavailable', { message, cause: value });
}
