#!/usr/bin/env node
// The reference API server from the command line: `npm run server -- [flags]` in the
// repository, `npx tn-customer-connect-server [flags]` where the package is installed.
// `--help` prints the flags (USAGE below); a wrong flag prints them too, with the problem.
// It prints "listening on <base URL>" once ready, then one line per request, and stops on
// Ctrl+C / SIGTERM. What the server is and is not: server/README.md.
import { parseArgs } from 'node:util';

const USAGE = `Usage: tn-customer-connect-server [options]

The reference implementation of the Customer Connect HTTP contract (openapi.yaml in the
package): the demo network in memory, on one machine, for trying the elements and testing a
client against. Not hardened for the internet — see server/README.md in the package.

Options:
  --port N                   port; default 8787, 0 picks a free one
  --host H                   interface; default 127.0.0.1 (loopback only)
  --cors-origin O            an origin allowed to call from a browser (repeat, or comma-separate);
                             answered with credentials allowed. * lets any other origin read answers,
                             without credentials (never the origin "null" unless it is listed).
                             Default: none
  --token T                  a caller's bearer token (repeat, or comma-separate, for several callers:
                             each token has its own demo network and idempotency keys).
                             Default: TN_API_TOKEN (comma-separated), else no auth and one network
  --latency MIN-MAX          simulated delay before each operation, ms (e.g. 150-450)
  --max-body-bytes N         JSON body cap; default 2097152 (2 MiB)
  --max-attachment-bytes N   upload cap; default 10485760 (10 MiB)
  --idempotency-ttl S        seconds a write's answer is kept for its Idempotency-Key; default 86400
  --idempotency-max-keys N   keys kept per caller, the oldest evicted past it; default 10000
  --headers-timeout S        seconds for a request's headers to arrive; default 10
  --request-timeout S        seconds for a whole request, body included, to arrive; default 60
  --max-connections N        open connections at most (more are closed at once); default 256
  --test-control             fault injection and request log under /__test/ (tests only)
  --check-responses          validate every answer against the contract (on with --test-control)
  -h, --help                 this text
`;

/** A wrong command line: the problem, and the usage (or where to find it), on stderr; exit code 2. */
function fail(message, { usage = false } = {}) {
  console.error(`tn-customer-connect-server: ${message}\n${usage ? `\n${USAGE}` : '(--help lists the options.)'}`);
  process.exit(2);
}

function integer(name, text, { min = 0, scale = 1 } = {}) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) fail(`--${name} needs a whole number${min ? ` ≥ ${min}` : ''}, got "${text}".`);
  return Number(text) * scale;
}

/** @type {Record<string, any>} */
let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      token: { type: 'string', multiple: true },
      latency: { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'max-attachment-bytes': { type: 'string' },
      'idempotency-ttl': { type: 'string' },
      'idempotency-max-keys': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'max-connections': { type: 'string' },
      'test-control': { type: 'boolean' },
      'check-responses': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error.message, { usage: true });
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

let latency;
if (values.latency !== undefined) {
  const match = /^(\d+)(?:-(\d+))?$/.exec(values.latency);
  if (!match) fail('--latency is MS or MIN-MAX, e.g. 150-450.');
  latency = { min: Number(match[1]), max: Number(match[2] ?? match[1]) };
  if (latency.max < latency.min) fail('--latency: MAX must be ≥ MIN.');
}

const list = (entries) => entries.flatMap((entry) => entry.split(',')).map((item) => item.trim()).filter(Boolean);
const tokens = list(values.token ?? (process.env.TN_API_TOKEN ? [process.env.TN_API_TOKEN] : []));
const corsOrigins = list(values['cors-origin'] ?? []);
const { startReferenceServer } = await import('./server.mjs');
const host = values.host ?? '127.0.0.1';
/** @type {import('./server.mjs').ReferenceServer} */
let server;
try {
  server = await startReferenceServer({
    host,
    port: integer('port', values.port) ?? 8787,
    corsOrigins,
    tokens,
    latency,
    maxBodyBytes: integer('max-body-bytes', values['max-body-bytes'], { min: 1 }),
    maxAttachmentBytes: integer('max-attachment-bytes', values['max-attachment-bytes'], { min: 1 }),
    idempotencyTtlMs: integer('idempotency-ttl', values['idempotency-ttl'], { min: 1, scale: 1000 }),
    idempotencyMaxKeys: integer('idempotency-max-keys', values['idempotency-max-keys'], { min: 1 }),
    headersTimeoutMs: integer('headers-timeout', values['headers-timeout'], { min: 1, scale: 1000 }),
    requestTimeoutMs: integer('request-timeout', values['request-timeout'], { min: 1, scale: 1000 }),
    maxConnections: integer('max-connections', values['max-connections'], { min: 1 }),
    testControl: values['test-control'] === true,
    checkResponses: values['check-responses'] === true || values['test-control'] === true,
  });
} catch (error) {
  // A port in use, a token that cannot be one…: said in one line, not a stack.
  console.error(`tn-customer-connect-server: ${error.code === 'EADDRINUSE' ? `port ${values.port ?? 8787} is in use (--port picks another).` : error.message}`);
  process.exit(1);
}

if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
  console.warn(`reference server: listening on ${host}, not only loopback — it holds demo data and is not hardened.`);
}
console.log(`Customer Connect reference API listening on ${server.url}`);
console.log(
  `auth: ${tokens.length === 0 ? 'none (one network)' : tokens.length === 1 ? 'bearer token' : `${tokens.length} bearer tokens, a network each`}` +
    ` · CORS: ${corsOrigins.join(', ') || 'none'}` +
    (values['test-control'] ? ' · test control on' : ''),
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
