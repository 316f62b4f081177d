/**
 * Runs inside the benchmark page (bench/group-picker.html): builds a group of N entities,
 * mounts <tn-group-picker> on an adapter that answers at once, and times what a user waits
 * for. `scripts`-side driver: bench/run.mjs.
 */
import '../src/components/group-picker/tn-group-picker.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { CustomerConnectAdapter, CustomerGroup, GroupEntity } from '../src/adapter/types.js';

const COUNTRIES = ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PL', 'SE', 'US', 'MY', 'SG', 'AU', 'BR', 'IN', 'JP'];
const WORDS = ['Alpha', 'Nordic', 'Atlas', 'Global', 'Union', 'Metro', 'Delta', 'Prime', 'Vertex', 'Summit'];

function group(size: number): CustomerGroup {
  const entities: GroupEntity[] = [];
  for (let i = 0; i < size; i++) {
    entities.push({
      id: `AAA${String(100000000 + i)}`,
      legalName: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} Trading ${i} Ltd`,
      taxIds: [`GB${String(100000000 + i * 3)}`],
      country: COUNTRIES[i % COUNTRIES.length],
      connected: i % 97 === 0,
    });
  }
  return { id: `G${size}`, name: `BENCH GROUP ${size}`, entities };
}

function adapterFor(data: CustomerGroup): CustomerConnectAdapter {
  return {
    listAccounts: async () => [{ id: 'A', name: 'Account' }],
    getGroup: async () => data,
  } as Partial<CustomerConnectAdapter> as CustomerConnectAdapter;
}

/** Resolves after the browser has painted twice: what the user sees is on screen. */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

function nodes(el: TnGroupPicker): number {
  return el.shadowRoot!.querySelectorAll('*').length;
}

declare global {
  interface Window {
    benchGroupPicker(size: number): Promise<Record<string, number>>;
    gc?: () => void;
  }
}

window.benchGroupPicker = async (size: number) => {
  const data = group(size);
  window.gc?.();
  const heapBefore = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const el = document.createElement('tn-group-picker');
  el.adapter = adapterFor(data);
  el.groupId = data.id;
  const start = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('[role="treeitem"]')) await new Promise((r) => setTimeout(r, 0));
  await painted();
  const open = performance.now() - start;

  const selectStart = performance.now();
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-all"]')!.click();
  await el.updateComplete;
  await painted();
  const selectAll = performance.now() - selectStart;

  const filter = el.shadowRoot!.querySelector<HTMLInputElement>('#filter')!;
  const filterStart = performance.now();
  filter.value = 'nordic';
  filter.dispatchEvent(new Event('input'));
  await el.updateComplete;
  await painted();
  const filterKeystroke = performance.now() - filterStart;

  filter.value = '';
  filter.dispatchEvent(new Event('input'));
  await el.updateComplete;
  const tree = el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
  const scrollStart = performance.now();
  tree.scrollTop = tree.scrollHeight;
  await painted();
  await painted();
  const scrollToEnd = performance.now() - scrollStart;
  const domNodes = nodes(el);

  window.gc?.();
  const heapAfter = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  el.remove();
  return { open, selectAll, filterKeystroke, scrollToEnd, domNodes, heapMB: (heapAfter - heapBefore) / 1024 / 1024 };
};
