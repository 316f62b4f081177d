/**
 * The connection request's form fields that can carry an error, and the messages and
 * markup those errors share across the picker's sections.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CustomerEntity } from '../../adapter/types.js';
import { formatCount, isolated } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';

/** Form fields that can carry an error. */
export type Field = 'accountId' | 'entityIds' | 'vendorCode' | 'notes' | 'attachment';

/** The fields in the order focus visits them (the first with an error takes the focus). */
export const FIELD_ORDER: readonly Field[] = ['accountId', 'entityIds', 'vendorCode', 'notes', 'attachment'];

/** The errors the form shows, by field. */
export type FieldErrors = Partial<Record<Field, string>>;

/** A field's error under it, or nothing. */
export function renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p part="error-message" id=${id} class="field-error">${message}</p>` : nothing;
}

/** "Use at most 50 characters." */
export const tooLong = (max: number): string => msg(str`Use at most ${formatCount(max)} characters.`);

/** A field error from the server, in words: ours when we know the code, else the server's text. */
export function fieldErrorMessage(code: string, serverMessage: string | undefined): string {
  switch (code) {
    case 'required':
      return msg('This is required.');
    case 'too-long':
      return msg('This is too long.');
    default:
      return serverMessage ?? msg('This value was not accepted.');
  }
}

/** Names listed in full when the vendor code is missing; the others are counted. */
const NAMED = 3;

/**
 * Says which customers need the vendor code: "Your vendor code is required by Tungsten
 * Network GmbH." — the first three by name, and how many of the selected entities in all
 * when there are more.
 */
export function vendorCodeRequiredBy(customers: readonly CustomerEntity[]): string {
  const locale = getLocale();
  const named = customers.slice(0, NAMED).map((customer) => isolated(customer.legalName));
  if (customers.length <= NAMED) {
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(named);
    return msg(str`Your vendor code is required by ${list}.`, {
      desc: 'Error on the vendor code; the placeholder lists the legal entities that require it (one to three names)',
    });
  }
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(named);
  return msg(str`Your vendor code is required by ${list} and more: ${formatCount(customers.length)} of the selected legal entities.`, {
    desc: 'Error on the vendor code; the first placeholder lists three of the legal entities that require it, the second is how many do',
  });
}
