/**
 * The locale of every tn-* element on the page.
 *
 * Shipped locales: English (the source), Arabic, German, Spanish, French, Italian, Dutch,
 * Polish and Portuguese. Each loads on demand through a static map of `import()`s, so a
 * bundler splits one chunk per locale. `setLocale('fr-CH')` falls back to `fr`,
 * `setLocale('pt-BR')` to `pt`, an unknown locale to English. Until the host calls
 * `setLocale`, the page's `<html lang>` decides — and keeps deciding when it changes.
 *
 * A host can replace any message for any locale, English included, with
 * {@link overrideMessages} (its own word for "Vendor code", say), without forking.
 *
 * `@lit/localize` allows one `configureLocalization` per copy of the package. We configure
 * lazily, on the first element created, and only once. A host that already configured the
 * same copy of `@lit/localize` for its own app keeps control of the locale: our elements
 * then follow the host's `setLocale` (our locale modules must be among the host's), and our
 * `setLocale` and overrides do nothing but warn. See the README.
 *
 * Internally English is loaded like the other locales (an empty template table, so every
 * message falls back to its English source): that is what lets overrides reach English.
 */
import { configureLocalization, LOCALE_STATUS_EVENT, str } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { compactTable, isCompact } from './locale-slots.js';

/** Every locale the library ships. */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

/** Locales written right to left: the host sets `dir="rtl"` with them (see the README). */
export const rtlLocales: readonly string[] = ['ar'];

type Templates = LocaleModule['templates'];

const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  ar: () => import('../generated/locales/ar.js'),
  de: () => import('../generated/locales/de.js'),
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  it: () => import('../generated/locales/it.js'),
  nl: () => import('../generated/locales/nl.js'),
  pl: () => import('../generated/locales/pl.js'),
  pt: () => import('../generated/locales/pt.js'),
};

/** What `@lit/localize` calls the state before any locale loaded: English source text. */
const SOURCE = 'x-tn-source';

let controls: { getLocale: () => string; setLocale: (locale: string) => Promise<void> } | undefined;
let hostOwnsLocalization = false;
/** True once the host chose a locale: `<html lang>` no longer decides. */
let chosenByHost = false;
let langObserver: MutationObserver | undefined;

/** Host overrides, by locale then message ID. */
const overrides = new Map<string, Templates>();
/** The template tables handed to `@lit/localize`, by locale (kept to apply later overrides in place). */
const tables = new Map<string, Templates>();

/** Maps any BCP 47 tag to a shipped locale: exact, else its language, else English. */
export function resolveLocale(tag: string | null | undefined): string {
  if (!tag) return sourceLocale;
  const lower = tag.trim().toLowerCase();
  const exact = supportedLocales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return supportedLocales.find((l) => l.toLowerCase() === language) ?? sourceLocale;
}

async function loadTemplates(locale: string): Promise<LocaleModule> {
  let table = tables.get(locale);
  if (!table) {
    const shipped: unknown = locale === sourceLocale ? {} : (await loaders[locale as keyof typeof loaders]()).templates;
    // The script-tag build's locale chunks are compact (see locale-slots.ts).
    const layer = { ...overrides.get(locale) };
    table = isCompact(shipped) ? compactTable(shipped, layer) : { ...(shipped as Templates), ...layer };
    tables.set(locale, table);
  }
  return { templates: table };
}

/**
 * Whether there is a window to localize in. Server rendering (`@lit-labs/ssr`) has none:
 * `@lit/localize` announces locale changes on `window`, so there elements render in English
 * and the browser renders the page's locale once they hydrate.
 */
function inBrowser(): boolean {
  return typeof window !== 'undefined';
}

function pageLocale(): string {
  return resolveLocale(globalThis.document?.documentElement.lang);
}

/** Configures `@lit/localize` once; harmless to call again. Called by every element. */
export function ensureLocalization(): void {
  if (controls || hostOwnsLocalization) return;
  try {
    controls = configureLocalization({
      sourceLocale: SOURCE,
      targetLocales: supportedLocales,
      loadLocale: loadTemplates,
    });
  } catch {
    // The host configured this copy of @lit/localize itself: it decides the locale.
    hostOwnsLocalization = true;
    return;
  }
  if (!inBrowser()) return;
  window.addEventListener(LOCALE_STATUS_EVENT, reportLoadFailure);
  // Loads the library starts itself: a failure is reported (above), never left unhandled.
  controls.setLocale(pageLocale()).catch(() => {});
  // Follow <html lang> until the host chooses (a page may set it after loading us).
  const root = globalThis.document?.documentElement;
  if (root && typeof MutationObserver === 'function') {
    langObserver = new MutationObserver(() => {
      if (!chosenByHost) controls?.setLocale(pageLocale()).catch(() => {});
    });
    langObserver.observe(root, { attributes: true, attributeFilter: ['lang'] });
  }
}

/**
 * A locale's messages could not be loaded (the network failed, or the chunk did not match the
 * integrity the page's import map asks for): the elements keep the locale they had, which
 * stays fully usable. Says so in the console and with `tn-locale-error` on `window`, for a
 * host that wants to tell the user.
 */
function reportLoadFailure(event: Event): void {
  const detail = (event as CustomEvent<{ status: string; errorLocale?: string; errorMessage?: string }>).detail;
  if (detail?.status !== 'error' || !detail.errorLocale) return;
  const locale = detail.errorLocale;
  const message = detail.errorMessage ?? 'unknown error';
  console.warn(`tn-customer-connect: the "${locale}" messages could not be loaded (${message}); the elements stay in "${getLocale()}".`);
  window.dispatchEvent(new CustomEvent('tn-locale-error', { detail: { locale, message, current: getLocale() } }));
}

/**
 * Sets the locale of every tn-* element (a BCP 47 tag: `fr`, `fr-CH`, `pt-BR`…); resolves
 * once they render in it. From then on, `<html lang>` no longer decides. On a server (no
 * `window`) it resolves at once and changes nothing: server rendering is in English.
 *
 * When the locale's messages cannot be loaded (network, integrity), it rejects; the elements
 * stay in the locale they had, and `window` receives `tn-locale-error` (as it does when the
 * page's `<html lang>` asked for the locale).
 */
export async function setLocale(tag: string): Promise<void> {
  ensureLocalization();
  if (!inBrowser()) return;
  if (!controls) {
    console.warn('tn-customer-connect: the host configured @lit/localize; use its setLocale instead.');
    return;
  }
  chosenByHost = true;
  await controls.setLocale(resolveLocale(tag));
}

/** The locale elements render in now (English until a requested locale has loaded). */
export function getLocale(): string {
  ensureLocalization();
  const locale = controls?.getLocale() ?? sourceLocale;
  return locale === SOURCE ? sourceLocale : locale;
}

/**
 * Replaces messages of one locale with the host's own words, e.g.
 * `overrideMessages('en', { 'Vendor code': 'Supplier number' })`. Keys are the English
 * source text of a message — with `{0}`, `{1}`… where it has placeholders, in source order
 * (`'Use at most {0} characters.'`) — or a message ID from `locales/*.xlf`; values are the
 * text to show, with the same `{n}` markers. Applies at once to every mounted element.
 */
export function overrideMessages(tag: string, messages: Record<string, string>): void {
  ensureLocalization();
  if (!controls) {
    console.warn('tn-customer-connect: the host configured @lit/localize; override messages in its own locale modules.');
    return;
  }
  const locale = resolveLocale(tag);
  const byId: Templates = { ...overrides.get(locale) };
  for (const [key, text] of Object.entries(messages)) byId[messageId(key)] = template(text);
  overrides.set(locale, byId);
  const table = tables.get(locale);
  if (table) Object.assign(table, byId);
  if (inBrowser() && getLocale() === locale) {
    // Ask every element to render again, as a finished locale change does.
    window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
  }
}

const PLACEHOLDER = /\{(\d+)\}/g;

/** The ID `@lit/localize` gives a message: from its English source text, or given as is. */
function messageId(key: string): string {
  if (/^[sh][0-9a-f]{16}$/.test(key)) return key;
  return generateMsgId(key.split(/\{\d+\}/), false);
}

/** A template table entry: plain text, or a `str` template whose values are placeholder indexes. */
function template(text: string): Templates[string] {
  const indexes = [...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1]));
  if (indexes.length === 0) return text;
  return str(text.split(/\{\d+\}/) as unknown as TemplateStringsArray, ...indexes);
}

/** Event the window receives when the locale changes (`detail.status === 'ready'`). */
export { LOCALE_STATUS_EVENT };
