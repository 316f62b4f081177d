import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';
const root = '/work/wt-group/';
const server = await startDevServer({ config: { rootDir: root, port: 0, hostname: '127.0.0.1', nodeResolve: { exportConditions: ['production'] }, plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: `${root}tsconfig.json` })] }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--js-flags=--expose-gc'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.server.address().port}/bench/group-picker.html`);
await page.waitForFunction(() => typeof window.bench === 'object');
const cdp = await page.context().newCDPSession(page);
const step = process.argv[2] ?? 'key';
for (let r = 0; r < 2; r++) {
  await page.evaluate(() => window.bench.prepare('picker', 50000));
  if (step === 'open') { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  console.log('open', await page.evaluate(() => window.bench.open()));
  if (step === 'open') { const { profile } = await cdp.send('Profiler.stop'); summarize(profile); }
  console.log('sel', await page.evaluate(() => window.bench.selectAll()));
  if (step === 'key') { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  console.log('key', await page.evaluate(() => window.bench.key('n')));
  if (step === 'key') { const { profile } = await cdp.send('Profiler.stop'); summarize(profile); }
  await page.evaluate(() => window.bench.teardown());
}
function summarize(profile) {
  const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + t); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, t]) => `${(t / 1000).toFixed(1)}ms ${k}`).join('\n'));
}
await browser.close(); await server.stop();
