#!/usr/bin/env node
// `npm run server:load`: a bounded load and abuse run against the reference API server
// (server/), on loopback only, that stops by itself (a hard deadline of 60 s; --quick for a
// short run). It starts the server as a child process (`server/cli.mjs --port 0` on
// 127.0.0.1, with a random token), then prints:
//
//   1. the hostile-input table (server/test/hostile-requests.mjs) — some 320 wrong requests
//      over every operation of the contract — as statuses per case; none may be a 5xx;
//   2. what one write costs the idempotency store holding 1,000 and 100,000 keys
//      (server/test/idempotency-cost.mjs, in this process: the store alone, no HTTP);
//   3. a heavy-group flood — GET /directory/groups/GRP-GLOBEX (the largest group, ~2 MB of
//      JSON) at concurrency 50, at least 300 times and for at least 10 s, accepting gzip as
//      browsers do, with a write every second (an upload) so that the network changes and
//      the group is computed again under the flood — and, meanwhile, the
//      latency of light requests (GET /accounts, one at a time, from a worker thread so that
//      this process's own work does not count): p50/p95/p99/max, and the server's memory;
//      beside it, from a second worker, the latency of a per-country request of the same
//      group (?countries=FR,DE: two countries' entities and every country's total), which
//      each write makes the server compute again too.
//
// Exit code 1 when a hostile request got a 5xx or no answer, or the server failed.
//
//   npm run server:load               the full run (~30–60 s on a busy 2-core machine)
//   npm run server:load -- --quick    fewer requests (a few seconds; what the test runs)
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadContract } from '../server/contract.mjs';
import { hostileRequests, send, verificationFor } from '../server/test/hostile-requests.mjs';
import { idempotencyWriteCost } from '../server/test/idempotency-cost.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEADLINE_MS = 60_000;
const MiB = 1024 * 1024;

let quick = false;
try {
  quick = parseArgs({ options: { quick: { type: 'boolean' } }, strict: true }).values.quick === true;
} catch (error) {
  console.error(`server:load: ${error.message}\nUsage: npm run server:load [-- --quick]`);
  process.exit(2);
}
// The flood sends at least `floodRequests` and goes on for at least `floodMinMs` (so that
// the light requests make a sample worth a p99), and stops starting requests after
// `floodBudgetMs`, so that a slow machine still ends in time.
const plan = quick
  ? { floodRequests: 20, floodConcurrency: 10, floodMinMs: 1_000, floodBudgetMs: 5_000, largeStore: 20_000, heavyGroup: 'GRP-GLOBEX' }
  : { floodRequests: 300, floodConcurrency: 50, floodMinMs: 10_000, floodBudgetMs: 25_000, largeStore: 100_000, heavyGroup: 'GRP-GLOBEX' };

const startedAt = Date.now();
const token = randomUUID();
const child = spawn(process.execPath, ['server/cli.mjs', '--host', '127.0.0.1', '--port', '0', '--token', token], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverErrors = '';
child.stderr.on('data', (chunk) => (serverErrors += chunk));
const stop = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('exit', stop);
const deadline = setTimeout(() => {
  console.error(`server:load: still running after ${DEADLINE_MS / 1000} s — stopped.`);
  stop();
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

/** @type {string[]} */
const serverLines = [];
const baseUrl = await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`the server exited (${code})\n${serverErrors}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const ready = /listening on (http\S+)/.exec(line);
    if (ready) resolve(ready[1]);
    else serverLines.push(line);
  });
});
if (new URL(baseUrl).hostname !== '127.0.0.1') throw new Error(`not on loopback: ${baseUrl}`);
const auth = { Authorization: `Bearer ${token}` };

const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** The server's resident memory, MiB (ps), or NaN where ps cannot tell. */
function serverRss() {
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).trim()) / 1024;
  } catch {
    return NaN;
  }
}

console.log(`reference server ${baseUrl} (child process ${child.pid}, loopback only)${quick ? ' — quick run' : ''}\n`);

// ----- 1. The hostile-input table

const contract = loadContract();
const verificationId = await verificationFor(baseUrl, token);
const table = hostileRequests(contract, { verificationId, token, maxBodyBytes: 2 * MiB, maxAttachmentBytes: 10 * MiB });
const results = new Array(table.length);
const queue = table.map((entry, index) => ({ entry, index }));
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) results[item.index] = await send(baseUrl, item.entry);
  }),
);
/** Statuses per case, across the operations it applies to. */
const byLabel = new Map();
table.forEach((entry, i) => {
  const label = entry.label.replace(/^body \w+: /, 'body <field>: ');
  const statuses = byLabel.get(label) ?? new Map();
  statuses.set(results[i].status, (statuses.get(results[i].status) ?? 0) + 1);
  byLabel.set(label, statuses);
});
const failures = table.filter((_, i) => results[i].status === 0 || results[i].status >= 500);
const unexpected = table.filter((entry, i) => entry.expect && results[i].status > 0 && !entry.expect.includes(results[i].status));
console.log(`1. Hostile input: ${table.length} requests over ${contract.operations.length} operations (statuses × how many operations)`);
const width = Math.max(...[...byLabel.keys()].map((label) => label.length));
for (const [label, statuses] of byLabel) {
  const text = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status || 'no answer'} ×${count}`);
  console.log(`   ${label.padEnd(width)}  ${text.join(', ')}`);
}
console.log(`   → 5xx or no answer: ${failures.length}; other than the expected status: ${unexpected.length}\n`);
for (const entry of failures) console.log(`   FAILED ${entry.operationId} · ${entry.label}: ${results[table.indexOf(entry)].status}`);

// ----- 2. Idempotency: one write at 1,000 and at 100,000 keys

await idempotencyWriteCost(1_000, { batches: 1 }); // warms the JIT up, so that the first size measured is not the slower one
const small = await idempotencyWriteCost(1_000);
const large = await idempotencyWriteCost(plan.largeStore);
console.log('2. Idempotency store, one write (the store at its cap, evicting the oldest key on each write; median of 5 × 2,000 writes)');
console.log(`   ${small.keys.toLocaleString('en')} keys: ${small.microsPerWrite.toFixed(2)} µs`);
console.log(`   ${large.keys.toLocaleString('en')} keys: ${large.microsPerWrite.toFixed(2)} µs  (× ${(large.microsPerWrite / small.microsPerWrite).toFixed(2)})\n`);

// ----- 3. Light requests during a heavy-group flood

/** Network errors during the flood, by code (a connection the server reset or closed). */
const networkErrors = new Map();
const noteError = (error) => {
  const code = error?.cause?.code ?? error?.message ?? 'error';
  networkErrors.set(code, (networkErrors.get(code) ?? 0) + 1);
};
/**
 * Light requests, one at a time with 10 ms between them, from a worker thread until told to
 * stop; posts back the latencies (ms) of those answered 200 and how many failed.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
let running = true;
parentPort.on('message', () => (running = false));
(async () => {
  const latencies = [];
  const errors = {};
  let failed = 0;
  do {
    const start = performance.now();
    try {
      const response = await fetch(workerData.url, { headers: workerData.headers });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - start);
      else failed += 1;
    } catch (error) {
      failed += 1;
      const code = error?.cause?.code ?? error?.message ?? 'error';
      errors[code] = (errors[code] ?? 0) + 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (running && latencies.length + failed < workerData.limit);
  parentPort.postMessage({ latencies, failed, errors });
})();
`;
/** The per-country request probed beside the light one during the flood. */
const perCountryPath = `/directory/groups/${plan.heavyGroup}?countries=FR,DE`;
/** Starts a prober of `path`; `stop()` resolves what it measured. */
function probe(limit = Infinity, path = '/accounts') {
  const worker = new Worker(PROBER, { eval: true, workerData: { url: `${baseUrl}${path}`, headers: auth, limit } });
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate());
  return { result, stop: () => (worker.postMessage('stop'), result) };
}
const quiet = (await probe(20).result).latencies;
const rssBefore = serverRss();
let rssPeak = rssBefore;
let wireBytes = 0;
let floodErrors = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serverRss())), 250);
const prober = probe();
const countryProber = probe(Infinity, perCountryPath);
// The flood over node:http (keep-alive, up to `floodConcurrency` sockets), counting the bytes
// as they come over the wire (not decompressed: the client's own work stays small).
const agent = new Agent({ keepAlive: true, maxSockets: plan.floodConcurrency });
const { hostname, port } = new URL(baseUrl);
const heavy = () =>
  new Promise((resolve) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: `${new URL(baseUrl).pathname}/directory/groups/${plan.heavyGroup}`,
        headers: { ...auth, 'Accept-Encoding': 'gzip' },
        agent,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, bytes }));
        res.on('error', (error) => resolve({ status: 0, bytes, error }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, bytes: 0, error }));
    req.end();
  });
const floodStart = performance.now();
const floodGoesOn = () => {
  const elapsed = performance.now() - floodStart;
  return elapsed < plan.floodBudgetMs && (sent < plan.floodRequests || elapsed < plan.floodMinMs);
};
let sent = 0;
let done = 0;
let writes = 0;
const writer = setInterval(() => {
  writes += 1;
  fetch(`${baseUrl}/attachments?name=load-${writes}.pdf`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/pdf', 'Idempotency-Key': `load-${writes}` },
    body: 'pdf',
  }).then((response) => response.arrayBuffer(), noteError);
}, 1_000);
await Promise.all(
  Array.from({ length: plan.floodConcurrency }, async () => {
    while (floodGoesOn()) {
      sent += 1;
      const { status, bytes, error } = await heavy();
      done += 1;
      if (status === 200) wireBytes += bytes;
      else {
        floodErrors += 1;
        if (error) noteError(error);
      }
    }
  }),
);
const floodMs = performance.now() - floodStart;
clearInterval(writer);
agent.destroy();
const during = await prober.stop();
const perCountry = await countryProber.stop();
clearInterval(sampler);
for (const [code, count] of [...Object.entries(during.errors), ...Object.entries(perCountry.errors)]) {
  networkErrors.set(code, (networkErrors.get(code) ?? 0) + count);
}
const sortedQuiet = quiet.sort((a, b) => a - b);
const sorted = during.latencies.sort((a, b) => a - b);
console.log(
  `3. Heavy-group flood: GET /directory/groups/${plan.heavyGroup} at concurrency ${plan.floodConcurrency}: ` +
    `${done} answered in ${(floodMs / 1000).toFixed(1)} s` +
    `${sent < plan.floodRequests ? ` (stopped at the ${plan.floodBudgetMs / 1000} s budget)` : ''}, ${writes} writes meanwhile, ` +
    `${(wireBytes / Math.max(1, done - floodErrors) / 1024).toFixed(0)} KiB each on the wire, ${floodErrors} failed`,
);
console.log(`   light GET /accounts, before:         p50 ${ms(percentile(sortedQuiet, 50))}, p99 ${ms(percentile(sortedQuiet, 99))}`);
console.log(
  `   light GET /accounts, during flood:   p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, ` +
    `p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? NaN)} (${sorted.length} requests, ${during.failed} failed)`,
);
const sortedCountry = perCountry.latencies.sort((a, b) => a - b);
console.log(
  `   per-country GET ${perCountryPath}, during flood: p50 ${ms(percentile(sortedCountry, 50))}, ` +
    `p95 ${ms(percentile(sortedCountry, 95))}, p99 ${ms(percentile(sortedCountry, 99))}, max ${ms(sortedCountry.at(-1) ?? NaN)} ` +
    `(${sortedCountry.length} requests, ${perCountry.failed} failed)`,
);
if (networkErrors.size > 0) console.log(`   network errors: ${[...networkErrors].map(([code, count]) => `${code} ×${count}`).join(', ')}`);
console.log(`   server memory (RSS): ${rssBefore.toFixed(0)} MiB before, ${rssPeak.toFixed(0)} MiB at most during the flood\n`);

const serverFailures = serverLines.filter((line) => /^ERROR|CONTRACT VIOLATION/.test(line));
for (const line of serverFailures) console.log(`   server: ${line}`);
console.log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
stop();
process.exitCode = failures.length > 0 || serverFailures.length > 0 ? 1 : 0;
