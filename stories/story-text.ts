/**
 * What an element should say in the locale a story runs in (the toolbar's, or the one the
 * story pins), for the play functions' assertions. Stories run in English, French and Arabic
 * in CI, and in every shipped locale with `scripts/check-stories.mjs --full`, so a play
 * function never compares with an English literal:
 *
 * - the library's own words: `msg()` from `@lit/localize` with the element's English
 *   source, which answers with the message of the active locale — the same table the
 *   element renders from. (The stories are not among lit-localize's inputs, so these calls
 *   add no message to extract.) A message missing from a locale would fall back to English
 *   on both sides: scripts/check-stories.mjs fails a story showing English in another
 *   locale, and scripts/check-locales.mjs a locale missing a message;
 * - numbers, amounts and sizes: formatted here with `Intl` in the active locale;
 * - data (customer names, IDs, invoice numbers): as the adapter sent them, never translated.
 */
import { expect, waitFor } from 'storybook/test';
import { getLocale } from '../src/localization/localization.js';

export { msg, str } from '@lit/localize';

/** The locale the elements render in now. */
export const activeLocale = (): string => getLocale();

/** A number as the active locale writes it: "10,000", "10 000", "10.000"… */
export const localNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(activeLocale(), options).format(value);

/**
 * An amount with two decimals, typed the way a user of the active locale writes it:
 * "4,508.00" in English, "4 508,00" in French, "4.508,00" in German, in Arabic digits in
 * Arabic where `Intl` writes them.
 */
export const typedAmount = (decimal: string): string =>
  localNumber(Number(decimal), { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A file size the way the group picker states it: "4 kB", "4 ko"… (kilobytes, one decimal at most). */
export const localKilobytes = (kilobytes: number): string =>
  localNumber(kilobytes, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 });

/** Runs of white space — the template's line breaks, `Intl`'s no-break spaces — as one space. */
export const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of `root` as a user reads it (white space normalised). */
export const visibleText = (root: Node | null | undefined): string => normalised(root?.textContent ?? '');

/**
 * Waits (5 s at most) until `scope()` — an element's shadow root, say — has an element
 * matching `selector` whose text contains `text`; without `selector`, until `scope()`'s
 * text does. White space is compared normalised on both sides.
 */
export async function shows(
  scope: () => ParentNode | null | undefined,
  text: string,
  selector?: string,
): Promise<void> {
  await waitFor(
    () => {
      const root = scope();
      const where = selector ? root?.querySelector(selector) : root;
      expect(where, selector ? `an element matching ${selector}` : 'the element').toBeTruthy();
      expect(visibleText(where as Node)).toContain(normalised(text));
    },
    { timeout: 5000 },
  );
}
