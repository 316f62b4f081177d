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
//
// The parts, by responsibility: callers.mjs (auth, tenancy, CORS), request-input.mjs (the
// target, the body within its cap, parameters), operations.mjs (the handlers and one
// operation's run), answers.mjs (problem bodies, sending, refusing early), heavy-reads.mjs
// (the group answers' cache), idempotency.mjs, contract.mjs, engine.mjs, test-control.mjs.
// This file routes a request to them and runs the HTTP server.
import { createServer } from 'node:http';
import { json, noContent, problem, refuse, send } from './answers.mjs';
import { createCallers, createCors, unauthorized } from './callers.mjs';
import { loadContract } from './contract.mjs';
import { loadDemoEngine } from './engine.mjs';
import { DAY_MS, DEFAULT_MAX_KEYS } from './idempotency.mjs';
import { checkHandlers, createOperationRunner } from './operations.mjs';
import { readBody, requestUrl, utf8 } from './request-input.mjs';
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
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key';

/**
 * Starts the reference server.
 * @param {ServerOptions} [options]
 * @returns {Promise<ReferenceServer>}
 */
export async function startReferenceServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const testControl = options.testControl ? new TestControl() : undefined;
  const log = options.log ?? ((line) => console.log(line));

  const contract = loadContract();
  checkHandlers(contract);
  const operationIds = new Set(contract.operations.map((operation) => operation.operationId));
  const contractJson = JSON.stringify(contract.document);

  const engine = await loadDemoEngine();
  new engine.DemoNetwork().directoryStats(); // builds the 60,000-entity directory index (shared) now, not on the first search

  const callers = createCallers({
    tokens: options.tokens ?? (options.token !== undefined ? [options.token] : []),
    engine,
    idempotencyTtlMs: options.idempotencyTtlMs ?? DAY_MS,
    idempotencyMaxKeys: options.idempotencyMaxKeys ?? DEFAULT_MAX_KEYS,
  });
  const cors = createCors(options.corsOrigins ?? []);
  const runOperation = createOperationRunner({
    contract,
    engine,
    callers,
    unauthorized,
    testControl,
    checkResponses: options.checkResponses ?? Boolean(options.testControl),
    maxBodyBytes: options.maxBodyBytes ?? 2 * MiB,
    maxAttachmentBytes: options.maxAttachmentBytes ?? 10 * MiB,
    latency: options.latency,
    log,
  });

  /** Test control: `/__test/…`, for a caller with valid credentials. */
  async function control(req, res, path) {
    const tenant = callers.of(req);
    if (!tenant) return { response: unauthorized(), early: true };
    if (req.method === 'POST' && path === '/__test/reset') {
      callers.reset(tenant);
      testControl.reset();
      return { response: noContent() };
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
      return { response: error ? problem(400, { detail: error }) : noContent() };
    }
    if (req.method === 'GET' && path === '/__test/log') return { response: json(200, { requests: testControl.requests() }) };
    return { response: problem(404, { detail: 'No such test-control endpoint.' }), early: true };
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
      return send(res, noContent());
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
    idempotencyStats: (token) => callers.idempotencyStats(token),
  };
}
