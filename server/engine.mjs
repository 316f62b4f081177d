// The demo network for Node. The engine is TypeScript (src/adapter/demo/demo-network.ts) and has
// no DOM, timers or import-time work. In the repository (where tsconfig.json and esbuild, a
// devDependency, are) the server bundles it with esbuild when it starts — in memory, in
// some 100 ms — and imports the bundle from a `data:` URL: nothing is written to disk, so
// the server always runs the engine as it is in the sources, with no build step to forget
// and no stale output. Installed from the package (`npx tn-customer-connect-server`), it
// imports the package's own built modules (dist/adapter/), which are that same engine.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} DemoEngine
 * @property {new (options?: { now?: () => Date }) => any} DemoNetwork  the network (see src/adapter/demo/demo-network.ts)
 * @property {(value: unknown) => boolean} isAdapterError  recognises the engine's `TnAdapterError`s
 */

/**
 * Bundles and imports the demo engine from the sources, or imports the built one.
 * @returns {Promise<DemoEngine>}
 */
export async function loadDemoEngine() {
  if (!existsSync(`${root}tsconfig.json`)) {
    const [{ DemoNetwork }, { isAdapterError }] = await Promise.all([
      import('../dist/adapter/demo/demo-network.js'),
      import('../dist/adapter/errors.js'),
    ]);
    return { DemoNetwork, isAdapterError };
  }
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: [
        "export { DemoNetwork } from './src/adapter/demo/demo-network.ts';",
        "export { isAdapterError } from './src/adapter/errors.ts';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'reference-server-engine.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: `${root}tsconfig.json`,
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
