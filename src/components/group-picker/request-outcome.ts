/**
 * What the network answered a connection request, as the picker shows it: a support case,
 * a verification to make, or the connections made — with the entities left out because
 * they were already connected or pending.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ConnectionOutcome, SupportCase } from '../../adapter/types.js';
import { displayText, isolated } from '../../localization/format.js';
import { renderSupportCaseOutcome, supportCaseTitle } from '../../base/support-case-outcome.js';

export interface OutcomeActions {
  /** The user asked to see the support case. */
  viewCase(supportCase: SupportCase): void;
  /** "Make another request"; absent, the button is not offered. */
  restart?: () => void;
}

/** The outcome section; its heading (`#outcome-title`) takes the focus when it appears. */
export function renderOutcome(outcome: ConnectionOutcome, actions: OutcomeActions): TemplateResult {
  const skipped = outcome.skipped.length
    ? html`<div class="skipped">
        <p>${msg('Already connected or pending, so left out of this request:')}</p>
        <ul>
          ${outcome.skipped.map((s) => html`<li><span dir="ltr">${s.entityId}</span> – <span dir="auto">${displayText(s.legalName)}</span></li>`)}
        </ul>
      </div>`
    : nothing;
  let body: TemplateResult;
  if (outcome.kind === 'support-case') {
    body = renderSupportCaseOutcome(outcome.supportCase, actions.viewCase);
  } else if (outcome.kind === 'verification-required') {
    body = html`<p>
      ${msg(
        str`Before you are connected, ${isolated(outcome.verification.customer.legalName)} asks you to verify your relationship with details of an invoice you sent it.`,
        { desc: 'Outcome: verification required; the placeholder is the customer' },
      )}
    </p>`;
  } else if (outcome.relationships.length) {
    body = html`<p>
      ${msg(str`You are connected with ${outcome.relationships.map((r) => isolated(r.customer.legalName)).join(', ')}.`)}
    </p>`;
  } else {
    body = html`<p>${msg('You were already connected with everything you selected.')}</p>`;
  }
  const restart = actions.restart;
  return html`<section part="outcome" class="outcome" aria-labelledby="outcome-title">
    <h3 id="outcome-title" class="heading" tabindex="-1">${outcomeTitle(outcome)}</h3>
    ${body} ${skipped}
    ${restart ? html`<button class="button" type="button" @click=${() => restart()}>${msg('Make another request')}</button>` : nothing}
  </section>`;
}

function outcomeTitle(outcome: ConnectionOutcome): string {
  switch (outcome.kind) {
    case 'support-case':
      return supportCaseTitle();
    case 'verification-required':
      return msg('Verification required');
    case 'connected':
      return msg('Connected');
  }
}
