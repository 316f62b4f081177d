/**
 * One sample of the open-time comparison (driver: bench/open.mjs, through tachometer, which
 * loads this page afresh for every sample): builds a group, mounts one list of it and
 * records, as a performance measure, what the user waits for.
 *
 * Query: `subject` — `picker` (<tn-group-picker> on an adapter that answers at once), `virtual`
 * (the same entities in a bare `@lit-labs/virtualizer` list, bench/virtual-list.ts) or `naive`
 * (every row rendered, bench/baseline-list.ts); `size` entities across `countries` countries.
 * `frames` (picker only) also times, 300 ms after the open, "Select the whole group" and
 * filter keystrokes as the frame each starts in. `hold` waits for `window.openNow()` before
 * the open (for a profiler to attach first).
 *
 * Measures: `open` — insertion → the first rows painted twice (so it includes the wait for the
 * display: the same for every subject); with `frames`, `select-all`, `first-key` and
 * `next-key`, each from the action to the end of that frame's rendering (within one frame:
 * ≤ 16.7 ms).
 */
import '../src/components/group-picker/tn-group-picker.js';
import './baseline-list.js';
import './virtual-list.js';
import { adapterFor, benchGroup, painted } from './bench-group.js';

/** The first `count` region codes that have a name (AA, AB, … ZZ: real countries and territories). */
function regionCodes(count: number): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90 && codes.length < count; a++) {
    for (let b = 65; b <= 90 && codes.length < count; b++) {
      const code = String.fromCharCode(a, b);
      if (names.of(code)) codes.push(code);
    }
  }
  return codes;
}

/**
 * Marks `name`-start at the start of a frame, runs `action` and marks `name`-end once that
 * frame's work is done (script, style, layout, paint): the measure is what the action costs
 * the frame, without the wait for the display's vsync.
 */
const frame = (name: string, action: () => void) =>
  new Promise<void>((done) =>
    requestAnimationFrame(() => {
      performance.mark(`${name}-start`);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.measure(name, `${name}-start`);
        done();
      };
      action();
      // A task posted now runs after this frame's rendering.
      channel.port2.postMessage(null);
    }),
  );

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const subject = params.get('subject') ?? 'picker';
  const size = Number(params.get('size') ?? 10_000);
  const countries = Number(params.get('countries') ?? 16);
  const data = benchGroup(size, regionCodes(countries));
  let el: HTMLElement;
  let rowSelector: string;
  if (subject === 'picker') {
    const picker = document.createElement('tn-group-picker');
    picker.adapter = adapterFor(data);
    picker.groupId = data.id;
    el = picker;
    rowSelector = '[role="treeitem"]';
  } else {
    const list = document.createElement(subject === 'virtual' ? 'bench-virtual-list' : 'bench-baseline-list');
    list.entities = data.entities;
    el = list;
    rowSelector = '.row';
  }
  // The page's own loading work settles before the timing starts.
  await painted();
  await new Promise((resolve) => setTimeout(resolve, 50));
  // `hold`: a profiler attaches first, then calls window.openNow().
  if (params.has('hold')) await new Promise((resolve) => ((window as unknown as { openNow: () => void }).openNow = () => resolve(null)));

  performance.mark('open-start');
  document.body.append(el);
  while (!el.shadowRoot?.querySelector(rowSelector)) await new Promise((resolve) => setTimeout(resolve, 0));
  await painted();
  performance.measure('open', 'open-start');

  if (subject !== 'picker' || !params.has('frames')) return;
  const root = el.shadowRoot!;
  // No one clicks within a moment of the list appearing: by then the picker has sorted the
  // group in idle time (entity-selection.ts), as it would have for a user.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await painted();
  await frame('select-all', () => root.querySelector<HTMLButtonElement>('[part~="select-all"]')!.click());
  await painted();
  const field = root.querySelector<HTMLInputElement>('#filter')!;
  const type = (value: string) => {
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  await frame('first-key', () => type('n'));
  await painted();
  await frame('next-key', () => type('no'));
  await painted();
  performance.mark('frames-done');
}

void run();
