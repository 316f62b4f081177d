// The demo network for Node. The engine is TypeScript (src/adapter/demo/engine.ts) and has
// no DOM, timers or import-time work, so the server bundles it with esbuild (a
// devDependency) when it starts — in memory, in some 100 ms — and imports the bundle from
// a `data:` URL. Nothing is written to disk, so the server always runs the engine as it
// is in the sources, with no build step to forget and no stale output.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} DemoEngine
 * @property {new (options?: { now?: () => Date }) => any} DemoNetwork  the network (see engine.ts)
 * @property {(value: unknown) => boolean} isAdapterError  recognises the engine's `TnAdapterError`s
 */

/**
 * Bundles and imports the demo engine.
 * @returns {Promise<DemoEngine>}
 */
export async function loadDemoEngine() {
  const result = await build({
    stdin: {
      contents: [
        "export { DemoNetwork } from './src/adapter/demo/engine.ts';",
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
