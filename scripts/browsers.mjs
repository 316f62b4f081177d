// The browser engines the tests run in, found on this machine, and how to get a missing one.
// Browsers are system packages (Debian's), never downloaded by npm:
//
//   chromium  CHROME_PATH, else `chromium` on PATH                        Debian: chromium
//   firefox   FIREFOX_PATH, else `firefox-esr` on PATH                    Debian: firefox-esr
//   webkit    WebKitWebDriver, xvfb-run and xauth on PATH, and WebKitGTK's MiniBrowser
//                                              Debian: webkit2gtk-driver xvfb xauth
//
// prepareEngines() is what `npm test` (scripts/test.mjs) does before it starts anything:
//   - all there: run them;
//   - missing, as root with apt-get: install the packages (as CI does), then run;
//   - missing, apt-get but not root: stop, printing the exact command;
//   - missing, no apt-get (macOS, Windows): skip that engine and say why — unless CI is set
//     (CI=true), where every engine asked for must run;
//   - CHROME_PATH / FIREFOX_PATH naming no executable: stop (installing would not help).
// web-test-runner.config.mjs takes the paths from findEngine(); scripts and node tests that
// launch a browser themselves take its binary from browserPath().
//
//   node scripts/browsers.mjs [--install] [chromium,firefox,webkit]   report (and install)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** WebKitGTK's browser, /usr/lib/<multiarch>/webkit2gtk-4.1/MiniBrowser (libwebkit2gtk-4.1-0). */
function miniBrowser() {
  let dirs = [];
  try {
    dirs = readdirSync('/usr/lib');
  } catch {
    /* no /usr/lib: not Linux */
  }
  return dirs.map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find(executable);
}

/** A binary from its override variable (if it has one) when set, else a command on PATH. */
function binary(variable, command, pkg, env) {
  if (variable && env[variable]) {
    return executable(env[variable])
      ? { path: env[variable] }
      : {
          badOverride: `${variable}=${env[variable]} is not an executable file: unset it, or point it to the browser's binary`,
        };
  }
  const path = onPath(command, env);
  return path ? { path } : { missing: { what: command, pkg } };
}

/**
 * Where `name`'s parts are: `{ name, paths, missing: [{ what, pkg }], badOverride? }`; the engine
 * can run when `missing` is empty and there is no `badOverride`.
 */
export function findEngine(name, env = process.env) {
  const paths = {};
  const missing = [];
  let badOverride;
  const take = (key, found) => {
    if (found.path) paths[key] = found.path;
    if (found.missing) missing.push(found.missing);
    badOverride ??= found.badOverride;
  };
  if (name === 'chromium') take('browser', binary('CHROME_PATH', 'chromium', 'chromium', env));
  else if (name === 'firefox') take('browser', binary('FIREFOX_PATH', 'firefox-esr', 'firefox-esr', env));
  else if (name === 'webkit') {
    take('driver', binary(undefined, 'WebKitWebDriver', 'webkit2gtk-driver', env));
    take('xvfbRun', binary(undefined, 'xvfb-run', 'xvfb', env));
    take('xauth', binary(undefined, 'xauth', 'xauth', env));
    const browser = miniBrowser();
    if (browser) paths.browser = browser;
    else missing.push({ what: 'WebKitGTK MiniBrowser', pkg: 'libwebkit2gtk-4.1-0' });
  } else throw new Error(`unknown engine ${name}`);
  return { name, paths, missing, badOverride };
}

/**
 * The browser binary of `name` for a script or test that launches it itself (playwright-core,
 * WebDriver capabilities): findEngine's `paths.browser`. Throws, naming the Debian package to
 * install, when it is not there — rather than a guessed path that fails later with ENOENT.
 */
export function browserPath(name, env = process.env) {
  const engine = findEngine(name, env);
  if (engine.badOverride) throw new Error(`${name}: ${engine.badOverride}`);
  if (!engine.paths.browser) {
    const pkgs = [...new Set(engine.missing.map((m) => m.pkg))].join(' ');
    throw new Error(`${name} not found: install ${pkgs} (node scripts/browsers.mjs --install ${name})`);
  }
  return engine.paths.browser;
}

/** "chromium", "firefox-esr", "webkit (WebKitWebDriver, xauth not found)". */
function describe({ name, missing }) {
  const what = missing.map((m) => m.what);
  return what.length === 1 && what[0].startsWith(name) ? what[0] : `${name} (${what.join(', ')} not found)`;
}
const packagesOf = (engines) => [...new Set(engines.flatMap((e) => e.missing.map((m) => m.pkg)))];
const stop = (error, skipped = []) => ({ engines: [], skipped, error });
const APT = (pkgs) => `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs.join(' ')}`;

/**
 * Makes sure the engines in `wanted` can run (see the top of this file). Returns
 * `{ engines, skipped, error }`: the engines to run, the ones left out (`{ name, why }`), and,
 * when the run must not start, the message to print instead.
 */
export function prepareEngines(wanted, { env = process.env, install = true, log = console.log } = {}) {
  wanted = [...new Set(wanted.map((name) => name.trim()).filter(Boolean))];
  const unknown = wanted.filter((name) => !ENGINES.includes(name));
  if (unknown.length) return stop(`unknown engine ${unknown.join(', ')}: choose among ${ENGINES.join(', ')}`);
  let found = wanted.map((name) => findEngine(name, env));
  const bad = found.filter((e) => e.badOverride);
  if (bad.length) return stop(bad.map((e) => `${e.name}: ${e.badOverride}`).join('\n'));

  let missing = found.filter((e) => e.missing.length);
  const apt = onPath('apt-get', env);
  const root = process.getuid?.() === 0;
  if (missing.length && apt && root && install) {
    const command = APT(packagesOf(missing));
    log(`Not installed: ${missing.map(describe).join('; ')}. Installing from Debian: ${command}`);
    const result = spawnSync('sh', ['-c', command], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) return stop(`apt-get failed (exit ${result.status}): ${command}`);
    found = wanted.map((name) => findEngine(name, env));
    missing = found.filter((e) => e.missing.length);
    if (missing.length) return stop(`Still missing after apt-get install: ${missing.map(describe).join('; ')}`);
  }
  if (!missing.length) return { engines: wanted, skipped: [] };

  const others = wanted.filter((name) => !missing.some((e) => e.name === name));
  const subset = others.length ? `, or run the others only: npm test -- --browsers ${others.join(',')}` : '';
  if (apt) {
    const sudo = root ? '' : 'sudo ';
    return stop(
      `Not installed: ${missing.map(describe).join('; ')}. Install ${missing.length > 1 ? 'them' : 'it'} with\n` +
        `  ${sudo}apt-get update && ${sudo}apt-get install -y ${packagesOf(missing).join(' ')}\n` +
        `then run the tests again${subset}.`,
    );
  }
  const skipped = missing.map((e) => ({
    name: e.name,
    why:
      e.name === 'webkit'
        ? `${describe(e)}: WebKitGTK runs on Linux only, and there is no apt-get here to install it`
        : `${describe(e)}: no apt-get here to install it; set ${e.name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'} to its binary`,
  }));
  const why = skipped.map((s) => `  ${s.why}`).join('\n');
  if (/^(1|true)$/i.test(env.CI ?? '')) {
    return stop(`CI is set, so every engine must run, and these cannot:\n${why}`, skipped);
  }
  if (!others.length) return stop(`No engine to run:\n${why}`, skipped);
  return { engines: others, skipped };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const wanted = (args.find((a) => !a.startsWith('--')) ?? ENGINES.join(',')).split(',');
  const result = prepareEngines(wanted, { install: args.includes('--install') });
  if (result.error) {
    console.error(result.error);
    process.exit(1);
  }
  for (const s of result.skipped) console.log(`skipped ${s.why}`);
  for (const name of result.engines) console.log(`${name}: ${JSON.stringify(findEngine(name).paths)}`);
}
