/**
 * The locale of every tn-* element on the page.
 *
 * English is built in; other locales load on demand through a static map of `import()`s,
 * so a bundler splits one chunk per locale. `setLocale('fr-CH')` falls back to `fr`, an
 * unknown locale to English. Without a call, the page's `<html lang>` decides.
 *
 * `@lit/localize` allows one `configureLocalization` per copy of the package. We configure
 * lazily, on the first element created, and only once. A host that already configured the
 * same copy of `@lit/localize` for its own app keeps control of the locale: our elements
 * then follow the host's `setLocale` (our locale modules must be among the host's), and our
 * `setLocale` does nothing but warn. See the README.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

/** Every locale the library ships. */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  fr: () => import('./generated/locales/fr.js'),
};

let controls: { getLocale: () => string; setLocale: (locale: string) => Promise<void> } | undefined;
let hostOwnsLocalization = false;

/** Maps any BCP 47 tag to a shipped locale: exact, else its language, else English. */
export function resolveLocale(tag: string | null | undefined): string {
  if (!tag) return sourceLocale;
  const lower = tag.trim().toLowerCase();
  const exact = supportedLocales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return supportedLocales.find((l) => l.toLowerCase() === language) ?? sourceLocale;
}

/** Configures `@lit/localize` once; harmless to call again. Called by every element. */
export function ensureLocalization(): void {
  if (controls || hostOwnsLocalization) return;
  try {
    controls = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
    });
  } catch {
    // The host configured this copy of @lit/localize itself: it decides the locale.
    hostOwnsLocalization = true;
    return;
  }
  const pageLocale = resolveLocale(globalThis.document?.documentElement.lang);
  if (pageLocale !== sourceLocale) void controls.setLocale(pageLocale);
}

/** Sets the locale of every tn-* element; resolves once they can render in it. */
export async function setLocale(tag: string): Promise<void> {
  ensureLocalization();
  if (!controls) {
    console.warn('tn-customer-connect: the host configured @lit/localize; use its setLocale instead.');
    return;
  }
  await controls.setLocale(resolveLocale(tag));
}

/** The locale elements render in now (English until a requested locale has loaded). */
export function getLocale(): string {
  ensureLocalization();
  return controls?.getLocale() ?? sourceLocale;
}

/** Event the window receives when the locale changes (`detail.status === 'ready'`). */
export { LOCALE_STATUS_EVENT };
