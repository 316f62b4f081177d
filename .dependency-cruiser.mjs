// npm run lint: the layers of src/, checked by dependency-cruiser (`npx depcruise src
// --config .dependency-cruiser.mjs`). Each layer imports only the layers below it:
//
//   entries      src/index.ts, api.ts, define.ts, classic.ts, script-tag.ts, autoload.ts, react/, testing/  (what the package exports)
//   components   src/components/ — one folder per element, the adapter provider included
//   base         src/base/ (TnElement, controllers, shared states), src/localization/, src/styles/
//   adapter      src/adapter/ — the contract, errors, checks; demo/ and rest/ implement it
//   generated    src/generated/, src/adapter/rest/generated/ — written by tools, import nothing of ours
//
// An import that points up, a cycle between files and a cycle between folders all fail the lint.
// The folders' graph, one line per arrow:
//   npx depcruise src --config .dependency-cruiser.mjs --collapse '^src/[^/]+' --exclude '^node_modules' --output-type text

const GENERATED = '^src/(generated|adapter/rest/generated)/';
const ADAPTER = '^src/adapter/';
const BASE = '^src/(base|localization|styles)/';
const COMPONENTS = '^src/components/';
const ENTRIES = ['^src/[^/]+[.]ts$', '^src/(react|testing)/'];

/** A rule that fails on an import from `from` to any of `to`. */
function forbid(name, comment, from, to) {
  return { name, comment, severity: 'error', from, to };
}

export default {
  forbidden: [
    forbid(
      'generated-imports-nothing-of-ours',
      'Generated code is rewritten by its tool: it must not depend on hand-written code.',
      { path: GENERATED },
      { path: '^src/', pathNot: GENERATED },
    ),
    forbid(
      'adapter-imports-down-only',
      'The adapter layer (contract, errors, demo, REST) knows no element: it imports only generated code.',
      { path: ADAPTER, pathNot: GENERATED },
      { path: [BASE, COMPONENTS, ...ENTRIES] },
    ),
    forbid(
      'contract-imports-no-implementation',
      'The contract (src/adapter/*.ts) is implemented by demo/ and rest/, never the other way round.',
      { path: '^src/adapter/[^/]+[.]ts$' },
      { path: '^src/adapter/(demo|rest)/' },
    ),
    forbid(
      'demo-and-rest-stand-apart',
      'The demo and REST adapters are two implementations of one contract: neither imports the other.',
      { path: '^src/adapter/(demo|rest)/' },
      { path: '^src/adapter/(demo|rest)/', pathNot: ['^src/adapter/$1/', GENERATED] },
    ),
    forbid(
      'base-imports-down-only',
      'The base layer (element base, controllers, localization, styles) imports only the adapter and generated code.',
      { path: BASE },
      { path: [COMPONENTS, ...ENTRIES] },
    ),
    forbid(
      'components-import-no-entry',
      'Elements never import the package entries (index, define, classic, react, testing).',
      { path: COMPONENTS },
      { path: ENTRIES },
    ),
    forbid(
      'src-stands-alone',
      'The library imports nothing from tests, stories, the demo page, benchmarks, scripts or the server.',
      { path: '^src/' },
      { path: '^(test|stories|demo|bench|scripts|server|examples)/' },
    ),
    forbid('no-file-cycle', 'Files that import each other, directly or through others.', {}, { circular: true }),
    {
      ...forbid('no-folder-cycle', 'Folders whose files import each other both ways.', {}, { circular: true }),
      scope: 'folder',
    },
    forbid('no-unresolvable', 'An import that resolves to no file (a moved or misspelled path).', {}, { couldNotResolve: true }),
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type that points up ties the layers as much as a value does.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
