// Idempotency-Key for every write: the first request with a key runs; any later request
// with the same key and the same request gets the first response again (marked
// `Idempotent-Replayed: true`) and changes nothing; the same key with a different request
// is a 409. A request arriving while the first is still running waits for its answer.
//
// One store per caller (the server keeps one for each bearer token), keys scoped by
// operation inside it. Bounded: an entry lives `ttlMs` (24 hours by default) and the store
// holds at most `maxKeys` entries (10,000 by default); past the cap the oldest entry goes
// first. Entries are found by key in a Map and queued in insertion order, which is also
// their expiry order (one TTL for all), so dropping the expired ones and evicting the
// oldest only ever look at the head of the queue: each write costs O(1) (amortised),
// however many keys are kept. (Not by iterating the Map from its start: V8 leaves deleted
// entries in place until it rehashes, so that walk grows with the number of keys.)
// `onEvict` hears of every stored answer the store lets go, so the engine behind it can
// forget the key too.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_KEYS = 10_000;

/**
 * @typedef {object} StoredResponse
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string | Buffer} body
 */

/**
 * @typedef {object} Entry
 * @property {string} id                   scope + key
 * @property {string} scope
 * @property {string} key
 * @property {string} fingerprint          what the request was (hash of path, query and body)
 * @property {Promise<StoredResponse | undefined>} response  undefined: the first attempt stored nothing
 * @property {boolean} settled             the first attempt has answered
 * @property {number} expiresAt
 */

/**
 * @typedef {object} IdempotencyOptions
 * @property {number} [ttlMs]      how long an answer is kept; default 24 hours
 * @property {number} [maxKeys]    how many answers are kept at most; default 10,000
 * @property {() => number} [now]  the clock, in ms; default Date.now
 * @property {(scope: string, key: string) => void} [onEvict]  told of each stored answer dropped (expired or evicted)
 */

/** In-memory idempotency store. */
export class IdempotencyStore {
  /** @type {Map<string, Entry>} */
  #entries = new Map();
  /** Every entry made, oldest first, from `#head` on; an entry no longer in the Map is skipped. @type {Entry[]} */
  #queue = [];
  #head = 0;
  #ttlMs;
  #maxKeys;
  #now;
  #onEvict;
  /** Entries dropped to stay under the cap before they expired, since the start. */
  evicted = 0;

  /** @param {IdempotencyOptions} [options] */
  constructor(options = {}) {
    this.#ttlMs = options.ttlMs ?? DAY_MS;
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.#now = options.now ?? Date.now;
    this.#onEvict = options.onEvict;
    if (!(this.#ttlMs > 0) || !(this.#maxKeys >= 1)) throw new RangeError('ttlMs and maxKeys must be positive.');
  }

  /** How many keys are held (answers kept and requests in progress). */
  get size() {
    return this.#entries.size;
  }

  /**
   * Runs `work` once per scope + key. Resolves with `{ response, replayed }`, or with
   * `{ conflict: true }` when the key came with a different request.
   * `work` resolves with the response to send and whether it may be stored (a response
   * that says nothing about the operation's effect, e.g. a 5xx, is not: a retry runs again).
   * @param {string} scope
   * @param {string} key
   * @param {string} fingerprint
   * @param {() => Promise<{ response: StoredResponse, store: boolean }>} work
   * @returns {Promise<{ response: StoredResponse, replayed: boolean } | { conflict: true }>}
   */
  async run(scope, key, fingerprint, work) {
    this.#prune();
    const id = `${scope}\u0000${key}`;
    const earlier = this.#entries.get(id);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) return { conflict: true };
      const response = await earlier.response;
      if (response) return { response, replayed: true };
      // The first attempt stored nothing (it failed); this one runs in its place.
      if (this.#entries.get(id) === earlier) this.#entries.delete(id);
      return this.run(scope, key, fingerprint, work);
    }
    /** @type {(value: StoredResponse | undefined) => void} */
    let resolve = () => {};
    /** @type {Entry} */
    const entry = {
      id,
      scope,
      key,
      fingerprint,
      response: new Promise((done) => (resolve = done)),
      settled: false,
      expiresAt: this.#now() + this.#ttlMs,
    };
    const settle = (/** @type {StoredResponse | undefined} */ value) => {
      entry.settled = true;
      if (value === undefined && this.#entries.get(id) === entry) this.#entries.delete(id);
      resolve(value);
    };
    this.#entries.set(id, entry);
    this.#queue.push(entry);
    this.#evictOverCap();
    try {
      const { response, store } = await work();
      settle(store ? response : undefined);
      return { response, replayed: false };
    } catch (error) {
      settle(undefined);
      throw error;
    }
  }

  /** Forgets every key (the engine is not told: it is replaced along with the store). */
  clear() {
    this.#entries.clear();
    this.#queue = [];
    this.#head = 0;
  }

  /** The oldest entry still held, dropping from the queue those that are not. */
  #oldest() {
    while (this.#head < this.#queue.length) {
      const entry = this.#queue[this.#head];
      if (this.#entries.get(entry.id) === entry) return entry;
      this.#head += 1;
    }
    return undefined;
  }

  /** Drops the expired entries: they are at the head of the queue, so this stops at the first live one. */
  #prune() {
    const now = this.#now();
    for (let entry = this.#oldest(); entry && entry.expiresAt <= now && entry.settled; entry = this.#oldest()) {
      this.#drop(entry);
    }
    this.#compact();
  }

  /**
   * Past the cap, drops the oldest answered entries. Requests still in progress are passed
   * over (their duplicates wait for them); there are at most as many as requests running.
   */
  #evictOverCap() {
    let index = this.#head;
    while (this.#entries.size > this.#maxKeys && index < this.#queue.length) {
      const entry = this.#queue[index++];
      if (this.#entries.get(entry.id) !== entry || !entry.settled) continue;
      this.#drop(entry);
      this.evicted += 1;
    }
    this.#compact();
  }

  /**
   * Keeps the queue at most about twice the entries held: its dropped head is cut off once
   * it is half the queue, and entries dropped behind a live head (failed attempts, which
   * keep nothing) are swept out once they are as many as the entries. Each is O(n) after
   * at least n writes: amortised O(1).
   */
  #compact() {
    this.#oldest();
    const slack = this.#queue.length - this.#head - this.#entries.size;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    } else if (slack > 1024 && slack > this.#entries.size) {
      this.#queue = this.#queue.slice(this.#head).filter((entry) => this.#entries.get(entry.id) === entry);
      this.#head = 0;
    }
  }

  /** @param {Entry} entry */
  #drop(entry) {
    this.#entries.delete(entry.id);
    this.#onEvict?.(entry.scope, entry.key);
  }
}
