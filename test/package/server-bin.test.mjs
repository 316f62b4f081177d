// The reference API server as an integrator who installed the package runs it:
// `npx tn-customer-connect-server` in the temp project, with only the package's own
// dependencies (no esbuild, no TypeScript sources compiled: the built engine in dist/).
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
  });
});
