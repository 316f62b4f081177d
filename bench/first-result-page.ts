/**
 * One sample of the first-result benchmark (driver: bench/first-result.mjs, through
 * tachometer, which loads this page afresh for every sample): <tn-customer-search> on the
 * demo adapter (answering at once) or on the REST adapter against the reference server on
 * loopback, typed into as a user does — "S", then "u" once "S" has settled — and timed from
 * the "u" keystroke's input event to the end of the frame that paints the first results.
 *
 * Each keystroke comes at a random moment of a frame, as a user's does (a key event is
 * dispatched when it arrives, not aligned to the display). Typed from an animation frame
 * callback instead, every sample started at the beginning of a frame: with the default
 * debounce of 250 ms (15 frames) the search then always ran just after a frame
 * had begun and waited most of a frame for the next (11–15 ms in a Chromium trace), and with
 * `debounce="0"` the frame's own animation callbacks had run, so the end was timed a frame late.
 *
 * Query: `adapter` — `demo` or `rest` (with `api`, the server's base URL); `debounce` — the
 * element's debounce in ms (absent: its default). Outside the timing: the demo directory is
 * built and one search made (a page's first query builds the demo's name index; the REST
 * adapter's first request opens the connection and its CORS preflight), then the element is
 * mounted and focused. Measures `first-result` (keystroke → painted), `next-result` (the
 * keystroke after, "Sum", the same way: the page and the element warm) and `debounce` (the
 * element's debounce as set, in ms, so the driver shows it apart from the work).
 */
import '../src/components/customer-search/tn-customer-search.js';
import { DemoAdapter } from '../src/adapter/demo/index.js';
import { createRestAdapter } from '../src/adapter/rest/index.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';

const QUERY = 'Su';
/** A display frame at 60 Hz, in ms. */
const FRAME_MS = 1000 / 60;
/** The next keystroke, once the first results are shown: the same work in a warm page. */
const NEXT = 'Sum';

/** Resolves after the browser has painted twice. */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
/** Resolves once the frame after now has been rendered and painted. */
const nextFramePainted = () =>
  new Promise<void>((done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      // A task posted now runs after this frame's rendering.
      channel.port2.postMessage(null);
    }),
  );

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const adapter: CustomerConnectAdapter =
    params.get('adapter') === 'rest' ? createRestAdapter({ baseUrl: params.get('api')! }) : new DemoAdapter({ latency: 0 });
  await adapter.searchDirectory({ text: 'Globex', pageSize: 20 });

  const search = document.createElement('tn-customer-search');
  search.adapter = adapter;
  if (params.has('debounce')) search.debounce = Number(params.get('debounce'));
  document.body.append(search);
  await search.updateComplete;
  const field = search.shadowRoot!.querySelector('input')!;
  field.focus();
  await painted();

  const type = (value: string) => {
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.at(-1) }));
  };
  type(QUERY[0]);
  await new Promise((resolve) => setTimeout(resolve, search.debounce + 100));
  await painted();

  /** Types `query` as one keystroke; measures `name` from it to its results painted. */
  const timeKeystroke = async (query: string, name: string) => {
    const shown = new Promise<void>((resolve) => {
      const onSearch = (event: Event) => {
        if ((event as CustomEvent<{ query: string }>).detail.query !== query) return;
        search.removeEventListener('tn-search', onSearch);
        resolve();
      };
      search.addEventListener('tn-search', onSearch);
    });
    // At a random moment of the frame (see above).
    await new Promise((resolve) => setTimeout(resolve, Math.random() * FRAME_MS));
    performance.mark(`${name}-key`);
    type(query);
    await shown;
    await search.updateComplete;
    if (!search.shadowRoot!.querySelector('[role="option"]')) throw new Error(`no result listed for ${query}`);
    await nextFramePainted();
    performance.measure(name, `${name}-key`);
  };
  await timeKeystroke(QUERY, 'first-result');
  await painted();
  await timeKeystroke(NEXT, 'next-result');
  // The debounce as a measure of its own: tachometer reads it like the others.
  performance.measure('debounce', { start: 0, duration: search.debounce });
}

void run();
