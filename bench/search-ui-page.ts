/**
 * Runs inside a benchmark page (driver: bench/search.mjs): mounts <tn-customer-search> — or
 * the naive baseline (bench/search-baseline.ts) — on a demo adapter over the full generated
 * directory, wrapped so that every `searchDirectory` call is logged (query, start, end,
 * outcome, when its AbortSignal fired). The driver types with Playwright's keyboard (real
 * key events); the page records every input event and times the last keystroke until its
 * results are on screen.
 */
import '../src/components/customer-search/tn-customer-search.js';
import './search-baseline.js';
import { DemoAdapter, DemoNetwork } from '../src/adapter/demo/index.js';
import type { DemoLatency } from '../src/adapter/demo/index.js';
import type { CustomerConnectAdapter, RequestOptions, SearchPage, SearchQuery } from '../src/adapter/types.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { BenchSearchBaseline } from './search-baseline.js';

type Kind = 'element' | 'baseline';

/** One `searchDirectory` call, times from `performance.now()`. */
interface CallRecord {
  text: string;
  cursor?: string;
  start: number;
  /** When its promise settled. */
  end?: number;
  outcome?: 'answered' | 'failed';
  /** When its AbortSignal fired (absent: never). */
  abortedAt?: number;
}

/** One input event in the search field: when, and the trimmed text after it. */
interface InputRecord {
  at: number;
  value: string;
}

/** A keystroke timed until its results were shown. */
interface KeystrokeTiming {
  /** Input event → the results in the DOM (the element's update done). */
  domMs: number;
  /** Input event → two animation frames after that: the results painted. */
  paintedMs: number;
  /** The text of the field at the last input event (should be the query waited for). */
  inputValue: string;
  /** Results listed, and the first one's name (to check against `expected`). */
  shown: number;
  first: string;
}

let kind: Kind = 'element';
let el: TnCustomerSearch | BenchSearchBaseline | undefined;
let calls: CallRecord[] = [];
let inputs: InputRecord[] = [];
let armed: Promise<KeystrokeTiming> | undefined;

// Captured on the window, before the element's own listener: the moment of the input event.
window.addEventListener(
  'input',
  (event) => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement) inputs.push({ at: performance.now(), value: target.value.trim() });
  },
  true,
);

/** Resolves after the browser has painted twice: what the user sees is on screen. */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `inner`, with every `searchDirectory` call logged into `log`. */
function counting(inner: CustomerConnectAdapter, log: CallRecord[]): CustomerConnectAdapter {
  const searchDirectory = (query: SearchQuery, options?: RequestOptions): Promise<SearchPage> => {
    const record: CallRecord = { text: query.text, cursor: query.cursor, start: performance.now() };
    log.push(record);
    const signal = options?.signal;
    if (signal?.aborted) record.abortedAt = record.start;
    signal?.addEventListener('abort', () => (record.abortedAt ??= performance.now()), { once: true });
    return inner.searchDirectory(query, options).then(
      (page) => {
        record.end = performance.now();
        record.outcome = 'answered';
        return page;
      },
      (error: unknown) => {
        record.end = performance.now();
        record.outcome = 'failed';
        throw error;
      },
    );
  };
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'searchDirectory') return searchDirectory;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const root = () => el!.shadowRoot!;
const rows = () => [...root().querySelectorAll(kind === 'element' ? '[role="option"]' : '[role="listitem"]')];
const popupShown = () => kind === 'baseline' || !root().querySelector<HTMLElement>('[part~="popup"]')!.hidden;

const searchUi = {
  /** Builds the shared directory and its index (once per page), outside any timing. */
  warm(): number {
    return new DemoNetwork().directoryStats().entities;
  },

  /** What the demo network answers to `text` (from a network of its own: no cache shared). */
  expected(text: string, pageSize = 20): { total: number; shown: number; first: string } {
    const page = new DemoNetwork().searchDirectory({ text, pageSize });
    return { total: page.total ?? -1, shown: page.items.length, first: page.items[0]?.legalName ?? '' };
  },

  /**
   * Mounts a fresh element on a fresh demo adapter (latency in ms, a fixed value or a range),
   * with an empty call log, and focuses its field. `debounce` undefined: the element's default.
   */
  async mount(which: Kind, options: { latency: DemoLatency; debounce?: number }): Promise<number> {
    searchUi.unmount();
    kind = which;
    calls = [];
    inputs = [];
    const adapter = counting(new DemoAdapter({ latency: options.latency }), calls);
    if (which === 'element') {
      const search = document.createElement('tn-customer-search');
      search.adapter = adapter;
      if (options.debounce !== undefined) search.debounce = options.debounce;
      el = search;
    } else {
      const list = document.createElement('bench-search-baseline');
      list.adapter = adapter;
      el = list;
    }
    document.body.append(el);
    await el.updateComplete;
    root().querySelector('input')!.focus();
    await painted();
    return (el as TnCustomerSearch).debounce ?? 0;
  },

  /**
   * Waits (in the background) for the results of `query` to be shown: from the element's
   * `tn-search` (the baseline's `bench-results`) for that query, through its update, to two
   * painted frames; times it from the last input event before the results arrived.
   */
  arm(query: string): void {
    const target = el!;
    const eventName = kind === 'element' ? 'tn-search' : 'bench-results';
    armed = new Promise<KeystrokeTiming>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no results for ${JSON.stringify(query)} within 10 s`)), 10_000);
      const onResults = async (event: Event) => {
        if ((event as CustomEvent<{ query: string }>).detail.query !== query) return;
        target.removeEventListener(eventName, onResults);
        clearTimeout(timeout);
        const input = inputs[inputs.length - 1];
        await target.updateComplete;
        const domAt = performance.now();
        const listed = popupShown() ? rows() : [];
        const first = listed[0]?.querySelector('.name')?.textContent?.trim() ?? '';
        // The element's first frame renders the results in view, the rest when the browser is
        // next idle; each option says the whole list's size (aria-setsize).
        const shown = kind === 'element' ? Number(listed[0]?.getAttribute('aria-setsize') ?? 0) : listed.length;
        await painted();
        resolve({
          domMs: domAt - input.at,
          paintedMs: performance.now() - input.at,
          inputValue: input.value,
          shown,
          first,
        });
      };
      target.addEventListener(eventName, onResults);
    });
    // Rejections surface through `result()`.
    armed.catch(() => undefined);
  },

  /** The timing `arm` waited for. */
  result(): Promise<KeystrokeTiming> {
    return armed!;
  },

  /** Waits `ms`, e.g. for requests still on their way to settle. */
  settle(ms: number): Promise<unknown> {
    return sleep(ms);
  },

  /** Every adapter call and input event since `mount`. */
  log(): { calls: CallRecord[]; inputs: InputRecord[] } {
    return { calls, inputs };
  },

  unmount(): void {
    el?.remove();
    el = undefined;
  },
};

declare global {
  interface Window {
    searchUi: typeof searchUi;
  }
}

window.searchUi = searchUi;
