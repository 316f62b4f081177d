/**
 * What `<tn-verify-invoice>` shows around and instead of its form: the step heading, the
 * wrong-answer notice, the "Connect without verification" offer, the confirmation (step 3),
 * the locked state, the support case that replaced the verification, and what stands in
 * for a session not loaded.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { Relationship, SupportCase, VerificationSession } from '../../adapter/types.js';
import { renderErrorNotice } from '../../base/error-states.js';
import { caseLoadFailedText, caseLoadingText, renderSupportCaseOutcome, supportCaseTitle } from '../../base/support-case-outcome.js';
import { displayText } from '../../localization/format.js';
import type { FormStep } from './read-answer.js';
import {
  attemptsLeftText,
  changedElsewhereText,
  connectedText,
  fallbackButtonText,
  fallbackText,
  lastAttemptText,
  loadFailedText,
  loadingText,
  lockedText,
  noSessionText,
  openingCaseText,
  rejectionText,
} from './messages.js';

/** "These details don't match…", with the attempts left (`#rejection`, which describes every field). */
export function renderRejection(step: FormStep, attemptsRemaining: number, session: VerificationSession): TemplateResult {
  return html`<div id="rejection" part="rejection" class="notice error rejection" role="alert">
    <span>
      ${rejectionText(step, session)} <strong>${attemptsLeftText(attemptsRemaining)}</strong>
      ${attemptsRemaining === 1 ? lastAttemptText() : nothing}
    </span>
  </div>`;
}

/** The state of "Connect without verification" and what its buttons do. */
export interface FallbackState {
  /** Locked: the offer is the main way forward (a primary button). */
  locked: boolean;
  /** The support case is being opened. */
  busy: boolean;
  /** Why the last try failed, if it did. */
  failure?: TnAdapterError;
  /** Opens the support case (the button, and "Try again" after a failure). */
  connect: () => void;
  /** Reads the verification again ("Try again" after a conflict). */
  reload: () => void;
}

/** "Connect without verification", offered at every step; the main action once locked. */
export function renderFallback(session: VerificationSession, state: FallbackState): TemplateResult {
  const { locked, busy, failure } = state;
  return html`<div part="fallback" class="fallback ${locked ? 'primary' : ''}">
    <p id="fallback-text">${fallbackText(locked, session)}</p>
    ${failure
      ? failure.code === 'conflict'
        ? renderErrorNotice(changedElsewhereText(), 'conflict', state.reload)
        : renderErrorNotice(
            msg("Couldn't open a support case.", { desc: 'Lead of the error when connecting without verification fails' }),
            failure.code,
            state.connect,
          )
      : nothing}
    <button
      part="fallback-button"
      class="button ${locked ? 'primary' : ''}"
      type="button"
      aria-describedby="fallback-text"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${state.connect}
    >
      ${busy ? openingCaseText() : fallbackButtonText()}
    </button>
  </div>`;
}

/** Step 3, under its heading: connected, with the entities now connected when there are several. */
export function renderConfirmation(session: VerificationSession, relationships: readonly Relationship[]): TemplateResult {
  const names = [...new Set(relationships.map((r) => r.customer.legalName))];
  return html`<div part="confirmation" class="confirmation">
    <p>${connectedText(session)}</p>
    ${names.length > 1
      ? html`<p>${msg('Connected legal entities:', { desc: 'Step 3, before the list of entities now connected' })}</p>
          <ul class="connected">
            ${names.map((name) => html`<li dir="auto">${displayText(name)}</li>`)}
          </ul>`
      : nothing}
    <p>
      ${msg('Invoice status information can take one to two hours to appear in your account.', {
        desc: 'Step 3: a delay the supplier should expect',
      })}
    </p>
  </div>`;
}

/** The locked state, under its heading (the fallback offer follows it). */
export function renderLockedState(): TemplateResult {
  return html`<div part="locked" class="locked-state"><p>${lockedText()}</p></div>`;
}

/** The heading of the step on screen (`#step-heading`, focused on every step change). */
export function renderStepHeading(text: string, level: number): TemplateResult {
  return html`<div id="step-heading" part="step-heading" class="step-heading" role="heading" aria-level=${level} tabindex="-1">
    ${text}
  </div>`;
}

/** The support case that replaced the verification, its heading at `level`: its outcome, or loading it, or why it failed to. */
export function renderSupportCasePanel(
  level: number,
  state: { supportCase?: SupportCase; failure?: TnAdapterError; retry(): void; viewCase(supportCase: SupportCase): void },
): TemplateResult {
  let body: TemplateResult;
  if (state.supportCase) {
    body = renderSupportCaseOutcome(state.supportCase, state.viewCase);
  } else if (state.failure) {
    body = renderErrorNotice(caseLoadFailedText(), state.failure.code, state.retry);
  } else {
    body = html`<p part="status" class="status">${caseLoadingText()}</p>`;
  }
  return html`<section class="panel outcome" aria-labelledby="step-heading">
    ${renderStepHeading(supportCaseTitle(), level)} ${body}
  </section>`;
}

/** No session yet: loading it (`loading`), why it failed to load, or that there is none to load. */
export function renderWithoutSession(state: { failure?: TnAdapterError; loading: boolean; retry(): void }): TemplateResult {
  if (state.failure) return renderErrorNotice(loadFailedText(), state.failure.code, state.retry);
  if (state.loading) return html`<p part="status" class="status" aria-busy="true">${loadingText()}</p>`;
  return html`<p part="error" class="notice error">${noSessionText()}</p>`;
}
