// Helpers of test/package/react.test.mjs: a static file server and Chromium.
import { chromium } from 'playwright-core';
import { browserPath } from '../../scripts/browsers.mjs';

// The static file server is the one every suite uses: `{ url, close() }` for a directory.
export { serveStatic } from '../../scripts/static-server.mjs';

/** Headless Chromium from the system (CHROME_PATH, else `chromium` on PATH). */
export function launchChromium() {
  return chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A new page whose console errors and uncaught exceptions are collected in `problems`. */
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}
