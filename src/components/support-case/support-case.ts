import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { renderErrorNotice, renderNotConfigured, rerun } from '../../base/error-states.js';
import { caseLoadFailedText, caseLoadingText, entityNames, processedByText } from '../../base/support-case-outcome.js';
import { SupplierAccountsSchema, SupportCaseSchema } from '../../adapter/later-schemas.js';
import { navigableUrl } from '../../adapter/urls.js';
import type { SupportCase, SupportCaseStatus } from '../../adapter/types.js';
import { formatDateTime } from '../../localization/format.js';
import { tokens, shared } from '../../styles/tokens.js';
import { styles } from './support-case.styles.js';

/**
 * One support case, the way a supplier follows it: its status, its reference, the legal
 * entities and the account it concerns, when it was opened, by when the network processes
 * it, and what happens next. It is where "View the case" leads.
 *
 * Give it a `reference` (the case is fetched through the adapter, with loading, error and
 * "Try again" states) or a `supportCase` you already hold (nothing is fetched).
 *
 * @summary A support case: status, reference, entities, account, dates, what happens next.
 *
 * @fires tn-error - The case (or the account list) could not be loaded. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - "Support case {reference}".
 * @csspart status - The status badge.
 * @csspart details - The list of facts: reference, customer, account, dates.
 * @csspart reference - The reference.
 * @csspart next - What happens next.
 * @csspart status-link - The link to the case on the network, when the network gives one.
 * @csspart loading - The loading message.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 */
export class TnSupportCase extends TnElement {
  static override styles = [tokens, shared, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    getSupportCase: SupportCaseSchema,
    listAccounts: SupplierAccountsSchema,
  };
  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    headingLevel: { attribute: 'heading-level', min: 0, max: 6, fallback: 2, integer: true },
  };

  /** The reference of the case to show, fetched through the adapter. */
  @property() reference = '';

  /** The case itself, when the host already has it (then `reference` is not fetched). */
  @property({ attribute: false }) supportCase?: SupportCase;

  /** Level of the element's heading (1–6); 0 hides it (the host's own heading names the case). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly caseTask = new Task(this, {
    args: () => [this.api, this.supportCase ? '' : this.reference.trim()] as const,
    task: async ([adapter, reference], { signal }) => {
      if (!adapter || !reference) return initialState;
      return adapter.getSupportCase(reference, { signal });
    },
    onError: (error) => this.reportError('getSupportCase', error, () => rerun(this.caseTask)),
  });

  /** The account's name (the case carries only its ID); without it the ID shows. */
  private readonly accountsTask = new Task(this, {
    args: () => [this.api, this.shown?.accountId] as const,
    task: async ([adapter, accountId], { signal }) => {
      if (!adapter || !accountId) return initialState;
      return adapter.listAccounts({ signal });
    },
  });

  /** The case on screen: the one given, or the one fetched for `reference`. */
  private get shown(): SupportCase | undefined {
    if (this.supportCase) return this.supportCase;
    const fetched = this.caseTask.value;
    return fetched && typeof fetched === 'object' && fetched.reference === this.reference.trim() ? fetched : undefined;
  }

  override render(): TemplateResult {
    if (!this.resolvedAdapter && !this.supportCase) return renderNotConfigured('tn-support-case');
    const supportCase = this.shown;
    const reference = supportCase?.reference ?? this.reference.trim();
    const loading = !supportCase && this.caseTask.status === TaskStatus.PENDING;
    const level = this.headingLevel;
    return html`<section part="base" class="base" aria-labelledby=${level ? 'title' : nothing} aria-busy=${loading ? 'true' : 'false'}>
      ${level
        ? html`<div id="title" part="heading" class="title" role="heading" aria-level=${level}>
            ${reference
              ? msg(str`Support case ${reference}`, { desc: 'Heading of the case view; the placeholder is its reference' })
              : msg('Support case', { desc: 'Heading of the case view before a reference is given' })}
          </div>`
        : nothing}
      ${supportCase ? this.renderCase(supportCase) : this.renderState(loading)}
    </section>`;
  }

  private renderState(loading: boolean): TemplateResult | typeof nothing {
    const failure = this.failureOf(this.caseTask);
    if (failure) {
      const lead =
        failure.code === 'not-found'
          ? msg('No support case has this reference.', { desc: 'Case view: unknown reference' })
          : caseLoadFailedText();
      return renderErrorNotice(lead, failure.code, () => rerun(this.caseTask));
    }
    if (loading) return html`<p part="loading" class="loading" role="status">${caseLoadingText()}</p>`;
    return nothing;
  }

  private renderCase(supportCase: SupportCase): TemplateResult {
    const accounts = this.accountsTask.value;
    const account = (Array.isArray(accounts) ? accounts.find((a) => a.id === supportCase.accountId)?.name : undefined) ?? supportCase.accountId;
    const statusUrl = navigableUrl(supportCase.statusUrl, 'the support case status URL');
    const fact = (label: string, value: unknown) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<p class="status-line">
        <span part="status" class="status ${supportCase.status}">${statusLabel(supportCase.status)}</span>
      </p>
      <dl part="details" class="details">
        ${fact(
          msg('Reference', { desc: 'Recap label: the support case reference' }),
          html`<strong part="reference" class="reference" dir="ltr">${supportCase.reference}</strong>`,
        )}
        ${supportCase.customers.length
          ? fact(msg('Customer'), html`<span dir="auto">${entityNames(supportCase.customers, supportCase.customers.length)}</span>`)
          : nothing}
        ${fact(msg('Account'), html`<span dir="auto">${account}</span>`)}
        ${fact(msg('Opened', { desc: 'Case view: when the case was opened' }), formatDateTime(supportCase.openedAt, undefined, 'medium'))}
        ${fact(msg('Processed by', { desc: 'Case view: the date by which the network processes the case' }), formatDateTime(supportCase.processBy, undefined, 'medium'))}
      </dl>
      <p part="next" class="next">${nextStep(supportCase)}</p>
      ${statusUrl
        ? html`<a part="status-link" class="button" href=${statusUrl} target="_blank" rel="noopener noreferrer">
            ${msg('Open the case on the network', { desc: 'Link to the case’s own page (opens a new tab)' })}
          </a>`
        : nothing}`;
  }
}

/** The status badge's words. */
function statusLabel(status: SupportCaseStatus): string {
  switch (status) {
    case 'open':
      return msg('Open', { desc: 'Support case status' });
    case 'in-progress':
      return msg('In progress', { desc: 'Support case status' });
    case 'resolved':
      return msg('Resolved', { desc: 'Support case status' });
    case 'closed':
      return msg('Closed', { desc: 'Support case status' });
  }
}

/** What happens next, by status. */
function nextStep(supportCase: SupportCase): string {
  switch (supportCase.status) {
    case 'open':
    case 'in-progress':
      return processedByText(supportCase);
    case 'resolved':
      return msg('Your customer confirmed that you are one of its suppliers: you are connected.', {
        desc: 'Case view: what a resolved case means',
      });
    case 'closed':
      return msg('This case is closed. If you still need the connection, request it again.', {
        desc: 'Case view: what a closed case means',
      });
  }
}
