// Runs tachometer (https://github.com/google/tachometer) on benchmark pages the bench's dev
// server serves (harness.mjs: TypeScript compiled on the fly), in the system's headless
// Chromium (/usr/bin/chromium, or CHROME_PATH) driven by the system's ChromeDriver
// (/usr/bin/chromedriver: Debian's chromium-driver, the browser's own version). Nothing is
// downloaded: see tachometer-chromedriver.mjs.
//
// Tachometer loads each page afresh for every sample, round-robin across the pages, takes
// at least `sampleSize` samples of each and goes on sampling (up to `timeoutMinutes`) until
// the 95 % confidence interval of every difference lies clear of each auto-sample condition.
// Its own table is printed as it runs; `runTachometer` resolves with its JSON: per page the
// interval of the mean and, against each other page, the interval of the difference.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('./tachometer/', import.meta.url));

/**
 * @param {object} options
 * @param {{ name: string; url: string; measurement: { name?: string; mode: 'performance'; entryName: string }[] }[]} options.benchmarks
 *   absolute URLs (the dev server's)
 * @param {number} [options.sampleSize] the least samples of each page
 * @param {number} [options.timeoutMinutes] the most time to go on sampling after that (0: none)
 * @param {string[]} [options.autoSampleConditions] e.g. ["0%", "50%"]
 */
export async function runTachometer({ benchmarks, sampleSize = 30, timeoutMinutes = 2, autoSampleConditions = ['0%'] }) {
  const dir = mkdtempSync(join(tmpdir(), 'tn-tachometer-'));
  try {
    const browser = {
      name: 'chrome',
      headless: true,
      binary: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      addArguments: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
      windowSize: { width: 1280, height: 900 },
    };
    const config = {
      $schema: 'https://raw.githubusercontent.com/Polymer/tachometer/master/config.schema.json',
      sampleSize,
      timeout: timeoutMinutes,
      autoSampleConditions,
      benchmarks: benchmarks.map((benchmark) => ({ ...benchmark, browser })),
    };
    const configFile = join(dir, 'tachometer.json');
    const jsonFile = join(dir, 'results.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', fileURLToPath(new URL('./tachometer-chromedriver.mjs', import.meta.url)), join(root, 'node_modules/tachometer/bin/tach.js'), '--config', configFile, '--json-file', jsonFile],
        { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: join(here, 'modules'), SE_OFFLINE: 'true' } },
      );
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tachometer exited with ${code}`))));
    });
    return JSON.parse(readFileSync(jsonFile, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
