#!/usr/bin/env node
// `npm test`: runs every test file in Chromium, Firefox ESR and WebKit.
//
// WebKit is driven through WebKitWebDriver, which needs a display: this script starts it
// under `xvfb-run -a` on a free loopback port, hands the port to web-test-runner, and stops
// it (by process group) when the run ends, whatever happens.
//
//   npm test                          all three engines
//   npm test -- --browsers chromium   a subset (comma-separated: chromium,firefox,webkit)
//   npm test -- --files test/x.test.ts  some files only
//   npm test -- --watch               anything else goes to web-test-runner
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const env = { ...process.env };
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--browsers') env.TN_BROWSERS = args[++i];
  else if (args[i] === '--files') env.TN_FILES = args[++i];
  else passThrough.push(args[i]);
}
const browsers = (env.TN_BROWSERS ?? 'chromium,firefox,webkit').split(',');
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
function stopDriver() {
  if (driver && driver.exitCode === null) {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopDriver);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopDriver();
    process.exit(130);
  });
}

if (browsers.includes('webkit')) {
  for (const bin of ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run']) {
    if (!existsSync(bin)) {
      console.error(`${bin} is missing: apt-get install -y webkit2gtk-driver xvfb xauth (or --browsers chromium,firefox)`);
      process.exit(1);
    }
  }
  const port = await freePort();
  driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: 'ignore',
  });
  await waitForPort(port, 30_000);
  env.WEBKIT_WEBDRIVER_PORT = String(port);
}

const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...passThrough], {
  env,
  stdio: 'inherit',
});
runner.on('exit', (code, signal) => {
  stopDriver();
  process.exit(code ?? (signal ? 1 : 0));
});
