#!/usr/bin/env node
// Tests the package as an integrator gets it: `npm pack` of the built package, installed from
// the tarball into a fresh project in a temp directory, then every test/package/*.test.mjs
// under `node --test` (one file at a time), with
//   TN_PACKAGE_DIR  the installed package (<project>/node_modules/tn-customer-connect)
//   TN_PROJECT_DIR  the temp project
//   TN_TARBALL      the packed .tgz
// Reports like the other node --test suites (spec, plus TN_SUMMARY_FILE for .ci/run).
//
//   npm run build && npm run test:package        (TN_KEEP_PACKAGE=1 keeps the temp project)
//   npm run test:package -- test/package/ssr.test.mjs      (some files only)
//
// The install uses npm's cache only as far as it can (--prefer-offline): the package's
// dependencies (lit, @lit/*) are the ones `npm ci` already fetched. Peer dependencies the
// package declares are installed too, at the version this repo's node_modules holds. Suites
// that need a host of their own (host-apps: React 19, Vue and Vite; integration-types) install
// one beside this project, from the same tarball.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

function fail(message) {
  console.error(`test:package: ${message}`);
  process.exit(1);
}

for (const file of ['dist/index.js', 'dist/define.js', 'dist/cdn/tn-customer-connect.min.js']) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run \`npm run build\` first.`);
}

/** Runs npm synchronously; returns stdout, or throws with npm's output. */
function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'tn-package-'));
const keep = process.env.TN_KEEP_PACKAGE === '1';
let exitCode = 1;
try {
  // `--ignore-scripts`: packing must not run a build; it tests what `npm run build` made.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
  const tarball = join(work, packed.filename);
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes (${packed.unpackedSize} unpacked)`);

  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'tn-package-test', private: true, type: 'module' }, null, 2)}\n`);
  npm(['install', tarball, ...NPM_FLAGS], project);

  const installed = join(project, 'node_modules/tn-customer-connect');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const peers = Object.keys(manifest.peerDependencies ?? {}).flatMap((name) => {
    const own = join(root, 'node_modules', name, 'package.json');
    return existsSync(own) ? [`${name}@${JSON.parse(readFileSync(own, 'utf8')).version}`] : [];
  });
  // What a host renders on the server with (test/package/ssr.test.mjs); installed here only,
  // not in the repository, whose type checking its @types/node would change.
  const serverRendering = ['@lit-labs/ssr@4.1.0'];
  npm(['install', '--no-save', ...peers, ...serverRendering, ...NPM_FLAGS], project);
  console.log(`installed into ${project}${peers.length ? ` (with ${peers.join(', ')})` : ''}\n`);

  const chosen = process.argv.slice(2);
  const tests = chosen.length
    ? chosen
    : readdirSync(join(root, 'test/package'))
        .filter((name) => name.endsWith('.test.mjs'))
        .sort()
        .map((name) => join('test/package', name));
  if (tests.length === 0) throw new Error('no test/package/*.test.mjs');

  exitCode = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-timeout=300000',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/node-test-summary.mjs',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/node-test-junit.mjs',
        '--test-reporter-destination=stdout',
        ...tests,
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TN_PACKAGE_DIR: installed, TN_PROJECT_DIR: project, TN_TARBALL: tarball },
      },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} catch (error) {
  console.error(`test:package: ${error.message}`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
