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
//      JSON) 300 times at concurrency 50 — and, meanwhile, the latency of light requests
//      (GET /accounts, one at a time): p50/p95/p99/max, and the server's memory.
//
// Exit code 1 when a hostile request got a 5xx or no answer, or the server failed.
//
//   npm run server:load               the full run (~30–60 s on a busy 2-core machine)
//   npm run server:load -- --quick    fewer requests (a few seconds; what the test runs)
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
// The flood stops starting requests after `floodBudgetMs`, so that a slow machine still ends in time.
const plan = quick
  ? { floodRequests: 20, floodConcurrency: 10, floodBudgetMs: 5_000, largeStore: 20_000, heavyGroup: 'GRP-GLOBEX' }
  : { floodRequests: 300, floodConcurrency: 50, floodBudgetMs: 25_000, largeStore: 100_000, heavyGroup: 'GRP-GLOBEX' };

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
let lightFailures = 0;
/** One light request; its latency in ms, or undefined when it failed. */
const light = async () => {
  const start = performance.now();
  try {
    const response = await fetch(`${baseUrl}/accounts`, { headers: auth });
    await response.arrayBuffer();
    if (response.status === 200) return performance.now() - start;
  } catch (error) {
    noteError(error);
  }
  lightFailures += 1;
  return undefined;
};
const quiet = [];
for (let i = 0; i < 20; i++) quiet.push((await light()) ?? NaN);
lightFailures = 0;
const rssBefore = serverRss();
let rssPeak = rssBefore;
let flooding = true;
let floodBytes = 0;
let floodErrors = 0;
const during = [];
const floodStart = performance.now();
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serverRss())), 250);
const prober = (async () => {
  while (flooding) {
    const latency = await light();
    if (latency !== undefined) during.push(latency);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
})();
let sent = 0;
let done = 0;
await Promise.all(
  Array.from({ length: plan.floodConcurrency }, async () => {
    while (sent < plan.floodRequests && performance.now() - floodStart < plan.floodBudgetMs) {
      sent += 1;
      try {
        const response = await fetch(`${baseUrl}/directory/groups/${plan.heavyGroup}`, { headers: auth });
        const body = await response.arrayBuffer();
        if (response.status === 200) floodBytes += body.byteLength;
        else floodErrors += 1;
        done += 1;
      } catch (error) {
        noteError(error);
        floodErrors += 1;
      }
    }
  }),
);
const floodMs = performance.now() - floodStart;
flooding = false;
await prober;
clearInterval(sampler);
const sortedQuiet = quiet.sort((a, b) => a - b);
const sorted = during.sort((a, b) => a - b);
console.log(
  `3. Heavy-group flood: GET /directory/groups/${plan.heavyGroup} at concurrency ${plan.floodConcurrency}: ` +
    `${done} of ${plan.floodRequests} answered in ${(floodMs / 1000).toFixed(1)} s` +
    `${sent < plan.floodRequests ? ` (stopped at the ${plan.floodBudgetMs / 1000} s budget)` : ''}, ` +
    `${(floodBytes / Math.max(1, done - floodErrors) / MiB).toFixed(2)} MiB each, ${floodErrors} failed`,
);
console.log(`   light GET /accounts, idle:           p50 ${ms(percentile(sortedQuiet, 50))}, p99 ${ms(percentile(sortedQuiet, 99))}`);
console.log(
  `   light GET /accounts, during flood:   p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, ` +
    `p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? NaN)} (${sorted.length} requests, ${lightFailures} failed)`,
);
if (networkErrors.size > 0) console.log(`   network errors: ${[...networkErrors].map(([code, count]) => `${code} ×${count}`).join(', ')}`);
console.log(`   server memory (RSS): ${rssBefore.toFixed(0)} MiB before, ${rssPeak.toFixed(0)} MiB at most during the flood\n`);

const serverFailures = serverLines.filter((line) => /^ERROR|CONTRACT VIOLATION/.test(line));
for (const line of serverFailures) console.log(`   server: ${line}`);
console.log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
stop();
process.exitCode = failures.length > 0 || serverFailures.length > 0 ? 1 : 0;
