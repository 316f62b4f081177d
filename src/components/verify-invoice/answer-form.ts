/**
 * The form of steps 1 and 2: the wrong-answer notice, the fields (the invoice number at
 * step 1, the invoice the network names at step 2), why the last answer could not be
 * checked, Continue and the attempts left.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { VerificationSession } from '../../adapter/types.js';
import { errorMessage, renderErrorNotice } from '../../base/error-states.js';
import { renderAmountField, renderDateField, renderNumberField } from './form-fields.js';
import type { DateEntry, FormState } from './form-fields.js';
import type { FormStep, Typed } from './read-answer.js';
import { renderRejection } from './step-panels.js';
import { attemptsLeftText, changedElsewhereText, checkFailedText, invoiceNumberLabel } from './messages.js';

/** The form on screen and what its buttons do. */
export interface AnswerFormState {
  step: FormStep;
  session: VerificationSession;
  /** What the supplier typed at this step. */
  typed: Typed;
  form: FormState;
  /** The last answer is being checked. */
  busy: boolean;
  /** Attempts left after a wrong answer at this step. */
  rejection?: number;
  /** Why the last answer could not be checked. */
  failure?: TnAdapterError;
  invoiceNumberMaxLength: number;
  date: DateEntry;
  submit(event: SubmitEvent): void;
  retry(): void;
  reload(): void;
}

export function renderAnswerForm(state: AnswerFormState): TemplateResult {
  const { step, session, typed, form, busy, failure } = state;
  return html`<form
    part="form"
    class="form"
    novalidate
    aria-labelledby="step-heading"
    aria-busy=${busy ? 'true' : 'false'}
    @submit=${state.submit}
  >
    ${state.rejection !== undefined ? renderRejection(step, state.rejection, session) : nothing}
    ${failure?.code === 'invalid' ? html`<p part="error" class="notice error" role="alert">${errorMessage('invalid')}</p>` : nothing}
    ${step === 'evidence'
      ? renderNumberField(form, typed.invoiceNumber, state.invoiceNumberMaxLength)
      : html`<div part="challenge" class="challenge">
          <span id="challenge-label" class="challenge-label">${invoiceNumberLabel()}</span>
          <strong id="challenge-number" class="challenge-number" dir="ltr">${session.challenge?.invoiceNumber ?? ''}</strong>
        </div>`}
    ${renderDateField(form, typed.invoiceDate, state.date)} ${renderAmountField(form, typed.amount, session.currency)}
    ${failure && failure.code !== 'invalid' ? renderAnswerFailure(failure, state) : nothing}
    <div class="actions">
      <button part="continue" class="button primary" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-describedby="attempts">
        ${busy ? msg('Checking…', { desc: 'Continue button while the answer is checked' }) : msg('Continue', { desc: 'Button: send the invoice details of this step' })}
      </button>
      <p id="attempts" part="attempts" class="hint">${attemptsLeftText(session.attemptsRemaining)}</p>
    </div>
  </form>`;
}

/** The session changed elsewhere (reload it), or the answer could not be checked (send it again). */
function renderAnswerFailure(error: TnAdapterError, state: AnswerFormState): TemplateResult {
  if (error.code === 'conflict') return renderErrorNotice(changedElsewhereText(), 'conflict', state.reload);
  return renderErrorNotice(checkFailedText(), error.code, state.retry);
}
