// Shared by the test/package/*.test.mjs suites, which scripts/test-package.mjs runs against
// the packed, installed package (`npm run build && npm run test:package`):
// - where the installed package and its temp project are (TN_PACKAGE_DIR / TN_PROJECT_DIR);
// - a static file server for directories (with optional CORS), to serve dist/cdn and pages;
// - the reference API server, started as a child process (`server/cli.mjs --port 0`);
// - Chromium through playwright-core, and a recorder of console messages and page errors.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { browserPath } from '../../scripts/browsers.mjs';

/** The repository's root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function fromEnv(name) {
  const value = process.env[name];
  if (!value || !existsSync(value)) {
    throw new Error(`${name} is not set: run these tests through \`npm run test:package\` (after \`npm run build\`).`);
  }
  return value;
}

/** The installed package: `<project>/node_modules/tn-customer-connect`. */
/** Every tag a script-tag build defines. */
export const TAGS = [
  'tn-adapter-provider',
  'tn-customer-search',
  'tn-attention-panel',
  'tn-group-picker',
  'tn-verify-invoice',
  'tn-customer-connect',
  'tn-relationships',
  'tn-support-case',
];

export const packageDir = () => fromEnv('TN_PACKAGE_DIR');
/** The temp project the tarball was installed into. */
export const projectDir = () => fromEnv('TN_PROJECT_DIR');
/** The packed tarball. */
export const tarball = () => fromEnv('TN_TARBALL');

/** The installed package's package.json. */
export async function packageJson() {
  return JSON.parse(await readFile(join(packageDir(), 'package.json'), 'utf8'));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves directories over HTTP on 127.0.0.1: `mounts` maps a URL prefix ('/', '/cdn/') to a
 * directory; the longest matching prefix wins; `/dir/` serves `dir/index.html`.
 * Options: `cors` adds `Access-Control-Allow-Origin: *` (what a CDN host sends);
 * `headers` are added to every answer; `files` maps exact paths to `{ body, type }` served
 * instead of a file (e.g. a rewritten copy of a script).
 * Returns `{ url, origin, requests, close }`; `requests` lists every path asked for.
 */
export async function serveDirectories(mounts, { cors = false, headers = {}, files = {} } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push(path);
    const common = { ...headers, ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) };
    const answer = async () => {
      if (files[path]) return { body: files[path].body, type: files[path].type ?? TYPES[extname(path)] };
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix) return undefined;
      const dir = mounts[prefix];
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== normalize(dir) && !file.startsWith(normalize(dir) + sep)) return undefined;
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      return body && { body, type: TYPES[extname(file)] ?? 'application/octet-stream' };
    };
    const found = await answer();
    if (!found) {
      response.writeHead(404, common);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': found.type, 'Cache-Control': 'no-store', ...common });
    response.end(found.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Starts the reference API server (`node server/cli.mjs --port 0`) allowing `corsOrigin`,
 * with no token. Resolves `{ url, close }` once it listens; `url` is its API base URL
 * (`http://127.0.0.1:<port>/v1`).
 */
export function startReferenceServer({ corsOrigin, args = [] } = {}) {
  const env = { ...process.env };
  delete env.TN_API_TOKEN; // no bearer token: the page under test has no JavaScript to send one
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'server/cli.mjs'), '--port', '0', ...(corsOrigin ? ['--cors-origin', corsOrigin] : []), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the reference server did not start within 30 s\n${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the reference server exited (${code})\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /listening on (http\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1], close });
      }
    });
  });
}

/** Chromium (CHROME_PATH, else `chromium` on PATH), headless, through playwright-core. */
export function launchChromium() {
  return chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Records what a page reports: `errors` (console errors, favicon misses excepted),
 * `warnings` (console warnings), `pageErrors` (uncaught exceptions and rejections) and
 * `problems()` = errors and page errors together, for `assert.deepEqual(problems(), [])`.
 */
export function watchPage(page) {
  const seen = { errors: [], warnings: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.location()?.url ?? '')) seen.errors.push(message.text());
    if (message.type() === 'warning') seen.warnings.push(message.text());
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  return { ...seen, problems: () => [...seen.errors, ...seen.pageErrors.map((message) => `page error: ${message}`)] };
}
