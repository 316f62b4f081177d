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
//   npm test -- --watch               anything else goes to web-test-runner
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findEngine, prepareEngines } from './browsers.mjs';

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

const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...passThrough], {
  env,
  stdio: 'inherit',
});
runner.on('exit', (code, signal) => {
  stopAll();
  if (skipped) console.log(skipped);
  process.exit(code ?? (signal ? 1 : 0));
});
