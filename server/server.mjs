// The reference API server: the HTTP contract (api/openapi.yaml) over the demo network,
// on node:http with no framework. It routes and validates with the contract itself
// (server/contract.mjs), runs each operation on the demo engine (server/engine.mjs), and
// adds what the contract asks of a deployment: bearer auth (one demo network per token),
// CORS for configured origins, body and attachment size caps, every request checked before
// the engine sees it, Idempotency-Key on writes (a bounded store per caller), timeouts and
// a connection cap, one log line per request. With `testControl` it also accepts fault
// injection and shows its request log (test-control.mjs) and checks every answer it sends
// against the contract. What it is and is not (a reference, in memory, not hardened for
// the internet): server/README.md.
import { createHash } from 'node:crypto';
import { STATUS_CODES, createServer } from 'node:http';
import { bodyFieldErrors, codeFor, loadContract } from './contract.mjs';
import { loadDemoEngine } from './engine.mjs';
import { HeavyReadCache, acceptsGzip, matchesEtag } from './heavy-reads.mjs';
import { DAY_MS, DEFAULT_MAX_KEYS, IdempotencyStore } from './idempotency.mjs';
import { TestControl } from './test-control.mjs';

/**
 * @typedef {object} ServerOptions
 * @property {string} [host]                 interface to listen on; default `127.0.0.1` (loopback only)
 * @property {number} [port]                 default 8787; 0 picks a free port
 * @property {string[]} [corsOrigins]        origins allowed to call from a browser; default none. A listed
 *                                           origin is answered with credentials allowed; `*` lets any other
 *                                           origin read answers (`Access-Control-Allow-Origin: *`, no
 *                                           credentials) except `null`, which must be listed to be allowed
 * @property {string[]} [tokens]             the callers: every operation needs `Authorization: Bearer <one of them>`,
 *                                           and each token has a demo network (and idempotency keys) of its own
 * @property {string} [token]                one caller (= `tokens: [token]`)
 * @property {{ min: number, max: number }} [latency]  simulated delay before each operation, ms
 * @property {number} [maxBodyBytes]         JSON body cap; default 2 MiB
 * @property {number} [maxAttachmentBytes]   upload cap; default 10 MiB
 * @property {number} [idempotencyTtlMs]    how long a write's answer is kept for its key; default 24 h
 * @property {number} [idempotencyMaxKeys]   keys kept per caller at most, the oldest evicted past it; default 10,000
 * @property {number} [headersTimeoutMs]     a request's headers must arrive within this; default 10 s
 * @property {number} [requestTimeoutMs]     a whole request (headers and body) must arrive within this; default 60 s
 * @property {number} [keepAliveTimeoutMs]   an idle kept-alive connection is closed after this; default 5 s
 * @property {number} [maxConnections]       open connections at most; more are closed at once; default 256
 * @property {boolean} [testControl]         enable /__test/ fault injection and request log
 * @property {boolean} [checkResponses]      validate every answer against the contract; default = testControl
 * @property {(line: string) => void} [log]  where request lines go; default stdout
 */

/**
 * @typedef {object} ReferenceServer
 * @property {import('node:http').Server} server
 * @property {string} url       base URL of the API, e.g. `http://127.0.0.1:8787/v1`
 * @property {() => Promise<void>} close
 * @property {(token?: string) => { keys: number, evicted: number }} idempotencyStats  a caller's store (no token: the only caller)
 */

/** @typedef {import('./idempotency.mjs').StoredResponse} StoredResponse */

const MiB = 1024 * 1024;
/** HTTP status for each adapter error code the engine throws. */
const STATUS_BY_CODE = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
  unavailable: 503,
  timeout: 504,
};
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed';
/** Heavy reads: answered from a cache per caller (computed once per state of its network), gzipped, with an ETag. */
const HEAVY_READS = new Set(['getGroup']);
/** The operations whose idempotency keys the engine keeps too (it forgets them when the server does). */
/** How long a refused request's connection lingers to drop what the client still sends (ms). */
const LINGER_MS = 500;
const ENGINE_KEYED = new Set(['requestConnection', 'connectWithoutVerification']);
/** Strict UTF-8: a body that is not is a 400, not a string with U+FFFD in it. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The operations, by operationId (= adapter method): each turns the validated request into
 * a call of the demo network and returns the success body. Engine errors propagate.
 * @type {Record<string, (request: { network: any, params: Record<string, any>, body: any, upload?: { size: number } }) => unknown>}
 */
const HANDLERS = {
  searchDirectory: ({ network, params }) =>
    network.searchDirectory({ text: params.text, cursor: params.cursor, pageSize: params.pageSize }),
  getCustomer: ({ network, params }) => network.getCustomer(params.id),
  getGroup: ({ network, params }) => network.getGroup(params.groupId, { accountId: params.accountId }),
  listAccounts: ({ network }) => ({ items: network.listAccounts() }),
  uploadAttachment: ({ network, params, upload }) => network.registerAttachment(params.name, upload?.size ?? 0),
  requestConnection: ({ network, params, body }) =>
    network.requestConnection({
      ...body,
      attachment: body.attachment ? { kind: 'uploaded', ...body.attachment } : undefined,
      idempotencyKey: params['Idempotency-Key'],
    }),
  getVerification: ({ network, params }) => network.getVerification(params.verificationId),
  submitVerificationEvidence: ({ network, params, body }) => network.submitVerificationEvidence(params.verificationId, body),
  answerChallenge: ({ network, params, body }) => network.answerChallenge(params.verificationId, body),
  connectWithoutVerification: ({ network, params }) =>
    network.connectWithoutVerification(params.verificationId, { idempotencyKey: params['Idempotency-Key'] }),
  getSupportCase: ({ network, params }) => network.getSupportCase(params.reference),
  getAttentionSummary: ({ network }) => network.getAttentionSummary(),
  listRelationships: ({ network, params }) => ({ items: network.listRelationships({ accountId: params.accountId }) }),
};

/** A JSON answer. @returns {StoredResponse} */
function json(status, value, headers = {}) {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/**
 * An RFC 9457 problem answer.
 * @param {number} status
 * @param {{ detail?: string, code?: string, fieldErrors?: import('./contract.mjs').FieldError[], headers?: Record<string, string> }} [extra]
 * @returns {StoredResponse}
 */
function problem(status, extra = {}) {
  const body = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.fieldErrors?.length ? { fieldErrors: extra.fieldErrors } : {}),
  };
  return { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...extra.headers }, body: JSON.stringify(body) };
}

/** Resolves after `ms`, or as soon as `gone()` says the client left (checked every 25 ms). */
function wait(ms, gone) {
  return new Promise((resolve) => {
    const end = Date.now() + ms;
    const tick = () => (gone() || Date.now() >= end ? resolve() : setTimeout(tick, Math.min(25, end - Date.now())));
    tick();
  });
}

/**
 * Reads a request body up to `limit` bytes, hashing it as it comes. Past the limit it stops
 * reading and resolves `tooLarge` at once (the answer, a 413, closes the connection). A
 * declared `Content-Length` over the limit never gets here (refused before any byte is read).
 * A client that stops sending is cut by the server's request timeout.
 * @returns {Promise<{ size: number, hash: string, bytes?: Buffer, tooLarge: boolean }>}
 */
function readBody(req, limit, keep) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve({ size, hash: '', tooLarge: true });
        return;
      }
      hash.update(chunk);
      if (keep) chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve({ size, hash: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : undefined, tooLarge: size > limit }),
    );
    req.on('error', reject);
  });
}

/** The media type of a Content-Type header, lower case without parameters; `charset` when one is given. */
function mediaType(header) {
  const [type = '', ...parameters] = String(header ?? '').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().split('='))
    .find(([name]) => name?.toLowerCase() === 'charset')?.[1]
    ?.replace(/^"|"$/g, '')
    .toLowerCase();
  return { type: type.trim().toLowerCase(), charset };
}

/** A plain JSON object (not null, an array, a string, a number or a boolean). */
function isJsonObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request target as a URL, or undefined when it is not one (absolute form or a path). */
function requestUrl(target) {
  try {
    return target.startsWith('/') ? new URL(`http://server${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** sha256 of a token, hex: tokens are looked up (and logged as a caller number) by their hash. */
function tokenHash(token) {
  return createHash('sha256').update(token).digest('hex');
}

/** `text=a&pageSize=2` → `{ text: 'a', pageSize: 2 }`, coercing by each parameter's schema type. */
function coerce(value, schema) {
  if (value === undefined) return undefined;
  if ((schema?.type === 'integer' || schema?.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/**
 * Starts the reference server.
 * @param {ServerOptions} [options]
 * @returns {Promise<ReferenceServer>}
 */
export async function startReferenceServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const corsOrigins = new Set((options.corsOrigins ?? []).filter((origin) => origin !== '*'));
  const corsAny = (options.corsOrigins ?? []).includes('*');
  const tokens = options.tokens ?? (options.token !== undefined ? [options.token] : []);
  for (const token of tokens) {
    // RFC 6750 b64token: what a bearer token may be, so that a header can carry it.
    if (typeof token !== 'string' || !/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
      throw new Error('A bearer token is one or more of A-Z a-z 0-9 - . _ ~ + / (then = padding).');
    }
  }
  if (new Set(tokens).size !== tokens.length) throw new Error('The same bearer token is listed twice.');
  const idempotencyTtlMs = options.idempotencyTtlMs ?? DAY_MS;
  const idempotencyMaxKeys = options.idempotencyMaxKeys ?? DEFAULT_MAX_KEYS;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * MiB;
  const maxAttachmentBytes = options.maxAttachmentBytes ?? 10 * MiB;
  const testControl = options.testControl ? new TestControl() : undefined;
  const checkResponses = options.checkResponses ?? Boolean(options.testControl);
  const log = options.log ?? ((line) => console.log(line));

  const contract = loadContract();
  const missing = contract.operations.filter((operation) => !HANDLERS[operation.operationId]);
  const extra = Object.keys(HANDLERS).filter((id) => !contract.operations.some((operation) => operation.operationId === id));
  if (missing.length || extra.length) {
    throw new Error(
      `The server and the contract disagree: no handler for [${missing.map((o) => o.operationId)}], ` +
        `handlers outside the contract [${extra}].`,
    );
  }
  const operationIds = new Set(contract.operations.map((operation) => operation.operationId));
  const contractJson = JSON.stringify(contract.document);

  const engine = await loadDemoEngine();
  new engine.DemoNetwork().directoryStats(); // builds the 60,000-entity directory index (shared) now, not on the first search

  /**
   * @typedef {object} Tenant  one caller: its network and its idempotency keys
   * @property {string} hash    of its token
   * @property {number} number  1, 2… in the order of the token list (the log names callers so, never by token)
   * @property {any} network
   * @property {number} version  bumped on every change of the network (heavy answers are cached per version)
   * @property {HeavyReadCache} heavy
   * @property {IdempotencyStore} idempotency
   */
  /** Callers' numbers by the hash of their token ('' without tokens: one anonymous caller). */
  const callers = new Map((tokens.length ? tokens.map(tokenHash) : ['']).map((hash, i) => [hash, i + 1]));
  /** Callers' states, made on first use. @type {Map<string, Tenant>} */
  const tenants = new Map();

  /** A fresh state for a caller: a seed network, and a store that makes the network forget what it forgets. */
  function freshTenant(hash, number) {
    /** @type {Tenant} */
    const tenant = { hash, number, version: 0, heavy: new HeavyReadCache() };
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

  /** The caller a request's credentials name, or undefined when they name none. @returns {Tenant | undefined} */
  function tenantOf(req) {
    let hash = '';
    if (tokens.length > 0) {
      const match = /^Bearer ([^\s]+)$/.exec(req.headers.authorization ?? '');
      if (!match) return undefined;
      hash = tokenHash(match[1]);
    }
    const number = callers.get(hash);
    if (number === undefined) return undefined;
    let tenant = tenants.get(hash);
    if (!tenant) tenants.set(hash, (tenant = freshTenant(hash, number)));
    return tenant;
  }

  const unauthorized = () =>
    problem(401, {
      detail: 'A valid bearer token is required.',
      code: 'unauthorized',
      headers: { 'WWW-Authenticate': 'Bearer realm="customer-connect"' },
    });

  /**
   * Adds CORS headers for an allowed origin; false when the origin is not allowed. A listed
   * origin is echoed with credentials allowed; with `*`, any other origin but `null` gets a
   * literal `*` and no credentials (a browser then sends no cookies, and the bearer token
   * only where the page's own script puts it).
   */
  function cors(req, res) {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (corsOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    } else if (corsAny && origin !== 'null') {
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else {
      return false;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    res.setHeader('Vary', 'Origin');
    return true;
  }

  /**
   * A cached heavy answer for this request: `304` when its If-None-Match names the ETag,
   * else the JSON, gzipped when the client accepts it. Browsers revalidate (`no-cache`).
   * @param {import('./heavy-reads.mjs').CachedAnswer} answer
   * @returns {StoredResponse}
   */
  function heavyAnswer(req, answer) {
    const headers = { ETag: answer.etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding, Authorization' };
    if (matchesEtag(req.headers['if-none-match'], answer.etag)) return { status: 304, headers, body: '' };
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) },
      body: gzip ? answer.gzip : answer.identity,
    };
  }

  /**
   * Sends a stored response (plus `extraHeaders`); with `hold`, writes it whole but leaves
   * ending it to the caller (the client has the answer: its length is declared).
   */
  function send(res, response, extraHeaders = {}, { hold = false } = {}) {
    if (res.headersSent || res.destroyed) return;
    const vary = [res.getHeader('Vary'), response.headers.Vary].filter(Boolean).join(', ');
    const length = response.status === 204 || response.status === 304 ? {} : { 'Content-Length': Buffer.byteLength(response.body) };
    res.writeHead(response.status, { ...response.headers, ...extraHeaders, ...length, ...(vary ? { Vary: vary } : {}) });
    if (hold) res.write(response.body);
    else res.end(response.body);
  }

  /**
   * Answers without reading the request's body, and closes the connection after the answer:
   * a refused request's body (unauthenticated, too large, of the wrong type, for no
   * operation) is never waited for. The close lingers: the whole answer is written at once,
   * but the response (and with it the connection) ends only when the client has sent its
   * body or LINGER_MS have passed, the server dropping what arrives meanwhile — a browser
   * still uploading when the connection is cut (Firefox, WebKit) reports a network error
   * instead of the answer.
   */
  function refuse(res, response) {
    const { req } = res;
    if (req.complete) return send(res, response, { Connection: 'close' });
    const finish = () => {
      clearTimeout(timer);
      res.end();
    };
    const timer = setTimeout(finish, LINGER_MS);
    req.once('end', finish);
    req.resume();
    send(res, response, { Connection: 'close' }, { hold: true });
  }

  /** Test control: `/__test/…`, for a caller with valid credentials. */
  async function control(req, res, path) {
    const tenant = tenantOf(req);
    if (!tenant) return { response: unauthorized(), early: true };
    if (req.method === 'POST' && path === '/__test/reset') {
      tenants.set(tenant.hash, freshTenant(tenant.hash, tenant.number));
      testControl.reset();
      return { response: { status: 204, headers: {}, body: '' } };
    }
    if (req.method === 'POST' && path === '/__test/faults') {
      const { bytes, tooLarge } = await readBody(req, 64 * 1024, true);
      if (tooLarge) return { response: problem(413, { detail: 'A fault is at most 64 KiB.' }), early: true };
      let value;
      try {
        value = JSON.parse(utf8.decode(bytes));
      } catch {
        return { response: problem(400, { detail: 'The fault is not JSON.' }) };
      }
      const error = testControl.addFault(value, operationIds);
      return { response: error ? problem(400, { detail: error }) : { status: 204, headers: {}, body: '' } };
    }
    if (req.method === 'GET' && path === '/__test/log') return { response: json(200, { requests: testControl.requests() }) };
    return { response: problem(404, { detail: 'No such test-control endpoint.' }), early: true };
  }

  /**
   * Runs one operation: auth, declared size and type, body, parameters and body checked
   * against the contract, idempotency, the engine. Everything the engine gets has been
   * validated; every refusal is a 4xx problem.
   * @returns {Promise<{ response: StoredResponse, replayed?: boolean, drop?: boolean, early?: boolean } | undefined>}
   *   undefined: the client left; `early`: answered without reading the body (the connection closes)
   */
  async function runOperation(req, url, operation, match, record, gone) {
    // Auth first: nothing about the request is looked at, nor its body read, for a caller without credentials.
    const tenant = tenantOf(req);
    if (!tenant) return { response: unauthorized(), early: true };
    if (callers.size > 1) record.caller = tenant.number;

    // What the headers say about the body, before reading any of it.
    const upload = operation.body === 'binary';
    const limit = upload ? maxAttachmentBytes : maxBodyBytes;
    const tooLarge = () =>
      problem(413, {
        detail: `The body is over the limit of ${limit} bytes.`,
        code: 'invalid',
        fieldErrors: upload ? [{ field: 'file', code: 'too-large' }] : [],
      });
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return { response: tooLarge(), early: true };
    if (operation.body === 'json') {
      const { type, charset } = mediaType(req.headers['content-type']);
      if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
        return { response: problem(415, { detail: 'The body must be application/json (UTF-8).', code: 'invalid' }), early: true };
      }
    }

    // Body: JSON (capped at maxBodyBytes) or an upload (capped at maxAttachmentBytes).
    const body = await readBody(req, limit, !upload);
    if (gone()) return undefined;
    if (body.tooLarge) return { response: tooLarge(), early: true };

    const fault = testControl?.takeFault(operation.operationId);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'delay') await wait(fault.delayMs ?? 0, gone);
    if (options.latency) {
      const { min, max } = options.latency;
      await wait(min + Math.random() * (max - min), gone);
    }
    if (gone()) return undefined;
    if (fault?.kind === 'drop') return { response: problem(500), drop: true };
    if (fault?.kind === 'respond') {
      return { response: { status: fault.status ?? 500, headers: fault.headers ?? {}, body: fault.body ?? '' } };
    }

    // Parameters: path, query, header — each checked with its schema from the contract.
    /** @type {Record<string, unknown>} */
    const params = {};
    /** @type {import('./contract.mjs').FieldError[]} */
    const fieldErrors = [];
    for (const parameter of operation.parameters) {
      let raw;
      if (parameter.in === 'path') {
        try {
          raw = decodeURIComponent(match[operation.pathNames.indexOf(parameter.name) + 1]);
        } catch {
          fieldErrors.push({ field: parameter.field, code: 'invalid', message: 'is not valid percent-encoded UTF-8' });
          continue;
        }
      } else if (parameter.in === 'query') raw = url.searchParams.get(parameter.name) ?? undefined;
      else raw = req.headers[parameter.name.toLowerCase()];
      const value = coerce(raw, parameter.schema);
      if (value === undefined) {
        if (parameter.required) fieldErrors.push({ field: parameter.field, code: 'required' });
        continue;
      }
      if (!parameter.validate(value)) {
        const [error] = parameter.validate.errors;
        fieldErrors.push({ field: parameter.field, code: codeFor(error), message: error.message });
        continue;
      }
      params[parameter.name] = value;
    }

    // The JSON body: UTF-8, JSON, an object, and what the contract's schema says.
    let payload;
    if (operation.body === 'json') {
      let text;
      try {
        text = utf8.decode(body.bytes);
      } catch {
        return { response: problem(400, { detail: 'The body is not UTF-8.', code: 'invalid' }) };
      }
      try {
        payload = JSON.parse(text);
      } catch {
        return { response: problem(400, { detail: 'The body is not valid JSON.', code: 'invalid' }) };
      }
      if (!isJsonObject(payload)) {
        return { response: problem(400, { detail: 'The body must be a JSON object.', code: 'invalid', fieldErrors }) };
      }
      if (!operation.validateBody(payload)) {
        const errors = bodyFieldErrors(operation.validateBody.errors);
        if (errors.length === 0) {
          const detail = `The body does not match the contract: ${contract.describeErrors(operation.validateBody)}.`;
          return { response: problem(400, { detail, code: 'invalid', fieldErrors }) };
        }
        fieldErrors.push(...errors);
      }
    }
    if (fieldErrors.length > 0) {
      const fields = fieldErrors.map((error) => `${error.field} (${error.code})`).join(', ');
      return { response: problem(400, { detail: `Invalid request: ${fields}.`, code: 'invalid', fieldErrors }) };
    }

    /** The operation's value, checked against the contract when asked to (a violation throws). */
    const compute = () => {
      const value = HANDLERS[operation.operationId]({ network: tenant.network, params, body: payload, upload: { size: body.size } });
      if (checkResponses && operation.validateResponse && !operation.validateResponse(value)) {
        throw Object.assign(new Error(`The server's answer breaks the contract: ${contract.describeErrors(operation.validateResponse)}`), {
          contractViolation: true,
        });
      }
      return value;
    };
    const execute = async () => {
      let response;
      try {
        if (HEAVY_READS.has(operation.operationId)) {
          const key = JSON.stringify([operation.operationId, url.pathname, [...url.searchParams].sort()]);
          response = heavyAnswer(req, await tenant.heavy.get(key, tenant.version, compute));
        } else {
          response = json(operation.successStatus, compute());
        }
      } catch (error) {
        if (error?.contractViolation) {
          log(`CONTRACT VIOLATION ${operation.operationId}: ${error.message}`);
          return { response: problem(500, { detail: error.message, code: 'unavailable' }), store: false };
        }
        if (!engine.isAdapterError(error)) throw error;
        const status = error.status ?? STATUS_BY_CODE[error.code] ?? 500;
        response = problem(status, { detail: error.message, code: error.code, fieldErrors: error.fieldErrors });
      }
      // Answers about the operation are kept for the key; a server failure is not (a retry runs again).
      return { response, store: response.status < 500 };
    };

    if (operation.method !== 'POST') return { ...(await execute()), drop: fault?.kind === 'drop-after' };
    const key = String(params['Idempotency-Key']);
    record.idempotencyKey = key;
    const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([operation.operationId, url.pathname, query, body.hash]))
      .digest('hex');
    // The caller's own store, scoped by operation (the engine's keys are per caller and operation too).
    const outcome = await tenant.idempotency.run(operation.operationId, key, fingerprint, execute);
    if ('conflict' in outcome) {
      return {
        response: problem(409, { detail: 'This Idempotency-Key was already used for a different request.', code: 'conflict' }),
      };
    }
    return { response: outcome.response, replayed: outcome.replayed, drop: fault?.kind === 'drop-after' };
  }

  /** One request, start to end. */
  async function handle(req, res) {
    const receivedAt = Date.now();
    const url = requestUrl(req.url ?? '/');
    /** @type {import('./test-control.mjs').LoggedRequest} */
    const record = {
      method: req.method ?? '?',
      path: url ? url.pathname + url.search : String(req.url).slice(0, 200),
      status: 'pending',
      replayed: false,
      receivedAt,
      finishedAt: 0,
    };
    let dropped = false;
    let left = false;
    let logged = false;
    // Logged when the answer is handed over ('finish') or the connection ends without one
    // ('close'), whichever comes first: once per request.
    const done = () => {
      if (!res.writableFinished) left = true;
      if (logged) return;
      logged = true;
      record.status = res.writableFinished ? res.statusCode : dropped ? 'dropped' : 'client-closed';
      record.finishedAt = Date.now();
      const parts = [
        new Date(receivedAt).toISOString(),
        record.method,
        record.path,
        String(record.status),
        `${record.finishedAt - receivedAt}ms`,
        record.operation,
        record.caller && `caller=${record.caller}`,
        record.idempotencyKey && `key=${record.idempotencyKey}`,
        record.replayed && 'replayed',
        record.fault && `fault=${record.fault}`,
      ];
      log(parts.filter(Boolean).join(' '));
    };
    res.once('finish', done);
    res.once('close', done);
    const gone = () => left || res.destroyed;
    // In test mode every connection serves one request: a browser never silently re-sends
    // a request on a reused connection that a fault dropped, so each fault is seen as such.
    if (testControl) res.setHeader('Connection', 'close');

    if (!url) return refuse(res, problem(400, { detail: 'The request target is not a URL.', code: 'invalid' }));
    if (!cors(req, res)) {
      return refuse(res, problem(403, { detail: `Origin ${req.headers.origin} is not allowed.`, code: 'forbidden' }));
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      return send(res, { status: 204, headers: {}, body: '' });
    }
    if (testControl && url.pathname.startsWith('/__test/')) {
      const { response, early } = await control(req, res, url.pathname);
      return early ? refuse(res, response) : send(res, response);
    }

    const path = url.pathname.startsWith(`${contract.basePath}/`) ? url.pathname.slice(contract.basePath.length) : undefined;
    if (req.method === 'GET' && path === '/openapi.json') return send(res, json(200, JSON.parse(contractJson)));
    if (req.method === 'GET' && path === '/openapi.yaml') {
      return send(res, { status: 200, headers: { 'Content-Type': 'application/yaml; charset=utf-8' }, body: contract.source });
    }
    const candidates = path === undefined ? [] : contract.operations.filter((operation) => operation.pattern.test(path));
    const found = candidates.find((operation) => operation.method === req.method);
    if (!found) {
      if (candidates.length > 0) {
        const allow = candidates.map((operation) => operation.method).join(', ');
        return refuse(res, problem(405, { detail: `Use ${allow}.`, headers: { Allow: allow } }));
      }
      return refuse(res, problem(404, { detail: `No operation at ${url.pathname}.`, code: 'not-found' }));
    }
    record.operation = found.operationId;
    testControl?.record(record); // listed as 'pending' until it ends
    const result = await runOperation(req, url, found, path.match(found.pattern), record, gone);
    if (!result) return undefined;
    record.replayed = result.replayed === true;
    if (result.drop) {
      // Cut the connection in the middle of the answer's header. Not before any byte
      // (Firefox silently re-sends a GET whose connection closed unanswered), nor in the
      // body (WebKit hands a truncated body over as if it were whole).
      dropped = true;
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: applica', () => req.socket.destroy());
      return undefined;
    }
    if (result.early) return refuse(res, result.response);
    return send(res, result.response, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  }

  // Connection hygiene, set on purpose rather than left to Node's defaults (which wait 300 s
  // for a request's body and take any number of connections): headers within 10 s, the
  // whole request within 60 s (a 10 MiB upload needs ~1.4 Mbit/s), idle kept-alive
  // connections closed after 5 s, at most 256 connections open (more are closed at once),
  // and the timeouts checked every second instead of every 30 s.
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 60_000, headersTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    (req, res) => {
      handle(req, res).catch((error) => {
        log(`ERROR ${req.method} ${req.url}: ${error?.stack ?? error}`);
        send(res, problem(500, { detail: 'The server failed.', code: 'unavailable' }));
      });
    },
  );
  server.maxConnections = options.maxConnections ?? 256;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${hostPart}:${address.port}${contract.basePath}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
    idempotencyStats: (token) => {
      const tenant = tenants.get(token === undefined ? [...callers.keys()][0] : tokenHash(token));
      return { keys: tenant?.idempotency.size ?? 0, evicted: tenant?.idempotency.evicted ?? 0 };
    },
  };
}
