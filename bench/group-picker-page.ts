/**
 * Runs inside the benchmark page (bench/group-picker.html): builds a group of N entities and
 * mounts either <tn-group-picker> (on an adapter that answers at once) or the naive baseline
 * list (bench/baseline-list.ts), then times what a user waits for, one step per call so the
 * driver (bench/run.mjs) can read the main thread's busy time around each step.
 */
import '../src/components/group-picker/tn-group-picker.js';
import './baseline-list.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { BenchBaselineList } from './baseline-list.js';
import { settledHeap } from './heap.js';
import type { CustomerGroup } from '../src/adapter/types.js';
import { adapterFor, benchGroup, painted } from './bench-group.js';

const COUNTRIES = ['GB', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PL', 'SE', 'US', 'MY', 'SG', 'AU', 'BR', 'IN', 'JP'];

/**
 * Runs `action` at the start of a frame and resolves with the time until that frame's work
 * is done (script, style, layout, resize observers, paint): a step that fits in 16 ms shows
 * in the next frame. Unlike `painted()`, it does not count the wait for the display's vsync.
 */
const frame = (action: () => void) =>
  new Promise<number>((done) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now() - start);
      action();
      // A task posted now runs after this frame's rendering.
      channel.port2.postMessage(null);
    }),
  );

type Kind = 'picker' | 'baseline';

let kind: Kind = 'picker';
let data: CustomerGroup | undefined;
let el: (TnGroupPicker | BenchBaselineList) | undefined;
let heapBefore = 0;

const root = () => el!.shadowRoot!;
const rowSelector = () => (kind === 'picker' ? '[role="treeitem"]' : '.row');
const filterField = () => root().querySelector<HTMLInputElement>('#filter')!;

const bench = {
  /** Builds the group and collects garbage, outside any timing. */
  async prepare(which: Kind, size: number): Promise<void> {
    kind = which;
    // benchGroup passes the group through JSON, as a REST adapter's data arrives: flat strings.
    // Names built by concatenation are ropes that the picker's first sort would flatten,
    // freeing the pieces inside the heap figure and taking it below zero.
    data = benchGroup(size, COUNTRIES);
    heapBefore = await settledHeap();
  },

  /** Insertion → first rows on screen, two frames painted. */
  async open(): Promise<number> {
    if (kind === 'picker') {
      const picker = document.createElement('tn-group-picker');
      picker.adapter = adapterFor(data!);
      picker.groupId = data!.id;
      el = picker;
    } else {
      const list = document.createElement('bench-baseline-list');
      list.entities = data!.entities;
      el = list;
    }
    const start = performance.now();
    document.body.append(el);
    while (!el.shadowRoot?.querySelector(rowSelector())) await new Promise((r) => setTimeout(r, 0));
    await painted();
    return performance.now() - start;
  },

  /** "Select the whole group" → re-rendered, two frames painted. */
  async selectAll(): Promise<number> {
    const start = performance.now();
    root().querySelector<HTMLButtonElement>('[part~="select-all"]')!.click();
    await el!.updateComplete;
    await painted();
    return performance.now() - start;
  },

  /**
   * "Select the whole group" again, timed like a keystroke: the frame the click starts in
   * (script, style, layout, paint), without the wait for the display's vsync that
   * `selectAll` includes. Clears the selection first, outside the timing.
   */
  async selectAllFrame(): Promise<number> {
    if (kind === 'picker') root().querySelector<HTMLButtonElement>('[part~="select-all"] + button')!.click();
    else (el as BenchBaselineList).clear();
    await el!.updateComplete;
    await painted();
    const ms = await frame(() => root().querySelector<HTMLButtonElement>('[part~="select-all"]')!.click());
    await painted();
    return ms;
  },

  /** Sets the filter to `value` as one keystroke would; the frame that shows the result (ms). */
  async key(value: string): Promise<number> {
    const field = filterField();
    const ms = await frame(() => {
      field.value = value;
      field.dispatchEvent(new Event('input'));
    });
    await painted();
    return ms;
  },

  /** How many entities the picker says match (to check the filter did its work). */
  shown(): string {
    return root().querySelector('[part~="count"]')!.textContent!.replace(/\s+/g, ' ').trim();
  },

  /** Scrolls the list to its middle (rows rendered on both sides of the view). */
  async scrollToMiddle(): Promise<void> {
    const scroller = kind === 'picker' ? root().querySelector<HTMLElement>('[role="tree"]')! : document.scrollingElement!;
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
    await painted();
    await painted();
  },

  /** Scrolls the list to its end → the last rows painted. */
  async scrollToEnd(): Promise<number> {
    const scroller = kind === 'picker' ? root().querySelector<HTMLElement>('[role="tree"]')! : document.scrollingElement!;
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    await painted();
    await painted();
    return performance.now() - start;
  },

  /** Rendered nodes in the element's shadow root: elements, and every node (text and comments too). */
  nodes(): { elements: number; all: number } {
    const walker = document.createTreeWalker(root(), NodeFilter.SHOW_ALL);
    let all = 0;
    while (walker.nextNode()) all++;
    return { elements: root().querySelectorAll('*').length, all };
  },

  /** JS heap the mounted element holds, after garbage collection (MB). */
  async heapMB(): Promise<number> {
    return ((await settledHeap()) - heapBefore) / 2 ** 20;
  },

  /** Removes the element; the heap it leaves behind after garbage collection (MB). */
  async teardown(): Promise<number> {
    el?.remove();
    el = undefined;
    const retained = ((await settledHeap()) - heapBefore) / 2 ** 20;
    data = undefined;
    return retained;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
