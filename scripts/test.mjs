#!/usr/bin/env node
// `npm test`: runs every test file in Chromium, Firefox ESR and WebKit.
//
// First it makes sure the engines are there (scripts/browsers.mjs): a missing one is installed
// from Debian when this runs as root with apt-get, else the run stops with the command to
// type; where no apt-get can provide it (macOS, Windows) it is skipped with the reason, except
// with CI=true, where every engine asked for must run.
//
// WebKit is driven through WebKitWebDriver, which needs a display: this script starts it
// under `xvfb-run -a` on a free loopback port, hands the port to web-test-runner, and stops
// it (by process group) when the run ends, whatever happens.
//
// The REST adapter's tests talk to the reference API server (server/) over real HTTP: this
// script starts it on a free loopback port with a random bearer token, CORS for the test
// page's origin (web-test-runner is put on a free port of its own, so the origin is known)
// and --test-control (fault injection), hands its URL and token to the test page
// (TN_API_URL / TN_API_TOKEN, see web-test-runner.config.mjs), writes its request log to a
// file named at the start, and stops it when the run ends.
//
//   npm test                          all three engines
//   npm test -- --browsers chromium   a subset (comma-separated: chromium,firefox,webkit)
//   npm test -- --files test/x.test.ts  some files only
//   npm test -- --watch               anything else goes to web-test-runner (one run, one page
//                                     at a time)
//
// The files run in two sets (scripts/test-sets.mjs): those that need the focus, the reference
// API server or storage to themselves, one page at a time; then the rest, TN_CONCURRENCY (2)
// pages at a time in Chromium and one at a time in Firefox and WebKit. The last line adds
// every run up: `N passed, N failed` (also written to TN_SUMMARY_FILE when set).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findEngine, prepareEngines } from './browsers.mjs';
import { defaultTestFiles, splitTestFiles } from './test-sets.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const env = { ...process.env };
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--browsers') env.TN_BROWSERS = args[++i];
  else if (args[i] === '--files') env.TN_FILES = args[++i];
  else passThrough.push(args[i]);
}
const prepared = prepareEngines((env.TN_BROWSERS ?? 'chromium,firefox,webkit').split(','), { env });
if (prepared.error) {
  console.error(prepared.error);
  process.exit(1);
}
const skipped = prepared.skipped.map(({ why }) => `Skipped ${why}`).join('\n');
if (skipped) console.log(skipped);
const browsers = prepared.engines;
env.TN_BROWSERS = browsers.join(',');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`WebKitWebDriver did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

let driver;
let apiServer;
function stopDriver() {
  if (driver && driver.exitCode === null) {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
function stopApiServer() {
  if (apiServer && apiServer.exitCode === null) apiServer.kill('SIGTERM');
}
function stopAll() {
  stopDriver();
  stopApiServer();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** Starts the reference API server for `origin`; resolves with its base URL once it listens. */
function startApiServer(origin, token, logFile) {
  apiServer = spawn(
    process.execPath,
    ['server/cli.mjs', '--port', '0', '--token', token, '--cors-origin', origin, '--test-control'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(logFile);
  apiServer.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The reference API server did not start within 60 s.')), 60_000);
    apiServer.once('exit', (code) => reject(new Error(`The reference API server exited (${code}); see ${logFile}.`)));
    createInterface({ input: apiServer.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      const ready = /listening on (http\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
  });
}

if (browsers.includes('webkit')) {
  const { xvfbRun, driver: webDriver } = findEngine('webkit', env).paths;
  const port = await freePort();
  driver = spawn(xvfbRun, ['-a', webDriver, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: 'ignore',
  });
  await waitForPort(port, 30_000);
  env.WEBKIT_WEBDRIVER_PORT = String(port);
}

const testPort = await freePort();
env.TN_WTR_PORT = String(testPort);
env.TN_API_TOKEN = randomUUID();
const apiLog = join(tmpdir(), `tn-reference-server-${process.pid}.log`);
try {
  env.TN_API_URL = await startApiServer(`http://localhost:${testPort}`, env.TN_API_TOKEN, apiLog);
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
console.log(`Reference API server: ${env.TN_API_URL} (request log: ${apiLog})`);

/** Runs web-test-runner with `extraEnv`; resolves with its exit code. */
function runWebTestRunner(extraEnv) {
  const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...passThrough], {
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
  });
  return new Promise((resolve) => runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let exitCode;
if (passThrough.length > 0) {
  // --watch, --manual and the like: one run of the files asked for, one page at a time.
  exitCode = await runWebTestRunner({});
} else {
  // The files that need the focus, the reference API server or storage to themselves one
  // page at a time, then the others (scripts/test-sets.mjs). Each run writes its counts to a
  // file of its own; this adds them up.
  const files = env.TN_FILES ? env.TN_FILES.split(',').filter(Boolean) : defaultTestFiles(ROOT);
  const { serial, concurrent } = splitTestFiles(files, ROOT);
  const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
  exitCode = 0;
  // Several pages at once only in Chromium: there each page gets a window of its own (see
  // web-test-runner.config.mjs). Firefox opens them as tabs of one window, where the pages
  // behind run no animation frames (races.test.ts: 21 of 37 tests timed out at 2 at a time),
  // and WebKit would run them in iframes of one page: the other engines run them one at a time.
  const inChromium = browsers.filter((name) => name === 'chromium');
  const elsewhere = browsers.filter((name) => name !== 'chromium');
  const sets = [
    { name: 'serial', files: serial, browsers, concurrency: '1', why: 'input, focus, the reference API server or storage' },
    { name: 'concurrent', files: concurrent, browsers: inChromium, concurrency: env.TN_CONCURRENCY ?? '2', why: 'the rest, in Chromium' },
    { name: 'rest', files: concurrent, browsers: elsewhere, concurrency: '1', why: `the rest, in ${elsewhere.join(' and ')}` },
  ];
  for (const set of sets) {
    if (set.files.length === 0 || set.browsers.length === 0) continue;
    const summaryFile = join(tmpdir(), `tn-test-${process.pid}-${set.name}.json`);
    rmSync(summaryFile, { force: true });
    console.log(`\n==> ${set.files.length} test files, ${set.concurrency} at a time (${set.why})`);
    const started = Date.now();
    const code = await runWebTestRunner({
      TN_BROWSERS: set.browsers.join(','),
      TN_FILES: set.files.join(','),
      TN_CONCURRENCY: set.concurrency,
      TN_TEST_SET: set.name,
      TN_SUMMARY_FILE: summaryFile,
    });
    console.log(`${set.name} set: ${Math.round((Date.now() - started) / 1000)} s`);
    if (code !== 0) exitCode = code;
    if (existsSync(summaryFile)) {
      const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
      for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
      rmSync(summaryFile, { force: true });
    } else {
      // The run stopped before it could count (a config or startup error): one failure.
      totals.failed += 1;
      exitCode ||= 1;
    }
  }
  if (process.env.TN_SUMMARY_FILE) writeFileSync(process.env.TN_SUMMARY_FILE, JSON.stringify(totals));
  console.log(`\n${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
}
stopAll();
if (skipped) console.log(skipped);
process.exit(exitCode);
