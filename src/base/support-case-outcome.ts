/**
 * The support-case outcome, shared by every element that can open a case (the connection
 * request and the verification's "Connect without verification"), so the promise made to
 * the supplier reads the same everywhere.
 *
 * ```ts
 * static styles = [tokens, shared, supportCaseOutcomeStyles, styles];
 * …
 * html`<h3 tabindex="-1">${supportCaseTitle()}</h3>
 *   ${renderSupportCaseOutcome(supportCase, (c) => this.emit('tn-view-case', viewCaseDetail(c)))}`
 * ```
 */
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SupportCase } from '../adapter/types.js';
import { navigableUrl } from '../adapter/urls.js';
import { displayText, formatCount, formatDateTime } from '../localization/format.js';

/** "Loading the support case…": the status while a case loads (flow, case view, verification). */
export const caseLoadingText = () => msg('Loading the support case…', { desc: 'Status while a support case loads' });

/** "Couldn't load the support case.": the lead of the error when a case fails to load. */
export const caseLoadFailedText = () =>
  msg("Couldn't load the support case.", { desc: 'Lead of the error when a support case fails to load' });

/** Names shown before "and N more". */
const NAMES_SHOWN = 3;

/**
 * "Request received": the heading above the outcome. (Written without a `desc` on purpose:
 * lit-localize rejects one text with two descriptions, and the group picker says it too.)
 */
export function supportCaseTitle(): string {
  return msg('Request received');
}

/**
 * The `tn-view-case` detail for a case: its reference, and its status URL when it has one
 * the host may navigate to (https, or http on an http page; any other is dropped with a
 * console warning).
 */
export function viewCaseDetail(supportCase: SupportCase): { reference: string; statusUrl?: string } {
  const statusUrl = navigableUrl(supportCase.statusUrl, 'the support case status URL');
  return {
    reference: supportCase.reference,
    ...(statusUrl ? { statusUrl } : {}),
  };
}

/**
 * "Your request has been received and will be processed by {deadline, in the user's locale},
 * after which your customer will confirm…", "Your reference number is {reference}.", and a
 * "View the case" button that calls `onViewCase` (elements turn it into a `tn-view-case`
 * event). Server strings are rendered as text. Parts: `support-case`, `reference`, `view-case`.
 */
export function renderSupportCaseOutcome(
  supportCase: SupportCase,
  onViewCase: (supportCase: SupportCase) => void,
  /** Leave out the reference sentence and the button (a caller that shows them itself). */
  options: { brief?: boolean } = {},
): TemplateResult {
  if (options.brief) {
    return html`<div class="support-case" part="support-case"><p>${processedByText(supportCase)}</p></div>`;
  }
  return html`<div class="support-case" part="support-case">
    <p>
      ${processedByText(supportCase)}
    </p>
    <p>
      ${msg(
        html`Your reference number is <strong class="reference" part="reference" dir="ltr">${supportCase.reference}</strong>.`,
        { desc: 'The support case reference, shown in bold; the supplier should note it' },
      )}
    </p>
    <button class="button" part="view-case" type="button" @click=${() => onViewCase(supportCase)}>
      ${msg('View the case', { desc: 'Button: see the support case and its status' })}
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
    overflow-wrap: anywhere;
  }
`;

/** "Acme SAS", or "Acme SAS, Acme GmbH, Acme BV and 7 more". */
export function entityNames(customers: { legalName: string }[], total: number): string {
  const names = customers.slice(0, NAMES_SHOWN).map((c) => displayText(c.legalName));
  const more = Math.max(0, total - names.length);
  const list = names.join(', ');
  return more > 0
    ? msg(str`${list} and ${formatCount(more)} more`, {
        desc: 'Recap of the entities concerned: a few names, then how many others',
      })
    : list;
}

/** "Your request has been received and will be processed by {deadline}, after which…" */
export function processedByText(supportCase: SupportCase): string {
  return msg(
    str`Your request has been received and will be processed by ${formatDateTime(supportCase.processBy)}, after which your customer will confirm that you are one of its active suppliers.`,
    { desc: 'Support case opened; the placeholder is a full date and time' },
  );
}
