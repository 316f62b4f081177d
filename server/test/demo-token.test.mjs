// The demo on the reference server (`npm start -- --server`) sends its bearer token to the
// API server it started, and to no other: a `?api=` naming another server gets no
// credentials. In Chromium (playwright-core; CHROME_PATH overrides /usr/bin/chromium),
// skipped when there is none.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

describe('the demo on the reference server', { skip: !existsSync(chromiumPath) && `no Chromium at ${chromiumPath}`, timeout: 180_000 }, () => {
  let child;
  let browser;
  let decoy;
  let pageOrigin;
  let apiUrl;
  /** Requests the decoy server received (method and Authorization header). */
  const decoyRequests = [];

  before(async () => {
    const [port, apiPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, ['scripts/start.mjs', '--server'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), API_PORT: String(apiPort), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    apiUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start -- --server did not start in 90 s\n${stderr}`)), 90_000);
      child.once('exit', (code) => reject(new Error(`npm start -- --server exited (${code})\n${stderr}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const ready = /on the reference API server \((http\S+)\):/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
    });
    pageOrigin = `http://127.0.0.1:${port}`;

    // Another API server, as a `?api=` link could name: it lets any page call it and notes what it got.
    decoy = createServer((req, res) => {
      decoyRequests.push({ method: req.method, authorization: req.headers.authorization });
      res.writeHead(req.method === 'OPTIONS' ? 204 : 401, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Content-Type': 'application/problem+json',
      });
      res.end(req.method === 'OPTIONS' ? undefined : '{"status":401}');
    });
    await new Promise((resolve) => decoy.listen(0, '127.0.0.1', resolve));

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });

  after(async () => {
    await browser?.close();
    decoy?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  /** Opens the demo with `?api=`; resolves the API requests the page made (with their Authorization). */
  async function open(api, wanted) {
    const page = await browser.newPage();
    const seen = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(api).origin)) return;
      request
        .allHeaders()
        .then((headers) => seen.push({ url: request.url(), headers }))
        .catch(() => {}); // the page closed meanwhile
    });
    await page.goto(`${pageOrigin}/demo/?api=${encodeURIComponent(api)}`);
    const deadline = Date.now() + 60_000;
    while (!wanted(seen) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await page.close();
    return seen;
  }

  it('sends the token to the server it started, which accepts it', async () => {
    const seen = await open(apiUrl, (requests) => requests.some((request) => request.headers.authorization));
    const authorized = seen.filter((request) => request.headers.authorization);
    assert.ok(authorized.length > 0, `no request to ${apiUrl} carried the token`);
    assert.match(authorized[0].headers.authorization, /^Bearer [0-9a-f-]{36}$/, 'a token made for this run');
    const response = await fetch(`${apiUrl}/accounts`, { headers: { Authorization: authorized[0].headers.authorization } });
    assert.equal(response.status, 200);
  });

  it('sends no token to a server named by a ?api= it did not start', async () => {
    const decoyUrl = `http://127.0.0.1:${decoy.address().port}/v1`;
    await open(decoyUrl, () => decoyRequests.some((request) => request.method !== 'OPTIONS'));
    const calls = decoyRequests.filter((request) => request.method !== 'OPTIONS');
    assert.ok(calls.length > 0, 'the page never called the other server');
    assert.deepEqual(calls.filter((request) => request.authorization !== undefined), []);
  });
});
