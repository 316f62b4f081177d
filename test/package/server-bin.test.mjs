// The reference API server as an integrator who installed the package runs it:
// `npx tn-customer-connect-server` in the temp project, with only the package's own
// dependencies (no esbuild, no TypeScript sources compiled: the built engine in dist/; no
// Ajv, no YAML parser: the contract's validators are compiled into the package).
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { projectDir } from './helpers.mjs';

const run = promisify(execFile);
const npx = (args, options = {}) =>
  run('npx', ['--no-install', 'tn-customer-connect-server', ...args], { cwd: projectDir(), timeout: 60_000, ...options });

describe('npx tn-customer-connect-server', () => {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  after(() => {
    if (server && server.exitCode === null) server.kill('SIGTERM');
  });

  it('--help prints the options', async () => {
    const { stdout } = await npx(['--help']);
    assert.match(stdout, /^Usage: tn-customer-connect-server \[options\]/);
    assert.match(stdout, /--cors-origin/);
    assert.match(stdout, /Not hardened for the internet/);
  });

  it('an unknown flag prints the usage, exit 2, no stack', async () => {
    const error = await npx(['--bogus']).then(
      () => assert.fail('it accepted --bogus'),
      (failure) => failure,
    );
    assert.equal(error.code, 2);
    assert.match(error.stderr, /Unknown option '--bogus'/);
    assert.match(error.stderr, /Usage: tn-customer-connect-server/);
    assert.doesNotMatch(error.stderr, /\n\s+at .+:\d+:\d+/);
  });

  it('serves the contract on loopback from the installed package, with a token', async () => {
    // The bin npm linked, started directly (through npx, a SIGTERM would stop npx and leave the server running).
    server = spawn(join(projectDir(), 'node_modules/.bin/tn-customer-connect-server'), ['--port', '0', '--token', 'package-test-token'], {
      cwd: projectDir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (chunk) => (stderr += chunk));
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`it did not start within 60 s\n${stderr}`)), 60_000);
      server.once('exit', (code) => reject(new Error(`it exited (${code})\n${stderr}`)));
      createInterface({ input: server.stdout }).on('line', (line) => {
        const ready = /listening on (http\S+)/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.equal((await fetch(`${url}/accounts`)).status, 401);
    const accounts = await fetch(`${url}/accounts`, { headers: { Authorization: 'Bearer package-test-token' } });
    assert.equal(accounts.status, 200);
    assert.ok((await accounts.json()).items.length > 0);
    assert.match(await (await fetch(`${url}/openapi.yaml`)).text(), /^openapi: 3\.1\.0/);
    // Some countries of the largest group: validated (an unknown code is a 400 on its field) and answered.
    const auth = { Authorization: 'Bearer package-test-token' };
    const some = await fetch(`${url}/directory/groups/GRP-GLOBEX?countries=FR,DE`, { headers: auth });
    assert.equal(some.status, 200);
    const group = await some.json();
    assert.deepEqual(new Set(group.entities.map((entity) => entity.country)), new Set(['FR', 'DE']));
    assert.equal(group.countries.reduce((sum, country) => sum + country.total, 0), 10_000);
    const unknown = await fetch(`${url}/directory/groups/GRP-GLOBEX?countries=ZZ`, { headers: auth });
    assert.equal(unknown.status, 400);
    assert.equal((await unknown.json()).fieldErrors[0].field, 'countries');
  });

  it('installs neither Ajv nor a YAML parser for the server', () => {
    const manifest = JSON.parse(readFileSync(join(projectDir(), 'node_modules/tn-customer-connect/package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies).filter((name) => name === 'ajv' || name === 'yaml'), []);
    assert.equal(existsSync(join(projectDir(), 'node_modules/ajv')), false, 'ajv installed');
    assert.equal(existsSync(join(projectDir(), 'node_modules/yaml')), false, 'yaml installed');
  });
});
