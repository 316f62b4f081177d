#!/usr/bin/env node
// Opens every story of the built Storybook (storybook-static/, from `npm run build-storybook`)
// in headless Chromium — in each theme of the toolbar (light, dark, host brand) — and
// fails a story on a console error, a page error, a dialog (alert() from injected markup), a
// failed request, a render or play-function error, an undefined custom element, an empty
// root, or an axe violation (WCAG 2.2 A/AA rules).
//
//   node scripts/check-stories.mjs [--screenshots DIR] [--only TEXT] [--timeout MS] [--quick]
//
// --quick: the light theme only. Each story × theme is one check.
// Prints `ok  <id> [globals]` / `FAIL <id> [globals]: reason` per check, then `N passed, N failed`. Exits 1 when
// a story failed; writes {passed, failed} to $TN_SUMMARY_FILE when set. Browser: $CHROME_PATH
// or /usr/bin/chromium.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_DIR = join(ROOT, 'storybook-static');

const { values: options } = parseArgs({
  options: {
    screenshots: { type: 'string' },
    only: { type: 'string' },
    timeout: { type: 'string', default: '20000' },
    quick: { type: 'boolean', default: false },
  },
});
/**
 * Storybook globals each story is checked with (see .storybook/preview.ts): every theme, in
 * English. Other locales are not in the matrix yet: the play functions assert English text.
 * (Each element in each locale is covered by test/locales-render.test.ts.)
 */
const GLOBALS = options.quick ? ['theme:light'] : ['theme:light', 'theme:dark', 'theme:brand'];
/** Pages checked at once. */
const PARALLEL = Number(process.env.TN_STORY_PAGES ?? 3);
const AXE_SOURCE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules/axe-core/axe.min.js'), 'utf8');
const STORY_TIMEOUT = Number(options.timeout);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves storybook-static/ on a free loopback port. */
function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(STATIC_DIR, path));
    if (file !== STATIC_DIR && !file.startsWith(STATIC_DIR + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && path === '/favicon.ico') {
      // Chromium asks for it on every page; the build has favicon.svg instead.
      response.writeHead(204).end();
      return;
    }
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

/** The ids of every story (not docs pages) in the build. */
function listStories() {
  const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8'));
  return Object.values(index.entries ?? index.stories ?? {})
    .filter((entry) => (entry.type ?? 'story') === 'story')
    .map((entry) => entry.id)
    .filter((id) => !options.only || id.includes(options.only));
}

/**
 * Runs in the page before Storybook: records the preview channel's outcome events, which
 * report a play function that threw (the story itself stays on screen, so nothing else
 * shows it).
 */
function recordStoryEvents() {
  const NAMES = [
    'storyFinished',
    'playFunctionThrewException',
    'storyThrewException',
    'storyErrored',
    'unhandledErrorsWhilePlaying',
  ];
  const events = [];
  const hooked = new WeakSet();
  let channel;
  Object.defineProperty(window, '__tnStoryEvents', { value: events });
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      if (!value || hooked.has(value)) return;
      hooked.add(value);
      for (const name of NAMES) value.on(name, (payload) => events.push({ name, payload }));
    },
  });
}

/** Waits in the page until Storybook finished the story (rendered and played, or failed). */
async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if (window.__tnStoryEvents?.some((event) => event.name === 'storyFinished')) return true;
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return phase === 'finished' || phase === 'aborted';
    },
    undefined,
    { timeout: STORY_TIMEOUT, polling: 50 },
  );
  return page.evaluate(async () => {
    const render = window.__STORYBOOK_PREVIEW__?.currentRender;
    if (document.body.classList.contains('sb-show-errordisplay')) {
      const message = document.querySelector('#error-message')?.textContent?.trim() || 'unknown error';
      return { error: `Storybook error display: ${message}` };
    }
    const describe = (payload) =>
      [payload].flat().map((item) => item?.message ?? item?.description ?? item?.title ?? JSON.stringify(item)).join('; ');
    for (const { name, payload } of window.__tnStoryEvents ?? []) {
      if (name === 'storyFinished' && payload?.status === 'error') return { error: 'story finished with status "error"' };
      if (name !== 'storyFinished') return { error: `${name}: ${describe(payload)}` };
    }
    if (render?.phase === 'errored' || render?.phase === 'aborted') return { error: `story ${render.phase}` };
    const root = document.querySelector('#storybook-root');
    if (!root) return { error: 'no #storybook-root' };
    // Let every Lit element in the story settle, then paint.
    const pending = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.updateComplete instanceof Promise) pending.push(el.updateComplete);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    await Promise.all(pending);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

    const undefinedTags = [...root.querySelectorAll(':not(:defined)')].map((el) => el.localName);
    if (undefinedTags.length) return { error: `custom element not defined: <${undefinedTags[0]}>` };
    const text = (node) =>
      [...node.querySelectorAll('*')].reduce(
        (all, el) => all + (el.shadowRoot ? text(el.shadowRoot) : ''),
        node.textContent ?? '',
      );
    const media = 'img, svg, canvas, video, input, textarea, select, button';
    const hasMedia = (node) =>
      Boolean(node.querySelector(media)) ||
      [...node.querySelectorAll('*')].some((el) => el.shadowRoot && hasMedia(el.shadowRoot));
    if (root.children.length === 0 || (text(root).trim() === '' && !hasMedia(root))) return { error: 'empty root' };
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.includes('-') && el.shadowRoot && text(el.shadowRoot).trim() === '') {
        return { error: `<${el.localName}> rendered nothing` };
      }
    }
    return { error: undefined };
  });
}

/** Runs axe (WCAG 2.0–2.2 A/AA) on the story's root; resolves to the violations, one line each. */
async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const results = await window.axe.run(document.querySelector('#storybook-root'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => `axe ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${JSON.stringify(v.nodes[0]?.target)})`);
  });
}

/** Opens one story with `globals`; resolves to undefined (passed) or the reason it failed. */
async function checkStory(context, origin, id, globals) {
  const page = await context.newPage();
  await page.addInitScript(recordStoryEvents);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(origin)) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${encodeURIComponent(globals)}`, {
      waitUntil: 'load',
      timeout: STORY_TIMEOUT,
    });
    const { error } = await waitForStory(page);
    if (error) problems.unshift(error);
    else problems.push(...(await axeViolations(page)));
    if (options.screenshots) {
      const suffix = globals.replace(/[^a-z]+/gi, '-');
      await page.screenshot({ path: join(options.screenshots, `${id}--${suffix}.png`), fullPage: true });
    }
  } catch (error) {
    problems.unshift(error.name === 'TimeoutError' ? `did not render within ${STORY_TIMEOUT} ms` : String(error));
  } finally {
    await page.close().catch(() => {});
  }
  // One line per story: the first line of each problem, shortened.
  const short = (text) => {
    const line = String(text).split('\n')[0].trim();
    return line.length > 240 ? `${line.slice(0, 237)}…` : line;
  };
  return problems.length ? [...new Set(problems.map(short))].join(' | ') : undefined;
}

let interrupted = false;

function finish(passed, failed) {
  if (interrupted) return;
  console.log(`${passed} passed, ${failed} failed`);
  if (process.env.TN_SUMMARY_FILE) {
    writeFileSync(process.env.TN_SUMMARY_FILE, `${JSON.stringify({ passed, failed })}\n`);
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

async function main() {
  if (!existsSync(join(STATIC_DIR, 'index.json'))) {
    console.log('FAIL storybook-static/index.json not found: run `npm run build-storybook` first');
    finish(0, 1);
    return;
  }
  const stories = listStories();
  if (stories.length === 0) {
    console.log('FAIL no stories found in storybook-static/index.json');
    finish(0, 1);
    return;
  }
  if (options.screenshots) mkdirSync(options.screenshots, { recursive: true });

  let server;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    browser = undefined;
    if (server) {
      server.closeAllConnections?.();
      await new Promise((done) => server.close(() => done()));
      server = undefined;
    }
  };
  const onSignal = (signal) => {
    interrupted = true;
    console.log(`interrupted (${signal}): stopping the browser and the server`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let passed = 0;
  let failed = 0;
  try {
    server = await serve();
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      // Signals are ours to handle: stop() closes the browser, then the server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 960, height: 720 }, reducedMotion: 'reduce' });
    // A few pages at once: most of a check is the page loading Storybook's preview.
    const queue = GLOBALS.flatMap((globals) => stories.map((id) => ({ id, globals })));
    const worker = async () => {
      for (let next = queue.shift(); next && !interrupted; next = queue.shift()) {
        const { id, globals } = next;
        const reason = await checkStory(context, origin, id, globals);
        if (interrupted) break;
        if (reason) {
          failed += 1;
          console.log(`FAIL ${id} [${globals}]: ${reason}`);
        } else {
          passed += 1;
          console.log(`ok  ${id} [${globals}]`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    // The harness itself broke (no browser, no port): every story not yet checked fails.
    if (!interrupted) console.log(`FAIL harness: ${error?.message ?? error}`);
    failed = stories.length * GLOBALS.length - passed;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  finish(passed, failed);
}

await main();
