// `npm run test:visual`: the visual regression and overflow suite (test/visual.test.ts), in
// Chromium only — screenshots differ between engines, and one engine keeps the run short.
//
// Everything else (dev server plugins, esbuild, reporters, timeouts) is web-test-runner.config.mjs;
// this adds the screenshot plugin and a Chromium that draws the same pixels on every run:
// no scrollbars (they would take layout width from the page), a fixed device scale and
// language, and the page clock in UTC (dates the elements format come out the same in any
// time zone).
//
//   npm run test:visual                               compare with test/visual/baseline/
//   npm run test:visual -- --update-visual-baseline   write the baselines again (after an intended change)
//
// A shot that differs is written to test/visual/failed/<name>.png with <name>-diff.png beside
// it (red: the pixels that changed); that folder is emptied at the start of every run, and an
// update run empties test/visual/baseline/ first.
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from './scripts/browsers.mjs';

// Chromium reads its time zone from TZ when it starts; web-test-runner.config.mjs reads
// TN_BROWSERS when it is imported (here, only for its other settings).
process.env.TZ = 'UTC';
process.env.TN_BROWSERS = 'chromium';
process.env.TN_JUNIT_NAME ??= 'visual';
const { default: base } = await import('./web-test-runner.config.mjs');

const update = process.argv.includes('--update-visual-baseline');
const visualDir = fileURLToPath(new URL('./test/visual/', import.meta.url));
rmSync(join(visualDir, 'failed'), { recursive: true, force: true });
// An update writes every baseline afresh, so none is left behind for a shot that is gone.
if (update) rmSync(join(visualDir, 'baseline'), { recursive: true, force: true });

export default {
  ...base,
  files: ['test/visual.test.ts'],
  browsers: [
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
          '--hide-scrollbars',
          '--force-device-scale-factor=1',
          '--font-render-hinting=none',
          '--lang=en-US',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    ...base.plugins,
    visualRegressionPlugin({
      update,
      baseDir: visualDir,
      getBaselineName: ({ name }) => `baseline/${name}`,
      getFailedName: ({ name }) => `failed/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      // Per pixel: pixelmatch's colour distance, anti-aliased pixels not counted. Per image:
      // up to 0.02 % of the pixels may differ (rounding noise); a moved, resized or missing
      // block changes far more.
      diffOptions: { threshold: 0.1, includeAA: false },
      failureThreshold: 0.02,
      failureThresholdType: 'percent',
    }),
  ],
};
