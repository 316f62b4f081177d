#!/usr/bin/env node
// `node bench/search.mjs`: times the demo network's directory search (60,000 entities) in
// headless Chromium — the build of the directory and its search keys, the first query after
// that build (cold), and warm queries — with the JS heap the directory holds. Each run loads a
// fresh page (the directory is built once per page); every cold query gets RUNS runs, so there
// are RUNS × 7 runs; prints medians. Issue #12's budget: ≤ 5 ms per query, cold and warm.
// These are figures to compare, not pass/fail tests. (Standalone for now; to merge into run.mjs.)
import { launchBenchBrowser, median, startBenchServer } from './harness.mjs';
import os from 'node:os';

const RUNS = Number(process.env.RUNS ?? 3);
const COLD_QUERIES = ['globex', 'société', 'gmbh', 'FR123', 'trans', 'e', 'zzqxv no match'];
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark: directory search</title>
<script type="module" src="/bench/search-page.ts"></script></head><body></body></html>`;

// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

const { server, origin } = await startBenchServer();
const browser = await launchBenchBrowser();
const ms = (value) => value.toFixed(2);

try {
  const runs = [];
  for (let i = 0; i < RUNS * COLD_QUERIES.length; i++) {
    // A fresh page per run: the engine builds its directory once per page.
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.route(`${origin}/bench/search.html`, (route) => route.fulfill({ contentType: 'text/html', headers: ISOLATED, body: PAGE }));
    await page.goto(`${origin}/bench/search.html`);
    await page.waitForFunction(() => typeof window.benchSearch === 'function');
    runs.push(await page.evaluate((query) => window.benchSearch(query), COLD_QUERIES[i % COLD_QUERIES.length]));
    await page.close();
  }
  const breakdowns = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const page = await browser.newPage();
    await page.route(`${origin}/bench/search.html`, (route) => route.fulfill({ contentType: 'text/html', headers: ISOLATED, body: PAGE }));
    await page.goto(`${origin}/bench/search.html`);
    await page.waitForFunction(() => typeof window.benchSearchBuild === 'function');
    breakdowns.push(await page.evaluate(() => window.benchSearchBuild()));
    await page.close();
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${browser.version()}`;
  console.log(`\nDemo directory search, ${runs.length} runs (fresh page each) — ${machine}\n`);
  console.log(`build (directory + search keys)  median ${ms(median(runs.map((r) => r.buildMs)))} ms`);
  const step = (key) => ms(median(breakdowns.map((b) => b[key])));
  console.log(`  of which, each step cold: generate ${step('generateMs')} ms, fold names ${step('foldMs')} ms, name index ${step('nameIndexMs')} ms (${step('nameIndexMB')} MB of typed arrays)`);
  console.log(`heap held by the directory       median ${median(runs.map((r) => r.heapMB)).toFixed(1)} MB`);
  console.log(`cold query                       median ${ms(median(runs.map((r) => r.coldMs)))} ms, max ${ms(Math.max(...runs.map((r) => r.coldMs)))} ms`);
  for (const query of COLD_QUERIES) {
    const times = runs.filter((r) => r.coldQuery === query).map((r) => r.coldMs);
    console.log(`  ${JSON.stringify(query).padEnd(18)} ${ms(median(times)).padStart(7)} ms  (runs: ${times.map(ms).join(', ')})`);
  }
  console.log(`warm queries                     median ${ms(median(runs.map((r) => r.warmMedianMs)))} ms, slowest query ${ms(median(runs.map((r) => r.warmMaxMs)))} ms`);
  for (const [q, query] of runs[0].queries.entries()) {
    const perRun = runs.map((r) => r.queries[q].medianMs);
    console.log(`  ${JSON.stringify(query.text).padEnd(18)} ${ms(median(perRun)).padStart(7)} ms  (${query.total} results)`);
  }
} finally {
  await browser.close();
  await server.stop();
}
