/**
 * The support-case outcome, shared by every element that can open a case (the connection
 * request and the verification's "Connect without verification"), so the promise made to
 * the supplier reads the same everywhere.
 */
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SupportCase } from '../adapter/types.js';
import { formatDateTime } from '../format.js';

/**
 * "Your request has been received and will be processed by {deadline}, after which your
 * customer will confirm…", the reference, and a "View the case" button that calls
 * `onViewCase` (elements turn it into a `tn-view-case` event).
 */
export function renderSupportCaseOutcome(
  supportCase: SupportCase,
  onViewCase: (supportCase: SupportCase) => void,
): TemplateResult {
  return html`<div class="support-case" part="support-case">
    <p>
      ${msg(
        str`Your request has been received and will be processed by ${formatDateTime(supportCase.processBy)}, after which your customer will confirm that you are one of its active suppliers.`,
        { desc: 'Support case opened; the placeholder is a full date and time' },
      )}
    </p>
    <p>
      ${msg('Your reference number is', { desc: 'Followed by the support case reference' })}
      <strong class="reference" part="reference" dir="ltr">${supportCase.reference}</strong>.
    </p>
    <button class="button" part="view-case" type="button" @click=${() => onViewCase(supportCase)}>
      ${msg('View the status of your request')}
    </button>
  </div>`;
}

/** Styles for {@link renderSupportCaseOutcome}; add to the element's `styles`. */
export const supportCaseOutcomeStyles = css`
  .support-case {
    display: grid;
    gap: var(--tn-i-space);
    justify-items: start;
  }
  .support-case p {
    margin: 0;
  }
  .support-case .reference {
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
`;
