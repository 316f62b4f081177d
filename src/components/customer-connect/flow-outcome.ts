/**
 * The flow's done step: a recap of what was asked (customer or entities, account, vendor
 * code), the reference to note and what happens next. It renders from the flow's remembered
 * outcome alone, so it reads the same after a reload as when the answer arrived.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { Relationship, SkippedEntity, SupportCase } from '../../adapter/types.js';
import { renderErrorNotice } from '../../base/error-states.js';
import { caseLoadFailedText, caseLoadingText, entityNames, renderSupportCaseOutcome } from '../../base/support-case-outcome.js';
import type { FlowOutcome } from '../../base/events.js';
import { displayText } from '../../localization/format.js';

/** The done step: what the network answered, and what the recap shows of it. */
export interface Done {
  outcome: FlowOutcome;
  /** The support case, once known (at once, or fetched by reference after a reload). */
  supportCase?: SupportCase;
  /** The account's name when the answer carried it (connected relationships do). */
  accountName?: string;
  skipped: SkippedEntity[];
}

/** What the submitted request carried that the answer does not repeat. */
export interface Requested {
  accountId: string;
  vendorCode?: string;
}

/** The done step after a support case was opened. */
export function supportCaseDone(supportCase: SupportCase, skipped: SkippedEntity[], requested?: Requested): Done {
  const vendorCode = requested?.vendorCode;
  return {
    outcome: { kind: 'support-case', reference: supportCase.reference, ...(vendorCode ? { vendorCode } : {}) },
    supportCase,
    skipped,
  };
}

/** The done step once connected (`relationships` may be empty: everything was connected already). */
export function connectedDone(relationships: Relationship[], skipped: SkippedEntity[], requested?: Requested): Done {
  const vendorCode = requested?.vendorCode;
  const accountId = relationships[0]?.accountId ?? requested?.accountId;
  return {
    outcome: {
      kind: 'connected',
      customers: relationships.slice(0, NAMES_SHOWN).map(({ customer }) => ({ id: customer.id, legalName: customer.legalName })),
      total: relationships.length,
      ...(accountId ? { accountId } : {}),
      ...(vendorCode ? { vendorCode } : {}),
    },
    ...(relationships[0] ? { accountName: relationships[0].accountName } : {}),
    skipped,
  };
}

/** What the done step needs from the flow besides its `Done`. */
export interface DoneView {
  /** The account's name, or its ID while the name is unknown. */
  account?: string;
  /** Why the support case could not be fetched (after a reload). */
  caseFailure?: TnAdapterError;
  retryCase: () => void;
  viewCase: (supportCase: SupportCase) => void;
  startOver: () => void;
}

/**
 * The done step (`part="outcome"`): the recap, the support case (deadline, reference, "View
 * the case") or what being connected means, the entities left out, and "Connect with another
 * customer". Labelled by the flow's title.
 */
export function renderDoneStep(done: Done | undefined, view: DoneView): TemplateResult {
  let body: unknown = nothing;
  if (done) {
    const { outcome, supportCase } = done;
    const recap: DoneRecap = {
      outcome,
      customers: outcome.kind === 'connected' ? outcome.customers : caseCustomers(supportCase),
      total: outcome.kind === 'connected' ? outcome.total : (supportCase?.customers.length ?? 0),
      account: view.account,
      skipped: done.skipped,
    };
    let next: unknown;
    if (outcome.kind === 'connected') {
      next =
        outcome.total > 0 || done.skipped.length === 0
          ? renderConnectedNext()
          : html`<p>${msg('You were already connected with everything you selected.')}</p>`;
    } else if (supportCase) {
      next = renderSupportCaseOutcome(supportCase, view.viewCase, { brief: true });
    } else if (view.caseFailure) {
      next = renderErrorNotice(caseLoadFailedText(), view.caseFailure.code, view.retryCase);
    } else {
      next = html`<p class="loading" role="status">${caseLoadingText()}</p>`;
    }
    body = html`${renderRecap(recap)} ${next} ${renderSkipped(done.skipped)}`;
  }
  return html`<section part="outcome" class="outcome" aria-labelledby="flow-title">
    ${body}
    <div class="done-actions">
      ${done?.supportCase
        ? html`<button class="button" part="view-case" type="button" @click=${() => view.viewCase(done.supportCase!)}>
            ${msg('View the case', { desc: 'Button: see the support case and its status' })}
          </button>`
        : nothing}
      <button part="start-over" class="button primary" type="button" @click=${view.startOver}>
        ${msg('Connect with another customer')}
      </button>
    </div>
  </section>`;
}

/** Connected entities the done step remembers by name. */
const NAMES_SHOWN = 3;

/** What the done step shows: the remembered outcome and what the flow learned along the way. */
interface DoneRecap {
  outcome: FlowOutcome;
  /** The legal entities concerned (the support case's, or the connected ones). */
  customers: { id: string; legalName: string }[];
  /** How many entities in all (more than `customers` when only the first few are known). */
  total: number;
  /** The account's name, or its ID while the name is unknown. */
  account?: string;
  /** Entities the network left out (already connected or pending). */
  skipped: SkippedEntity[];
}

/**
 * The recap list (`part="recap"`): customer(s), account, vendor code, and, for a support
 * case, the reference with a note to keep it.
 */
function renderRecap(recap: DoneRecap): TemplateResult {
  const { outcome } = recap;
  const row = (label: string, value: unknown) => html`<div class="recap-row">
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
  return html`<dl class="recap" part="recap">
      ${recap.customers.length
        ? row(msg('Customer'), html`<span dir="auto">${entityNames(recap.customers, recap.total)}</span>`)
        : nothing}
      ${recap.account ? row(msg('Account'), html`<span dir="auto">${recap.account}</span>`) : nothing}
      ${outcome.vendorCode ? row(msg('Vendor code'), html`<span dir="auto">${outcome.vendorCode}</span>`) : nothing}
      ${outcome.kind === 'support-case'
        ? row(
            msg('Reference', { desc: 'Recap label: the support case reference' }),
            html`<strong class="reference" part="reference" dir="ltr">${outcome.reference}</strong>`,
          )
        : nothing}
    </dl>
    ${outcome.kind === 'support-case'
      ? html`<p class="keep-note">
          ${msg('Note this reference: quote it whenever you contact us about this request.', {
            desc: 'Under the support case reference in the recap',
          })}
        </p>`
      : nothing}`;
}

/** "Already connected or pending, so left out of this request:" and the list. */
function renderSkipped(skipped: SkippedEntity[]): TemplateResult | typeof nothing {
  if (!skipped.length) return nothing;
  return html`<div class="skipped">
    <p>${msg('Already connected or pending, so left out of this request:')}</p>
    <ul>
      ${skipped.map((s) => html`<li><span dir="ltr">${s.entityId}</span> – <span dir="auto">${displayText(s.legalName)}</span></li>`)}
    </ul>
  </div>`;
}

/** What happens next once connected. */
function renderConnectedNext(): TemplateResult {
  return html`<p class="next">
    ${msg('You can send them invoices now.', { desc: 'Done step, connected: what happens next' })}
    ${msg('Invoice status information can take one to two hours to appear in your account.', {
      desc: 'Step 3: a delay the supplier should expect',
    })}
  </p>`;
}

/** The legal entities of a support case, for the recap. */
function caseCustomers(supportCase: SupportCase | undefined): { id: string; legalName: string }[] {
  return supportCase?.customers.map(({ id, legalName }) => ({ id, legalName })) ?? [];
}

/** Styles of the done step. */
export const outcomeStyles = css`
  .outcome {
    display: grid;
    gap: var(--tn-i-space);
    justify-items: start;
  }
  .outcome p {
    margin: 0;
  }
  .recap {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--tn-i-space) / 2) var(--tn-i-space);
    margin: 0;
    padding: var(--tn-i-space);
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    justify-self: stretch;
  }
  .recap-row {
    display: contents;
  }
  .recap dt {
    color: var(--tn-i-muted);
  }
  .recap dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .recap .reference {
    font-size: 1.125em;
    letter-spacing: 0.02em;
  }
  @container (max-width: 24em) {
    .recap {
      grid-template-columns: 1fr;
    }
    .recap dd + dt,
    .recap-row + .recap-row dt {
      margin-block-start: calc(var(--tn-i-space) / 2);
    }
  }
  .keep-note,
  .next {
    color: var(--tn-i-muted);
  }
  .skipped ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
`;
