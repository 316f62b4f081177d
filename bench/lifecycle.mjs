#!/usr/bin/env node
// `node bench/lifecycle.mjs` (part of `npm run bench`): in headless Chromium running nothing
// else, the first render of <tn-attention-panel> and <tn-customer-connect> (insertion → data
// painted, demo adapter answering at once; medians of RUNS after a warm-up, fresh page each),
// and the JS heap after 1,000 mount/unmount cycles of every element against the heap after the
// first 10 (issue #12's budget: within 5 %). Prints the figures and writes the `lifecycle`
// section of bench/results.json and the `lifecycle` block of bench/README.md. Figures to
// compare, not pass/fail tests.
import { launchBenchBrowser, median, startBenchServer } from './harness.mjs';
import { loadAverage, machineName, writeReadmeBlock } from './figures.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const resultsFile = new URL('./results.json', import.meta.url);
const RUNS = Number(process.env.RUNS ?? 5);
const CYCLES = Number(process.env.CYCLES ?? 1000);
const HEAP_BUDGET = 0.05;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark: lifecycle</title>
<script type="module" src="/bench/lifecycle-page.ts"></script></head><body></body></html>`;

const loadAtStart = loadAverage();
const { server, origin } = await startBenchServer();
const browser = await launchBenchBrowser();

async function freshPage() {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.route(`${origin}/bench/lifecycle.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${origin}/bench/lifecycle.html`);
  await page.waitForFunction(() => typeof window.benchCycles === 'function');
  return page;
}

try {
  const firstRender = {};
  for (const tag of ['tn-attention-panel', 'tn-customer-connect']) {
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await freshPage();
      await page.evaluate((t) => window.benchFirstRender(t), tag); // warm-up: modules compiled, data built
      times.push(await page.evaluate((t) => window.benchFirstRender(t), tag));
      await page.close();
    }
    firstRender[tag] = median(times.slice(1));
  }
  const page = await freshPage();
  const cycles = await page.evaluate((n) => window.benchCycles(n), CYCLES);
  await page.close();

  console.log(`\nFirst render (insertion → data painted), medians of ${RUNS}:`);
  for (const [tag, ms] of Object.entries(firstRender)) console.log(`  <${tag}>`.padEnd(26) + `${ms.toFixed(1)} ms`);
  const verdict = cycles.growth <= HEAP_BUDGET ? 'within budget' : 'OVER BUDGET';
  console.log(
    `\nHeap after ${CYCLES.toLocaleString('en')} mount/unmount cycles of every element: ${cycles.heapAfterAllMB.toFixed(2)} MB, ` +
      `after the first 10: ${cycles.heapAfter10MB.toFixed(2)} MB — ${(cycles.growth * 100).toFixed(1)} % (budget ${HEAP_BUDGET * 100} %: ${verdict})`,
  );
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  results.lifecycle = { date: new Date().toISOString(), firstRenderMs: firstRender, cycles: CYCLES, ...cycles };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  const [panel, connect] = ['tn-attention-panel', 'tn-customer-connect'].map((tag) => `${firstRender[tag].toFixed(1)} ms`);
  writeReadmeBlock(
    'lifecycle',
    `**First render and memory** (\`bench/lifecycle.mjs\`, medians of ${RUNS} fresh pages after a warm-up in each): \`<tn-attention-panel>\` and \`<tn-customer-connect>\` show their data ${panel} and ${connect} after insertion; after ${CYCLES.toLocaleString('en')} mount/unmount cycles of every element the JS heap is within ${(cycles.growth * 100).toFixed(1)} % of the heap after the first 10 (${cycles.heapAfter10MB.toFixed(2)} → ${cycles.heapAfterAllMB.toFixed(2)} MB; budget ${HEAP_BUDGET * 100} %: ${cycles.growth <= HEAP_BUDGET ? 'holds' : 'MISSED'}). ${new Date().toISOString().slice(0, 10)}, ${machineName(browser.version())}, load average ${loadAtStart} → ${loadAverage()}.`,
  );
  console.log('written to bench/results.json (lifecycle section) and bench/README.md (lifecycle block)');
} finally {
  await browser.close();
  await server.stop();
}
