#!/usr/bin/env node
// Takes a PNG of a page in headless Chromium after optional user actions, and prints the
// page's console errors/warnings. For looking at changes (CONTRIBUTING.md lists it among the
// commands). Chromium: CHROME_PATH, else `chromium` on PATH (scripts/browsers.mjs).
//   node scripts/screenshot.mjs URL OUT.png [WIDTH] ["type:tungsten|wait:1500|press:ArrowDown"]
// Actions: type:TEXT (focuses the first tn-customer-search, then types), keys:TEXT (types
// wherever focus is), press:KEY (e.g. Tab, ArrowDown, Shift+Enter), click:CSS, wait:MS.
import { chromium } from 'playwright-core';
import { browserPath } from './browsers.mjs';

const [url, out, width = '1280', actions = ''] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTH] [ACTIONS]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: browserPath('chromium'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  for (const action of actions.split('|').filter(Boolean)) {
    const [kind, ...rest] = action.split(':');
    const arg = rest.join(':');
    if (kind === 'type') {
      await page.locator('tn-customer-search input').first().focus();
      await page.keyboard.type(arg, { delay: 20 });
    } else if (kind === 'keys') await page.keyboard.type(arg, { delay: 20 });
    else if (kind === 'press') await page.keyboard.press(arg);
    else if (kind === 'click') await page.locator(arg).first().click();
    else if (kind === 'wait') await page.waitForTimeout(Number(arg));
    else throw new Error(`unknown action ${kind}`);
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: true });
  console.log(problems.join('\n') || 'no console errors');
} finally {
  await browser.close();
}
