// Idempotency-Key for every write: the first request with a key runs; any later request
// with the same key and the same request gets the first response again (marked
// `Idempotent-Replayed: true`) and changes nothing; the same key with a different request
// is a 409. A request arriving while the first is still running waits for its answer.
// Keys are scoped by credentials and operation, kept in memory for 24 hours.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {object} StoredResponse
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} body
 */

/**
 * @typedef {object} Entry
 * @property {string} fingerprint          what the request was (hash of path, query and body)
 * @property {Promise<StoredResponse | undefined>} response  undefined: the first attempt stored nothing
 * @property {number} expiresAt
 */

/** In-memory idempotency store. */
export class IdempotencyStore {
  /** @type {Map<string, Entry>} */
  #entries = new Map();

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
    let settle = () => {};
    const entry = {
      fingerprint,
      response: new Promise((resolve) => (settle = resolve)),
      expiresAt: Date.now() + DAY_MS,
    };
    this.#entries.set(id, entry);
    try {
      const { response, store } = await work();
      if (!store) this.#entries.delete(id);
      settle(store ? response : undefined);
      return { response, replayed: false };
    } catch (error) {
      this.#entries.delete(id);
      settle(undefined);
      throw error;
    }
  }

  /** Forgets every key. */
  clear() {
    this.#entries.clear();
  }

  #prune() {
    const now = Date.now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt < now) this.#entries.delete(id);
  }
}
