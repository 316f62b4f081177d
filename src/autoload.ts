/**
 * Lazy registration for both script-tag builds (src/script-tag.ts, src/classic.ts): each tn-*
 * tag's code is fetched the first time the tag appears, so a page pays only for the elements
 * it shows. The `import()`s below are the ES-module build's chunks; the classic build turns
 * each into its own chunk of the same module, fetched next to the classic script
 * (rollup.config.mjs, `classicCore`). A MutationObserver watches the document and the shadow root of every tn-* element
 * found (our elements render other tn-* elements inside themselves: the flow renders the
 * search, the picker and the verification).
 *
 * Two copies on one page (two versions, or this build beside a bundled one): the first copy
 * to meet a tag claims it in a registry every copy shares and fetches its code; another copy
 * fetches nothing for that tag and, once it is defined, warns as `defineElement` does, naming
 * both versions — so the tag's holder does not depend on which download finishes first.
 *
 * Not used by the npm entries: a bundler splits an application's code itself.
 */
import { defineElement } from './base/tn-element.js';
import { VERSION } from './base/version.js';
import { whenIdle } from './adapter/when-idle.js';

/** Each tag's code; importing it registers the tag. */
const elements: Record<string, () => Promise<unknown>> = {
  'tn-adapter-provider': () => import('./components/adapter-provider/tn-adapter-provider.js'),
  'tn-customer-search': () => import('./components/customer-search/tn-customer-search.js'),
  'tn-attention-panel': () => import('./components/attention-panel/tn-attention-panel.js'),
  'tn-group-picker': () => import('./components/group-picker/tn-group-picker.js'),
  'tn-verify-invoice': () => import('./components/verify-invoice/tn-verify-invoice.js'),
  // The class alone: the npm entry imports every step, which here come as the flow reaches them.
  'tn-customer-connect': () =>
    import('./components/customer-connect/customer-connect.js').then(({ TnCustomerConnect }) =>
      defineElement('tn-customer-connect', TnCustomerConnect),
    ),
  'tn-relationships': () => import('./components/relationships/tn-relationships.js'),
  'tn-support-case': () => import('./components/support-case/tn-support-case.js'),
};

/** What a tag renders at once (fetched beside it, not after its first render). */
const firstScreen: Record<string, string[]> = { 'tn-customer-connect': ['tn-customer-search'] };

/**
 * What a tag renders later: fetched when the browser is idle or at the first key typed in it,
 * so that the flow's request and verification steps open without a network wait.
 */
const laterSteps: Record<string, string[]> = { 'tn-customer-connect': ['tn-group-picker', 'tn-verify-invoice'] };

/** Until this long after a flow appears, its later steps wait for an idle moment. */
const IDLE_TIMEOUT_MS = 2000;

const selector = Object.keys(elements).join(',');
const loading = new Map<string, Promise<void>>();
const watched = new WeakSet<Node>();

/** Tags some copy of the library on this page is fetching or has registered, with its version. */
const claims: Map<string, string> = ((globalThis as Record<symbol, Map<string, string> | undefined>)[
  Symbol.for('tn-customer-connect.autoload-claims')
] ??= new Map());

/** What `defineElement` says when another copy holds `tag`; this copy fetched nothing for it. */
async function warnTakenBy(tag: string): Promise<void> {
  const holder = (await customElements.whenDefined(tag)) as CustomElementConstructor & { version?: string };
  console.warn(
    `tn-customer-connect: <${tag}> is already defined (version ${holder.version ?? 'unknown'}); ` +
      `this copy (version ${VERSION}) was not registered.`,
  );
}

/**
 * Fetches `tag`'s code once, unless another copy holds or claimed the tag; a failed fetch is
 * reported and tried again when the tag next appears.
 */
function load(tag: string): Promise<void> {
  let promise = loading.get(tag);
  if (promise) return promise;
  if (customElements.get(tag) || claims.has(tag)) {
    promise = warnTakenBy(tag);
  } else {
    claims.set(tag, VERSION);
    promise = elements[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        claims.delete(tag);
        console.error(`tn-customer-connect: the code of <${tag}> did not load.`, error);
      },
    );
  }
  loading.set(tag, promise);
  for (const companion of firstScreen[tag] ?? []) void load(companion);
  return promise;
}

function loadLaterSteps(tag: string): void {
  for (const step of laterSteps[tag] ?? []) void load(step);
}

/** Schedules `element`'s later steps: at the first idle moment or the first key typed in it. */
function preloadLaterSteps(element: Element): void {
  const tag = element.localName;
  if (!laterSteps[tag]) return;
  const now = (): void => loadLaterSteps(tag);
  element.addEventListener('keydown', now, { once: true });
  element.addEventListener('input', now, { once: true });
  whenIdle(now, { timeout: IDLE_TIMEOUT_MS, fallbackDelay: IDLE_TIMEOUT_MS / 4 });
}

/**
 * Loads every tn-* element in `root` (itself included) and watches the shadow roots they
 * render. An element under a `hidden` ancestor (a step of the flow not reached yet) waits
 * until it is shown, or until its flow fetches its later steps.
 */
function discover(root: Element | Document | ShadowRoot): void {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  for (const element of found) {
    if (watched.has(element) || element.closest('[hidden]')) continue;
    watched.add(element);
    preloadLaterSteps(element);
    void load(element.localName).then(() => {
      // Registered now (by this copy or another): a connected element has its shadow root.
      if (element.shadowRoot) watch(element.shadowRoot);
    });
  }
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'attributes' && record.target instanceof Element && !record.target.hasAttribute('hidden')) discover(record.target);
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
});

function watch(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  discover(root);
}

/** Starts watching the page: every tn-* tag in it, now or later, gets its code. */
export function autoload(): void {
  watch(document);
}
