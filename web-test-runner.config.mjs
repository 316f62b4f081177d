// web-test-runner: every test file runs in real browsers.
//
// Browsers come from the system (Debian packages), never downloaded; scripts/browsers.mjs
// finds them (and scripts/test.mjs installs or reports a missing one before this runs):
//   chromium  — @web/test-runner-chrome, CHROME_PATH or `chromium` on PATH
//   firefox   — @web/test-runner-puppeteer (WebDriver BiDi), FIREFOX_PATH or `firefox-esr` on PATH
//   webkit    — @web/test-runner-webdriver against a WebKitWebDriver that scripts/test.mjs
//               starts under Xvfb and announces through WEBKIT_WEBDRIVER_PORT
// TN_BROWSERS (comma-separated) picks a subset; scripts/test.mjs sets it.
//
// scripts/test.mjs also starts the reference API server and announces it through
// TN_API_URL and TN_API_TOKEN; the test page gets both as `window.TN_TEST_API` (read by
// test/helpers/reference-server.ts). TN_WTR_PORT puts the test page on the port whose
// origin the server allows (CORS).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { fileURLToPath } from 'node:url';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { pressChordPlugin } from './scripts/wtr-keys-plugin.mjs';
import { reactPlugin } from './scripts/wtr-react-plugin.mjs';
import { defaultReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { browserPath } from './scripts/browsers.mjs';

// Files this run generates for the test page live in a directory of its own (several runs go
// side by side, one per engine: scripts/test.mjs), removed when the run stops.
const cacheDir = `node_modules/.cache/tn-wtr/${process.pid}`;
const cleanCache = {
  name: 'clean-cache',
  serverStop: () => rmSync(fileURLToPath(new URL(cacheDir, import.meta.url)), { recursive: true, force: true }),
};

// The story audit (test/stories-audit.test.ts) runs the stories' play functions, which use
// `storybook/test`. Its @testing-library/dom pulls in CommonJS packages (aria-query, …) that
// the dev server cannot serve as modules, so it is bundled once, here, into one ES module.
const storybookTest = `${cacheDir}/storybook-test.js`;
buildSync({
  stdin: { contents: "export * from 'storybook/test';", resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2021',
  outfile: fileURLToPath(new URL(storybookTest, import.meta.url)),
  define: { 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
  logLevel: 'error',
});
const bundledStorybookTest = {
  name: 'bundled-storybook-test',
  resolveImport: ({ source }) => (source === 'storybook/test' ? `/${storybookTest}` : undefined),
};

/**
 * A test's time limit: 10 s, and 20 s in WebKit. WebKit takes each key typed and each click
 * as a WebDriver round trip, and its lane is the slowest of the three that share the
 * machine's cores: on a slow 2-core machine, typing tests that take 3–5 s in WebKit alone
 * went past 10 s (three of them in one CI run). A test that hangs still fails, at 20 s.
 */
const testTimeout = (process.env.TN_BROWSERS ?? '').split(',').includes('webkit') ? 20_000 : 10_000;

/** Test files run at once in each browser (scripts/test.mjs sets it per set of files). */
const concurrency = Number(process.env.TN_CONCURRENCY ?? 1);
const wanted = (process.env.TN_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((b) => b.trim());
const browsers = [];

if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: browserPath('chromium'),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // With several pages at once (TN_CONCURRENCY), the ones not in front must run
          // their timers and frames on time, as the one in front does.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
      // Several pages at once: each in a context (a window) of its own. Tabs of one window
      // are hidden but for the one in front, and a hidden page runs no animation frames
      // (every test of races.test.ts timed out at 2 at a time); a context of its own also
      // keeps each file's storage apart.
      ...(concurrency > 1
        ? {
            createPage: async ({ browser }) => {
              const context = await browser.createBrowserContext();
              const page = await context.newPage();
              page.once('close', () => void context.close().catch(() => {}));
              return page;
            },
          }
        : {}),
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: browserPath('firefox'),
        headless: true,
      },
    }),
  );
}
if (wanted.includes('webkit')) {
  const port = process.env.WEBKIT_WEBDRIVER_PORT;
  if (!port) throw new Error('WebKit needs WEBKIT_WEBDRIVER_PORT: run the tests through `npm test`.');
  browsers.push(
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(port),
      path: '/',
      logLevel: 'error',
      capabilities: {
        'webkitgtk:browserOptions': {
          binary: browserPath('webkit'),
          args: ['--automation'],
        },
      },
    }),
  );
}

/** What the test page learns about the reference API server (JSON, for a script tag). */
const testApi = JSON.stringify({ url: process.env.TN_API_URL ?? null, token: process.env.TN_API_TOKEN ?? null }).replace(
  /</g,
  '\\u003c',
);

export default {
  // test/visual.test.ts is screenshots against Chromium baselines, with its own plugin and
  // config: `npm run test:visual` (web-test-runner.visual.config.mjs).
  files: process.env.TN_FILES ? process.env.TN_FILES.split(',') : ['test/**/*.test.ts', '!test/visual.test.ts'],
  nodeResolve: true,
  ...(process.env.TN_WTR_PORT ? { port: Number(process.env.TN_WTR_PORT) } : {}),
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  browsers,
  // One page at a time unless TN_CONCURRENCY says more: tests that type and click send real
  // input, which goes to the focused page (two pages at once steal focus from each other).
  // scripts/test.mjs runs those files (scripts/test-sets.mjs) one at a time and the rest
  // several at a time in Chromium only (see there why not in Firefox and WebKit). One engine
  // at a time within a run: the run's reference API server's state is shared by every page
  // that talks to it (scripts/test.mjs runs one run per engine, each with its own server).
  concurrency,
  concurrentBrowsers: 1,
  // The sources and packages do not change during a run: the browser may keep them instead
  // of asking again for each of the hundred-odd modules every test page or host-page iframe
  // imports (host-layouts.test.ts loads 47 iframes; in Firefox on a loaded 2-core machine
  // the file took 83 s instead of 98). Not while watching, where they do change.
  middleware: process.argv.includes('--watch')
    ? []
    : [
        async (ctx, next) => {
          await next();
          if (ctx.method === 'GET' && /^\/(src|node_modules)\//.test(ctx.path)) ctx.set('cache-control', 'max-age=3600');
        },
      ],
  testsFinishTimeout: 300_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: testTimeout } },
  plugins: [
    pressChordPlugin(),
    bundledStorybookTest,
    reactPlugin({ dir: cacheDir }),
    cleanCache,
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <head>
        <script>
          window.TN_TEST_API = ${testApi};
        </script>
      </head>
      <body>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter({ fileErrorsXml: junitPath('-file-errors') }), ...junit()],
};

/**
 * With TN_JUNIT_DIR set (CI), a JUnit XML file there as well, for CI systems that show
 * failures per test: web-test-runner-<set>.xml, one per run (scripts/test.mjs runs the serial
 * and concurrent sets apart; TN_JUNIT_NAME names another run, e.g. the visual suite).
 */
function junit() {
  const outputPath = junitPath('');
  return outputPath ? [junitReporter({ outputPath, reportLogs: true })] : [];
}

/**
 * This run's JUnit XML file with `suffix` before `.xml` (the summary reporter writes the test
 * files' own errors to `-file-errors`), or undefined without TN_JUNIT_DIR.
 */
function junitPath(suffix) {
  const dir = process.env.TN_JUNIT_DIR;
  if (!dir) return undefined;
  const name = process.env.TN_JUNIT_NAME ?? `web-test-runner-${process.env.TN_TEST_SET ?? 'all'}`;
  return join(dir, `${name}${suffix}.xml`);
}
