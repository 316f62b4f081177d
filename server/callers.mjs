// Who is calling, and from where: bearer tokens (each token a caller with its own demo
// network and idempotency keys, made on its first request) and CORS for the configured
// origins. Tokens are held and looked up by their sha256, and callers are named in the log
// by number, never by token.
import { createHash } from 'node:crypto';
import { problem } from './answers.mjs';
import { HeavyReadCache } from './heavy-reads.mjs';
import { IdempotencyStore } from './idempotency.mjs';

const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed';
/** The operations whose idempotency keys the engine keeps too (it forgets them when the server does). */
const ENGINE_KEYED = new Set(['requestConnection', 'connectWithoutVerification']);

/**
 * @typedef {object} Tenant  one caller: its network and its idempotency keys
 * @property {string} hash    of its token
 * @property {number} number  1, 2… in the order of the token list (the log names callers so, never by token)
 * @property {any} network
 * @property {number} version  bumped on every change of the network (heavy answers are cached per version)
 * @property {HeavyReadCache} heavy      whole groups (2 MB each for the largest: few kept)
 * @property {HeavyReadCache} heavySlices  some countries of a group (tens of KB: more kept, and
 *                                        kept apart, so that asking for many countries never
 *                                        pushes a whole group out; computed in a lane of their
 *                                        own, never waiting behind a whole group)
 * @property {IdempotencyStore} idempotency
 */

/** sha256 of a token, hex: tokens are looked up (and logged as a caller number) by their hash. */
function tokenHash(token) {
  return createHash('sha256').update(token).digest('hex');
}

/** The `401` for a request without valid credentials. */
export function unauthorized() {
  return problem(401, {
    detail: 'A valid bearer token is required.',
    code: 'unauthorized',
    headers: { 'WWW-Authenticate': 'Bearer realm="customer-connect"' },
  });
}

/**
 * The callers: one per token (or one anonymous caller without tokens).
 * @param {{ tokens: string[], engine: import('./engine.mjs').DemoEngine, idempotencyTtlMs: number, idempotencyMaxKeys: number }} options
 */
export function createCallers({ tokens, engine, idempotencyTtlMs, idempotencyMaxKeys }) {
  for (const token of tokens) {
    // RFC 6750 b64token: what a bearer token may be, so that a header can carry it.
    if (typeof token !== 'string' || !/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
      throw new Error('A bearer token is one or more of A-Z a-z 0-9 - . _ ~ + / (then = padding).');
    }
  }
  if (new Set(tokens).size !== tokens.length) throw new Error('The same bearer token is listed twice.');

  /** Callers' numbers by the hash of their token ('' without tokens: one anonymous caller). */
  const numbers = new Map((tokens.length ? tokens.map(tokenHash) : ['']).map((hash, i) => [hash, i + 1]));
  /** Callers' states, made on first use. @type {Map<string, Tenant>} */
  const tenants = new Map();

  /** A fresh state for a caller: a seed network, and a store that makes the network forget what it forgets. */
  function freshTenant(hash, number) {
    /** @type {Tenant} */
    const tenant = { hash, number, version: 0, heavy: new HeavyReadCache(), heavySlices: new HeavyReadCache({ maxEntries: 64, lane: 'slices' }) };
    const network = new engine.DemoNetwork({ onChange: () => (tenant.version += 1) });
    const idempotency = new IdempotencyStore({
      ttlMs: idempotencyTtlMs,
      maxKeys: idempotencyMaxKeys,
      onEvict: (operationId, key) => {
        if (ENGINE_KEYED.has(operationId)) network.forgetIdempotencyKey(operationId, key);
      },
    });
    return Object.assign(tenant, { network, idempotency });
  }

  return {
    /** How many callers there are (the log names a caller only when there are several). */
    count: numbers.size,
    /**
     * The caller a request's credentials name, or undefined when they name none.
     * @param {import('node:http').IncomingMessage} req
     * @returns {Tenant | undefined}
     */
    of(req) {
      let hash = '';
      if (tokens.length > 0) {
        const match = /^Bearer ([^\s]+)$/.exec(req.headers.authorization ?? '');
        if (!match) return undefined;
        hash = tokenHash(match[1]);
      }
      const number = numbers.get(hash);
      if (number === undefined) return undefined;
      let tenant = tenants.get(hash);
      if (!tenant) tenants.set(hash, (tenant = freshTenant(hash, number)));
      return tenant;
    },
    /** Gives a caller a fresh network and no idempotency keys. @param {Tenant} tenant */
    reset(tenant) {
      tenants.set(tenant.hash, freshTenant(tenant.hash, tenant.number));
    },
    /** A caller's idempotency store's size (no token: the first caller). @param {string} [token] */
    idempotencyStats(token) {
      const tenant = tenants.get(token === undefined ? [...numbers.keys()][0] : tokenHash(token));
      return { keys: tenant?.idempotency.size ?? 0, evicted: tenant?.idempotency.evicted ?? 0 };
    },
  };
}

/**
 * CORS for the configured origins: a function that adds the headers for an allowed origin
 * and returns false for any other. A listed origin is echoed with credentials allowed; with
 * `*`, any other origin but `null` gets a literal `*` and no credentials (a browser then
 * sends no cookies, and the bearer token only where the page's own script puts it).
 * @param {string[]} origins
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean}
 */
export function createCors(origins) {
  const listed = new Set(origins.filter((origin) => origin !== '*'));
  const any = origins.includes('*');
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (listed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    } else if (any && origin !== 'null') {
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else {
      return false;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    res.setHeader('Vary', 'Origin');
    return true;
  };
}
