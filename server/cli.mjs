#!/usr/bin/env node
// The reference API server from the command line (`npm run server -- [flags]`).
//
//   --port N                 default 8787; 0 picks a free port
//   --host H                 default 127.0.0.1 (loopback only; anything else is a deliberate choice)
//   --cors-origin O          an origin allowed to call from a browser, e.g. http://localhost:8000;
//                            repeat or comma-separate for several; * for any. Default: none.
//   --token T                require `Authorization: Bearer T` (default: TN_API_TOKEN, else no auth)
//   --latency MIN-MAX        simulated delay before each operation, in ms (e.g. 150-450)
//   --max-body-bytes N       JSON body cap (default 2097152)
//   --max-attachment-bytes N upload cap (default 10485760)
//   --test-control           fault injection and request log under /__test/ (tests only)
//   --check-responses        validate every answer against the contract (on with --test-control)
//
// It prints "listening on <base URL>" once ready, then one line per request, and stops on
// Ctrl+C / SIGTERM.
import { parseArgs } from 'node:util';
import { startReferenceServer } from './server.mjs';

function fail(message) {
  console.error(`reference server: ${message}`);
  process.exit(2);
}

function integer(name, text) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) fail(`--${name} needs a whole number, got "${text}".`);
  return Number(text);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    token: { type: 'string' },
    latency: { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'max-attachment-bytes': { type: 'string' },
    'test-control': { type: 'boolean' },
    'check-responses': { type: 'boolean' },
  },
  strict: true,
});

let latency;
if (values.latency !== undefined) {
  const match = /^(\d+)(?:-(\d+))?$/.exec(values.latency);
  if (!match) fail('--latency is MS or MIN-MAX, e.g. 150-450.');
  latency = { min: Number(match[1]), max: Number(match[2] ?? match[1]) };
  if (latency.max < latency.min) fail('--latency: MAX must be ≥ MIN.');
}

const host = values.host ?? '127.0.0.1';
const token = values.token ?? process.env.TN_API_TOKEN;
const server = await startReferenceServer({
  host,
  port: integer('port', values.port) ?? 8787,
  corsOrigins: (values['cors-origin'] ?? []).flatMap((entry) => entry.split(',')).map((origin) => origin.trim()).filter(Boolean),
  token,
  latency,
  maxBodyBytes: integer('max-body-bytes', values['max-body-bytes']),
  maxAttachmentBytes: integer('max-attachment-bytes', values['max-attachment-bytes']),
  testControl: values['test-control'] === true,
  checkResponses: values['check-responses'] === true || values['test-control'] === true,
});

if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
  console.warn(`reference server: listening on ${host}, not only loopback — it holds demo data and is not hardened.`);
}
console.log(`Customer Connect reference API listening on ${server.url}`);
console.log(
  `auth: ${token === undefined ? 'none' : 'bearer token'} · CORS: ${values['cors-origin']?.join(', ') ?? 'none'}` +
    (values['test-control'] ? ' · test control on' : ''),
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
