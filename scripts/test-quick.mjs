#!/usr/bin/env node
// `npm run test:quick`: the inner loop. Lints what changed, then runs in Chromium only the test
// files of the areas that changed; `npm test` (three engines, every file) stays the full run.
//
// Changed: what differs from `git merge-base HEAD origin/main` (HEAD when there is no
// origin/main) in the working tree, untracked files included; `--since REV` compares with REV.
//
// Lint: ESLint on the changed files, and `tsc --noEmit --incremental` beside the tests (its
// state is kept in node_modules/.cache/tn-quick/, so after the first run it checks only what
// changed).
//
// Tests: an area is an element's folder (src/components/NAME/), another folder of src/, a
// story file or any other file. A test file runs when it is named after the area
// (test/NAME*.test.ts) or imports a file of the area directly — dependency-cruiser reads the
// imports. Following imports further would pick nearly every file (test files load
// src/define.ts, which loads every element). Every file runs instead when none maps, or when a
// shared file changed: src/base/, src/styles/, src/adapter/, src/localization/, src/generated/,
// the test runner's own files or the dependencies.
//
//   npm run test:quick                   lint, then the mapped tests in Chromium
//   npm run test:quick -- --since REV    changed since REV
//   npm run test:quick -- --list         print the changed files and the test files, run nothing
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const since = args.includes('--since') ? args[args.indexOf('--since') + 1] : undefined;
/** Runs a Node script; resolves with its exit code once it ends. */
const node = (script, scriptArgs, stdio = 'inherit') =>
  new Promise((resolve) => {
    spawn(process.execPath, [script, ...scriptArgs], { stdio }).on('exit', (code) => resolve(code ?? 1));
  });
const git = (...gitArgs) =>
  execFileSync('git', gitArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .filter(Boolean);
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

const CACHE = 'node_modules/.cache/tn-quick';
const SHARED =
  /^(src\/(base|styles|adapter|localization|generated)\/|web-test-runner\.config\.mjs$|scripts\/(test|browsers|summary-reporter|wtr-[\w-]+)\.mjs$|tsconfig\.json$|package-lock\.json$)/;
const TEST_FILE = /^test\/[^/]+\.test\.ts$/;
const NOT_IN_NPM_TEST = new Set(['test/visual.test.ts']); // its own config: npm run test:visual

let base = since;
if (!base) {
  try {
    base = git('merge-base', 'HEAD', 'origin/main')[0];
  } catch {
    base = 'HEAD';
  }
}
const changed = [
  ...new Set([...git('diff', '--name-only', base), ...git('ls-files', '--others', '--exclude-standard')]),
];
console.log(
  `Changed since ${base === 'HEAD' || base === since ? base : base.slice(0, 10)}: ${changed.length ? changed.join(' ') : 'nothing'}`,
);

/** The area a changed file belongs to: the path prefix its importers name, and the test name it maps to. */
function area(file) {
  let match = /^src\/components\/([^/]+)\//.exec(file) ?? /^src\/([^/]+)\//.exec(file);
  if (match) return { prefix: match[0], name: match[1] };
  match = /^stories\/([^/.]+)\.stories\.ts$/.exec(file);
  return { prefix: file, name: match?.[1] };
}

function testFiles() {
  const shared = changed.filter((file) => SHARED.test(file));
  if (shared.length) return { files: [], why: `a shared file changed (${shared.join(', ')})` };
  const areas = changed.map(area);
  const cruise = spawnSync(
    process.execPath,
    [
      'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
      'test',
      '--config',
      '.dependency-cruiser.mjs',
      '--max-depth',
      '1',
      '--include-only',
      '^(src|test|stories)/',
      '--output-type',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  let modules;
  try {
    ({ modules } = JSON.parse(cruise.stdout));
  } catch {
    return { files: [], why: `dependency-cruiser failed: ${cruise.stderr}` };
  }
  const files = modules
    .filter(({ source }) => TEST_FILE.test(source) && !NOT_IN_NPM_TEST.has(source))
    .filter(({ source, dependencies }) =>
      areas.some(
        ({ prefix, name }) =>
          source === prefix ||
          (name && source.startsWith(`test/${name}`)) ||
          dependencies.some(({ resolved }) => resolved.startsWith(prefix)),
      ),
    )
    .map(({ source }) => source)
    .sort();
  return { files, why: files.length ? '' : 'no test file maps to the changes' };
}

let failed = false;
let start = Date.now();
const { files, why } = testFiles();
console.log(files.length ? `Test files (Chromium): ${files.join(' ')}` : `Every test file (Chromium): ${why}`);
console.log(`  chosen in ${seconds(start)}`);
if (list) process.exit(0);

const lintable = changed.filter((file) => /\.(ts|mjs|js|cjs)$/.test(file) && existsSync(file));
if (lintable.length) {
  start = Date.now();
  console.log(`\n==> eslint (${lintable.length} changed file${lintable.length > 1 ? 's' : ''})`);
  failed ||= (await node('node_modules/eslint/bin/eslint.js', ['--no-warn-ignored', ...lintable])) !== 0;
  console.log(`  ${seconds(start)}`);
}

// tsc runs beside the tests (its first run, with no state kept yet, takes a minute or two);
// its output is printed after theirs.
mkdirSync(CACHE, { recursive: true });
const tscLog = openSync(`${CACHE}/tsc.log`, 'w');
const tscStart = Date.now();
const tscArgs = ['-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}/tsbuildinfo`];
const tsc = node('node_modules/typescript/bin/tsc', tscArgs, ['ignore', tscLog, tscLog]).then((code) => ({
  code,
  time: seconds(tscStart),
}));

start = Date.now();
console.log('\n==> npm test -- --browsers chromium' + (files.length ? ` --files ${files.join(',')}` : ''));
const test = await node('scripts/test.mjs', [
  '--browsers',
  'chromium',
  ...(files.length ? ['--files', files.join(',')] : []),
]);
failed ||= test !== 0;
console.log(`  ${seconds(start)}`);

const { code, time } = await tsc;
console.log(`\n==> tsc --noEmit --incremental (beside the tests)`);
process.stdout.write(readFileSync(`${CACHE}/tsc.log`, 'utf8'));
console.log(`  ${time}${code === 0 ? '' : ', failed'}`);
failed ||= code !== 0;
if (failed) console.log('\ntest:quick: something failed (above)');
process.exit(failed ? 1 : 0);
