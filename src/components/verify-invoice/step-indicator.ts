/**
 * The step indicator of `<tn-verify-invoice>` ("Activation process"): the three steps, each
 * done, current, locked or to come, with what it asks.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { VerificationStep } from '../../adapter/types.js';
import type { FormStep } from './read-answer.js';
import { lockedTitle, stepLabel } from './messages.js';

const STEP_NUMBER: Record<Exclude<VerificationStep, 'locked'>, number> = { evidence: 1, challenge: 2, verified: 3 };

/** The name of each step and what it asks, in order. */
function steps(): [title: string, description: string][] {
  return [
    [
      msg('Enter invoice details', { desc: 'Step indicator: name of step 1' }),
      msg('Give the details of a recent invoice.', { desc: 'Step indicator: what step 1 asks' }),
    ],
    [
      msg('Pass a challenge', { desc: 'Step indicator: name of step 2' }),
      msg('We show an invoice number and you give us the details of that invoice.', {
        desc: 'Step indicator: what the challenge step asks',
      }),
    ],
    [
      msg('Connection confirmed', { desc: 'Step indicator: name of step 3' }),
      msg('Your customer relationship is confirmed.', { desc: 'Step indicator: what step 3 is' }),
    ],
  ];
}

/**
 * The indicator for the step on screen (`lockedAt`: the step a locked verification stopped
 * at), titled by a heading of level `level`. Parts: `steps`, `step` and `step-*`.
 */
export function renderStepIndicator(view: VerificationStep, lockedAt: FormStep, level: number): TemplateResult {
  const position = view === 'locked' ? (lockedAt === 'challenge' ? 2 : 1) : STEP_NUMBER[view];
  return html`<section part="steps" class="steps" aria-labelledby="steps-title">
    <div id="steps-title" class="steps-title" role="heading" aria-level=${level}>
      ${msg('Activation process', { desc: 'Heading of the step indicator' })}
    </div>
    <ol class="step-list" role="list">
      ${steps().map(([title, description], index) => {
        const number = index + 1;
        const status =
          number < position || (number === 3 && view === 'verified')
            ? 'done'
            : number === position
              ? view === 'locked'
                ? 'locked'
                : 'current'
              : 'upcoming';
        const current = number === position;
        return html`<li
          part="step step-${status}${current && status !== 'current' ? ' step-current' : ''}"
          class="step status-${status} ${current ? 'is-current' : ''}"
          aria-current=${current ? 'step' : 'false'}
        >
          <span class="marker" aria-hidden="true">${status === 'done' ? '✓' : status === 'locked' ? '!' : number}</span>
          <span class="step-text">
            <span class="step-title"><span class="visually-hidden">${stepLabel(number)} </span>${title}</span>
            <span class="step-description">${description}</span>
            ${status === 'done'
              ? html`<span class="visually-hidden">${msg('Completed', { desc: 'Step indicator: a finished step' })}</span>`
              : status === 'locked'
                ? html`<span class="visually-hidden">${lockedTitle()}</span>`
                : nothing}
          </span>
        </li>`;
      })}
    </ol>
  </section>`;
}
