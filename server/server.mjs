// The reference API server: the HTTP contract (api/openapi.yaml) over the demo network,
// on node:http with no framework. It routes and validates with the contract itself
// (server/contract.mjs), runs each operation on the demo engine (server/engine.mjs), and
// adds what a real deployment needs: bearer auth, CORS for configured origins, body and
// attachment size caps, Idempotency-Key on writes, one log line per request. With
// `testControl` it also accepts fault injection and shows its request log (test-control.mjs)
// and checks every answer it sends against the contract.
import { createHash } from 'node:crypto';
import { STATUS_CODES, createServer } from 'node:http';
import { bodyFieldErrors, codeFor, loadContract } from './contract.mjs';
import { loadDemoEngine } from './engine.mjs';
import { IdempotencyStore } from './idempotency.mjs';
import { TestControl } from './test-control.mjs';

/**
 * @typedef {object} ServerOptions
 * @property {string} [host]                 interface to listen on; default `127.0.0.1` (loopback only)
 * @property {number} [port]                 default 8787; 0 picks a free port
 * @property {string[]} [corsOrigins]        origins allowed to call from a browser (`*` for any); default none
 * @property {string} [token]                when set, every operation needs `Authorization: Bearer <token>`
 * @property {{ min: number, max: number }} [latency]  simulated delay before each operation, ms
 * @property {number} [maxBodyBytes]         JSON body cap; default 2 MiB
 * @property {number} [maxAttachmentBytes]   upload cap; default 10 MiB
 * @property {boolean} [testControl]         enable /__test/ fault injection and request log
 * @property {boolean} [checkResponses]      validate every answer against the contract; default = testControl
 * @property {(line: string) => void} [log]  where request lines go; default stdout
 */

/**
 * @typedef {object} ReferenceServer
 * @property {import('node:http').Server} server
 * @property {string} url       base URL of the API, e.g. `http://127.0.0.1:8787/v1`
 * @property {() => Promise<void>} close
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
 * Reads a request body up to `limit` bytes, hashing it as it comes. Past the limit the rest
 * is read and dropped (so the client still gets the 413), up to four times the limit, where
 * the connection is cut.
 * @returns {Promise<{ size: number, hash: string, bytes?: Buffer, tooLarge: boolean }>}
 */
function readBody(req, limit, keep) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit * 4) {
        req.destroy();
        return;
      }
      if (size <= limit) {
        hash.update(chunk);
        if (keep) chunks.push(chunk);
      }
    });
    req.on('end', () =>
      resolve({ size, hash: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : undefined, tooLarge: size > limit }),
    );
    req.on('error', reject);
  });
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
  const corsOrigins = new Set(options.corsOrigins ?? []);
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
  const state = { network: new engine.DemoNetwork() };
  state.network.directoryStats(); // builds the 60,000-entity directory index now, not on the first search
  const idempotency = new IdempotencyStore();

  /** Adds CORS headers for an allowed origin; false when the origin is not allowed. */
  function cors(req, res) {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (!corsOrigins.has(origin) && !corsOrigins.has('*')) return false;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    res.setHeader('Vary', 'Origin');
    return true;
  }

  /** Sends a stored response (plus `extraHeaders`). */
  function send(res, response, extraHeaders = {}) {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(response.status, { ...response.headers, ...extraHeaders });
    res.end(response.body);
  }

  /** Test control: `/__test/…`. */
  async function control(req, res, path) {
    if (req.method === 'POST' && path === '/__test/reset') {
      state.network = new engine.DemoNetwork();
      idempotency.clear();
      testControl.reset();
      return { status: 204, headers: {}, body: '' };
    }
    if (req.method === 'POST' && path === '/__test/faults') {
      const { bytes } = await readBody(req, 64 * 1024, true);
      let value;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        return problem(400, { detail: 'The fault is not JSON.' });
      }
      const error = testControl.addFault(value, operationIds);
      return error ? problem(400, { detail: error }) : { status: 204, headers: {}, body: '' };
    }
    if (req.method === 'GET' && path === '/__test/log') return json(200, { requests: testControl.requests() });
    return problem(404, { detail: 'No such test-control endpoint.' });
  }

  /**
   * Runs one operation: parameters, auth, body, validation, idempotency, the engine.
   * @returns {Promise<{ response: StoredResponse, replayed?: boolean, drop?: boolean } | undefined>} undefined: the client left
   */
  async function runOperation(req, url, operation, match, record, gone) {
    // Auth first: nothing about the request is looked at for a caller without credentials.
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      req.resume();
      return {
        response: problem(401, {
          detail: 'A valid bearer token is required.',
          code: 'unauthorized',
          headers: { 'WWW-Authenticate': 'Bearer realm="customer-connect"' },
        }),
      };
    }

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
      req.resume();
      return { response: { status: fault.status ?? 500, headers: fault.headers ?? {}, body: fault.body ?? '' } };
    }

    // Parameters: path, query, header — each checked with its schema from the contract.
    /** @type {Record<string, unknown>} */
    const params = {};
    /** @type {import('./contract.mjs').FieldError[]} */
    const fieldErrors = [];
    for (const parameter of operation.parameters) {
      let raw;
      if (parameter.in === 'path') raw = decodeURIComponent(match[operation.pathNames.indexOf(parameter.name) + 1]);
      else if (parameter.in === 'query') raw = url.searchParams.get(parameter.name) ?? undefined;
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

    // Body: JSON (capped at maxBodyBytes) or an upload (capped at maxAttachmentBytes).
    const upload = operation.body === 'binary';
    const body = await readBody(req, upload ? maxAttachmentBytes : maxBodyBytes, !upload);
    if (gone()) return undefined;
    if (body.tooLarge) {
      return {
        response: problem(413, {
          detail: `The body is over the limit of ${upload ? maxAttachmentBytes : maxBodyBytes} bytes.`,
          code: 'invalid',
          fieldErrors: upload ? [{ field: 'file', code: 'too-large' }] : [],
        }),
      };
    }
    let payload;
    if (operation.body === 'json') {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return { response: problem(415, { detail: 'The body must be application/json.', code: 'invalid' }) };
      }
      try {
        payload = JSON.parse(body.bytes.toString('utf8'));
      } catch {
        return { response: problem(400, { detail: 'The body is not valid JSON.', code: 'invalid' }) };
      }
      if (!operation.validateBody(payload)) fieldErrors.push(...bodyFieldErrors(operation.validateBody.errors));
    }
    if (fieldErrors.length > 0) {
      const fields = fieldErrors.map((error) => `${error.field} (${error.code})`).join(', ');
      return { response: problem(400, { detail: `Invalid request: ${fields}.`, code: 'invalid', fieldErrors }) };
    }

    const execute = async () => {
      let response;
      try {
        const value = HANDLERS[operation.operationId]({ network: state.network, params, body: payload, upload: { size: body.size } });
        response = json(operation.successStatus, value);
        if (checkResponses && operation.validateResponse && !operation.validateResponse(value)) {
          const detail = `The server's answer breaks the contract: ${contract.describeErrors(operation.validateResponse)}`;
          log(`CONTRACT VIOLATION ${operation.operationId}: ${detail}`);
          response = problem(500, { detail, code: 'unavailable' });
        }
      } catch (error) {
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
    const scope = `${req.headers.authorization ?? ''}\u0000${operation.operationId}`;
    const outcome = await idempotency.run(scope, key, fingerprint, execute);
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
    const url = new URL(req.url ?? '/', 'http://server');
    /** @type {import('./test-control.mjs').LoggedRequest} */
    const record = {
      method: req.method ?? '?',
      path: url.pathname + url.search,
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

    if (!cors(req, res)) {
      req.resume();
      return send(res, problem(403, { detail: `Origin ${req.headers.origin} is not allowed.`, code: 'forbidden' }));
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      return send(res, { status: 204, headers: {}, body: '' });
    }
    if (testControl && url.pathname.startsWith('/__test/')) return send(res, await control(req, res, url.pathname));

    const path = url.pathname.startsWith(`${contract.basePath}/`) ? url.pathname.slice(contract.basePath.length) : undefined;
    if (req.method === 'GET' && path === '/openapi.json') return send(res, json(200, JSON.parse(contractJson)));
    if (req.method === 'GET' && path === '/openapi.yaml') {
      return send(res, { status: 200, headers: { 'Content-Type': 'application/yaml; charset=utf-8' }, body: contract.source });
    }
    const candidates = path === undefined ? [] : contract.operations.filter((operation) => operation.pattern.test(path));
    const found = candidates.find((operation) => operation.method === req.method);
    if (!found) {
      req.resume();
      if (candidates.length > 0) {
        const allow = candidates.map((operation) => operation.method).join(', ');
        return send(res, problem(405, { detail: `Use ${allow}.`, headers: { Allow: allow } }));
      }
      return send(res, problem(404, { detail: `No operation at ${url.pathname}.`, code: 'not-found' }));
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
    return send(res, result.response, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`ERROR ${req.method} ${req.url}: ${error?.stack ?? error}`);
      send(res, problem(500, { detail: 'The server failed.', code: 'unavailable' }));
    });
  });
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
  };
}
