// web-test-runner: React for the test page (test/react.test.ts renders the React wrappers).
//
// React 18 ships CommonJS only, which the dev server cannot serve as modules. As the server
// starts, this plugin bundles `react`, `react-dom` and `react-dom/client` from node_modules
// into ES modules in `dir` (one shared chunk, so the page has a single copy of React), and
// resolves those bare imports to them — from the tests and from src/react/ alike. `dir` is
// the run's own (several runs go side by side, see scripts/test.mjs), under the root.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(new URL('../package.json', import.meta.url));

/** Bare import → output file name. */
const modules = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };

/** An ES module re-exporting a CommonJS module: its `module.exports` as default, each key by name. */
function entry(specifier) {
  const names = Object.keys(require(specifier)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [
    `import m from ${JSON.stringify(specifier)};`,
    'export default m;',
    ...names.map((name) => `export const ${name} = m.${name};`),
  ].join('\n');
}

const virtual = 'tn-wtr-react:';

/** `dir`: where the bundles go, relative to the root (served from there). */
export function reactPlugin({ dir }) {
  const outdir = `${dir}/react`;
  return {
    name: 'bundled-react',
    serverStart: () => bundle(outdir),
    resolveImport: ({ source }) => (source in modules ? `/${outdir}/${modules[source]}.js` : undefined),
  };
}

async function bundle(outdir) {
  rmSync(`${root}/${outdir}`, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(modules).map(([specifier, name]) => [name, virtual + specifier])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    outdir: `${root}/${outdir}`,
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
    plugins: [
      {
        name: 'cjs-entries',
        setup(build) {
          build.onResolve({ filter: /^tn-wtr-react:/ }, (args) => ({ path: args.path.slice(virtual.length), namespace: 'entry' }));
          build.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({ contents: entry(args.path), resolveDir: root }));
        },
      },
    ],
  });
}
