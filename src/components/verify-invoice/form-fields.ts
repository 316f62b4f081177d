/**
 * The fields of the verification form — invoice number (step 1), invoice date and amount —
 * each labelled, described by its hint, its error and the messages that concern every field,
 * and showing exactly what the supplier typed.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { FIELD_IDS } from './field-errors.js';
import { renderFieldError } from '../../base/field-errors.js';
import type { Field, FieldErrors } from './field-errors.js';
import { dateEntryFormat, dateExample } from '../../localization/parse.js';
import { getLocale } from '../../localization/localization.js';
import { amountHintText, dateHintText, datePattern, invoiceNumberLabel } from './messages.js';

/** What every field of the form on screen shares. */
export interface FormState {
  errors: FieldErrors;
  /** The step is the challenge: its invoice number describes every field. */
  challenge: boolean;
  /** A wrong answer (`#rejection`) is on screen: it describes every field. */
  rejected: boolean;
  /** Called with each `input` event (the field's `data-field` names it). */
  onInput: (event: Event) => void;
}

/** A field's description: the challenge, its hint, its error, and the wrong-answer message. */
function describedBy(form: FormState, field: Field, hint?: string): string | undefined {
  const ids = [
    form.challenge ? 'challenge-label challenge-number' : undefined,
    hint,
    form.errors[field] ? `${FIELD_IDS[field]}-error` : undefined,
    form.rejected ? 'rejection' : undefined,
  ];
  return ids.filter(Boolean).join(' ') || undefined;
}

function fieldError(form: FormState, field: Field): TemplateResult | typeof nothing {
  return renderFieldError(`${FIELD_IDS[field]}-error`, form.errors[field]);
}

export function renderNumberField(form: FormState, value: string, maxLength: number): TemplateResult {
  return html`<div part="field" class="field">
    <label for="invoice-number">${invoiceNumberLabel()}</label>
    <input
      id="invoice-number"
      part="input"
      data-field="invoiceNumber"
      type="text"
      required
      autocomplete="off"
      autocapitalize="off"
      spellcheck="false"
      maxlength=${maxLength}
      .value=${live(value)}
      aria-invalid=${form.errors.invoiceNumber ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(form, 'invoiceNumber'))}
      @input=${form.onInput}
    />
    ${fieldError(form, 'invoiceNumber')}
  </div>`;
}

/** How the invoice date is typed on this page: in which locale's order, its pattern and an example. */
export interface DateEntry {
  /** The locale whose order the date is read in (see {@link dateLocale}). */
  locale: string;
  /** "jj/mm/aaaa" in French, "mm/dd/yyyy" in American English. */
  pattern: string;
  /** A past date written that way, its day above 12 so the order shows: "31/12/2025". */
  example: string;
}

/**
 * The locale a date is typed in: the element's; when that names no region, with the region of
 * the page's `lang` if it is the same language (`en-GB` writes the day first, `en` — American
 * English — the month). A region of the element's own (`en-GB` on an `en-US` page) wins.
 */
function dateLocale(): string {
  const locale = getLocale();
  if (locale.includes('-')) return locale;
  try {
    const [page] = Intl.getCanonicalLocales(globalThis.document?.documentElement.lang || []);
    if (page && page.split('-')[0] === locale.split('-')[0].toLowerCase()) return page;
  } catch {
    // The page's lang is not a language tag: the element's locale decides alone.
  }
  return locale;
}

/** The date entry of the page's locale, with an example from the year before `today` (`YYYY-MM-DD`). */
export function dateEntry(today: string): DateEntry {
  const locale = dateLocale();
  return {
    locale,
    pattern: datePattern(dateEntryFormat(locale)),
    example: dateExample(`${Number(today.slice(0, 4)) - 1}-12-31`, locale),
  };
}

/**
 * The invoice date: a text field read in the locale's order (a native date field follows the
 * browser's locale, not the page's), with the pattern as placeholder and in the hint under
 * it. The numeric keyboard suits it: where it has no separators, digits alone
 * ("14092015") are read too.
 */
export function renderDateField(form: FormState, value: string, date: DateEntry): TemplateResult {
  return html`<div part="field" class="field">
    <label for="invoice-date">${msg('Invoice date', { desc: 'Field label' })}</label>
    <input
      id="invoice-date"
      part="input"
      class="date"
      data-field="invoiceDate"
      type="text"
      inputmode="numeric"
      required
      autocomplete="off"
      spellcheck="false"
      maxlength="32"
      placeholder=${date.pattern}
      .value=${live(value)}
      aria-invalid=${form.errors.invoiceDate ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(form, 'invoiceDate', 'invoice-date-hint'))}
      @input=${form.onInput}
    />
    <p id="invoice-date-hint" part="hint" class="hint">${dateHintText(date.pattern, date.example)}</p>
    ${fieldError(form, 'invoiceDate')}
  </div>`;
}

export function renderAmountField(form: FormState, value: string, currency: string): TemplateResult {
  return html`<div part="field" class="field">
    <label for="amount">${msg('Invoice amount', { desc: 'Field label' })}</label>
    <div class="amount">
      <input
        id="amount"
        part="input"
        data-field="amount"
        type="text"
        inputmode="decimal"
        required
        autocomplete="off"
        spellcheck="false"
        maxlength="32"
        .value=${live(value)}
        aria-invalid=${form.errors.amount ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(form, 'amount', 'amount-hint'))}
        @input=${form.onInput}
      />
      <span part="currency" class="currency" aria-hidden="true" dir="ltr">${currency}</span>
    </div>
    <p id="amount-hint" part="hint" class="hint">${amountHintText(currency)}</p>
    ${fieldError(form, 'amount')}
  </div>`;
}
