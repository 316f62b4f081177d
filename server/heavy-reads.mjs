// Heavy reads (a whole corporate group: 10,000 entities, 2 MB of JSON) made cheap to serve
// again and again: each answer is computed once per state of the caller's network, kept
// serialized, gzipped and tagged (a weak ETag), and handed out as the same bytes until the
// network changes. Requests for an answer being computed wait for that computation rather
// than start their own, and computations run one at a time (whole groups in one lane, the
// small answers for some countries in another), so that a flood of heavy reads
// costs one computation and then only socket writes, and light requests are served between
// them: the JSON is written 500 array items at a time, letting other requests in between,
// and gzipped in libuv's thread pool. Bounded: `maxEntries` answers per cache (8 by
// default), the least recently used out first.
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const SLICE = 500;

/**
 * JSON.stringify(value), but a top-level array property of more than SLICE items is written
 * a slice at a time, with a turn of the event loop between slices.
 * @param {unknown} value
 * @returns {Promise<string>}
 */
export async function serialize(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const [name, items] = Object.entries(value).find(([, inner]) => Array.isArray(inner) && inner.length > SLICE) ?? [];
  if (name === undefined) return JSON.stringify(value);
  const marker = `\u0000${name}\u0000`;
  const [before, after] = JSON.stringify({ ...value, [name]: marker }).split(JSON.stringify(marker));
  const parts = [];
  for (let i = 0; i < items.length; i += SLICE) {
    parts.push(JSON.stringify(items.slice(i, i + SLICE)).slice(1, -1));
    await nextTurn();
  }
  return `${before}[${parts.join(',')}]${after}`;
}

/**
 * @typedef {object} CachedAnswer
 * @property {number} version   the network state it was computed for
 * @property {string} etag      `W/"…"`
 * @property {Buffer} identity  the JSON
 * @property {Buffer} gzip      the JSON, gzipped (in the thread pool: the event loop goes on meanwhile)
 */

/**
 * One at a time per lane: the next computation starts when the previous one of its lane has
 * ended. Small answers (some countries of a group) have a lane of their own, so that they
 * never wait behind a whole group being computed.
 * @type {Map<string, Promise<unknown>>}
 */
const chains = new Map();
function oneAtATime(lane, task) {
  const run = (chains.get(lane) ?? Promise.resolve()).then(task, task);
  chains.set(
    lane,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/** Answers of heavy reads for one caller, by key, for the current state of its network. */
export class HeavyReadCache {
  /** @type {Map<string, CachedAnswer>} in least-recently-used order */
  #entries = new Map();
  /** @type {Map<string, Promise<CachedAnswer>>} */
  #pending = new Map();
  #maxEntries;
  #lane;

  /** @param {{ maxEntries?: number, lane?: string }} [options]  `lane`: whose computations wait for each other */
  constructor({ maxEntries = 8, lane = 'whole' } = {}) {
    this.#maxEntries = maxEntries;
    this.#lane = lane;
  }

  /**
   * The answer for `key` at network state `version`: the cached one, the one being computed,
   * or a new computation of `compute()` (the value to serialise; it may throw, and then
   * nothing is kept).
   * @param {string} key
   * @param {number} version
   * @param {() => unknown} compute
   * @returns {Promise<CachedAnswer>}
   */
  async get(key, version, compute) {
    const cached = this.#entries.get(key);
    if (cached?.version === version) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const id = `${version}\u0000${key}`;
    let pending = this.#pending.get(id);
    if (!pending) {
      pending = oneAtATime(this.#lane, async () => {
        const identity = Buffer.from(await serialize(compute()));
        const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
        return { version, etag, identity, gzip: await gzipAsync(identity, { level: 6 }) };
      });
      this.#pending.set(id, pending);
      pending.then(
        (answer) => {
          this.#entries.delete(key);
          this.#entries.set(key, answer);
          while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value);
        },
        () => {},
      );
      pending.finally(() => this.#pending.delete(id)).catch(() => {});
    }
    return pending;
  }
}

/** Whether an Accept-Encoding header accepts gzip (listed, or `*`, with a q above 0). */
export function acceptsGzip(header) {
  if (!header) return false;
  return String(header)
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, ...parameters]) => {
      const name = coding.trim().toLowerCase();
      if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') return false;
      const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/i.exec(parameter)?.[1]).find(Boolean);
      return q === undefined || Number(q) > 0;
    });
}

/** Whether an If-None-Match header names `etag` (weak comparison), or is `*`. */
export function matchesEtag(header, etag) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return String(header)
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare);
}
