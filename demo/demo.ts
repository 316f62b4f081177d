/**
 * The demo host page: a supplier-portal-like page that hosts the elements on the embedded
 * demo adapter, the way an integrator would, and logs every tn-* event they dispatch.
 */
import '../src/define.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { createRestAdapter } from '../src/adapter/rest/index.js';
import { setLocale, resolveLocale } from '../src/localization.js';
import type { CustomerEntity } from '../src/adapter/types.js';

/** Every event the elements dispatch (see src/events.ts). */
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
] as const;

/** The demo page's own words (the elements translate themselves). */
const PAGE_TEXT: Record<string, Record<string, string>> = {
  en: {
    welcome: 'Welcome Elise',
    language: 'Language',
    portalNav: 'Portal',
    home: 'Home',
    invoicing: 'Invoicing',
    customers: 'Customers',
    reports: 'Reports',
    connectTitle: 'Connect with a customer',
    connectLead: 'Search your customers and request a connection',
    eventLog: 'Event log',
    clear: 'Clear',
    logLead: 'Every tn-* event the elements dispatch, newest first.',
    logEmpty: 'No events yet.',
    attention: 'For your attention',
    requestTitle: 'Request a connection',
  },
  fr: {
    welcome: 'Bienvenue Elise',
    language: 'Langue',
    portalNav: 'Portail',
    home: 'Accueil',
    invoicing: 'Facturation',
    customers: 'Clients',
    reports: 'Présentation de rapports',
    connectTitle: 'Se mettre en relation avec un client',
    connectLead: 'Rechercher vos clients et demander une mise en relation',
    eventLog: "Journal d'événements",
    clear: 'Effacer',
    logLead: "Chaque événement tn-* émis par les composants, du plus récent au plus ancien.",
    logEmpty: 'Aucun événement pour le moment.',
    attention: 'Pour votre attention',
    requestTitle: 'Demander une mise en relation',
  },
};

const params = new URLSearchParams(location.search);
const provider = document.querySelector('tn-adapter-provider')!;
// `?api=<base URL>` (what `npm start -- --server` opens) runs the page on the reference API
// server through the REST adapter, with the token that server was started with; without
// it, on the embedded demo adapter.
const api = params.get('api');
const adapter = api
  ? createRestAdapter({ baseUrl: api, headers: () => ({ Authorization: 'Bearer demo-token' }) })
  : createDemoAdapter({ latency: { min: 150, max: 450 } });
provider.adapter = adapter;


const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
async function applyLocale(tag: string) {
  const locale = resolveLocale(tag);
  document.documentElement.lang = locale;
  localeSelect.value = locale;
  const text = PAGE_TEXT[locale] ?? PAGE_TEXT.en;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = text[node.dataset.i18n!];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    node.setAttribute('aria-label', text[node.dataset.i18nLabel!]);
  }
  await setLocale(locale);
}
localeSelect.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('lang', localeSelect.value);
  history.replaceState(null, '', url);
  void applyLocale(localeSelect.value);
});
void applyLocale(params.get('lang') ?? 'en');

// A `q` parameter pre-fills the search (handy for screenshots and links).
const initialQuery = params.get('q');
if (initialQuery) document.querySelector('tn-customer-search')!.value = initialQuery;

const log = document.querySelector<HTMLOListElement>('#log')!;
const empty = document.querySelector<HTMLElement>('#log-empty')!;
function record(event: Event) {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  const detail = document.createElement('pre');
  detail.textContent = JSON.stringify((event as CustomEvent).detail, null, 2);
  item.append(name, detail);
  log.prepend(item);
  empty.hidden = true;
}
for (const type of EVENTS) document.addEventListener(type, record);
document.querySelector('#clear-log')!.addEventListener('click', () => {
  log.replaceChildren();
  empty.hidden = false;
});

// Connect / View group open the request step; its outcome events reach the log, and the
// attention panel refreshes by itself when a support case opens.
const request = document.querySelector<HTMLElement>('#request')!;
const requestTitle = document.querySelector<HTMLElement>('#request-title')!;
const picker = document.querySelector('tn-group-picker')!;

const verify = document.querySelector<HTMLElement>('#verify')!;
const verifier = document.querySelector('tn-verify-invoice')!;

function openRequest(customer: CustomerEntity, group: boolean) {
  verify.hidden = true;
  picker.reset();
  picker.customer = customer;
  request.hidden = false;
  if (group) void picker.updateComplete.then(() => picker.viewGroup());
  requestTitle.focus();
}
document.addEventListener('tn-connect', (event) => openRequest(event.detail.customer, false));
document.addEventListener('tn-view-group', (event) => openRequest(event.detail.customer, true));

// A customer with invoice history: the request step hands over to the verification.
document.addEventListener('tn-verification-required', (event) => {
  verifier.session = event.detail.verification;
  request.hidden = true;
  verify.hidden = false;
  void verifier.updateComplete.then(() => verifier.focus());
});
