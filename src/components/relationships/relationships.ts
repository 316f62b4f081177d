import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { RELATIONSHIP_STATUSES, RelationshipsSchema } from '../../adapter/later-schemas.js';
import { renderErrorNotice, renderNotConfigured } from '../../base/error-states.js';
import { fold } from '../../adapter/text-matching.js';
import type { Relationship, RelationshipStatus } from '../../adapter/types.js';
import { countryName, displayText, formatCount, formatDate } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import { fieldStyles } from '../../styles/fields.js';
import { tableStyles } from '../../styles/table.js';
import { styles } from './relationships.styles.js';

/** The statuses, in the order the status filter lists them. */
const STATUSES: readonly RelationshipStatus[] = RELATIONSHIP_STATUSES;

/** Columns the list sorts by. */
type SortKey = 'customer' | 'account' | 'status' | 'since';

/** Events on the page after which the list may have changed. */
const CHANGES = ['tn-connected', 'tn-support-case-opened', 'tn-verification-required'] as const;

/**
 * The supplier's customer relationships: every connection between its
 * accounts and customer legal entities, with its status — connected, pending customer
 * confirmation, verification pending, support case open (with the case reference),
 * rejected, expired — and since when. The test buyer every new account is connected to is
 * marked as such.
 *
 * Filter by status and by text (legal name, network ID, account; accents and case
 * ignored), sort by customer, account, status or date (most recent first by default). Each
 * row offers what its status allows, as events the host routes: **View case**, **Resume
 * verification**, **Request again** (after a rejection or expiry). The list refreshes
 * itself when a connection changes anywhere on the page (`tn-connected`,
 * `tn-support-case-opened`, `tn-verification-required`), and on `refresh()`; the filters
 * survive refreshes. Below 30em wide, rows become cards.
 *
 * @summary The supplier's customer relationships and their statuses, filterable and sortable.
 *
 * @fires tn-view-case - The user chose View case on a relationship with a support case. `detail: { reference }`.
 * @fires tn-resume-verification - The user chose Resume verification. `detail: { verificationId, relationship }`.
 * @fires tn-request-again - The user chose Request again on a rejected or expired relationship. `detail: { relationship }`.
 * @fires tn-error - Loading failed. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The filters and the Refresh button.
 * @csspart filter - The text filter field.
 * @csspart status-filter - The status filter.
 * @csspart refresh - The Refresh button.
 * @csspart count - "N of M relationships".
 * @csspart table - The table.
 * @csspart sort - Each column's sort button.
 * @csspart row - Each relationship's row.
 * @csspart status - A status badge (with one of the six `status-*` parts below).
 * @csspart status-connected - The Connected badge.
 * @csspart status-pending-customer-confirmation - The "Awaiting customer" badge (the customer has to confirm the relationship).
 * @csspart status-verification-pending - The "Verification pending" badge.
 * @csspart status-support-case-open - The "Support case open" badge.
 * @csspart status-rejected - The Rejected badge.
 * @csspart status-expired - The Expired badge.
 * @csspart test-buyer - The "Test buyer" mark.
 * @csspart action - Each row's action button.
 * @csspart empty - The "no relationships" and "nothing matches" messages.
 * @csspart clear-filters - The "Clear filters" button.
 * @csspart status-message - The loading message.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop --tn-color-success - Colour of the Connected badge.
 * @cssprop --tn-color-warning-surface - Background of pending badges.
 */
export class TnRelationships extends TnElement {
  static override styles = [tokens, shared, fieldStyles, tableStyles, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    listRelationships: RelationshipsSchema,
  };

  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    headingLevel: { attribute: 'heading-level', min: 0, max: 6, fallback: 0, integer: true },
  };

  private readonly listTask = new Task(this, {
    args: () => [this.api, this.accountId || undefined] as const,
    task: async ([adapter, accountId], { signal }) => {
      if (!adapter) return initialState;
      return adapter.listRelationships(accountId ? { accountId } : {}, { signal });
    },
    onComplete: (list) => (this.list = list),
    onError: (error) => this.reportError('listRelationships', error, () => this.retry()),
  });

  /** The last list that loaded; kept on screen while a refresh runs or after it fails. */
  @state() private list?: Relationship[];
  @state() private text = '';
  @state() private status: RelationshipStatus | '' = '';
  @state() private sortKey: SortKey = 'since';
  @state() private descending = true;

  /** One account's relationships; empty for all of the supplier's accounts (then an Account column shows). */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Level of the element's heading ("Customer relationships"); 0 hides the heading (the host has its own). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 0;

  private readonly onChange = (): void => this.refresh();

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of CHANGES) document.addEventListener(type, this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of CHANGES) document.removeEventListener(type, this.onChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another account: the old list is not this one's.
    if (changed.has('accountId') && changed.get('accountId') !== undefined) this.list = undefined;
  }

  /** Loads the list again (filters and sort stay). */
  refresh(): void {
    if (this.resolvedAdapter) void this.listTask.run();
  }

  /** "Try again": loads the list again unless a load is already on its way. */
  private retry(): void {
    if (!this.loading) this.refresh();
  }

  /** Empties the text and status filters. */
  clearFilters(): void {
    this.text = '';
    this.status = '';
  }

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-relationships');
    const level = this.headingLevel;
    return html`<section part="base" class="base" aria-labelledby=${level ? 'title' : nothing} aria-busy=${this.loading ? 'true' : 'false'}>
      ${level
        ? html`<div id="title" class="title" role="heading" aria-level=${level}>${msg('Customer relationships')}</div>`
        : nothing}
      ${this.renderToolbar()} ${this.renderBody()}
    </section>`;
  }

  private get loading(): boolean {
    return this.listTask.status === TaskStatus.PENDING;
  }

  private get failure() {
    return this.failureOf(this.listTask);
  }

  private renderToolbar(): TemplateResult {
    const counts = new Map<RelationshipStatus, number>();
    for (const relationship of this.list ?? []) counts.set(relationship.status, (counts.get(relationship.status) ?? 0) + 1);
    return html`<div part="toolbar" class="toolbar">
      <div class="field">
        <label for="filter">${msg('Filter relationships')}</label>
        <input
          id="filter"
          part="filter"
          type="search"
          autocomplete="off"
          placeholder=${msg('Customer, network ID or account')}
          .value=${live(this.text)}
          @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="status">${msg('Status')}</label>
        <select
          id="status"
          part="status-filter"
          @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as RelationshipStatus | '')}
        >
          <option value="" ?selected=${this.status === ''}>${msg('All statuses')}</option>
          ${STATUSES.map(
            (status) =>
              html`<option value=${status} ?selected=${this.status === status}>
                ${statusText(status)} (${formatCount(counts.get(status) ?? 0)})
              </option>`,
          )}
        </select>
      </div>
      <button
        part="refresh"
        class="button refresh"
        type="button"
        aria-disabled=${this.loading ? 'true' : 'false'}
        @click=${() => !this.loading && this.refresh()}
      >
        ${this.loading ? msg('Refreshing…') : msg('Refresh')}
      </button>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const failure = this.failure;
    const list = this.list;
    if (!list) {
      if (failure) {
        return renderErrorNotice(
          msg("Couldn't load your relationships.", { desc: 'Lead of the error when the relationships fail to load' }),
          failure.code,
          () => this.retry(),
        );
      }
      return html`<p part="status-message" class="notice status">${msg('Loading your relationships…')}</p>`;
    }
    const shown = this.sorted(this.filtered(list));
    const filtering = this.text.trim() !== '' || this.status !== '';
    return html`${failure
        ? renderErrorNotice(
            msg("Couldn't refresh; this is the last list we had.", {
              desc: 'Shown above the relationships after a refresh failed',
            }),
            failure.code,
            () => this.retry(),
          )
        : nothing}
      <p part="count" class="count" role="status">
        ${list.length === 0
          ? nothing
          : msg(str`Showing ${formatCount(shown.length)} of ${formatCount(list.length)}.`, {
              desc: 'Under a list: how many rows it shows, of all (number-neutral: no plural noun)',
            })}
      </p>
      ${list.length === 0
        ? html`<p part="empty" class="notice empty">${msg('You have no customer relationships yet.')}</p>`
        : shown.length === 0 && filtering
          ? html`<div part="empty" class="notice empty">
              <span>${msg('No relationship matches your filters.')}</span>
              <button part="clear-filters" class="button" type="button" @click=${() => this.clearFilters()}>
                ${msg('Clear filters')}
              </button>
            </div>`
          : this.renderTable(shown)}
      ${list.some((r) => r.isTestBuyer)
        ? html`<p class="note">
            ${msg(
              'The test buyer lets you practise sending invoices and credit notes while your customers confirm your connection.',
            )}
          </p>`
        : nothing}`;
  }

  private renderTable(rows: Relationship[]): TemplateResult {
    const allAccounts = !this.accountId;
    return html`<div class="scroller">
      <table part="table" class="table">
        <caption class="visually-hidden">${msg('Customer relationships')}</caption>
        <thead>
          <tr>
            ${this.renderHeader('customer', msg('Customer'))}
            <th scope="col">${msg('Network ID')}</th>
            ${allAccounts ? this.renderHeader('account', msg('Account')) : nothing}
            ${this.renderHeader('status', msg('Status'))} ${this.renderHeader('since', msg('Since'))}
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((relationship) => this.renderRow(relationship, allAccounts))}
        </tbody>
      </table>
    </div>`;
  }

  private renderHeader(key: SortKey, label: string): TemplateResult {
    const active = this.sortKey === key;
    const sort = active ? (this.descending ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort=${sort}>
      <button part="sort" class="sort" type="button" @click=${() => this.sortBy(key)}>
        ${label}<span class="arrow" aria-hidden="true">${active ? (this.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>`;
  }

  private renderRow(relationship: Relationship, allAccounts: boolean): TemplateResult {
    const { customer, status } = relationship;
    return html`<tr part="row">
      <th scope="row">
        <span class="name clamp" dir="auto">${displayText(customer.legalName)}</span>
        ${relationship.isTestBuyer
          ? html`<span part="test-buyer" class="badge test-buyer">${msg('Test buyer')}</span>`
          : nothing}
        <span class="country">${countryName(customer.country)}</span>
      </th>
      <td data-label=${msg('Network ID')}><span dir="ltr">${customer.id}</span></td>
      ${allAccounts ? html`<td data-label=${msg('Account')}><span dir="auto">${displayText(relationship.accountName)}</span></td>` : nothing}
      <td data-label=${msg('Status')}>
        <span part="status status-${status}" class="badge status ${status}">${statusText(status)}</span>
        ${status === 'support-case-open' && relationship.supportCaseReference
          ? html`<span class="reference"
              >${msg(str`Case ${relationship.supportCaseReference}`, {
                desc: 'After the status: the support case reference',
              })}</span
            >`
          : nothing}
      </td>
      <td class="since" data-label=${msg('Since')}>${formatDate(relationship.since, getLocale())}</td>
      <td class="actions">${this.renderAction(relationship)}</td>
    </tr>`;
  }

  private renderAction(relationship: Relationship): TemplateResult | typeof nothing {
    const name = displayText(relationship.customer.legalName);
    const button = (label: string, onClick: () => void) =>
      html`<button part="action" class="link" type="button" @click=${onClick}>
        ${label}<span class="visually-hidden">: ${name}</span>
      </button>`;
    switch (relationship.status) {
      case 'support-case-open':
        return relationship.supportCaseReference
          ? button(msg('View case'), () =>
              this.emit('tn-view-case', { reference: relationship.supportCaseReference! }),
            )
          : nothing;
      case 'verification-pending':
        return relationship.verificationId
          ? button(msg('Resume verification'), () =>
              this.emit('tn-resume-verification', { verificationId: relationship.verificationId!, relationship }),
            )
          : nothing;
      case 'rejected':
      case 'expired':
        return button(msg('Request again'), () => this.emit('tn-request-again', { relationship }));
      default:
        return nothing;
    }
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      // Dates read newest first; names and statuses from A.
      this.descending = key === 'since';
    }
  }

  private filtered(list: Relationship[]): Relationship[] {
    const needle = fold(this.text.trim());
    return list.filter(
      (r) =>
        (this.status === '' || r.status === this.status) &&
        (needle === '' ||
          fold(r.customer.legalName).includes(needle) ||
          fold(r.customer.id).includes(needle) ||
          fold(r.accountName).includes(needle)),
    );
  }

  private sorted(list: Relationship[]): Relationship[] {
    const collator = new Intl.Collator(getLocale(), { sensitivity: 'base', numeric: true });
    const value = (r: Relationship): string => {
      switch (this.sortKey) {
        case 'customer':
          return r.customer.legalName;
        case 'account':
          return r.accountName;
        case 'status':
          return String(STATUSES.indexOf(r.status));
        case 'since':
          return r.since;
      }
    };
    const direction = this.descending ? -1 : 1;
    return [...list].sort(
      (a, b) =>
        direction * collator.compare(value(a), value(b)) || collator.compare(a.customer.legalName, b.customer.legalName),
    );
  }
}

/** A status in words. */
function statusText(status: RelationshipStatus): string {
  switch (status) {
    case 'connected':
      return msg('Connected');
    case 'pending-customer-confirmation':
      return msg('Awaiting customer', {
        desc: 'Relationship status: the customer has to confirm the relationship (a one-line badge: keep it short)',
      });
    case 'verification-pending':
      return msg('Verification pending', { desc: 'Relationship status' });
    case 'support-case-open':
      return msg('Support case open', { desc: 'Relationship status' });
    case 'rejected':
      return msg('Rejected', { desc: 'Relationship status' });
    case 'expired':
      return msg('Expired', { desc: 'Relationship status' });
  }
}
