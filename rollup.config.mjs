// Builds:
// 1. npm: ES modules under dist/, one file per source module (so each element entry and
//    each locale stays a separate module), `lit`, `@lit/*` and `react` external, with declarations.
//    Both builds minify the static text of Lit templates and drop translators' notes
//    (`minifyLitSource` below): a host's minifier leaves template text alone.
// 2. Script tag, ES module: dist/cdn/tn-customer-connect.min.js (src/script-tag.ts) — a
//    minified ES module holding Lit, the code the search shares with the others (`sharedCode`
//    below) and the API; it registers every tag lazily (src/autoload.ts): each element's code
//    is a chunk in dist/cdn/chunks/, fetched when its tag first appears. The rest of the shared
//    code is in two chunks: `shared` (what the flow's first screen needs) and `shared-later`.
//    The REST adapter's implementation (its HTTP layer and operations) is a chunk too,
//    `rest-client`: `createRestAdapter()` and `<tn-adapter-provider api-url>` return an adapter
//    at once, which fetches it when the page is first idle, at the first key typed, or at its
//    first call (src/adapter/rest/load-rest-client.ts).
//    Each non-English locale is a chunk too, fetched only when a page switches to it. Those
//    chunks import nothing (`standaloneLocales` below), so that:
// 3. Script tag, classic: dist/cdn/tn-customer-connect.classic.min.js (src/classic.ts), an IIFE
//    for `<script src>` that sets the global `TnCustomerConnect` at once and registers every tag
//    lazily too. It holds what the ES-module entry holds (Lit, the shared code, the API) and
//    publishes those modules on a global; each element's code is an ES-module chunk in
//    dist/cdn/chunks/classic/ that reads Lit and the element base from there (`classicCore`
//    below), and so is the REST adapter's implementation (chunks/classic/rest-client-*), all
//    fetched with `import()` relative to the script's own URL, as are the very same locale
//    chunks as the ES-module build's (`sharedChunks` below).
// The demo adapter is a separate file (dist/cdn/tn-demo-adapter.min.js), never part of the
// elements' bundles. The REST adapter's API is (both bundles export the public API,
// createRestAdapter included); its implementation is the chunk above.
// Every script-tag file a page names starts with a `/*! tn-customer-connect <version> … */` banner.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactLocales } from './scripts/rollup-compact-locales.mjs';
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! tn-customer-connect ${version} | MIT License | self-hosted build, see the README */`;

const npmEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'components/customer-search/tn-customer-search': 'src/components/customer-search/tn-customer-search.ts',
  'components/attention-panel/tn-attention-panel': 'src/components/attention-panel/tn-attention-panel.ts',
  'components/group-picker/tn-group-picker': 'src/components/group-picker/tn-group-picker.ts',
  'components/verify-invoice/tn-verify-invoice': 'src/components/verify-invoice/tn-verify-invoice.ts',
  'components/customer-connect/tn-customer-connect': 'src/components/customer-connect/tn-customer-connect.ts',
  'components/relationships/tn-relationships': 'src/components/relationships/tn-relationships.ts',
  'components/support-case/tn-support-case': 'src/components/support-case/tn-support-case.ts',
  'components/adapter-provider/tn-adapter-provider': 'src/components/adapter-provider/tn-adapter-provider.ts',
  'adapter/demo/index': 'src/adapter/demo/index.ts',
  'adapter/rest/index': 'src/adapter/rest/index.ts',
  'testing/index': 'src/testing/index.ts',
  'react/index': 'src/react/index.ts',
  themes: 'src/themes.ts',
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

/**
 * The ES-module script-tag build: each generated locale module gets its own copy of the two
 * tags it uses — Lit's `html` and @lit/localize's `str`, a line each that builds the plain
 * object Lit and @lit/localize read (`_$litType$` / `strTag`) — instead of importing them
 * from the entry. A locale chunk then imports nothing, and the classic build (which has no
 * module to import from) can load the same file.
 */
function standaloneLocales() {
  const PREFIX = '\0tn-locale-tag:';
  const TAGS = {
    lit: "export const html = (strings, ...values) => ({ ['_$litType$']: 1, strings, values });",
    '@lit/localize': 'export const str = (strings, ...values) => ({ strTag: true, strings, values });',
  };
  return {
    name: 'standalone-locales',
    resolveId(source, importer) {
      const locale = importer && /[\\/]src[\\/]generated[\\/]locales[\\/]([\w-]+)\.ts$/.exec(importer)?.[1];
      // One module per locale and tag, so that each chunk holds its own copy.
      return locale && source in TAGS ? `${PREFIX}${source}:${locale}` : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? TAGS[id.slice(PREFIX.length, id.lastIndexOf(':'))] : null;
    },
  };
}

/** Chunks of the ES-module build that import nothing (path from dist/cdn/), by the module they start from. */
const standaloneChunks = new Map();

/** The modules the ES-module build put in its entry file: the classic build's core (see `classicCore`). */
const entryModules = new Set();

/** Records `standaloneChunks` and `entryModules` (the ES-module build; it runs before the classic one). */
function recordStandaloneChunks() {
  return {
    name: 'record-standalone-chunks',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isDynamicEntry && chunk.imports.length === 0 && chunk.dynamicImports.length === 0) {
          standaloneChunks.set(chunk.facadeModuleId, chunk.fileName.replace(/^cdn\//, ''));
        }
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.moduleIds.forEach((id) => entryModules.add(id));
      }
    },
  };
}

/**
 * The classic script: a dynamic `import()` of a module that the ES-module build put in a chunk
 * of its own (a locale) or that the classic element build made a chunk (an element's code,
 * imported by src/autoload.ts) loads that very file, relative to the script's own URL
 * (`document.currentScript.src`, captured when the script runs — see `output.intro`). A
 * locale that is not such a chunk fails the build rather than being inlined into every
 * page's script.
 */
function sharedChunks() {
  return {
    name: 'shared-chunks',
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string') return null;
      const resolved = await this.resolve(specifier, importer, { skipSelf: true });
      const file = resolved && (standaloneChunks.get(resolved.id) ?? classicChunks.get(resolved.id));
      if (file) return { id: file, external: true };
      if (resolved && /[\\/]generated[\\/]locales[\\/]/.test(resolved.id)) {
        this.error(`${resolved.id} is not a standalone chunk of the ES-module build, so the classic build cannot share it.`);
      }
      if (resolved?.id === REST_CLIENT_MODULE) this.error('the classic element build made no chunk of the REST adapter\'s implementation; it would be inlined.');
      return null;
    },
    renderDynamicImport({ targetModuleId }) {
      if (![...standaloneChunks.values(), ...classicChunks.values()].includes(targetModuleId)) return null;
      return { left: 'import(new URL(', right: ', tnScriptUrl).href)' };
    },
  };
}

/** The classic element build's chunks (path from dist/cdn/), by the module they start from. */
const classicChunks = new Map();
/** What the classic element chunks take from the classic script: core module (path from the repo root) → names, `*` for all. */
const coreImports = new Map();
/** Names a core module exports as live bindings (a `let` reassigned later), by path. */
const coreLiveNames = new Map();
/**
 * Live bindings a chunk may import: each is a function, called through the classic script's
 * module at call time. @lit/localize's `msg` is replaced when the locale is configured.
 */
const LIVE_FUNCTIONS = new Set(['msg']);
/**
 * A digest of what the build is made from (every file under src/ and the locked dependencies):
 * two builds of the same version from different code (a fork, a patched self-hosted build)
 * get different keys below, so one's chunks never read the other's core.
 */
const sourceDigest = () => {
  const hash = createHash('sha256');
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
  for (const file of [...files, 'package-lock.json']) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('base64url').slice(0, 8);
};
/** Where the classic script publishes its core modules; only the chunks of the same build read it. */
const CORE_KEY = `tn-customer-connect.core@${version}+${sourceDigest()}`;
const CORE_PREFIX = 'tn-core:';
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const corePath = (id) => relative(ROOT, id).split(sep).join('/');
/** A core module's short name in the published object (both sides compute it from its path). */
const coreName = (path) => createHash('sha256').update(path).digest('base64url').slice(0, 6);

/** Whether `name` is assigned anywhere in `ast` (shadowing ignored: errs towards "live"). */
function isReassigned(ast, name) {
  let found = false;
  const visit = (node) => {
    if (found || !node || typeof node.type !== 'string') return;
    const target = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' ? node.argument : null;
    if (target?.type === 'Identifier' && target.name === name) found = true;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(ast);
  return found;
}

/**
 * The names `id` exports that are live bindings — a top-level `let`/`var` assigned after its
 * declaration — following `export … from` and `export *`. TypeScript sources are read for
 * `export let`/`export var` (our own core has none).
 */
async function liveExports(context, id, memo = new Map()) {
  if (memo.has(id)) return memo.get(id);
  const names = new Set();
  memo.set(id, names);
  const code = readFileSync(id, 'utf8');
  if (/\.ts$/.test(id)) {
    for (const match of code.matchAll(/\bexport\s+(?:let|var)\s+([\w$]+)/g)) names.add(match[1]);
    return names;
  }
  const ast = context.parse(code);
  const mutable = new Set();
  const declared = (node) => node?.type === 'VariableDeclaration' && node.kind !== 'const';
  for (const node of ast.body) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (declared(declaration)) {
      for (const { id: binding } of declaration.declarations) if (binding.type === 'Identifier' && isReassigned(ast, binding.name)) mutable.add(binding.name);
    }
  }
  const from = async (source) => {
    const target = await context.resolve(source, id, { skipSelf: true });
    return target && !target.external ? liveExports(context, target.id, memo) : new Set();
  };
  for (const node of ast.body) {
    if (node.type === 'ExportNamedDeclaration') {
      if (declared(node.declaration)) node.declaration.declarations.forEach(({ id: binding }) => mutable.has(binding.name) && names.add(binding.name));
      const live = node.source ? await from(node.source.value) : mutable;
      for (const { local, exported } of node.specifiers) if (live.has(local.name ?? local.value)) names.add(exported.name ?? exported.value);
    }
    if (node.type === 'ExportAllDeclaration' && !node.exported) for (const name of await from(node.source.value)) names.add(name);
  }
  return names;
}

/**
 * The classic element build, the chunks the classic script fetches when a tag appears
 * (dist/cdn/chunks/classic/). It starts from src/autoload.ts, whose `import()`s make one
 * chunk per element, and drops that entry itself (the classic script holds it). Every import
 * of a module the ES-module build put in its entry — Lit, the element base, localization,
 * styles, the adapter layer the API and the search need — stays out of the chunks: the
 * classic script holds those modules (it is built next, see `classicEntry`) and publishes
 * them on `globalThis[Symbol.for(CORE_KEY)]`, and each chunk reads what it imports from
 * there when it runs, so there is one Lit, one locale and one adapter context on the page.
 * A live binding (`msg`) is read at each call. The rest of the shared code goes into the
 * `shared` and `shared-later` chunks, as in the ES-module build (`sharedChunkOf`). The REST
 * adapter's implementation, which no element imports, is added as an entry of its own whose
 * exports are kept: the classic script's `RestAdapter` fetches it (`sharedChunks`).
 */
function classicCore() {
  const memo = new Map();
  return {
    name: 'classic-core',
    buildStart() {
      // Without it every chunk would bundle its own Lit.
      if (entryModules.size === 0) this.error('the ES-module build must run first: it decides what the classic script holds');
      // The REST adapter's implementation, which the classic script's RestAdapter fetches (`sharedChunks`).
      this.emitFile({ type: 'chunk', id: REST_CLIENT_MODULE, name: 'rest-client', preserveSignature: 'strict' });
    },
    async resolveId(source, importer, { custom }) {
      // node-resolve asks again with the path it found; the answer to its first question counts.
      if (!importer || source.startsWith(CORE_PREFIX) || custom?.['node-resolve']?.resolved) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || resolved.external || !entryModules.has(resolved.id) || !CORE.test(resolved.id)) return null;
      const path = corePath(resolved.id);
      if (!coreLiveNames.has(path)) coreLiveNames.set(path, await liveExports(this, resolved.id, memo));
      return { id: `${CORE_PREFIX}${path}`, external: true };
    },
    renderChunk(code, chunk) {
      const ast = this.parse(code);
      const edited = new MagicString(code);
      let reads = false;
      for (const node of ast.body) {
        const source = node.source?.value;
        if (typeof source !== 'string' || !source.startsWith(CORE_PREFIX)) continue;
        if (node.type !== 'ImportDeclaration') this.error(`${chunk.fileName} re-exports ${source}; a classic chunk may only import the core.`);
        const path = source.slice(CORE_PREFIX.length);
        const names = coreImports.get(path) ?? new Set();
        coreImports.set(path, names);
        const module = `tnCore$[${JSON.stringify(coreName(path))}]`;
        const constants = [];
        const lines = [];
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportNamespaceSpecifier') {
            names.add('*');
            lines.push(`const ${specifier.local.name} = ${module};`);
            continue;
          }
          const name = specifier.type === 'ImportDefaultSpecifier' ? 'default' : (specifier.imported.name ?? specifier.imported.value);
          names.add(name);
          if (!coreLiveNames.get(path)?.has(name)) constants.push(`${JSON.stringify(name)}: ${specifier.local.name}`);
          else if (LIVE_FUNCTIONS.has(name)) lines.push(`const ${specifier.local.name} = (...args) => ${module}[${JSON.stringify(name)}](...args);`);
          else this.error(`${path} exports ${name} as a live binding; add it to LIVE_FUNCTIONS if it is a function, or read it another way.`);
        }
        if (constants.length > 0) lines.unshift(`const { ${constants.join(', ')} } = ${module};`);
        edited.overwrite(node.start, node.end, lines.join('\n'));
        reads = true;
      }
      if (!reads) return null;
      edited.prepend(`const tnCore$ = globalThis[Symbol.for(${JSON.stringify(CORE_KEY)})];\n`);
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId !== REST_CLIENT_MODULE);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.imports.includes(entry.fileName)) this.error(`${chunk.fileName} imports the dropped entry ${entry.fileName}.`);
        if (chunk.isDynamicEntry || chunk.facadeModuleId === REST_CLIENT_MODULE) classicChunks.set(chunk.facadeModuleId, chunk.fileName.replace(/^cdn\//, ''));
      }
      delete bundle[entry.fileName];
      delete bundle[`${entry.fileName}.map`];
    },
  };
}

/**
 * The classic script's first module, imported before anything else src/classic.ts imports:
 * it publishes the core modules the element chunks read (exactly the names they import,
 * recorded by `classicCore`; a live binding as a getter), keyed by version and build
 * (`CORE_KEY`) so that a second copy of the same build shares them and any other keeps its
 * own. (After the TypeScript plugin, which compiles from the files on disk.)
 */
function classicEntry() {
  const ENTRY = /[\\/]src[\\/]classic\.ts$/;
  const PUBLISH = '\0tn-classic-core';
  const file = (path) => JSON.stringify(join(ROOT, path));
  return {
    name: 'classic-entry',
    resolveId: (source) => (source === PUBLISH ? source : null),
    transform(code, id) {
      if (!ENTRY.test(id)) return null;
      const edited = new MagicString(code).prepend(`import ${JSON.stringify(PUBLISH)};\n`);
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
    load(id) {
      if (id !== PUBLISH) return null;
      if (coreImports.size === 0) this.error('no core imports recorded: the classic element build must run first');
      const lines = [];
      const published = [];
      const seen = new Set();
      [...coreImports.keys()].sort().forEach((path, i) => {
        const key = coreName(path);
        if (seen.has(key)) this.error(`two core modules are both named ${key}`);
        seen.add(key);
        const names = coreImports.get(path);
        if (names.has('*')) {
          lines.push(`import * as core${i} from ${file(path)};`);
          published.push(`${JSON.stringify(key)}: core${i}`);
          return;
        }
        const sorted = [...names].sort();
        lines.push(`import { ${sorted.map((name, j) => `${name} as core${i}_${j}`).join(', ')} } from ${file(path)};`);
        const live = coreLiveNames.get(path) ?? new Set();
        const fields = sorted.map((name, j) => (live.has(name) ? `get ${name}() { return core${i}_${j}; }` : `${JSON.stringify(name)}: core${i}_${j}`));
        published.push(`${JSON.stringify(key)}: { ${fields.join(', ')} }`);
      });
      lines.push(`globalThis[Symbol.for(${JSON.stringify(CORE_KEY)})] ??= { ${published.join(', ')} };`);
      return lines.join('\n');
    },
  };
}

/** Leaves the script-tag entries out of the npm build's declarations (TypeScript emits every file of the project). */
function dropClassicDeclarations() {
  return {
    name: 'drop-classic-declarations',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) if (/^(classic|script-tag|autoload)\.d\.ts(\.map)?$/.test(name)) delete bundle[name];
    },
  };
}

/**
 * Writes every non-ASCII character of a script-tag entry file as a `\uXXXX` escape, so they
 * parse whatever charset a page decodes them in: a legacy page in windows-1252 whose server
 * sends scripts without a charset. Terser's `ascii_only` and esbuild's `charset: 'ascii'`
 * both leave tagged template literals alone (an escape changes a template's `raw` text), and
 * those hold most of our text. Nothing in these files reads `raw` (Lit, its CSS tag and
 * @lit/localize all use the cooked strings, which an escape leaves equal), and in strings,
 * regular expressions, identifiers and comments an escape means the same character, so one
 * replacement over the whole file is safe. The source map follows the edits.
 */
function asciiOnly() {
  return {
    name: 'ascii-only',
    renderChunk(code, chunk) {
      // The locale chunks are loaded with import(): module scripts are always read as UTF-8.
      if (!chunk.isEntry) return null;
      const edited = new MagicString(code);
      for (const match of code.matchAll(/(\\*)([^\0-\x7f])/g)) {
        const escape = `\\u${match[2].charCodeAt(0).toString(16).padStart(4, '0')}`;
        // An odd run of backslashes before it escapes the character itself ("\é" is "é"):
        // the last backslash goes, or it would escape the new escape's own backslash.
        const start = match.index + match[1].length - (match[1].length % 2);
        edited.overwrite(start, match.index + match[0].length, escape);
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/**
 * The REST adapter's implementation (`rest-client.ts` and what only it imports: the HTTP layer,
 * the operations): a chunk of its own in both script-tag builds, which `RestAdapter` fetches
 * when the page is first idle or its first call needs it (src/adapter/rest/load-rest-client.ts).
 */
const REST_CLIENT = /[\\/]src[\\/]adapter[\\/]rest[\\/]/;
const REST_CLIENT_MODULE = fileURLToPath(new URL('./src/adapter/rest/rest-client.ts', import.meta.url));

/** Code the elements share: Lit, the element base, localization, styles, the adapter layer. */
const CORE = /[\\/](src[\\/](base|styles|localization|adapter)[\\/]|node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][\w-]+|tslib)[\\/])/;

/** The flow's class (src/autoload.ts fetches it alone; its steps are chunks of their own). */
const FLOW = /[\\/]src[\\/]components[\\/]customer-connect[\\/]customer-connect\.ts$/;
const LOCALE = /[\\/]generated[\\/]locales[\\/]/;
/**
 * The checks of the answers after the search (src/adapter/later-schemas.ts): a chunk of their
 * own, because the REST adapter's implementation needs them too, and a page with only the
 * search should fetch them with it, not the flow's whole `shared` chunk.
 */
const LATER_SCHEMAS = /[\\/]src[\\/]adapter[\\/]later-schemas\.ts$/;

/** The modules that the modules matching `start` import statically, at any depth, themselves included. */
function staticClosure(start, { getModuleIds, getModuleInfo }) {
  const found = new Set();
  const visit = (moduleId) => {
    if (found.has(moduleId)) return;
    found.add(moduleId);
    getModuleInfo(moduleId)?.importedIds.forEach(visit);
  };
  [...getModuleIds()].filter((moduleId) => start.test(moduleId)).forEach(visit);
  return found;
}

/**
 * Where a shared module (Lit, the element base, localization, styles, the adapter layer) that
 * the entry does not hold goes, in both script-tag builds: what the flow's first screen needs
 * (its outcome and done screens' helpers) into `shared`, the rest (form fields, tables, field
 * errors: the later steps' and other elements') into `shared-later`, the later answers' checks
 * into `later-schemas` (`LATER_SCHEMAS`). A page showing the flow downloads `shared` and
 * `later-schemas` before its search is usable; a later step fetches `shared-later`, when the
 * browser is idle. The REST adapter's implementation is not shared: a chunk of its own.
 */
function sharedChunkOf(id, flowScreen) {
  if (!CORE.test(id) || LOCALE.test(id) || REST_CLIENT.test(id)) return undefined;
  if (LATER_SCHEMAS.test(id)) return 'later-schemas';
  return flowScreen.has(id) ? 'shared' : 'shared-later';
}

/**
 * The ES-module script-tag build's shared code, in three files instead of a dozen small chunks
 * (each file is compressed on its own, so fewer files are fewer bytes, and fewer requests in
 * a row): the shared modules the API or the search needs go into the entry — the search is
 * the first screen of every page but the relationships' — and the rest into the two chunks of
 * `sharedChunkOf`. The elements' own modules stay in their own chunks.
 */
function sharedCode() {
  const ENTRY_MODULE = /[\\/]src[\\/]script-tag\.ts$/;
  const SEARCH = /[\\/]src[\\/]components[\\/]customer-search[\\/]tn-customer-search\.ts$/;
  let firstScreen;
  let flowScreen;
  return (id, meta) => {
    firstScreen ??= staticClosure(new RegExp(`${ENTRY_MODULE.source}|${SEARCH.source}`), meta);
    flowScreen ??= staticClosure(FLOW, meta);
    if (ENTRY_MODULE.test(id)) return 'tn-customer-connect.min';
    if (firstScreen.has(id) && CORE.test(id) && !LOCALE.test(id)) return 'tn-customer-connect.min';
    return sharedChunkOf(id, flowScreen);
  };
}

/** The classic element build's shared code: the same two chunks as the ES-module build's (the entry's modules are the classic script's). */
function classicSharedCode() {
  let flowScreen;
  return (id, meta) => sharedChunkOf(id, (flowScreen ??= staticClosure(FLOW, meta)));
}

const cdnPlugins = ({ module = true } = {}) => [
  standaloneLocales(),
  resolve({ exportConditions: ['production'] }),
  // TypeScript's outDir must lie inside Rollup's output dir, and its maps' relative paths are
  // right only when its outDir mirrors src/ at the same depth: so the script-tag builds write
  // to dir 'dist' with file names under cdn/. The maps carry their sources (inlineSources): a
  // host that copies only dist/cdn/ still gets readable code in its devtools.
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, sourceMap: true, inlineSources: true }),
  minifyLitSource(),
  compactLocales(),
  terser({
    ecma: 2021,
    module,
    compress: { passes: 2, pure_getters: true, unsafe_arrows: true },
    // Keeps the `/*!` version banner, nothing else.
    format: { comments: /^!/ },
  }),
  asciiOnly(),
];

export default [
  {
    input: npmEntries,
    external: isExternal,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' }), minifyLitSource(), dropClassicDeclarations()],
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
    input: { 'tn-customer-connect.min': 'src/script-tag.ts' },
    // The entry may export more than src/define.ts does, should a lazy chunk share code with it.
    preserveEntrySignatures: 'allow-extension',
    plugins: [...cdnPlugins(), recordStandaloneChunks()],
    output: {
      dir: 'dist',
      format: 'es',
      // The version banner on the file a page names; a lazy chunk is not worth its bytes.
      banner: (chunk) => (chunk.isEntry ? banner : ''),
      entryFileNames: 'cdn/[name].js',
      // Each locale is its own chunk, loaded (relative to the entry) only when a page uses it.
      chunkFileNames: 'cdn/chunks/[name]-[hash].min.js',
      manualChunks: sharedCode(),
      sourcemap: true,
    },
  },
  {
    // The classic script's element chunks, after the ES-module build (whose entry decides
    // what the classic script holds) and before the classic script (which publishes what
    // these chunks import, and loads them).
    input: 'src/autoload.ts',
    preserveEntrySignatures: false,
    plugins: [classicCore(), ...cdnPlugins()],
    output: {
      dir: 'dist',
      format: 'es',
      // The REST adapter's implementation is an entry too (see `classicCore`); autoload's is dropped.
      entryFileNames: 'cdn/chunks/classic/[name]-[hash].min.js',
      chunkFileNames: 'cdn/chunks/classic/[name]-[hash].min.js',
      manualChunks: classicSharedCode(),
      sourcemap: true,
    },
  },
  {
    // Last: it loads the chunks of both builds before it.
    input: 'src/classic.ts',
    plugins: [sharedChunks(), ...cdnPlugins({ module: false }), classicEntry()],
    output: {
      dir: 'dist',
      entryFileNames: 'cdn/tn-customer-connect.classic.min.js',
      format: 'iife',
      banner,
      // The chunks sit next to this script, wherever it is hosted.
      intro: "const tnScriptUrl = document.currentScript?.src || location.href;",
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },
  {
    input: 'src/adapter/demo/index.ts',
    plugins: cdnPlugins(),
    output: { dir: 'dist', entryFileNames: 'cdn/tn-demo-adapter.min.js', format: 'es', banner, sourcemap: true },
  },
];
