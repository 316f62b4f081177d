// Two builds:
// 1. npm: ES modules under dist/, one file per source module (so each element entry and
//    each locale stays a separate module), `lit`, `@lit/*` and `react` external, with declarations.
//    Both builds minify the static text of Lit templates and drop translators' notes
//    (`minifyLitSource` below): a host's minifier leaves template text alone.
// 2. Script tag: dist/cdn/tn-customer-connect.min.js — one minified, self-registering ES
//    module with Lit bundled, defining every element; each non-English locale is a chunk in
//    dist/cdn/chunks/, fetched next to the entry only when a page switches to it. The demo adapter is a separate file
//    (dist/cdn/tn-demo-adapter.min.js), never part of the elements' bundle. The REST adapter
//    is (the bundle exports the public API, createRestAdapter included, with its small
//    hand-written validators).
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { compactLocales } from './scripts/rollup-compact-locales.mjs';

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
  'testing/index': 'src/testing/index.ts',
  'react/index': 'src/react/index.ts',
};

const isExternal = (id) => /^(lit|@lit\/|@lit-labs\/|tslib|react($|\/))/.test(id);

/** Whitespace runs of an `html`/`svg` template: as many newlines as before, no indentation. */
const minifyHtml = (raw) => raw.replace(/[ \t]*\n\s*/g, (run) => '\n'.repeat(run.split('\n').length - 1));

/**
 * CSS of a `css` template: no comments, whitespace collapsed, none around `{ } ; ,` or after
 * `:`. Never inside quoted strings, never `+ - > ~` (`calc(a + b)` needs its spaces).
 */
const minifyCss = (raw, first, last) => {
  let out = raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("[^"\n]*"|'[^'\n]*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')))
    .join('');
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
};

/**
 * Both builds, at build time:
 * - minifies the static text of Lit's `html`, `svg` and `css` templates. Bindings are
 *   untouched, so are templates passed to `msg()` (their text is the message ID) and anything
 *   with `<pre>`, `<script>`, `<style>`, a non-empty `<textarea>`, an unterminated CSS comment
 *   or quote;
 * - drops the `desc` of `msg()` options: a note for translators, read by `lit-localize
 *   extract`, never at run time.
 */
function minifyLitSource() {
  return {
    name: 'minify-lit-source',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('/generated/') || !/\bfrom ['"](lit|@lit\/localize)['"]/.test(code)) return null;
      const edits = [];
      const visit = (node, parent) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'msg' && node.arguments.length === 2) {
          const [template, options] = node.arguments;
          const isDesc = (p) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === 'desc';
          if (options.type === 'ObjectExpression' && options.properties.length === 1 && isDesc(options.properties[0])) {
            edits.push({ start: template.end, end: options.end, text: '' });
          }
        }
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && ['html', 'svg', 'css'].includes(node.tag.name)) {
          const isMessage = parent?.type === 'CallExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'msg';
          const quasis = node.quasi.quasis;
          const raws = quasis.map((q) => code.slice(q.start, q.end));
          const joined = raws.join('\0');
          const ok =
            !isMessage &&
            quasis.every((q, i) => raws[i] === q.value.raw) &&
            (node.tag.name === 'css'
              ? raws.every((raw) => {
                  const uncommented = raw.replace(/\/\*[\s\S]*?\*\//g, '');
                  return !uncommented.includes('/*') && !/["']/.test(uncommented.replace(/"[^"\n]*"|'[^'\n]*'/g, ''));
                })
              : !/<(pre|script|style)\b/i.test(joined) && !/<textarea\b[^>]*>(?!<\/textarea>)/i.test(joined));
          if (ok) {
            quasis.forEach((q, i) => {
              const text = node.tag.name === 'css' ? minifyCss(raws[i], i === 0, i === quasis.length - 1) : minifyHtml(raws[i]);
              if (text !== raws[i]) edits.push({ start: q.start, end: q.end, text });
            });
          }
        }
        for (const key of Object.keys(node)) {
          const child = node[key];
          if (Array.isArray(child)) child.forEach((c) => visit(c, node));
          else if (child && typeof child === 'object' && typeof child.type === 'string') visit(child, node);
        }
      };
      visit(this.parse(code), undefined);
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      // Lines stay where they were in templates of markup; the map is the TypeScript plugin's.
      return { code: out, map: null };
    },
  };
}

const cdnPlugins = () => [
  resolve({ exportConditions: ['production'] }),
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true }),
  minifyLitSource(),
  compactLocales(),
  terser({
    ecma: 2021,
    module: true,
    compress: { passes: 2, pure_getters: true, unsafe_arrows: true },
    format: { comments: false },
  }),
];

export default [
  {
    input: npmEntries,
    external: isExternal,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' }), minifyLitSource()],
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
