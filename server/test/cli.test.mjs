// The command line: `--help` prints the options; an unknown flag or a wrong value prints
// what is wrong (and the usage), never a stack; the package ships it as a bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = (...args) => spawnSync(process.execPath, ['server/cli.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
const noStack = (text) => assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, 'a stack trace');

describe('the command line', () => {
  it('--help and -h print every option and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = cli(flag);
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^Usage: tn-customer-connect-server \[options\]/);
      for (const option of ['--port', '--host', '--cors-origin', '--token', '--latency', '--max-body-bytes', '--max-attachment-bytes',
        '--idempotency-ttl', '--idempotency-max-keys', '--headers-timeout', '--request-timeout', '--max-connections', '--test-control',
        '--check-responses']) {
        assert.ok(result.stdout.includes(option), `--help does not mention ${option}`);
      }
      assert.match(result.stdout, /Not hardened for the internet/);
    }
  });

  it('an unknown flag or a stray argument prints the problem and the usage, exit 2, no stack', () => {
    for (const args of [['--bogus'], ['extra'], ['--port']]) {
      const result = cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^tn-customer-connect-server: /);
      assert.match(result.stderr, /Usage: tn-customer-connect-server/);
      noStack(result.stderr);
    }
  });

  it('a wrong value says which, exit 2, no stack', () => {
    for (const [args, message] of [
      [['--port', 'abc'], /--port needs a whole number/],
      [['--latency', 'soon'], /--latency is MS or MIN-MAX/],
      [['--idempotency-max-keys', '0'], /--idempotency-max-keys needs a whole number ≥ 1/],
    ]) {
      const result = cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      noStack(result.stderr);
    }
  });

  it('a token that cannot be one, or a port in use, is one line and exit 1, no stack', async () => {
    const token = cli('--port', '0', '--token', 'has space');
    assert.equal(token.status, 1);
    assert.match(token.stderr, /^tn-customer-connect-server: A bearer token is/);
    noStack(token.stderr);
  });

  it('is the package\'s bin, and the package ships it with its README', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg.bin?.['tn-customer-connect-server'], 'server/cli.mjs');
    assert.ok(pkg.files.includes('server/*.mjs'), 'server/*.mjs is not in "files"');
    assert.ok(pkg.files.includes('server/README.md'), 'server/README.md is not in "files"');
    assert.match(readFileSync(new URL('../cli.mjs', import.meta.url), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    // What the server imports at run time is Node's own or the package's: a bare import would
    // have to be a dependency of every project installing the library (esbuild is imported only
    // in the repository, to bundle the engine from the sources). Ajv and yaml run at build time.
    const serverDir = new URL('..', import.meta.url);
    const bare = readdirSync(serverDir)
      .filter((name) => name.endsWith('.mjs'))
      .flatMap((name) => [...readFileSync(new URL(name, serverDir), 'utf8').matchAll(/(?:^import .* from |import\()'([^'.][^']*)'/gm)])
      .map((match) => match[1])
      .filter((specifier) => !specifier.startsWith('node:'));
    assert.deepEqual([...new Set(bare)], ['esbuild']);
    for (const name of ['ajv', 'yaml']) assert.equal(pkg.dependencies?.[name], undefined, `${name} is a runtime dependency`);
  });
});
