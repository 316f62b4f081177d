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
// script starts one per engine on a free loopback port with a random bearer token, CORS for
// that engine's test page origin (web-test-runner is put on a free port of its own, so the
// origin is known) and --test-control (fault injection), hands its URL and token to the test
// page (TN_API_URL / TN_API_TOKEN, see web-test-runner.config.mjs), writes its request log to
// a file named at the start, and stops it when the run ends.
//
//   npm test                          all three engines
//   npm test -- --browsers chromium   a subset (comma-separated: chromium,firefox,webkit)
//   npm test -- --files test/x.test.ts  some files only
//   npm test -- --watch               anything else goes to web-test-runner (one run, one page
//                                     at a time)
//
// The engines run side by side, each in a lane of its own (its browser, test page port and
// API server). In each lane the files run in two sets (scripts/test-sets.mjs): those that
// need the focus, the API server or storage to themselves, one page at a time; then the
// rest, TN_CONCURRENCY (2) pages at a time in Chromium and one at a time in Firefox and
// WebKit. With several engines each lane's output is printed whole when it ends. The last
// line adds every run up: `N passed, N failed` (also written to TN_SUMMARY_FILE when set).
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
const apiServers = [];
function stopDriver() {
  if (driver && driver.exitCode === null) {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
function stopApiServers() {
  for (const server of apiServers) if (server.exitCode === null) server.kill('SIGTERM');
}
function stopAll() {
  stopDriver();
  stopApiServers();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** Starts a reference API server for `origin`; resolves with its base URL once it listens. */
function startApiServer(origin, token, logFile) {
  const server = spawn(
    process.execPath,
    ['server/cli.mjs', '--port', '0', '--token', token, '--cors-origin', origin, '--test-control'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  apiServers.push(server);
  const log = createWriteStream(logFile);
  server.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The reference API server did not start within 60 s.')), 60_000);
    server.once('exit', (code) => reject(new Error(`The reference API server exited (${code}); see ${logFile}.`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
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

/**
 * A lane: a test page port and a reference API server of its own (CORS for that page's
 * origin, its own token and request log). Pages of different lanes share no server state
 * (fault injection, request log, idempotency keys), so lanes run side by side.
 */
async function openLane(name) {
  const testPort = await freePort();
  const token = randomUUID();
  const log = join(tmpdir(), `tn-reference-server-${process.pid}-${name}.log`);
  const url = await startApiServer(`http://localhost:${testPort}`, token, log);
  console.log(`${name}: reference API server ${url} (request log: ${log})`);
  return { name, env: { TN_WTR_PORT: String(testPort), TN_API_TOKEN: token, TN_API_URL: url } };
}

/**
 * Runs web-test-runner with `extraEnv`; resolves with its exit code. With `output` (a file),
 * its output goes there instead of this terminal.
 */
function runWebTestRunner(extraEnv, output) {
  const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...passThrough], {
    env: { ...env, ...extraEnv },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (output) {
    const file = createWriteStream(output, { flags: 'a' });
    runner.stdout.pipe(file);
    runner.stderr.pipe(file);
  }
  return new Promise((resolve) => runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let exitCode;
if (passThrough.length > 0) {
  // --watch, --manual and the like: one run of the files asked for, one page at a time.
  let lane;
  try {
    lane = await openLane(browsers.join('+'));
  } catch (error) {
    console.error(String(error));
    process.exit(1);
  }
  exitCode = await runWebTestRunner(lane.env);
} else {
  // One lane per engine, the three side by side: each is its own browser, page port and API
  // server, so nothing one engine's page does reaches another's. Within a lane, the files
  // that need the focus, the API server or storage to themselves run one page at a time,
  // then the others (scripts/test-sets.mjs): TN_CONCURRENCY (2) pages at a time in Chromium,
  // where each page gets a window of its own (see web-test-runner.config.mjs); one at a
  // time in Firefox, which opens them as tabs of one window where the pages behind run no
  // animation frames (races.test.ts: 21 of 37 tests timed out at 2 at a time), and in
  // WebKit, which would run them in iframes of one page.
  const files = env.TN_FILES ? env.TN_FILES.split(',').filter(Boolean) : defaultTestFiles(ROOT);
  const { serial, concurrent } = splitTestFiles(files, ROOT);
  const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
  exitCode = 0;
  // With one engine its output streams here; with several, each lane's goes to a file,
  // printed whole when the lane ends (three progress displays at once would be unreadable).
  const alone = browsers.length === 1;
  let lanes;
  try {
    lanes = await Promise.all(browsers.map((engine) => openLane(engine)));
  } catch (error) {
    console.error(String(error));
    process.exit(1);
  }
  const started = Date.now();
  const seconds = (since) => Math.round((Date.now() - since) / 1000);
  if (!alone) console.log(`\n==> ${files.length} test files in ${browsers.join(', ')}, side by side`);
  await Promise.all(
    lanes.map(async (lane) => {
      const engine = lane.name;
      const output = alone ? undefined : join(tmpdir(), `tn-test-${process.pid}-${engine}.log`);
      if (output) rmSync(output, { force: true });
      const sets = [
        { name: 'serial', files: serial, concurrency: '1', why: 'input, focus, the reference API server or storage' },
        {
          name: 'concurrent',
          files: concurrent,
          concurrency: engine === 'chromium' ? (env.TN_CONCURRENCY ?? '2') : '1',
          why: 'the rest',
        },
      ];
      const lines = [];
      for (const set of sets) {
        if (set.files.length === 0) continue;
        const summaryFile = join(tmpdir(), `tn-test-${process.pid}-${engine}-${set.name}.json`);
        rmSync(summaryFile, { force: true });
        const heading = `${engine}: ${set.files.length} test files, ${set.concurrency} at a time (${set.why})`;
        if (alone) console.log(`\n==> ${heading}`);
        else writeFileSync(output, `\n==> ${heading}\n`, { flag: 'a' });
        const setStarted = Date.now();
        const code = await runWebTestRunner(
          {
            ...lane.env,
            TN_BROWSERS: engine,
            TN_FILES: set.files.join(','),
            TN_CONCURRENCY: set.concurrency,
            TN_TEST_SET: `${engine}-${set.name}`,
            TN_SUMMARY_FILE: summaryFile,
          },
          output,
        );
        if (code !== 0) exitCode = code;
        let counts;
        if (existsSync(summaryFile)) {
          counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
          for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
          rmSync(summaryFile, { force: true });
        } else {
          // The run stopped before it could count (a config or startup error): one failure.
          totals.failed += 1;
          exitCode ||= 1;
        }
        const line =
          `${engine} ${set.name}: ${seconds(setStarted)} s, ` +
          (counts ? `${counts.passed} passed, ${counts.failed} failed` : 'no results (see its output)');
        if (alone) console.log(line);
        else lines.push(line);
      }
      if (output) {
        console.log(readFileSync(output, 'utf8'));
        console.log(lines.join('\n'));
        console.log(`${engine}: done after ${seconds(started)} s`);
        rmSync(output, { force: true });
      }
    }),
  );
  console.log(`\nall engines: ${seconds(started)} s`);
  if (process.env.TN_SUMMARY_FILE) writeFileSync(process.env.TN_SUMMARY_FILE, JSON.stringify(totals));
  console.log(`\n${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
}
stopAll();
if (skipped) console.log(skipped);
process.exit(exitCode);
