/**
 * Every event the elements dispatch. All bubble, cross shadow roots (`composed`) and carry
 * an object `detail`. The `GlobalEventHandlersEventMap` augmentation types
 * `addEventListener('tn-connect', e => e.detail.customer)` on elements, document and window.
 */
import type { AdapterErrorCode, TnAdapterError } from './adapter/errors.js';
import type { CustomerConnectAdapter, CustomerEntity, GroupRef } from './adapter/types.js';

/** The user chose **Connect** on one legal entity. */
export type TnConnectEvent = CustomEvent<{ customer: CustomerEntity }>;

/** The user chose **View group** on a legal entity that belongs to a group. */
export type TnViewGroupEvent = CustomEvent<{ customer: CustomerEntity; group: GroupRef }>;

/** A search finished (first page or a further one): for analytics. */
export type TnSearchEvent = CustomEvent<{ query: string; total: number | undefined; shown: number }>;

/**
 * An adapter call failed. The element already shows a localized error with a retry; hosts
 * log it, or react to `unauthorized` (e.g. renew the session and call `retry()`).
 */
export type TnErrorEvent = CustomEvent<{
  /** The adapter method that failed. */
  operation: keyof CustomerConnectAdapter;
  code: AdapterErrorCode;
  error: TnAdapterError;
  /** Runs the failed operation again, as the element's "Try again" button does. */
  retry: () => void;
}>;

declare global {
  interface GlobalEventHandlersEventMap {
    'tn-connect': TnConnectEvent;
    'tn-view-group': TnViewGroupEvent;
    'tn-search': TnSearchEvent;
    'tn-error': TnErrorEvent;
  }
}
