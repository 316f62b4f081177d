/**
 * Locale-aware formatting through `Intl`, in the locale elements render in. Formatters are
 * cached per locale: creating `Intl` objects is costly and results lists render many rows.
 */
import { getLocale } from './localization.js';

const displayNames = new Map<string, Intl.DisplayNames>();

/** The country's name in the current locale (`GB` → "United Kingdom" / "Royaume-Uni"). */
export function countryName(code: string, locale: string = getLocale()): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a well-formed region code: show what the server sent, as text.
    return code;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** An integer count in the current locale ("10,000" / "10 000"). */
export function formatCount(value: number, locale: string = getLocale()): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
