/**
 * Partial adapters: a host that embeds only the search should not have to write twelve
 * methods. `defineAdapter({ searchDirectory })` returns a complete adapter whose other
 * methods reject with an `unsupported` error; an element that calls one shows a localized
 * "not available here" notice (no "Try again": trying cannot help), and the console names
 * the missing method once, for the integrator.
 *
 * Elements see the same thing when a host passes a plain object that lacks a method (the
 * answer checks report it the same way); `defineAdapter` is what makes such an object
 * type-check as a `CustomerConnectAdapter`.
 */
import { TnAdapterError } from './errors.js';
import type { CustomerConnectAdapter } from './types.js';

/**
 * Every method of the contract, in the order the contract lists them (`uploadAttachment`, the
 * one optional method, included): what a complete adapter has.
 */
export const ADAPTER_METHODS = [
  'searchDirectory',
  'getCustomer',
  'getGroup',
  'listAccounts',
  'uploadAttachment',
  'requestConnection',
  'getVerification',
  'submitVerificationEvidence',
  'answerChallenge',
  'connectWithoutVerification',
  'getSupportCase',
  'getAttentionSummary',
  'listRelationships',
] as const satisfies readonly (keyof CustomerConnectAdapter)[];

const warned = new Set<string>();

/**
 * The error for an operation the adapter does not implement; the console hint is printed
 * once per operation and page.
 */
export function unsupportedOperation(operation: string): TnAdapterError {
  const message = `${operation}: the adapter does not implement this method.`;
  if (!warned.has(operation)) {
    warned.add(operation);
    console.warn(
      `tn-customer-connect: the adapter has no "${operation}" method, so the element that needs it shows "not available here". ` +
        'Implement it to enable that part of the flow.',
    );
  }
  return new TnAdapterError('unsupported', { message, retryable: false });
}

/**
 * A complete adapter from the methods a host implements. Methods that are missing reject
 * with `TnAdapterError('unsupported')`; `uploadAttachment` stays optional (without it, the
 * request form has no attachment field). The methods keep `this` bound to `partial`.
 *
 * ```ts
 * search.adapter = defineAdapter({
 *   searchDirectory: (query, { signal }) => myApi.search(query, signal),
 * });
 * ```
 */
export function defineAdapter(partial: Partial<CustomerConnectAdapter>): CustomerConnectAdapter {
  const adapter: Record<string, unknown> = {};
  for (const operation of ADAPTER_METHODS) {
    if (operation === 'uploadAttachment') continue;
    const method = partial[operation] as unknown;
    adapter[operation] =
      typeof method === 'function'
        ? (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(partial, args)
        : () => Promise.reject(unsupportedOperation(operation));
  }
  if (typeof partial.uploadAttachment === 'function') {
    const upload = partial.uploadAttachment;
    adapter.uploadAttachment = (...args: Parameters<typeof upload>) => upload.apply(partial, args);
  }
  return adapter as unknown as CustomerConnectAdapter;
}
