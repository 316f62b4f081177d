/**
 * The fields of the verification form that can carry an error, and the errors the server
 * puts on them (an `invalid` answer's `fieldErrors`), in words.
 */
import { msg, str } from '@lit/localize';
import type { FieldError } from '../../adapter/errors.js';
import { notAcceptedText } from '../../base/field-errors.js';
import type { FieldErrorMap } from '../../base/field-errors.js';
import { enterAmountText, enterDateText, enterNumberText } from './messages.js';

/** Fields that can carry an error, named as the adapter contract names them. */
export type Field = 'invoiceNumber' | 'invoiceDate' | 'amount';

/** An error message per field. */
export type FieldErrors = FieldErrorMap<Field>;

/** The fields in the order focus visits them. */
export const FIELD_ORDER: readonly Field[] = ['invoiceNumber', 'invoiceDate', 'amount'];

/** The ID of each field's input (its error is `{id}-error`). */
export const FIELD_IDS: Record<Field, string> = {
  invoiceNumber: 'invoice-number',
  invoiceDate: 'invoice-date',
  amount: 'amount',
};

/** A field error from the server, in words: ours when we know the code, else the server's text. */
export function serverFieldMessage(field: Field, error: FieldError, currency: string): string {
  if (error.code === 'required') {
    return field === 'invoiceNumber' ? enterNumberText() : field === 'invoiceDate' ? enterDateText() : enterAmountText();
  }
  if (error.code === 'currency-mismatch') {
    return msg(str`Give the amount in ${currency}.`, { desc: 'Server error: the amount is in another currency' });
  }
  return notAcceptedText(error.message);
}
