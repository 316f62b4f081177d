/**
 * What frames every step of the flow: the progress list, the step titles, Back and Start over.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FlowStep } from '../../base/events.js';
import { formatCount } from '../../localization/format.js';

/** The list of steps, the current one marked (`part="progress"`). */
export function renderProgress(currentStep: FlowStep, verifying: boolean): TemplateResult {
  const steps: FlowStep[] = verifying ? ['search', 'request', 'verify', 'done'] : ['search', 'request', 'done'];
  const at = steps.indexOf(currentStep);
  return html`<ol part="progress" class="progress" aria-label=${msg('Progress')}>
    ${steps.map((step, index) => {
      const current = index === at;
      return html`<li
        part=${current ? 'progress-step progress-step-current' : 'progress-step'}
        class=${index < at ? 'past' : current ? 'current' : 'future'}
        aria-current=${current ? 'step' : 'false'}
      >
        <span class="number" aria-hidden="true">${formatCount(index + 1)}</span>
        <span class="name">${stepName(step)}</span>
        ${current
          ? html`<span class="visually-hidden position">
              ${msg(str`(step ${formatCount(index + 1)} of ${formatCount(steps.length)})`, {
                desc: 'After the current step’s name in the progress list, for screen readers',
              })}</span
            >`
          : nothing}
      </li>`;
    })}
  </ol>`;
}

/** A step's short name, in the progress list. */
function stepName(step: FlowStep): string {
  switch (step) {
    case 'search':
      return msg('Find your customer', { desc: 'Flow step 1: search the directory' });
    case 'request':
      return msg('Request the connection', { desc: 'Flow step 2: the connection request form' });
    case 'verify':
      return msg('Verify', { desc: 'Flow step: invoice-history verification' });
    case 'done':
      return msg('Done', { desc: 'Flow step: last, the outcome' });
  }
}

/** A step's title, above it (the done step's says what happened). */
export function stepTitle(step: FlowStep, connected: boolean): string {
  if (step === 'done') {
    return connected
      ? msg('You are connected', { desc: 'Flow title once the supplier is connected' })
      : msg('Your request has been received', { desc: 'Flow title once a support case was opened' });
  }
  if (step === 'verify') return msg('Verify your relationship', { desc: 'Flow title at the verification step' });
  return stepName(step);
}

/** Back and Start over, on the request and verification steps (`part="nav"`). */
export function renderNav(step: FlowStep, back: () => void, startOver: () => void): TemplateResult | typeof nothing {
  if (step !== 'request' && step !== 'verify') return nothing;
  return html`<div part="nav" class="nav">
    <button part="back" class="button" type="button" @click=${back}>
      <span aria-hidden="true" class="arrow">←</span> ${msg('Back')}
    </button>
    <button part="start-over" class="button link" type="button" @click=${startOver}>${msg('Start over')}</button>
  </div>`;
}
