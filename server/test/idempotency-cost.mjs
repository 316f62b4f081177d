// What one write costs the idempotency store when it already holds N keys: the store at
// its cap (every write also evicts the oldest key), N writes of distinct keys first, then
// timed batches of writes. Used by idempotency.test.mjs (flat from 1,000 to 100,000 keys)
// and scripts/server-load.mjs (prints the figures). Node's own clock, no benchmark package:
// the quantity is one number per size, the median of a few batches.
import { performance } from 'node:perf_hooks';
import { IdempotencyStore } from '../idempotency.mjs';

const RESPONSE = { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"kind":"connected"}' };
const work = async () => ({ response: RESPONSE, store: true });

/**
 * Microseconds per write (median of `batches` batches of `writes`) for a store holding `keys` keys.
 * @param {number} keys
 * @param {{ writes?: number, batches?: number }} [options]
 * @returns {Promise<{ keys: number, microsPerWrite: number, held: number }>}
 */
export async function idempotencyWriteCost(keys, { writes = 2_000, batches = 5 } = {}) {
  const store = new IdempotencyStore({ maxKeys: keys });
  let n = 0;
  const write = () => store.run('requestConnection', `key-${n++}`, `fingerprint-${n}`, work);
  for (let i = 0; i < keys; i++) await write();
  const samples = [];
  for (let batch = 0; batch < batches; batch++) {
    const start = performance.now();
    for (let i = 0; i < writes; i++) await write();
    samples.push(((performance.now() - start) * 1000) / writes);
  }
  samples.sort((a, b) => a - b);
  return { keys, microsPerWrite: samples[Math.floor(samples.length / 2)], held: store.size };
}
