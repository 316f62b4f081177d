/**
 * The demo portal: a supplier-portal-like host with three pages, like the network's own
 * portal in the seed tutorial — Home (the attention panel and "Connect now"), Connect with a
 * customer (`<tn-customer-connect>`) and Customer relationships (`<tn-relationships>`) — on
 * the embedded demo adapter, the way an integrator would wire them: one provider, events
 * routed by the host, the flow's step kept in the URL. Every tn-* event goes to the log.
 */
import '../src/define.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { createRestAdapter } from '../src/adapter/rest/index.js';
import { setLocale, resolveLocale, rtlLocales } from '../src/localization/localization.js';
import type { FlowLocation } from '../src/base/events.js';
import { PAGE_TEXT } from './page-text.js';
import { showInvoices } from './invoices.js';
import './reset.js';

/** Every event the elements dispatch (see src/base/events.ts). */
const EVENTS = [
  'tn-connect',
  'tn-view-group',
  'tn-search',
  'tn-error',
  'tn-view-attention',
  'tn-request-connection',
  'tn-support-case-opened',
  'tn-verification-required',
  'tn-connected',
  'tn-view-case',
  'tn-mode-change',
  'tn-step-change',
  'tn-verification-rejected',
  'tn-verified',
  'tn-flow-step-change',
  'tn-flow-location-change',
  'tn-resume-verification',
  'tn-request-again',
] as const;

const params = new URLSearchParams(location.search);
const provider = document.querySelector('tn-adapter-provider')!;
// `?api=<base URL>` (what `npm start -- --server` opens) runs the page on the reference API
// server through the REST adapter; without it, on the embedded demo adapter. The bearer token
// is the one `npm start -- --server` put in the page for the server it started, and goes to
// that server's URL only: a `?api=` naming any other gets no credentials.
const api = params.get('api');
const started = document.querySelector<HTMLMetaElement>('meta[name="tn-demo-api"]');
const token = api && started && new URL(api, location.href).href === new URL(started.content).href ? started.dataset.token : undefined;
provider.adapter = api
  ? createRestAdapter({ baseUrl: api, headers: (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}) })
  : createDemoAdapter({ latency: { min: 150, max: 450 }, storage: sessionStorage });

// ----- language and theme (kept in the query string, so a reload keeps them)

function setParam(name: string, value: string | undefined) {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
}

const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
async function applyLocale(tag: string) {
  const locale = resolveLocale(tag);
  document.documentElement.lang = locale;
  // Right-to-left locales mirror the whole page; the elements follow the page's direction.
  document.documentElement.dir = rtlLocales.includes(locale) ? 'rtl' : 'ltr';
  localeSelect.value = locale;
  const text = { ...PAGE_TEXT.en, ...PAGE_TEXT[locale] };
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = text[node.dataset.i18n!];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    node.setAttribute('aria-label', text[node.dataset.i18nLabel!]);
  }
  await setLocale(locale);
}
localeSelect.addEventListener('change', () => {
  setParam('lang', localeSelect.value);
  void applyLocale(localeSelect.value);
});
// The demo is British: English messages, day-first dates, 24-hour times.
void applyLocale(params.get('lang') ?? 'en-GB');

const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
function applyTheme(theme: string) {
  const dark = theme === 'dark';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  themeSelect.value = dark ? 'dark' : 'light';
}
themeSelect.addEventListener('change', () => {
  setParam('theme', themeSelect.value === 'dark' ? 'dark' : undefined);
  applyTheme(themeSelect.value);
});
applyTheme(params.get('theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));

// ----- pages: #home, #connect, #relationships

const flow = document.querySelector('tn-customer-connect')!;
type Page = 'home' | 'connect' | 'relationships' | 'case' | 'invoices';
const PAGES: Page[] = ['home', 'connect', 'relationships', 'case', 'invoices'];
const caseView = document.querySelector('tn-support-case')!;

function currentPage(): Page {
  const name = location.hash.slice(1).split('?')[0];
  return (PAGES as string[]).includes(name) ? (name as Page) : 'home';
}

function showPage(moveFocus: boolean) {
  const page = currentPage();
  shownPage = page;
  for (const name of PAGES) document.getElementById(`page-${name}`)!.hidden = name !== page;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.portal-nav a')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const text = { ...PAGE_TEXT.en, ...PAGE_TEXT[document.documentElement.lang] };
  let title = text[`${page}Title`];
  if (page === 'case') {
    // `#case?ref=2881017`: the case view, titled with its reference.
    const reference = new URLSearchParams(location.hash.split('?')[1] ?? '').get('ref') ?? '';
    caseView.reference = reference;
    title = `${text.caseTitle} ${reference}`.trim();
    document.querySelector('#case-title')!.textContent = title;
  }
  if (page === 'invoices') {
    // `#invoices?list=saved-invoices&id=…`: that list first, that invoice marked.
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const list = query.get('list') === 'saved-invoices' ? 'saved-invoices' : 'failed-invoices';
    void showInvoices(provider.adapter!, list, query.get('id') ?? undefined);
  }
  document.title = `${title} — Customer Connect demo`;
  if (moveFocus) document.querySelector<HTMLElement>(`#page-${page} .page-title`)?.focus();
}
window.addEventListener('hashchange', () => showPage(true));
// Back and Forward across pages: some entries differ by more than the hash (the flow's
// parameters), and the page on screen must always be the one the URL names.
let shownPage = currentPage();
window.addEventListener('popstate', () => {
  if (currentPage() !== shownPage) showPage(true);
});
showPage(false);

/** Shows `page` (focus on its title); resolves once it is on screen. */
function goTo(page: Page): Promise<void> {
  if (currentPage() === page) {
    showPage(true);
    return Promise.resolve();
  }
  const shown = new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
  location.hash = page;
  return shown;
}

// The flow's place in the browser history, owned by this page (the way a host with its own
// router does it): each step the user takes is a history entry whose state holds the flow's
// location, and whose URL says it in readable parameters — `?q=` the search, `?customer=` the
// request (`&group` on its group), `?verification=` a verification, `?case=` the support case
// of an outcome. Back and Forward give the state back to the flow; a reload does too (the
// browser keeps `history.state`); a URL typed or shared deep-links with its parameters.
const FLOW_PARAMS = ['q', 'customer', 'group', 'verification', 'case'] as const;

function flowUrl(location: FlowLocation): URL {
  const url = new URL(window.location.href);
  for (const name of FLOW_PARAMS) url.searchParams.delete(name);
  if (location.query) url.searchParams.set('q', location.query);
  if (location.step === 'request' && location.customerId) url.searchParams.set('customer', location.customerId);
  if (location.step === 'request' && location.group) url.searchParams.set('group', '');
  if (location.step === 'verify' && location.verificationId) url.searchParams.set('verification', location.verificationId);
  if (location.step === 'done' && location.outcome?.kind === 'support-case') url.searchParams.set('case', location.outcome.reference);
  return url;
}

document.addEventListener('tn-flow-location-change', (event) => {
  const { location: flowLocation, history: entry } = event.detail;
  const state = { ...history.state, flow: flowLocation };
  if (entry === 'push') history.pushState(state, '', flowUrl(flowLocation));
  else history.replaceState(state, '', flowUrl(flowLocation));
});
window.addEventListener('popstate', (event) => {
  if (event.state?.flow) flow.navigate(event.state.flow as FlowLocation);
});

if (history.state?.flow) {
  // A reload: back to where the flow was, done step included.
  flow.navigate(history.state.flow as FlowLocation);
} else {
  // A typed or shared URL.
  const initialQuery = params.get('q');
  if (initialQuery) flow.query = initialQuery;
  if (params.get('case')) flow.navigate({ step: 'done', outcome: { kind: 'support-case', reference: params.get('case')! } });
  else if (params.get('verification')) flow.verificationId = params.get('verification')!;
  else if (params.get('customer')) {
    flow.group = params.has('group');
    flow.customerId = params.get('customer')!;
  }
}

// Routing the elements' events, as a host does.
function viewCase(reference: string) {
  location.hash = `case?ref=${encodeURIComponent(reference)}`;
}
document.addEventListener('tn-view-case', (event) => viewCase(event.detail.reference));
document.addEventListener('tn-view-attention', (event) => {
  const { list, item } = event.detail;
  if (list === 'support-tickets' && item && 'reference' in item) viewCase(item.reference);
  else if (list === 'support-tickets') void goTo('relationships');
  else {
    const query = new URLSearchParams({ list, ...(item && 'id' in item ? { id: item.id } : {}) });
    location.hash = `invoices?${query}`;
  }
});
// From the relationships: open the flow's page, then the flow's step (whose title then takes focus).
document.addEventListener('tn-request-again', (event) => {
  const { relationship } = event.detail;
  void goTo('connect').then(() => {
    flow.startOver();
    flow.accountId = relationship.accountId;
    flow.connect(relationship.customer.id);
  });
});
document.addEventListener('tn-resume-verification', (event) => {
  const { verificationId } = event.detail;
  void goTo('connect').then(() => flow.resumeVerification(verificationId));
});

// ----- event log

const log = document.querySelector<HTMLOListElement>('#log')!;
const empty = document.querySelector<HTMLElement>('#log-empty')!;
function record(event: Event) {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  const detail = document.createElement('pre');
  detail.dir = 'ltr'; // JSON reads left to right, in an Arabic page too
  detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
  item.append(name, detail);
  log.prepend(item);
  while (log.children.length > 100) log.lastElementChild!.remove();
  empty.hidden = true;
}
for (const type of EVENTS) document.addEventListener(type, record);
document.querySelector('#clear-log')!.addEventListener('click', () => {
  log.replaceChildren();
  empty.hidden = false;
});
