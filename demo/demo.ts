/**
 * The demo host page: a supplier-portal-like page that hosts the elements on the embedded
 * demo adapter, the way an integrator would, and logs every tn-* event they dispatch.
 */
import '../src/define.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { setLocale, resolveLocale, getLocale } from '../src/localization.js';
import { formatDateTime } from '../src/format.js';
import { isAdapterError } from '../src/adapter/errors.js';
import type { CustomerEntity } from '../src/adapter/types.js';

/** Every event the elements dispatch (see src/events.ts). */
const EVENTS = ['tn-connect', 'tn-view-group', 'tn-search', 'tn-error', 'tn-view-attention'] as const;

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
    standIn:
      'Demo stand-in for the connection request step (tn-group-picker, not built yet): it sends the request with your first account.',
    sendRequest: 'Send the connection request',
    cancel: 'Cancel',
    requestTitle: 'Connect with {name}',
    sending: 'Sending…',
    caseOpened: 'Support case {reference} opened; it will be processed by {deadline}.',
    verificationRequired: 'Verification required: the network holds this customer’s invoice history.',
    connected: 'Connected.',
    alreadyConnected: 'Already connected.',
    failed: 'The request failed: {code}.',
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
    standIn:
      "Remplaçant de démonstration de l'étape de demande de mise en relation (tn-group-picker, pas encore construit) : il envoie la demande avec votre premier compte.",
    sendRequest: 'Envoyer la demande de mise en relation',
    cancel: 'Annuler',
    requestTitle: 'Se mettre en relation avec {name}',
    sending: 'Envoi…',
    caseOpened: "Dossier d'assistance {reference} ouvert ; il sera traité d'ici le {deadline}.",
    verificationRequired: "Vérification requise : le réseau détient l'historique des factures de ce client.",
    connected: 'Mise en relation effectuée.',
    alreadyConnected: 'Déjà en relation.',
    failed: 'La demande a échoué : {code}.',
  },
};

const params = new URLSearchParams(location.search);
const provider = document.querySelector('tn-adapter-provider')!;
const adapter = createDemoAdapter({ latency: { min: 150, max: 450 } });
provider.adapter = adapter;

/** The page's own words in the current locale, with {placeholders} filled in. */
function t(key: string, values: Record<string, string> = {}): string {
  const text = (PAGE_TEXT[getLocale()] ?? PAGE_TEXT.en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

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

// Connection request: a stand-in for <tn-group-picker> (issue 3) so the demo can open
// support cases and verifications today. A host does the same with the adapter's API.
const request = document.querySelector<HTMLElement>('#request')!;
const requestTitle = document.querySelector<HTMLElement>('#request-title')!;
const sendButton = document.querySelector<HTMLButtonElement>('#send-request')!;
const outcome = document.querySelector<HTMLElement>('#request-outcome')!;
const attention = document.querySelector('tn-attention-panel')!;
let chosen: CustomerEntity | undefined;

document.addEventListener('tn-connect', (event) => {
  chosen = event.detail.customer;
  requestTitle.textContent = t('requestTitle', { name: chosen.legalName });
  outcome.textContent = '';
  sendButton.disabled = false;
  request.hidden = false;
  requestTitle.focus();
});
document.querySelector('#cancel-request')!.addEventListener('click', () => {
  request.hidden = true;
  document.querySelector('tn-customer-search')!.focus();
});
sendButton.addEventListener('click', async () => {
  if (!chosen) return;
  sendButton.disabled = true;
  outcome.textContent = t('sending');
  try {
    const [account] = await adapter.listAccounts();
    const result = await adapter.requestConnection({
      accountId: account.id,
      entityIds: [chosen.id],
      idempotencyKey: crypto.randomUUID(),
    });
    if (result.kind === 'support-case') {
      outcome.textContent = t('caseOpened', {
        reference: result.supportCase.reference,
        deadline: formatDateTime(result.supportCase.processBy),
      });
      // A new case changes what needs attention: the host asks the panel to refresh.
      void attention.refresh();
    } else if (result.kind === 'verification-required') {
      outcome.textContent = t('verificationRequired');
    } else {
      outcome.textContent = result.relationships.length ? t('connected') : t('alreadyConnected');
    }
  } catch (error) {
    outcome.textContent = t('failed', { code: isAdapterError(error) ? error.code : String(error) });
    sendButton.disabled = false;
  }
});
