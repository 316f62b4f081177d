import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPath, findEngine } from '../../scripts/browsers.mjs';

// Shared by the CSP suites: opens a page that records, from its first script on, every CSP
// violation (`window.violations`, read with page.evaluate) and every page error or console
// error (`problems`; favicon misses aside).

/** Opens `url` in a new page of `browser`; resolves `{ page, problems, response }`. */
export async function openRecorded(browser, url) {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`),
    );
  });
  const response = await page.goto(url);
  return { page, problems, response };
}

// ----- Firefox ESR and WebKit, started as plain processes (no driver): the page drives
// itself and posts what it saw to /result on the server that served it.

/** Reports the pages post to `/result`, handed out in arrival order. */
export function reportQueue() {
  const arrived = [];
  const waiting = [];
  return {
    /** Serves `POST /result`; returns false for any other request. */
    async handle(request, response, headers = {}) {
      if (request.method !== 'POST' || request.url !== '/result') return false;
      let body = '';
      for await (const chunk of request) body += chunk;
      response.writeHead(204, headers);
      response.end();
      const report = JSON.parse(body);
      const next = waiting.shift();
      if (next) next(report);
      else arrived.push(report);
      return true;
    },
    /** The next report; rejects after `ms`. */
    next(ms = 90_000) {
      if (arrived.length) return Promise.resolve(arrived.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no report within ${ms / 1000} s`)), ms);
        waiting.push((report) => {
          clearTimeout(timer);
          resolve(report);
        });
      });
    },
  };
}

/**
 * Opens `url` in Firefox ESR or WebKit's MiniBrowser (under Xvfb), runs `body` (which waits
 * for the page's reports), then stops the browser by process group.
 */
export async function withSelfDriven(engine, url, body) {
  // scripts/browsers.mjs finds the binaries (FIREFOX_PATH, WebKitGTK's MiniBrowser for this
  // machine's architecture); it throws, naming the package, when one is missing.
  const browser = browserPath(engine);
  const profile = engine === 'firefox' ? mkdtempSync(join(tmpdir(), 'tn-firefox-')) : undefined;
  const [command, args] =
    engine === 'firefox'
      ? [browser, ['--headless', '--no-remote', '--profile', profile]]
      : [findEngine('webkit').paths.xvfbRun ?? 'xvfb-run', ['-a', browser, '--private']];
  const child = spawn(command, [...args, url], { detached: true, stdio: 'ignore' });
  try {
    return await body();
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}
