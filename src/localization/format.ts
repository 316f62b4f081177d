/**
 * Locale-aware formatting through `Intl`, in the locale elements render in. Formatters are
 * cached per locale: creating `Intl` objects is costly and results lists render many rows.
 */
import { msg } from '@lit/localize';
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

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of a count in the current locale (`1` → "one" in English, `0` → "one" in French). */
export function pluralCategory(count: number, locale: string = getLocale()): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Creates, for `locale`, the formatters a list of results uses (country names, counts,
 * plurals) before the results arrive. Creating the first `Intl` object of a kind costs
 * milliseconds (the engine loads its locale data; measured in the search's first result,
 * where it ran in the frame that paints it); an element calls this while the user types,
 * when the browser is idle, so the first results paint sooner. Later calls cost nothing.
 */
export function prepareListFormats(locale: string = getLocale()): void {
  countryName('GB', locale);
  formatCount(0, locale);
  pluralCategory(0, locale);
}

const collators = new Map<string, Intl.Collator>();

/** Compares names in the current locale, accents and case aside (`sensitivity: 'base'`). */
export function nameCollator(locale: string = getLocale()): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * Creates, for `locale`, what opening a group uses (the collator its names are sorted with,
 * country names, counts) before a group is opened. The first `Intl.Collator` and
 * `Intl.NumberFormat` of a page cost 6–20 ms each in Chromium (its locale data loads): the
 * group picker calls this when the page is idle after it is defined, so the first group
 * opens without that wait.
 */
export function prepareGroupFormats(locale: string = getLocale()): void {
  nameCollator(locale).compare('a', 'b');
  countryName('GB', locale);
  formatCount(0, locale);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in the current locale ("£4,508.00" / "4 508,00 £"). The decimal string is
 * formatted without going through a float where the engine can (`Intl` accepts strings
 * and keeps their precision); a malformed amount is shown as it came.
 */
export function formatMoney(money: { amount: string; currency: string }, locale: string = getLocale()): string {
  const key = `${locale}|${money.currency}`;
  let format = moneyFormats.get(key);
  try {
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
      moneyFormats.set(key, format);
    }
    if (!/^-?\d+(\.\d+)?$/.test(money.amount)) throw new RangeError('not a decimal');
    return format.format(money.amount as unknown as number);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A date and time, in full as a deadline reads, with its time zone ("Wednesday, April 18,
 * 2018 at 3:45 PM GMT+1" / "mercredi 18 avril 2018 à 15:45 UTC+1"), or `medium` for tables
 * ("Apr 18, 2018, 3:45 PM"), in the user's time zone; an unparsable value is shown as it came.
 */
export function formatDateTime(
  iso: string,
  locale: string = getLocale(),
  dateStyle: 'full' | 'medium' = 'full',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    dateStyle === 'full'
      ? {
          weekday: 'long',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
        }
      : { dateStyle, timeStyle: 'short' };
  return dateTimeFormat(locale, options).format(date);
}

/** A calendar date ("10 Aug 2015" / "10 août 2015"); `YYYY-MM-DD` is read as that day, not as UTC midnight. */
export function formatDate(iso: string, locale: string = getLocale()): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/**
 * How long ago `iso` was, relative to `now`: "just now" under a minute, then whole minutes,
 * hours or days ("3 minutes ago", "il y a 2 heures"). "Just now" is in the elements' locale.
 */
export function formatRelative(iso: string, now: Date, locale: string = getLocale()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const minutes = Math.max(0, Math.floor((now.getTime() - then) / 60_000));
  if (minutes === 0) return msg('just now', { desc: 'Relative time under a minute, as in "Last refresh: just now"' });
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 24 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / (24 * 60)), 'day');
}

/**
 * Bidirectional formatting controls: embeddings and overrides (U+202A–202E) and isolates
 * (U+2066–2069). One of them inside a legal name can make it display as another name
 * ("\u202eCLP knaB netsgnuT" shows as "Tungsten Bank PLC"), so names never keep them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name or free text from the network, as it is shown: without bidi controls, so that it
 * reads in the order its characters are stored. Render it in an element with `dir="auto"`.
 */
export function displayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A name from the network for use inside a sentence: {@link displayText} between first-strong
 * isolate marks (U+2068 … U+2069), so its direction neither reorders the sentence around it
 * nor takes the sentence's punctuation ("Fabrikam Logistics B.V." stays whole in Arabic).
 */
export function isolated(text: string): string {
  return `\u2068${displayText(text)}\u2069`;
}
