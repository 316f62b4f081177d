/**
 * `DemoAdapter`: the embedded default adapter (demo page, Storybook, tests). It wraps a
 * {@link DemoNetwork} and adds what a real network has and an in-memory one lacks: latency
 * (an abortable delay), failures (injected faults) and, given a `storage`, state that
 * outlives the page (the network's snapshot, saved after every change).
 *
 * The storage is passed in, never looked up: this module touches no DOM global, so it loads
 * in Node too.
 */
import { TnAdapterError, type AdapterErrorCode, type FieldError } from '../errors.js';
import type {
  AttentionSummary,
  ChallengeAnswer,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  InvoiceEvidence,
  Relationship,
  RequestOptions,
  SearchPage,
  SearchQuery,
  SupplierAccount,
  SupportCase,
  UploadOptions,
  VerificationResult,
  VerificationSession,
} from '../types.js';
import { abortableDelay } from '../abortable-delay.js';
import { mulberry32 } from './seeded-random.js';
import { DemoNetwork, type DemoNetworkOptions } from './demo-network.js';
import { prepareDirectoryIndex } from './directory-index.js';
import { groupInCountries } from './group-countries.js';

/** Simulated latency in milliseconds: a fixed value or a uniform range. */
export type DemoLatency = number | { min: number; max: number };

/** The part of the Web Storage API the demo adapter uses: `sessionStorage` and `localStorage` fit. */
export type DemoStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of a {@link DemoAdapter}. */
export interface DemoAdapterOptions {
  /** Delay before each answer, in ms; default 0 (answers on the next microtask). */
  latency?: DemoLatency;
  /** Clock of the network the adapter creates (ignored when `network` is given). */
  now?: () => Date;
  /** A network to wrap, e.g. one shared by several adapters; default a fresh one. Not with `storage`. */
  network?: DemoNetwork;
  /**
   * Where the network's state is kept between page loads, e.g. `sessionStorage`. The adapter
   * starts from the state stored under `storageKey` — when there is none, or it cannot be
   * restored (malformed, or written by another version: the entry is removed and
   * `console.warn` names the key), from the seed — and writes the network's snapshot there
   * after every call that changes it (reads never write). When a write fails (storage full),
   * it warns once, removes the stale entry and keeps working in memory. {@link DemoAdapter.reset}
   * returns to the seed and removes the entry. Default: none, the state lasts as long as the
   * adapter. One adapter per key at a time: each writes its whole state.
   */
  storage?: DemoStorage;
  /** The key the state is stored under in `storage`; default `'tn-demo-network'`. */
  storageKey?: string;
}

/** A method of the adapter contract. */
export type DemoAdapterMethod = keyof CustomerConnectAdapter;

/** A failure to inject: the next matching call(s) reject with this `TnAdapterError`. */
export interface DemoFault {
  /** Which method fails; `'*'` or absent for any. */
  method?: DemoAdapterMethod | '*';
  code: AdapterErrorCode;
  /** How many matching calls fail; default 1. */
  times?: number;
  fieldErrors?: FieldError[];
  message?: string;
  /** For `rate-limited`: what a `Retry-After` header would have said. */
  retryAfterMs?: number;
}

const UPLOAD_PROGRESS_STEPS = 4;
const DEFAULT_STORAGE_KEY = 'tn-demo-network';
const LATENCY_SEED = 0x1a7e_0c75;

/** Rejects with `aborted` when the signal has fired. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TnAdapterError('aborted', { cause: signal.reason });
}

function validLatency(latency: DemoLatency): { min: number; max: number } {
  const range = typeof latency === 'number' ? { min: latency, max: latency } : { ...latency };
  if (!(range.min >= 0) || !(range.max >= range.min)) {
    throw new RangeError('Demo latency must be a number ≥ 0 or { min, max } with 0 ≤ min ≤ max.');
  }
  return range;
}

/**
 * The demo adapter: a {@link DemoNetwork} behind the adapter contract, with latency and faults.
 * Made, it indexes the network's directory of 60,000 entities in the page's idle time (in
 * slices of about 10 ms), so that the first search does not wait for it; a search that comes
 * before the index is done finishes it at once. In Node the slices run in timers that do not
 * keep the process alive.
 */
export class DemoAdapter implements CustomerConnectAdapter {
  /** The network answering the calls; tests and stories may inspect or drive it. */
  readonly network: DemoNetwork;
  private readonly latency: { min: number; max: number };
  private readonly jitter = mulberry32(LATENCY_SEED);
  private faults: (DemoFault & { remaining: number })[] = [];
  private readonly storage?: DemoStorage;
  private readonly storageKey: string;
  private saveFailed = false;

  /**
   * Creates an adapter over `options.network`, or over a network restored from
   * `options.storage`, or over a fresh network.
   */
  constructor(options: DemoAdapterOptions = {}) {
    this.latency = validLatency(options.latency ?? 0);
    this.storage = options.storage;
    this.storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
    if (options.network && this.storage) {
      throw new TypeError('A demo adapter takes `network` or `storage`, not both: the stored state would replace the network’s.');
    }
    const networkOptions = { now: options.now, onChange: this.storage && (() => this.save()) };
    this.network = options.network ?? this.restore(networkOptions) ?? new DemoNetwork(networkOptions);
    // The 60,000-entity directory takes most of a second to index: start it while the user
    // has not searched yet, in the page's idle time, so that the first search rarely waits.
    prepareDirectoryIndex();
  }

  /** Returns the network to the seed's state (dated now) and removes the stored state. */
  reset(): void {
    this.network.reset();
    this.storageCall(() => this.storage?.removeItem(this.storageKey));
  }

  /** Makes the next matching call(s) reject with the given error. Faults queue up in order. */
  injectFault(fault: DemoFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('A fault must fire at least once.');
    this.faults.push({ ...fault, remaining: times });
  }

  /** Removes every pending fault. */
  clearFaults(): void {
    this.faults = [];
  }

  /** @inheritdoc */
  searchDirectory(query: SearchQuery, options?: RequestOptions): Promise<SearchPage> {
    return this.answer('searchDirectory', options, () => this.network.searchDirectory(query));
  }

  /** @inheritdoc */
  getCustomer(id: string, options?: RequestOptions): Promise<CustomerEntity> {
    return this.answer('getCustomer', options, () => this.network.getCustomer(id));
  }

  /** @inheritdoc */
  getGroup(
    groupId: string,
    query?: { accountId?: string; countries?: readonly string[] },
    options?: RequestOptions,
  ): Promise<CustomerGroup> {
    return this.answer('getGroup', options, () => {
      const group = this.network.getGroup(groupId, query);
      return query?.countries === undefined ? group : groupInCountries(group, query.countries);
    });
  }

  /** @inheritdoc */
  listAccounts(options?: RequestOptions): Promise<SupplierAccount[]> {
    return this.answer('listAccounts', options, () => this.network.listAccounts());
  }

  /** Simulated upload: reports progress in steps across the latency, then registers the file. */
  async uploadAttachment(file: Blob, name: string, options: UploadOptions = {}): Promise<{ id: string }> {
    const total = file.size;
    const step = this.nextLatency() / UPLOAD_PROGRESS_STEPS;
    for (let i = 1; i <= UPLOAD_PROGRESS_STEPS; i++) {
      await abortableDelay(step, options.signal);
      options.onProgress?.(Math.round((total * i) / UPLOAD_PROGRESS_STEPS), total);
    }
    return this.answer('uploadAttachment', options, () => this.network.registerAttachment(name, total), 0);
  }

  /** @inheritdoc */
  requestConnection(request: ConnectionRequest, options?: RequestOptions): Promise<ConnectionOutcome> {
    return this.answer('requestConnection', options, () => this.network.requestConnection(request));
  }

  /** @inheritdoc */
  getVerification(id: string, options?: RequestOptions): Promise<VerificationSession> {
    return this.answer('getVerification', options, () => this.network.getVerification(id));
  }

  /** @inheritdoc */
  submitVerificationEvidence(id: string, evidence: InvoiceEvidence, options?: RequestOptions): Promise<VerificationResult> {
    return this.answer('submitVerificationEvidence', options, () => this.network.submitVerificationEvidence(id, evidence));
  }

  /** @inheritdoc */
  answerChallenge(id: string, answer: ChallengeAnswer, options?: RequestOptions): Promise<VerificationResult> {
    return this.answer('answerChallenge', options, () => this.network.answerChallenge(id, answer));
  }

  /** @inheritdoc */
  connectWithoutVerification(
    id: string,
    request: { idempotencyKey: string },
    options?: RequestOptions,
  ): Promise<SupportCase> {
    return this.answer('connectWithoutVerification', options, () => this.network.connectWithoutVerification(id, request));
  }

  /** @inheritdoc */
  getSupportCase(reference: string, options?: RequestOptions): Promise<SupportCase> {
    return this.answer('getSupportCase', options, () => this.network.getSupportCase(reference));
  }

  /** @inheritdoc */
  getAttentionSummary(options?: RequestOptions): Promise<AttentionSummary> {
    return this.answer('getAttentionSummary', options, () => this.network.getAttentionSummary());
  }

  /** @inheritdoc */
  listRelationships(query?: { accountId?: string }, options?: RequestOptions): Promise<Relationship[]> {
    return this.answer('listRelationships', options, () => this.network.listRelationships(query));
  }

  /** The network stored under the key; undefined (after a warning, the entry removed) when it cannot be restored. */
  private restore(networkOptions: DemoNetworkOptions): DemoNetwork | undefined {
    const storage = this.storage;
    if (!storage) return undefined;
    try {
      const stored = storage.getItem(this.storageKey);
      return stored === null ? undefined : DemoNetwork.restore(JSON.parse(stored), networkOptions);
    } catch (error) {
      console.warn(`Demo adapter: the state stored under "${this.storageKey}" cannot be restored (${String(error)}); starting from the seed.`);
      this.storageCall(() => storage.removeItem(this.storageKey));
      return undefined;
    }
  }

  /** Writes the network's snapshot; on failure, warns once and removes the stale entry. */
  private save(): void {
    const storage = this.storage;
    try {
      storage?.setItem(this.storageKey, JSON.stringify(this.network.snapshot()));
    } catch (error) {
      if (!this.saveFailed) {
        console.warn(
          `Demo adapter: the state cannot be saved under "${this.storageKey}" (${String(error)}); ` +
            'the demo keeps working in memory, and a reload starts from the seed.',
        );
      }
      this.saveFailed = true;
      this.storageCall(() => storage?.removeItem(this.storageKey));
    }
  }

  /** Runs a storage call whose failure changes nothing for the demo (e.g. removing an entry). */
  private storageCall(call: () => void): void {
    try {
      call();
    } catch {
      // The entry stays; the next save or restore deals with it.
    }
  }

  /** Waits out the latency (abortable), fires a pending fault, then asks the network. */
  private async answer<T>(
    method: DemoAdapterMethod,
    options: RequestOptions | undefined,
    work: () => T,
    latency = this.nextLatency(),
  ): Promise<T> {
    const signal = options?.signal;
    throwIfAborted(signal);
    await abortableDelay(latency, signal);
    throwIfAborted(signal);
    this.fireFault(method);
    return work();
  }

  private nextLatency(): number {
    const { min, max } = this.latency;
    return min === max ? min : min + Math.round(this.jitter() * (max - min));
  }

  private fireFault(method: DemoAdapterMethod): void {
    const fault = this.faults.find((candidate) => (candidate.method ?? '*') === '*' || candidate.method === method);
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    throw new TnAdapterError(fault.code, {
      message: fault.message ?? `Injected demo fault: ${fault.code}.`,
      fieldErrors: fault.fieldErrors?.map((error) => ({ ...error })),
      retryAfterMs: fault.retryAfterMs,
    });
  }
}

/** Creates a {@link DemoAdapter}; see {@link DemoAdapterOptions} for latency, clock, network and storage. */
export function createDemoAdapter(options: DemoAdapterOptions = {}): DemoAdapter {
  return new DemoAdapter(options);
}
