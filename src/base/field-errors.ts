/**
 * A form's field errors in one place: the ones its own checks find, the ones the server puts
 * on an `invalid` answer (`fieldErrors`), cleared as the user edits the field, and focus on the
 * first field that has one — so every form reports its errors the same way.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FieldError } from '../adapter/errors.js';
import { formatCount } from '../localization/format.js';

/** An error message per field. */
export type FieldErrorMap<F extends string> = Partial<Record<F, string>>;

export interface FieldErrorsOptions<F extends string> {
  /** The fields in the order focus visits them (the first with an error takes the focus). */
  order: readonly F[];
  /** The control to focus for `field`, as a selector in the host's render root. */
  selector(field: F): string;
}

export class FieldErrorsController<F extends string> implements ReactiveController {
  private current: FieldErrorMap<F> = {};

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: FieldErrorsOptions<F>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The errors on screen, by field. */
  get errors(): FieldErrorMap<F> {
    return this.current;
  }

  /** Whether any field has an error. */
  get any(): boolean {
    return Object.values(this.current).some(Boolean);
  }

  /** Replaces every error (an empty map clears them). */
  set(errors: FieldErrorMap<F>): void {
    this.current = errors;
    this.host.requestUpdate();
  }

  /** Puts `message` on `field`, or clears it. */
  put(field: F, message: string | undefined): void {
    if (message) this.set({ ...this.current, [field]: message });
    else this.clear(field);
  }

  /** Clears `field`'s error, as editing the field does. */
  clear(field: F): void {
    if (this.current[field]) this.set({ ...this.current, [field]: undefined });
  }

  /**
   * The server's field errors on this form's fields: the first error of each field wins, a
   * nested name (`amount.currency`) goes on its field (`amount`), errors on other fields are
   * dropped. `message` words each (by default {@link fieldErrorMessage}); `rename` maps a
   * server name to one of ours first.
   */
  fromServer(
    fieldErrors: readonly FieldError[],
    message: (field: F, error: FieldError) => string = (_field, error) => fieldErrorMessage(error.code, error.message),
    rename: (name: string) => string = (name) => name,
  ): void {
    const errors: FieldErrorMap<F> = {};
    for (const fieldError of fieldErrors) {
      const name = rename(fieldError.field).split('.')[0];
      const field = this.options.order.find((candidate) => candidate === name);
      if (field && !errors[field]) errors[field] = message(field, fieldError);
    }
    this.set(errors);
  }

  /** Focuses the first field that has an error, once the host has rendered the errors. */
  focusFirst(): void {
    void this.host.updateComplete.then(() => {
      const field = this.options.order.find((name) => this.current[name]);
      if (!field) return;
      const root = (this.host as ReactiveElement & { renderRoot: ParentNode }).renderRoot;
      root.querySelector<HTMLElement>(this.options.selector(field))?.focus();
    });
  }
}

/** A field error from the server, in words: ours when we know the code, else the server's text. */
export function fieldErrorMessage(code: string, serverMessage: string | undefined): string {
  switch (code) {
    case 'required':
      return msg('This is required.');
    case 'too-long':
      return msg('This is too long.');
    default:
      return notAcceptedText(serverMessage);
  }
}

/** The server's own words for an error we have none for, else "This value was not accepted." */
export function notAcceptedText(serverMessage: string | undefined): string {
  return serverMessage ?? msg('This value was not accepted.');
}

/** "Use at most 50 characters." */
export const tooLong = (max: number): string => msg(str`Use at most ${formatCount(max)} characters.`);

/** A field's error under it (`part="error-message"`, `id` for `aria-describedby`), or nothing. */
export function renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p part="error-message" id=${id} class="field-error">${message}</p>` : nothing;
}
