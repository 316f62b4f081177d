/**
 * What elements actually call: any adapter (the REST one, the demo one, a host's own),
 * seen through one set of checks, so that no adapter can crash an element or keep it
 * waiting for ever.
 *
 * - Every answer is validated against the contract's schemas (`schemas.ts`, `later-schemas.ts`). One that does
 *   not match is a `bad-response` whose message names the field at fault
 *   (`requestConnection: verification.id: expected a string`), also logged as a console
 *   warning for the integrator.
 * - Anything an adapter throws that is not a `TnAdapterError` (a plain `Error`, a
 *   `TypeError`, a string) becomes `unavailable`: the call failed, the user may try again.
 * - A method the adapter lacks rejects with `unsupported` (see `define-adapter.ts`): the
 *   element says the feature is not available here and the console names the method.
 * - A call that has not answered after `timeoutMs` is given up: its signal is aborted and
 *   the element gets a retryable `timeout`. An upload's clock restarts whenever it reports
 *   progress, so a large file on a slow line is not cut off while it moves.
 */
import { unsupportedOperation } from './define-adapter.js';
import { isAbort, isAdapterError, TnAdapterError } from './errors.js';
import type { CustomerConnectAdapter, UploadOptions } from './types.js';
import * as v from './validators.js';

type Operation = keyof CustomerConnectAdapter;
type Answer<Op extends Operation> = Awaited<ReturnType<NonNullable<CustomerConnectAdapter[Op]>>>;

/** How each answer is checked: the schema of what an operation returns (`schemas.ts`, `later-schemas.ts`). */
export type AnswerChecks = { readonly [Op in Operation]?: v.Schema<Answer<Op>> };

/** Each method: how many arguments come before its options. */
const OPTIONS_AT: { readonly [Op in Operation]-?: number } = {
  searchDirectory: 1,
  getCustomer: 1,
  getGroup: 2,
  listAccounts: 0,
  uploadAttachment: 2,
  requestConnection: 1,
  getVerification: 1,
  submitVerificationEvidence: 2,
  answerChallenge: 2,
  connectWithoutVerification: 2,
  getSupportCase: 1,
  getAttentionSummary: 0,
  listRelationships: 1,
};

/** Default time an element waits for one adapter call, in milliseconds. */
export const DEFAULT_ADAPTER_TIMEOUT_MS = 30_000;

/**
 * `adapter` with the operations of `checks` only (an element lists the ones it calls, so it
 * carries the schemas it needs and no others): every answer validated, every failure a
 * `TnAdapterError`, and every call given up after `timeoutMs()` milliseconds (0: never).
 * An optional method the adapter lacks (`uploadAttachment`) stays absent.
 */
export function checkedAdapter(adapter: CustomerConnectAdapter, checks: AnswerChecks, timeoutMs: () => number): CustomerConnectAdapter {
  const checked: Partial<Record<Operation, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const operation of Object.keys(checks) as Operation[]) {
    const method = (adapter as unknown as Record<string, unknown>)[operation];
    if (operation === 'uploadAttachment' && typeof method !== 'function') continue;
    const schema = checks[operation] as v.Schema<unknown>;
    checked[operation] = (...args) => call(adapter, operation, schema, args, timeoutMs());
  }
  return checked as unknown as CustomerConnectAdapter;
}

async function call(
  adapter: CustomerConnectAdapter,
  operation: Operation,
  schema: v.Schema<unknown>,
  args: unknown[],
  timeoutMs: number,
): Promise<unknown> {
  const optionsAt = OPTIONS_AT[operation];
  const given = (args[optionsAt] ?? {}) as UploadOptions;
  const outer = given.signal;
  if (outer?.aborted) throw new TnAdapterError('aborted', { cause: outer.reason });

  // The adapter gets its own signal: aborted by the caller's, or when the call times out.
  const inner = new AbortController();
  const forward = () => inner.abort(outer?.reason);
  outer?.addEventListener('abort', forward, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut: TnAdapterError | undefined;
  let giveUp: (error: TnAdapterError) => void = () => {};
  const expired = new Promise<never>((_, reject) => (giveUp = reject));
  const arm = () => {
    clearTimeout(timer);
    if (timeoutMs <= 0) return;
    timer = setTimeout(() => {
      timedOut = new TnAdapterError('timeout', { message: `${operation}: no answer within ${timeoutMs / 1000} s.` });
      giveUp(timedOut);
      inner.abort(timedOut);
    }, timeoutMs);
  };
  const options: UploadOptions = { ...given, signal: inner.signal };
  if (given.onProgress) {
    const report = given.onProgress;
    options.onProgress = (loaded, total) => {
      arm();
      report(loaded, total);
    };
  }
  const callArgs = Array.from({ length: optionsAt }, (_, index) => args[index]);
  callArgs.push(options);

  let answer: unknown;
  arm();
  try {
    const method = (adapter as unknown as Record<string, unknown>)[operation];
    if (typeof method !== 'function') throw unsupportedOperation(operation);
    answer = await Promise.race([Promise.resolve(method.apply(adapter, callArgs)), expired]);
  } catch (error) {
    // Whatever the adapter did once its signal fired, the element gave up for lack of time.
    throw timedOut ?? failure(operation, error, outer);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
  const result = v.validate(schema, answer);
  if (result.success) return result.output;
  const message = `${operation}: the answer does not match the contract: ${result.issue}`;
  console.warn(`tn-customer-connect: ${message}`);
  throw new TnAdapterError('bad-response', { message, retryable: true });
}

/** What an adapter's rejection means to an element. */
function failure(operation: Operation, error: unknown, outer: AbortSignal | undefined): TnAdapterError {
  if (isAdapterError(error)) return error;
  if (outer?.aborted || isAbort(error)) return new TnAdapterError('aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new TnAdapterError('unavailable', { message: `${operation}: ${message}`, cause: error });
}
