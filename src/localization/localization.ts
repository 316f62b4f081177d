/**
 * The locale of every tn-* element on the page.
 *
 * Shipped locales: English (the source), Arabic, German, Spanish, French, Italian, Dutch,
 * Polish and Portuguese, and British English (`en-GB`: the English messages with British
 * dates). Each translation loads on demand through a static map of `import()`s, so a bundler
 * splits one chunk per locale. `setLocale('fr-CH')` falls back to `fr`, `setLocale('pt-BR')`
 * to `pt`, an unknown locale to English (with a console warning). Until the host calls
 * `setLocale`, the page's `<html lang>` decides — and keeps deciding when it changes.
 *
 * A host adds a language with {@link registerLocale} (or layers its own words over a shipped
 * one), and replaces single messages of a locale with {@link overrideMessages}. A message a
 * locale lacks falls back to its language (`fr-CH` → `fr`), then to English, message by message.
 *
 * The library looks messages up itself: it installs its own implementation of `@lit/localize`'s
 * `msg()` (the tables below), because `@lit/localize`'s runtime fixes its locales when it is
 * configured and so could not take a locale registered later. `@lit/localize` allows one
 * implementation per copy of the package: we install ours lazily, on the first element
 * created. A host that already configured the same copy for its own app keeps control of the
 * locale: our elements then follow the host's `setLocale` (our locale modules must be among
 * the host's), and our `setLocale`, `registerLocale` and overrides do nothing but warn.
 */
import { LOCALE_STATUS_EVENT, str } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { compactTable, isCompact } from './locale-slots.js';

/** Every locale the library ships translations for (British English, `en-GB`, uses the English ones). */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

/** Regional variants the library ships without translations of their own: their formats differ. */
const shippedVariants: readonly string[] = ['en-GB'];

const rtl: string[] = ['ar'];
/** Locales written right to left: the host sets `dir="rtl"` with them (see the README). */
export const rtlLocales: readonly string[] = rtl;

type Templates = LocaleModule['templates'];
type Template = Templates[string];

/** Messages a host gives for a locale: by English source text (`{0}` for placeholders) or message ID. */
export type LocaleMessages = Record<string, string | Template>;

/** What {@link registerLocale} takes: the messages, or a function that loads them (`() => import('./sv.js')`). */
export type LocaleSource = LocaleMessages | (() => Promise<LocaleMessages | { templates: LocaleMessages }>);

export interface RegisterLocaleOptions {
  /** `rtl` for a language written right to left: it joins {@link rtlLocales}. */
  dir?: 'ltr' | 'rtl';
}

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

let installed = false;
let hostOwnsLocalization = false;
/** True once the host chose a locale: `<html lang>` no longer decides. */
let chosenByHost = false;
/** The locale elements render in, and the tag last asked for (by the host or `<html lang>`). */
let active = sourceLocale;
let requested = '';
let requestId = 0;
let langObserver: MutationObserver | undefined;
/** Set while an element with its own `lang` renders (see {@link renderingIn}). */
let rendering: string | undefined;

/** Host overrides, by locale then message ID. */
const overrides = new Map<string, Templates>();
/** Messages of the locales the host registered, and what loads those given as a function. */
const registered = new Map<string, Templates>();
const registeredLoaders = new Map<string, () => Promise<Templates>>();
/** Shipped translation tables once loaded (compact in the script-tag build, see locale-slots.ts). */
const shipped = new Map<string, Templates>();
/** Loads in flight or done, by locale, and the locales whose messages are all there. */
const loads = new Map<string, Promise<void>>();
const loaded = new Set<string>();
/** The `msg()` lookup table of each locale (a view over the layers above). */
const views = new Map<string, Templates>();
/** Warnings already given (each is given once). */
const warned = new Set<string>();

function knownLocales(): string[] {
  return [...supportedLocales, ...shippedVariants, ...registered.keys(), ...registeredLoaders.keys()];
}

/** The shipped or registered locale for a tag: exact, else its language; undefined when neither. */
function knownLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const known = knownLocales();
  const language = lower.split('-')[0];
  return known.find((l) => l.toLowerCase() === lower) ?? known.find((l) => l.toLowerCase() === language);
}

/** Maps any BCP 47 tag to a shipped or registered locale: exact, else its language, else English. */
export function resolveLocale(tag: string | null | undefined): string {
  return knownLocale(tag) ?? sourceLocale;
}

/** Each locale's {@link chain}, kept: every `msg()` call walks one (cleared by `registerLocale`). */
const chains = new Map<string, string[]>();

/** Where a locale's messages come from, first to last: itself, its language, English. */
function chain(locale: string): string[] {
  let found = chains.get(locale);
  if (!found) {
    const language = knownLocale(locale.split('-')[0]);
    found = [...new Set([locale, language ?? sourceLocale, sourceLocale])];
    chains.set(locale, found);
  }
  return found;
}

function lookup(locale: string, id: string): Template | undefined {
  for (const layer of chain(locale)) {
    const found = overrides.get(layer)?.[id] ?? registered.get(layer)?.[id] ?? shipped.get(layer)?.[id];
    if (found !== undefined) return found;
  }
  return undefined;
}

function viewOf(locale: string): Templates {
  let view = views.get(locale);
  if (!view) {
    view = new Proxy({} as Templates, { get: (_, id) => (typeof id === 'string' ? lookup(locale, id) : undefined) });
    views.set(locale, view);
  }
  return view;
}

/** Loads every layer of a locale's chain that is not loaded yet. */
function load(locale: string): Promise<void> {
  return Promise.all(chain(locale).map(loadOne)).then(() => undefined);
}

function loadOne(locale: string): Promise<void> {
  let loading = loads.get(locale);
  if (!loading) {
    const loadRegistered = registeredLoaders.get(locale);
    loading = Promise.all([
      !shipped.has(locale) &&
        loaders[locale as keyof typeof loaders]?.().then(({ templates }: { templates: unknown }) =>
          shipped.set(locale, isCompact(templates) ? compactTable(templates, {}) : (templates as Templates)),
        ),
      loadRegistered?.().then((table) => registered.set(locale, table)),
    ]).then(() => void loaded.add(locale));
    // A failed load is tried again next time.
    loading.catch(() => loads.delete(locale));
    loads.set(locale, loading);
  }
  return loading;
}

function isLoaded(locale: string): boolean {
  return chain(locale).every((layer) => loaded.has(layer));
}

/**
 * Whether there is a window to localize in. Server rendering (`@lit-labs/ssr`) has none:
 * elements there render in English and the browser renders the page's locale once they hydrate.
 */
function inBrowser(): boolean {
  return typeof window !== 'undefined';
}

/** Ask every element to render again, as `@lit/localize`'s finished locale change does. */
function rerender(): void {
  if (inBrowser()) window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: active } }));
}

/** Warns once per tag asked for (or overridden) that is neither shipped nor registered: English is used. */
function warnIfUnknown(tag: string): void {
  if (!tag.trim() || knownLocale(tag) || warned.has(tag)) return;
  warned.add(tag);
  console.warn(`tn-customer-connect: no "${tag}" locale (there are ${[...new Set(knownLocales())].join(', ')}); using English. registerLocale adds one.`);
}

/** Loads the locale `tag` resolves to and makes it the page's; resolves once elements render in it. */
async function switchTo(tag: string, force = false): Promise<void> {
  requested = tag;
  const locale = resolveLocale(tag);
  const id = ++requestId;
  if (locale === active && !force && isLoaded(locale)) return;
  try {
    await load(locale);
  } catch (error) {
    if (id === requestId) reportLoadFailure(locale, String(error));
    throw error;
  }
  if (id !== requestId) return;
  active = locale;
  rerender();
}

function pageTag(): string {
  return globalThis.document?.documentElement.lang ?? '';
}

/** Installs the library's `msg()` once; harmless to call again. Called by every element. */
export function ensureLocalization(): void {
  if (installed || hostOwnsLocalization) return;
  try {
    _installMsgImplementation(((template, options) =>
      runtimeMsg(viewOf(rendering ?? active), template, options)) as Parameters<typeof _installMsgImplementation>[0]);
  } catch {
    // The host configured this copy of @lit/localize itself: it decides the locale.
    hostOwnsLocalization = true;
    return;
  }
  installed = true;
  if (!inBrowser()) return;
  followPage();
  // Follow <html lang> until the host chooses (a page may set it after loading us), and any
  // other element's `lang` (an element in its own language renders again).
  const root = globalThis.document?.documentElement;
  if (root && typeof MutationObserver === 'function') {
    langObserver = new MutationObserver((records) => {
      if (records.some((record) => record.target === root)) followPage();
      if (records.some((record) => record.target !== root)) rerender();
    });
    langObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function followPage(): void {
  if (chosenByHost) return;
  warnIfUnknown(pageTag());
  // Loads the library starts itself: a failure is reported (below), never left unhandled.
  switchTo(pageTag()).catch(() => {});
}

/**
 * A locale's messages could not be loaded (the network failed, or the chunk did not match the
 * integrity the page's import map asks for): the elements keep the locale they had, which
 * stays fully usable. Says so in the console and with `tn-locale-error` on `window`, for a
 * host that wants to tell the user.
 */
function reportLoadFailure(locale: string, message: string): void {
  console.warn(`tn-customer-connect: the "${locale}" messages could not be loaded (${message}); the elements stay in "${getLocale()}".`);
  window.dispatchEvent(new CustomEvent('tn-locale-error', { detail: { locale, message, current: getLocale() } }));
}

function hostOwns(what: string): boolean {
  ensureLocalization();
  if (!hostOwnsLocalization) return false;
  console.warn(`tn-customer-connect: the host configured @lit/localize; ${what}`);
  return true;
}

/**
 * Sets the locale of every tn-* element (a BCP 47 tag: `fr`, `fr-CH`, `en-GB`, a registered
 * `sv`…); resolves once they render in it. From then on, `<html lang>` no longer decides. A
 * tag neither shipped nor registered gives English and a console warning (once per tag). On a
 * server (no `window`) it resolves at once and changes nothing: server rendering is in English.
 *
 * When the locale's messages cannot be loaded (network, integrity), it rejects; the elements
 * stay in the locale they had, and `window` receives `tn-locale-error` (as it does when the
 * page's `<html lang>` asked for the locale).
 */
export async function setLocale(tag: string): Promise<void> {
  if (!inBrowser()) return;
  if (hostOwns('use its setLocale instead.')) return;
  chosenByHost = true;
  warnIfUnknown(tag);
  await switchTo(tag);
}

/** The locale elements render in now (English until a requested locale has loaded). */
export function getLocale(): string {
  ensureLocalization();
  return rendering ?? active;
}

/**
 * Adds a locale the library does not ship (`registerLocale('sv', { 'Search your customers':
 * 'Sök bland dina kunder' })`), or layers the host's words over a shipped one. `messages` is
 * keyed like {@link overrideMessages}' (English source text with `{0}`… or message IDs, so a
 * module `lit-localize build` wrote from `locales/*.xlf` works as is), or is a function that
 * loads them on first use (`() => import('./sv.js')`). A message it lacks falls back to its
 * language (`fr-CH` → `fr`), then to English, one message at a time. Registering a tag again
 * replaces its messages. Mounted elements follow at once when the tag is, or was asked to be,
 * their locale. Throws a `RangeError` for a malformed tag.
 */
export function registerLocale(tag: string, messages: LocaleSource, options: RegisterLocaleOptions = {}): void {
  const [locale] = Intl.getCanonicalLocales(tag);
  if (hostOwns('add locales to its own locale modules.')) return;
  registered.delete(locale);
  registeredLoaders.delete(locale);
  if (typeof messages === 'function') {
    registeredLoaders.set(locale, () => messages().then((module) => byId((module as { templates?: LocaleMessages }).templates ?? (module as LocaleMessages))));
  } else {
    registered.set(locale, byId(messages));
  }
  loads.delete(locale);
  loaded.delete(locale);
  chains.clear();
  const at = rtl.indexOf(locale);
  if (options.dir === 'rtl' && at < 0) rtl.push(locale);
  if (options.dir === 'ltr' && at >= 0) rtl.splice(at, 1);
  // The page asked for this tag before it was known, or shows a locale it reaches: follow.
  if (inBrowser() && (resolveLocale(requested) !== active || chain(active).includes(locale))) {
    switchTo(requested, true).catch(() => {});
  }
}

/**
 * Replaces messages of one locale with the host's own words, e.g.
 * `overrideMessages('en', { 'Vendor code': 'Supplier number' })`. Keys are the English
 * source text of a message — with `{0}`, `{1}`… where it has placeholders, in source order
 * (`'Use at most {0} characters.'`) — or a message ID from `locales/*.xlf`; values are the
 * text to show, with the same `{n}` markers. Applies at once to every mounted element, and to
 * the locales that fall back to it (English overrides reach `en-GB` and registered locales).
 * For a locale neither shipped nor registered it changes nothing and warns (once per tag).
 */
export function overrideMessages(tag: string, messages: Record<string, string>): void {
  if (hostOwns('override messages in its own locale modules.')) return;
  const locale = knownLocale(tag);
  if (!locale) {
    warnIfUnknown(tag);
    return;
  }
  overrides.set(locale, { ...overrides.get(locale), ...byId(messages) });
  if (chain(getLocale()).includes(locale)) rerender();
}

/**
 * The locale an element with its own `lang` renders in: `lang` on the element or its nearest
 * ancestor (across shadow roots, `<html>` excluded: that one is the page's), when it names a
 * shipped or registered locale that has loaded (until then the page's locale; the load starts).
 * @internal
 */
export function elementLocale(element: Element): string | undefined {
  if (hostOwnsLocalization) return undefined;
  const root = element.ownerDocument.documentElement;
  for (let node: Element | null = element; node && node !== root; ) {
    const lang = node.getAttribute('lang');
    if (lang !== null) {
      const locale = knownLocale(lang);
      if (!locale) {
        warnIfUnknown(lang);
        return sourceLocale;
      }
      if (isLoaded(locale)) return locale;
      load(locale).then(rerender, () => {});
      return undefined;
    }
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return undefined;
}

/** Runs `render` with `msg()` and {@link getLocale} in `locale` (undefined: the page's). @internal */
export function renderingIn<T>(locale: string | undefined, render: () => T): T {
  const previous = rendering;
  rendering = locale;
  try {
    return render();
  } finally {
    rendering = previous;
  }
}

/** A table keyed by message ID, each value a template `@lit/localize` can render. */
function byId(messages: LocaleMessages): Templates {
  const table: Templates = {};
  for (const [key, text] of Object.entries(messages)) table[messageId(key)] = typeof text === 'string' ? template(text) : text;
  return table;
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
