#!/usr/bin/env node
// `npm run bench`: times <tn-group-picker> in headless Chromium on groups of 1,000, 10,000
// and 50,000 entities — open (insertion → rows painted), select the whole group, one filter
// keystroke, scroll to the end — with the rendered DOM node count and the JS heap it holds.
// Medians of RUNS runs after one warm-up; prints a table, writes bench/results.json.
// These are figures to compare, not pass/fail tests.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = [1_000, 10_000, 50_000];

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['production'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: `${root}tsconfig.json` })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${server.server.address().port}/bench/group-picker.html`);
  await page.waitForFunction(() => typeof window.benchGroupPicker === 'function');
  const results = {};
  for (const size of SIZES) {
    await page.evaluate((n) => window.benchGroupPicker(n), size); // warm-up
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate((n) => window.benchGroupPicker(n), size));
    results[size] = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((r) => r[key]))]));
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${browser.version()}`;
  console.log(`\n<tn-group-picker>, medians of ${RUNS} runs — ${machine}\n`);
  const rows = [['entities', 'open ms', 'select all ms', 'filter key ms', 'scroll end ms', 'DOM nodes', 'heap MB']];
  for (const size of SIZES) {
    const r = results[size];
    rows.push([size.toLocaleString('en'), r.open, r.selectAll, r.filterKeystroke, r.scrollToEnd, r.domNodes, r.heapMB].map((v) =>
      typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : v,
    ));
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padStart(widths[c])).join('  '));
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ machine, runs: RUNS, results }, null, 2) + '\n');
  console.log('\nwritten to bench/results.json');
} finally {
  await browser.close();
  await server.stop();
}
