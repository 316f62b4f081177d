/**
 * The connection request's form fields that can carry an error, the picker's own checks of
 * them, and the vendor code's error, which names the customers that require it.
 */
import { msg, str } from '@lit/localize';
import { tooLong } from '../../base/field-errors.js';
import type { FieldErrorMap } from '../../base/field-errors.js';
import type { CustomerEntity } from '../../adapter/types.js';
import { formatCount, isolated } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';

/** Form fields that can carry an error. */
export type Field = 'accountId' | 'entityIds' | 'vendorCode' | 'notes' | 'attachment';

/** The fields in the order focus visits them (the first with an error takes the focus). */
export const FIELD_ORDER: readonly Field[] = ['accountId', 'entityIds', 'vendorCode', 'notes', 'attachment'];

/** The errors the form shows, by field. */
export type FieldErrors = FieldErrorMap<Field>;

/** What the form holds, for its checks. */
export interface RequestForm {
  accountId: string;
  mode: 'single' | 'group';
  /** How many entities the request is for. */
  selected: number;
  vendorCode: string;
  notes: string;
  limits: { readonly vendorCodeMaxLength: number; readonly notesMaxLength: number };
  vendorCodeRequired: boolean;
  /** The customers that require the vendor code. */
  vendorCodeCustomers(): CustomerEntity[];
  /** The attachment's error, which only choosing another file clears. */
  attachmentError: string | undefined;
}

/** The errors of the form as it stands, by field (none: it can be sent). */
export function checkRequest(form: RequestForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.accountId) errors.accountId = msg('Select the account to link this customer to.');
  if (form.selected === 0) {
    errors.entityIds =
      form.mode === 'group' ? msg('Select at least one legal entity.') : msg('No customer chosen yet: search for one first.');
  }
  const code = form.vendorCode.trim();
  if (form.vendorCodeRequired && !code) errors.vendorCode = vendorCodeRequiredBy(form.vendorCodeCustomers());
  else if (code.length > form.limits.vendorCodeMaxLength) errors.vendorCode = tooLong(form.limits.vendorCodeMaxLength);
  if (form.notes.length > form.limits.notesMaxLength) errors.notes = tooLong(form.limits.notesMaxLength);
  if (form.attachmentError) errors.attachment = form.attachmentError;
  return errors;
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
