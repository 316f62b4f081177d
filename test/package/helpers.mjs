// Shared by the test/package/*.test.mjs suites, which scripts/test-package.mjs runs against
// the packed, installed package (`npm run build && npm run test:package`):
// - where the installed package and its temp project are (TN_PACKAGE_DIR / TN_PROJECT_DIR);
// - directories served over HTTP (with optional CORS), dist/cdn and pages (scripts/static-server.mjs);
// - the reference API server, started as a child process (`server/cli.mjs --port 0`);
// - Chromium through playwright-core, and a recorder of console messages and page errors.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

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

/**
 * Serves directories on 127.0.0.1 (scripts/static-server.mjs): `mounts` maps a URL prefix
 * ('/', '/cdn/') to a directory, the longest matching prefix wins. Options: `cors` adds
 * `Access-Control-Allow-Origin: *` (what a CDN host sends); `headers` are added to every
 * answer; `files` maps exact paths to `{ body, type }` served instead of a file.
 * Returns `{ url, origin, requests, close }`; `requests` lists every path asked for.
 */
export function serveDirectories(mounts, { cors = false, headers = {}, files = {} } = {}) {
  return serveStatic(mounts, { headers: { ...headers, ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) }, files });
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
