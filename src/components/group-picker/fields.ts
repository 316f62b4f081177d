/**
 * The connection request's form fields that can carry an error, and the messages and
 * markup those errors share across the picker's sections.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatCount } from '../../format.js';

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
