#!/usr/bin/env node
// The private class members the script-tag builds may rename: rollup.config.mjs feeds the
// list to terser's property mangling (`mangle.properties.regex`), so that `this.searchTask`
// ships as `this.h`. The npm build is never mangled: an integrator's bundler sees our names.
//
//   node scripts/private-names.mjs            prints the names, then each excluded one and why
//
// Terser renames a property by its NAME, everywhere in a bundle, whatever object it is on. A
// name is safe only when every object that carries it is ours and never crosses the bundle's
// edge. So a name is a candidate when some class in src/ declares it `private` (TypeScript's
// privacy, STYLE.md §2) — not `protected`: a protected member (`emit`, `resolvedAdapter` of
// TnElement) is there for subclasses, and a page may subclass an element of the script-tag
// build. A candidate is dropped when it also appears in any of:
//   - a decorated member (`@state()`, `@query()`, `@consume()`…): TypeScript hands its name to
//     the decorator as a string (`__decorate([...], X.prototype, "name")`), and Lit defines the
//     property under that name;
//   - our declarations (the .d.ts TypeScript emits for src/, minus the names of private
//     members; protected ones count as public): a public property, an adapter or event type,
//     a wire type of the REST contract — objects that hosts, adapters, the network or another
//     copy of the library read or write under that name;
//   - a string or template text of src/ or of the Lit packages we bundle:
//     `changedProperties.has('name')`, `'name' in x` and template bindings (`.name=${…}`) name
//     a property in a string, and a string is never renamed;
//   - TypeScript's lib.*.d.ts (DOM and ECMAScript): a member of a built-in object;
//   - the declarations of the Lit packages (lit, lit-html, lit-element, @lit/*, @lit-labs/*):
//     a lifecycle method we override, an option of a Task or a ContextConsumer;
//   - api/openapi.yaml: a field or parameter of the HTTP contract, even one no type names.
// Terser itself also keeps every DOM property it knows, and the build checks each bundle
// before mangling (`guardMangledNames` in rollup.config.mjs): none of these names may occur
// in one of its strings.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORD = /[A-Za-z_$][\w$]*/g;

const isPrivateMember = (node) =>
  (ts.isClassElement(node) || ts.isParameter(node)) &&
  node.name !== undefined &&
  ts.isIdentifier(node.name) &&
  (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private) !== 0;

/**
 * Every identifier and every word of a string or template text in `source`; with `ours`, not
 * the names of private members (in our own declarations: those are the candidates).
 */
function wordsOf(source, { identifiers = true, strings = true, ours = false } = {}) {
  const words = new Set();
  const visit = (node) => {
    if (identifiers && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))) {
      const member = node.parent;
      if (!(ours && member && member.name === node && isPrivateMember(member))) words.add(node.text);
    } else if (strings && (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node))) {
      for (const [word] of node.text.matchAll(WORD)) words.add(word);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

const parse = (file, text = readFileSync(file, 'utf8')) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** Files under `dir` (recursively) whose name passes `keep`. */
function filesUnder(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Lit's development builds are never bundled (the build resolves the `production` condition).
      if (name !== 'node_modules' && name !== 'development') out.push(...filesUnder(path, keep));
    } else if (keep(name)) out.push(path);
  }
  return out;
}

const LIT_PACKAGES = () => {
  const modules = join(ROOT, 'node_modules');
  const scoped = (scope) => readdirSync(join(modules, scope)).map((name) => join(modules, scope, name));
  return [...['lit', 'lit-html', 'lit-element'].map((name) => join(modules, name)), ...scoped('@lit'), ...scoped('@lit-labs')];
};

/**
 * The private member names of src/ that are safe to rename, sorted, and the other
 * ones with the first reason found to keep each.
 */
export function privateNames() {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const program = ts.createProgram(config.fileNames, { ...config.options, declarationMap: false, sourceMap: false });
  const sources = program.getSourceFiles().filter((source) => !source.isDeclarationFile && config.fileNames.includes(source.fileName));

  const candidates = new Set();
  const decorated = new Set();
  for (const source of sources) {
    const visit = (node) => {
      if (isPrivateMember(node)) candidates.add(node.name.text);
      if (ts.canHaveDecorators(node) && ts.getDecorators(node)?.length && node.name && ts.isIdentifier(node.name)) decorated.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const declarations = new Set();
  const emitted = program.emit(undefined, (file, text) => {
    for (const word of wordsOf(parse(file, text), { ours: true })) declarations.add(word);
  }, undefined, true);
  if (emitted.emitSkipped) throw new Error('TypeScript could not emit the declarations of src/');

  const strings = new Set();
  for (const source of sources) for (const word of wordsOf(source, { identifiers: false })) strings.add(word);
  const litFiles = LIT_PACKAGES().flatMap((dir) => filesUnder(dir, (name) => /\.(js|d\.ts)$/.test(name)));
  for (const file of litFiles.filter((f) => f.endsWith('.js'))) for (const word of wordsOf(parse(file), { identifiers: false })) strings.add(word);

  const builtIns = new Set();
  const libDir = dirname(ts.getDefaultLibFilePath(config.options));
  for (const name of readdirSync(libDir).filter((n) => /^lib\..*\.d\.ts$/.test(n))) {
    for (const word of wordsOf(parse(join(libDir, name)), { strings: false })) builtIns.add(word);
  }

  const lit = new Set();
  for (const file of litFiles.filter((f) => f.endsWith('.d.ts'))) for (const word of wordsOf(parse(file))) lit.add(word);

  const contract = new Set(readFileSync(join(ROOT, 'api/openapi.yaml'), 'utf8').match(WORD));

  const reasons = [
    [decorated, 'decorated member'],
    [declarations, 'public declaration'],
    [strings, 'string in src/ or Lit'],
    [builtIns, 'lib.*.d.ts'],
    [lit, 'Lit declarations'],
    [contract, 'api/openapi.yaml'],
  ];
  const names = [];
  const kept = new Map();
  for (const name of [...candidates].sort()) {
    const reason = reasons.find(([set]) => set.has(name))?.[1];
    if (reason) kept.set(name, reason);
    else names.push(name);
  }
  return { names, kept };
}

/** A regular expression that matches exactly the given names. */
export const exactly = (names) => new RegExp(`^(?:${names.map((name) => name.replace(/\$/g, '\\$')).join('|')})$`);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { names, kept } = privateNames();
  console.log(`Renamed in the script-tag builds (${names.length}):\n  ${names.join(' ')}`);
  console.log(`\nKept (${kept.size}):`);
  for (const [name, reason] of kept) console.log(`  ${name.padEnd(28)} ${reason}`);
}
