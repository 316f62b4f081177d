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
import { buildSync } from 'esbuild';
import { findEngine } from './scripts/browsers.mjs';

// The story audit (test/stories-audit.test.ts) runs the stories' play functions, which use
// `storybook/test`. Its @testing-library/dom pulls in CommonJS packages (aria-query, …) that
// the dev server cannot serve as modules, so it is bundled once, here, into one ES module.
const storybookTest = fileURLToPath(new URL('./node_modules/.cache/tn-wtr/storybook-test.js', import.meta.url));
buildSync({
  stdin: { contents: "export * from 'storybook/test';", resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2021',
  outfile: storybookTest,
  define: { 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
  logLevel: 'error',
});
const bundledStorybookTest = {
  name: 'bundled-storybook-test',
  resolveImport: ({ source }) => (source === 'storybook/test' ? '/node_modules/.cache/tn-wtr/storybook-test.js' : undefined),
};

const wanted = (process.env.TN_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((b) => b.trim());
const browsers = [];

if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: findEngine('chromium').paths.browser ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: findEngine('firefox').paths.browser ?? '/usr/bin/firefox-esr',
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
          binary: findEngine('webkit').paths.browser ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
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
  // One page at a time: tests type and click as real input, which goes to the focused page
  // (two pages at once steal focus from each other), and WebKitWebDriver drives one session.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    pressChordPlugin(),
    bundledStorybookTest,
    reactPlugin(),
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
  reporters: [defaultReporter(), summaryReporter()],
};
