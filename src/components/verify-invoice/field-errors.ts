/**
 * The fields of the verification form that can carry an error, and the errors the server
 * puts on them (an `invalid` answer's `fieldErrors`), in words.
 */
import { msg, str } from '@lit/localize';
import type { FieldError } from '../../adapter/errors.js';
import { enterAmountText, enterDateText, enterNumberText } from './messages.js';

/** Fields that can carry an error, named as the adapter contract names them. */
export type Field = 'invoiceNumber' | 'invoiceDate' | 'amount';

/** An error message per field. */
export type FieldErrors = Partial<Record<Field, string>>;

/** The fields in the order focus visits them. */
export const FIELD_ORDER: Field[] = ['invoiceNumber', 'invoiceDate', 'amount'];

/** The ID of each field's input (its error is `{id}-error`). */
export const FIELD_IDS: Record<Field, string> = {
  invoiceNumber: 'invoice-number',
  invoiceDate: 'invoice-date',
  amount: 'amount',
};

/**
 * The server's field errors on our fields: the first error of each field wins; a nested name
 * (`amount.currency`) is put on its field (`amount`); errors on other fields are dropped.
 */
export function serverFieldErrors(fieldErrors: readonly FieldError[], currency: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const fieldError of fieldErrors) {
    const field = FIELD_ORDER.find((name) => name === fieldError.field.split('.')[0]);
    if (field && !errors[field]) errors[field] = serverFieldMessage(field, fieldError.code, fieldError.message, currency);
  }
  return errors;
}

/** A field error from the server, in words: ours when we know the code, else the server's text. */
function serverFieldMessage(field: Field, code: string, serverMessage: string | undefined, currency: string): string {
  if (code === 'required') {
    return field === 'invoiceNumber' ? enterNumberText() : field === 'invoiceDate' ? enterDateText() : enterAmountText();
  }
  if (code === 'currency-mismatch') {
    return msg(str`Give the amount in ${currency}.`, { desc: 'Server error: the amount is in another currency' });
  }
  // Same text (and no desc) as the group picker's, so lit-localize sees one message.
  return serverMessage ?? msg('This value was not accepted.');
}
