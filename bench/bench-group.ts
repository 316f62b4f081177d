/**
 * What the group benchmarks share (bench/group-picker-page.ts, bench/open-page.ts): the same
 * made-up group, an adapter that answers with it at once, and the wait for two painted frames.
 */
import type { CustomerConnectAdapter, CustomerGroup, GroupEntity } from '../src/adapter/types.js';

const WORDS = ['Alpha', 'Nordic', 'Atlas', 'Global', 'Union', 'Metro', 'Delta', 'Prime', 'Vertex', 'Summit'];

/**
 * A group of `size` entities spread over `countries` in turn, every 97th connected; through
 * JSON, as a REST adapter's data arrives (flat strings, no shared objects).
 */
export function benchGroup(size: number, countries: readonly string[]): CustomerGroup {
  const entities: GroupEntity[] = [];
  for (let i = 0; i < size; i++) {
    entities.push({
      id: `AAA${String(100000000 + i)}`,
      legalName: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} Trading ${i} Ltd`,
      taxIds: [`GB${String(100000000 + i * 3)}`],
      country: countries[i % countries.length],
      connected: i % 97 === 0,
    });
  }
  return JSON.parse(JSON.stringify({ id: `G${size}`, name: `BENCH GROUP ${size}`, entities })) as CustomerGroup;
}

/** An adapter with the one account and `data` as every group, answering at once. */
export function adapterFor(data: CustomerGroup): CustomerConnectAdapter {
  return {
    listAccounts: async () => [{ id: 'A', name: 'Account' }],
    getGroup: async () => data,
  } as Partial<CustomerConnectAdapter> as CustomerConnectAdapter;
}

/** Resolves after the browser has painted twice: what the user sees is on screen. */
export const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
