/**
 * An adapter whose answers the test releases, one call at a time and in any order, to prove
 * how elements handle slow, failed, out-of-order and superseded requests.
 */
import { TnAdapterError } from '../../src/adapter/errors.js';
import type { CustomerConnectAdapter, RequestOptions } from '../../src/adapter/types.js';

type Method = keyof CustomerConnectAdapter;

/** One call the element made, waiting for the test to answer it. */
export interface PendingCall {
  method: Method;
  args: unknown[];
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Settles when the element gave up on the call (its signal aborted). */
  aborted: Promise<void>;
}

const METHODS: Method[] = [
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
];

export class FakeAdapter {
  readonly calls: PendingCall[] = [];
  /** The adapter to hand to elements. */
  readonly adapter: CustomerConnectAdapter;

  constructor() {
    const adapter: Record<string, unknown> = {};
    for (const method of METHODS) {
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
