// `npm run server:load -- --quick` runs to its end by itself, on loopback, and prints its
// three parts: the hostile-input statuses (no 5xx), the idempotency store's per-write cost
// at two sizes, and light-request latency during a heavy-group flood.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('npm run server:load -- --quick ends by itself and prints the hostile table, the write cost and the flood', { timeout: 90_000 }, async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/server-load.mjs', '--quick'], { cwd: root, timeout: 80_000 });
  assert.match(stdout, /reference server http:\/\/127\.0\.0\.1:\d+\/v1 \(child process \d+, loopback only\)/);
  assert.match(stdout, /1\. Hostile input: \d+ requests over 13 operations/);
  assert.match(stdout, /body null +400 ×3/);
  assert.match(stdout, /→ 5xx or no answer: 0; other than the expected status: 0/);
  assert.match(stdout, /1,000 keys: [\d.]+ µs/);
  assert.match(stdout, /20,000 keys: [\d.]+ µs/);
  assert.match(stdout, /light GET \/accounts, during flood: +p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms/);
  assert.match(stdout, /per-country GET \/directory\/groups\/GRP-GLOBEX\?countries=FR,DE, during flood: p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms.*\(\d+ requests, 0 failed\)/);
  assert.match(stdout, /done in [\d.]+ s/);
});
