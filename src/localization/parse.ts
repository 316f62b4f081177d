/**
 * Reading what users type, in their locale: invoice amounts ("4 508,00" in French, "4,508.00"
 * in English) and invoice dates ("14/09/2015" in French, "9/14/2015" in English). Money never
 * goes through a float: the result is a decimal string built from the digits the user typed,
 * as the adapter contract wants it; a date is read into `YYYY-MM-DD`.
 */

/** Why an amount could not be read. */
export type AmountError = 'empty' | 'malformed' | 'not-positive' | 'too-many-decimals';

/** What {@link parseAmount} read: a decimal string, or why not (with what to show the user). */
export type AmountParse =
  | {
      ok: true;
      /** A decimal string with `.` as decimal separator and no grouping, e.g. `"4508.00"`. */
      amount: string;
    }
  | {
      ok: false;
      error: AmountError;
      /** The expected form in this locale and currency, e.g. `"4,508.00"` or `"4 508,00"`. */
      example: string;
      /** Most decimals the currency allows (2 for GBP, 0 for JPY). */
      maxFractionDigits: number;
    };

/** Why an invoice date is not acceptable. */
export type DateError = 'empty' | 'invalid' | 'future';

/** What {@link parseInvoiceDate} read. */
export type DateParse = { ok: true; date: string } | { ok: false; error: DateError };

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();
const digitsCache = new Map<string, number>();
const symbolCache = new Map<string, string[]>();

/** The locale's decimal and group separators, as `Intl` writes them ("." and "," in English). */
function separators(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    // Latin-digit separators: what the user types once digits are read as ASCII (Arabic's
    // own marks, U+066B and U+066C, are mapped onto these by `asciiNumerals`).
    const parts = new Intl.NumberFormat(locale, { useGrouping: true, numberingSystem: 'latn' }).formatToParts(12345.6);
    found = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: (parts.find((part) => part.type === 'group')?.value ?? ',').normalize('NFKC'),
    };
    separatorCache.set(locale, found);
  }
  return found;
}

/** Most decimals `currency` allows (GBP 2, JPY 0); 2 for a code `Intl` does not know. */
export function currencyFractionDigits(currency: string, locale = 'en'): number {
  const key = `${locale}|${currency}`;
  let digits = digitsCache.get(key);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = 2;
    }
    digitsCache.set(key, digits ?? 2);
  }
  return digits ?? 2;
}

/** How an amount is written in this locale and currency: "4,508.00" (en, GBP), "4 508,00" (fr, GBP), "4,508" (en, JPY). */
export function amountExample(locale: string, currency: string): string {
  const digits = currencyFractionDigits(currency, locale);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(4508);
}

/** The ways the currency may be written around an amount: its code and its symbols in this locale. */
function currencyMarks(locale: string, currency: string): string[] {
  const key = `${locale}|${currency}`;
  let marks = symbolCache.get(key);
  if (!marks) {
    marks = [currency.toUpperCase()];
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      try {
        const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay })
          .formatToParts(1)
          .find((p) => p.type === 'currency');
        if (part) marks.push(part.value.normalize('NFKC').replace(BIDI_MARKS, '').toUpperCase());
      } catch {
        // An unknown currency: only its code is recognised.
      }
    }
    // Longest first, so "£GB" is removed whole rather than leaving "GB".
    marks = [...new Set(marks)].sort((a, b) => b.length - a.length);
    symbolCache.set(key, marks);
  }
  return marks;
}

/** Removes the currency's code or symbol at either end ("£4,508.00", "4 508,00 £GB", "GBP 4508"). */
function stripCurrency(text: string, locale: string, currency: string): string {
  const upper = text.toUpperCase();
  for (const mark of currencyMarks(locale, currency)) {
    if (upper.startsWith(mark)) return text.slice(mark.length).trim();
    if (upper.endsWith(mark)) return text.slice(0, text.length - mark.length).trim();
  }
  return text;
}

const MINUS = /^[-\u2212]/;
/** Direction marks `Intl` and keyboards put around numbers in right-to-left text. */
const BIDI_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The amount with ASCII digits: Arabic-Indic (٠–٩) and extended Arabic-Indic (۰–۹) digits
 * become 0–9, the Arabic decimal and thousands marks (٫ ٬) the locale's Latin separators,
 * and direction marks go.
 */
function asciiNumerals(text: string, { decimal, group }: Separators): string {
  return asciiDigits(text.replace(BIDI_MARKS, ''))
    .replace(/\u066b/g, decimal)
    .replace(/\u066c/g, group);
}

/** Arabic-Indic (٠–٩) and extended Arabic-Indic (۰–۹) digits as 0–9. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
/** Characters that group digits in some locale; spaces of every width count as one kind. */
const GROUP_MARKS = /[,.'\u2019 ]/;
const SPACE_LIKE = /[\s\u00a0\u2007\u2009\u202f]/g;

/**
 * Reads an amount typed in `locale` for `currency`: "4 508,00", "4508" and "4.508,00"…
 * in French; "4,508.00" and "4508" in English. Accepts the locale's decimal separator,
 * groups of three separated by a comma, dot, apostrophe or any space (NBSP U+00A0, narrow
 * NBSP U+202F…) — whichever is not the decimal separator — full-width and Arabic-Indic
 * digits (with Arabic's own decimal and thousands marks), and the
 * currency's code or symbol at either end. Returns the decimal string (never a float:
 * `"4508.00"`), or the reason it can't, with the expected form for the message.
 */
export function parseAmount(text: string, locale: string, currency: string): AmountParse {
  const maxFractionDigits = currencyFractionDigits(currency, locale);
  const fail = (error: AmountError): AmountParse => ({
    ok: false,
    error,
    example: amountExample(locale, currency),
    maxFractionDigits,
  });
  // NFKC turns full-width digits into ASCII ones and every no-break space into a space.
  let rest = asciiNumerals(text.normalize('NFKC'), separators(locale)).replace(SPACE_LIKE, ' ').trim();
  if (rest === '') return fail('empty');

  let negative = false;
  const takeSign = () => {
    if (!negative && MINUS.test(rest)) {
      negative = true;
      rest = rest.slice(1).trim();
    }
  };
  takeSign();
  rest = stripCurrency(rest, locale, currency);
  takeSign();
  if (rest === '') return fail('malformed');

  const { decimal, group } = separators(locale);
  const parts = rest.split(decimal);
  if (parts.length > 2) return fail('malformed');
  const [integerText, fraction = ''] = parts;
  if (!/^\d*$/.test(fraction)) return fail('malformed');
  const integerDigits = readGroupedInteger(integerText, decimal, group);
  if (integerDigits === undefined) return fail('malformed');
  if (integerDigits === '' && fraction === '') return fail('malformed');

  const whole = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  const zero = /^0*$/.test(whole + fraction);
  if (negative || zero) return fail('not-positive');
  if (fraction.length > maxFractionDigits) return fail('too-many-decimals');
  return { ok: true, amount: fraction ? `${whole}.${fraction}` : whole };
}

/**
 * The digits of an integer part, either plain ("4508") or grouped by threes with one kind of
 * separator ("4,508", "4 508", "1.234.567"); `undefined` when it is neither.
 */
function readGroupedInteger(text: string, decimal: string, localeGroup: string): string | undefined {
  if (/^\d*$/.test(text)) return text;
  const separatorsUsed = new Set([...text].filter((char) => !/\d/.test(char)));
  if (separatorsUsed.size !== 1) return undefined;
  const [separator] = separatorsUsed;
  if (separator === decimal) return undefined;
  if (!GROUP_MARKS.test(separator) && separator !== localeGroup) return undefined;
  const groups = text.split(separator);
  const [first, ...others] = groups;
  if (!/^\d{1,3}$/.test(first) || others.length === 0 || !others.every((g) => /^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

/** Today's date in the user's time zone, as `YYYY-MM-DD`. */
export function localIsoDate(time: number | Date): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first year an invoice date may have: anything earlier is a typing slip ("0201"). */
const EARLIEST_YEAR = 1900;

/**
 * Checks an invoice date as a date field gives it (`YYYY-MM-DD`, or `''` when empty or
 * incomplete): a real calendar date, not before 1900, not after `today` (`YYYY-MM-DD`).
 */
export function parseInvoiceDate(value: string, today: string): DateParse {
  const text = value.trim();
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, error: 'invalid' };
  const [year, month, day] = match.slice(1).map(Number);
  return checkedDate(year, month, day, today);
}

/** A real calendar date from 1900 to `today`, as `YYYY-MM-DD`; or why not. */
function checkedDate(year: number, month: number, day: number, today: string): DateParse {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < EARLIEST_YEAR) return { ok: false, error: 'invalid' };
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (iso > today) return { ok: false, error: 'future' };
  return { ok: true, date: iso };
}

/** A part of a date written in digits. */
export type DateField = 'day' | 'month' | 'year';

/** How a locale writes a date in digits: the order of its parts and the mark between them. */
export interface DateEntryFormat {
  /** `['day', 'month', 'year']` in French, `['month', 'day', 'year']` in American English. */
  order: DateField[];
  /** `/` in French and English, `.` in German, `-` in Dutch. */
  separator: string;
}

const DIGIT_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const dateFormatCache = new Map<string, DateEntryFormat>();

/**
 * How `locale` writes a date in digits, as `Intl` formats one: day, month, year and "/" in
 * French (14/09/2015), month first in American English (09/14/2015), "." in German
 * (14.09.2015), "-" in Dutch (14-09-2015).
 */
export function dateEntryFormat(locale: string): DateEntryFormat {
  let format = dateFormatCache.get(locale);
  if (!format) {
    const parts = new Intl.DateTimeFormat(locale, DIGIT_DATE).formatToParts(new Date(2015, 8, 14));
    const order = parts.map((part) => part.type).filter((type): type is DateField => ['day', 'month', 'year'].includes(type));
    const literal = parts.find((part) => part.type === 'literal')?.value.replace(BIDI_MARKS, '').trim();
    format = { order: order.length === 3 ? order : ['month', 'day', 'year'], separator: literal || '/' };
    dateFormatCache.set(locale, format);
  }
  return format;
}

/**
 * A date in digits as `locale` writes it ("31/12/2025" in French), for hints: `iso` is
 * `YYYY-MM-DD`. The example shows the way it is typed: Intl's right-to-left marks are
 * dropped and the date is isolated left to right, so that in Arabic the day stands on the
 * left, as it does in the field when typed (with the marks, the year did, and the example
 * looked year first beside what the user typed).
 */
export function dateExample(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const written = new Intl.DateTimeFormat(locale, DIGIT_DATE).format(new Date(year, month - 1, day));
  const bare = written.replace(BIDI_MARKS, '');
  return bare === written ? written : `\u2066${bare}\u2069`;
}

/** Marks people put between the parts of a date: slashes, dots, dashes, commas, spaces. */
const DATE_SEPARATORS = /[\s./\-,\u060c\u060d\u066b\u066c\u2010-\u2015\u2044\u2215]+/;

/**
 * Reads an invoice date typed in `locale`'s order ({@link dateEntryFormat}): "14/09/2015",
 * "14.9.2015", "14-09-15" or "14092015" in French; "9/14/2015" in American English. Any of
 * the usual separators, 1- or 2-digit days and months, 2- or 4-digit years (a 2-digit year
 * is the latest one not after `today`: "15" is 2015, "99" 1999), full-width and
 * Arabic-Indic digits. A date starting with a 4-digit year is read year, month, day in every
 * locale ("2015-09-14"). Returns `YYYY-MM-DD`, or why not: empty, not a real date from
 * 1900 on (`invalid`), or later than `today` (`YYYY-MM-DD`).
 */
export function parseLocalDate(text: string, locale: string, today: string): DateParse {
  // NFKC turns full-width digits and slashes into ASCII ones.
  const typed = asciiDigits(text.normalize('NFKC').replace(BIDI_MARKS, ''))
    .trim()
    .replace(new RegExp(`${DATE_SEPARATORS.source}$`), '');
  if (typed === '') return { ok: false, error: 'empty' };
  const invalid: DateParse = { ok: false, error: 'invalid' };

  const { order } = dateEntryFormat(locale);
  let groups: string[];
  if (/^\d+$/.test(typed)) {
    // Digits only ("14092015", "140915"): two for the day and the month, the rest the year.
    if (typed.length !== 8 && typed.length !== 6) return invalid;
    const widths = order.map((field) => (field === 'year' ? typed.length - 4 : 2));
    let at = 0;
    groups = widths.map((width) => typed.slice(at, (at += width)));
  } else {
    groups = typed.split(DATE_SEPARATORS);
    if (groups.length !== 3 || !groups.every((group) => /^\d+$/.test(group))) return invalid;
  }
  const fields: DateField[] = groups[0].length === 4 ? ['year', 'month', 'day'] : order;
  const value = (field: DateField) => groups[fields.indexOf(field)];
  const [dayText, monthText, yearText] = [value('day'), value('month'), value('year')];
  if (dayText.length > 2 || monthText.length > 2 || (yearText.length !== 2 && yearText.length !== 4)) return invalid;

  let year = Number(yearText);
  if (yearText.length === 2) {
    const thisYear = Number(today.slice(0, 4));
    year += thisYear - (thisYear % 100);
    if (year > thisYear) year -= 100;
  }
  return checkedDate(year, Number(monthText), Number(dayText), today);
}
