/**
 * An adapter whose answers a test releases by hand, one call at a time and in any order: for
 * testing how a page (or an element) behaves while a request is pending, when it fails, when
 * answers arrive out of order, and when a superseded request is aborted.
 *
 * ```ts
 * const controlled = new ControlledAdapter();
 * search.adapter = controlled.adapter;
 * // … type into the search …
 * const [call] = controlled.of('searchDirectory');
 * call.resolve({ items: [], total: 0 });          // or call.reject(new TnAdapterError('unavailable'))
 * ```
 */
import { ADAPTER_METHODS } from '../adapter/define-adapter.js';
import { TnAdapterError } from '../adapter/errors.js';
import type { CustomerConnectAdapter, RequestOptions } from '../adapter/types.js';

type Method = keyof CustomerConnectAdapter;

/** One call the element made, waiting for the test to answer it. */
export interface PendingCall {
  /** The adapter method called. */
  method: Method;
  /** Its arguments, the options (with `signal`) last. */
  args: unknown[];
  /** The caller's abort signal, if it gave one. */
  signal?: AbortSignal;
  /** Answers the call. */
  resolve(value: unknown): void;
  /** Fails the call (with a `TnAdapterError`, as a real adapter would). */
  reject(error: unknown): void;
  /** Settles when the element gave up on the call (its signal aborted). */
  aborted: Promise<void>;
}

export class ControlledAdapter {
  /** Every call made so far, in order (answered or not). */
  readonly calls: PendingCall[] = [];
  /** The adapter to hand to elements. */
  readonly adapter: CustomerConnectAdapter;

  constructor() {
    const adapter: Record<string, unknown> = {};
    for (const method of ADAPTER_METHODS) {
      adapter[method] = (...args: unknown[]) => this.record(method, args);
    }
    this.adapter = adapter as unknown as CustomerConnectAdapter;
  }

  /** Calls of one method, in the order they were made. */
  of(method: Method): PendingCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  private record(method: Method, args: unknown[]): Promise<unknown> {
    const options = args[args.length - 1] as RequestOptions | undefined;
    const signal = options?.signal;
    return new Promise((resolve, reject) => {
      let onAbort: () => void = () => {};
      const aborted = new Promise<void>((done) => {
        onAbort = () => {
          done();
          reject(new TnAdapterError('aborted'));
        };
      });
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      this.calls.push({ method, args, signal, resolve, reject, aborted });
    });
  }
}
