// Two builds:
// 1. npm: ES modules under dist/, one file per source module (so each element entry and
//    each locale stays a separate module), `lit` and `@lit/*` external, with declarations.
// 2. Script tag: dist/cdn/tn-customer-connect.min.js — one minified, self-registering ES
//    module with Lit bundled, defining every element; each non-English locale is a chunk in
//    dist/cdn/chunks/, fetched next to the entry only when a page switches to it. The demo adapter is a separate file
//    (dist/cdn/tn-demo-adapter.min.js), never part of the elements' bundle. The REST adapter
//    is (the bundle exports the public API, createRestAdapter included, valibot bundled);
//    in the npm build valibot stays external.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const npmEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'components/customer-search/tn-customer-search': 'src/components/customer-search/tn-customer-search.ts',
  'components/attention-panel/tn-attention-panel': 'src/components/attention-panel/tn-attention-panel.ts',
  'components/group-picker/tn-group-picker': 'src/components/group-picker/tn-group-picker.ts',
  'components/verify-invoice/tn-verify-invoice': 'src/components/verify-invoice/tn-verify-invoice.ts',
  'components/customer-connect/tn-customer-connect': 'src/components/customer-connect/tn-customer-connect.ts',
  'components/relationships/tn-relationships': 'src/components/relationships/tn-relationships.ts',
  'adapter/tn-adapter-provider': 'src/adapter/tn-adapter-provider.ts',
  'adapter/demo/index': 'src/adapter/demo/index.ts',
  'adapter/rest/index': 'src/adapter/rest/index.ts',
};

const isExternal = (id) => /^(lit|@lit\/|@lit-labs\/|tslib|valibot)/.test(id);

const cdnPlugins = () => [
  resolve({ exportConditions: ['production'] }),
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true }),
  terser({ ecma: 2021, module: true, format: { comments: false } }),
];

export default [
  {
    input: npmEntries,
    external: isExternal,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  {
    input: { 'tn-customer-connect.min': 'src/define.ts' },
    // The entry may export more than src/define.ts does, so the code the locale chunks share
    // stays in it (one request for the elements, one more per locale used).
    preserveEntrySignatures: 'allow-extension',
    plugins: cdnPlugins(),
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      // Each locale is its own chunk, loaded (relative to the entry) only when a page uses it.
      chunkFileNames: 'chunks/[name]-[hash].min.js',
      sourcemap: true,
    },
  },
  {
    input: 'src/adapter/demo/index.ts',
    plugins: cdnPlugins(),
    output: { file: 'dist/cdn/tn-demo-adapter.min.js', format: 'es', sourcemap: true },
  },
];
