import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { focusHeading } from '../../base/heading-focus.js';
import { ConnectionOutcomeSchema, CustomerEntitySchema, CustomerGroupSchema, SupplierAccountsSchema, UploadedAttachmentSchema } from '../../adapter/schemas.js';
import { renderErrorNotice, renderNotConfigured, rerun } from '../../base/states.js';
import { isAbort, toAdapterError } from '../../adapter/errors.js';
import type {
  AttachmentInput,
  ConnectionOutcome,
  ConnectionRequest,
  CustomerConnectAdapter,
  CustomerEntity,
  CustomerGroup,
  SupplierAccount,
} from '../../adapter/types.js';
import { countryName, displayText, formatCount, isolated } from '../../format.js';
import { getLocale } from '../../localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import {
  renderSupportCaseOutcome,
  supportCaseOutcomeStyles,
  supportCaseTitle,
  viewCaseDetail,
} from '../../base/support-case-outcome.js';
import { styles } from './group-picker.styles.js';
import { EntitySelection, countryState } from './entity-selection.js';
import type { CountryRow, EntityRow, TreeRow } from './entity-selection.js';
import { checkAttachment, DEFAULT_ACCEPT, DEFAULT_MAX_BYTES, formatBytes } from './attachment.js';
import type { AttachmentProblem } from './attachment.js';
import { ListWindow } from './window.js';

/** Form fields that can carry an error, in the order focus visits them. */
type Field = 'accountId' | 'entityIds' | 'vendorCode' | 'notes' | 'attachment';
const FIELD_ORDER: Field[] = ['accountId', 'entityIds', 'vendorCode', 'notes', 'attachment'];

/** What the form holds, as the last submission sent it (to reuse its idempotency key). */
interface Submission {
  key: string;
  fingerprint: string;
  /** The attachment once uploaded: a retry sends the request again without uploading again. */
  uploadId?: string;
}

/**
 * Turns "I found my customer" into a connection request: the supplier
 * account, one legal entity or several from its group, vendor code, notes and a supporting
 * document, then **Connect** — and shows what the network answered.
 *
 * Give it a `customer` (or `customer-id`) for one entity, or a `group-id` for the group.
 * "View group" switches a single customer to its group with that entity ticked.
 *
 * Group keyboard (a tree; focus stays on it and moves through rows): ↑/↓ move,
 * Home/End go to the first/last row, Page Up/Page Down move by ten, Space ticks or unticks
 * (a country ticks all its shown entities), ← collapses a country or goes to it, → expands.
 *
 * @summary Connection request: account, entities (single or group), details, outcome.
 *
 * @fires tn-request-connection - Cancelable: the user submitted; `preventDefault()` vetoes. `detail: { accountId, customers, vendorCode?, notes?, attachment? }`.
 * @fires tn-support-case-opened - The network opened a support case. `detail: { supportCase, skipped }`.
 * @fires tn-verification-required - The network asks for verification. `detail: { verification, skipped }`.
 * @fires tn-connected - Connected at once (or everything was already connected). `detail: { relationships, skipped }`.
 * @fires tn-view-case - The user asked to see the support case. `detail: { reference, statusUrl? }`.
 * @fires tn-mode-change - Switched between one entity and its group. `detail: { mode, groupId? }`.
 * @fires tn-error - An adapter call failed. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The form.
 * @csspart section - Each section (account, customer, details).
 * @csspart heading - Each section heading.
 * @csspart account - The account section (also a `section`).
 * @csspart customer - The chosen entity's section, in single mode (also a `section`).
 * @csspart group - The group's section, in group mode (also a `section`).
 * @csspart details - The vendor code, notes and attachment section (also a `section`).
 * @csspart customer-card - The chosen entity (single mode).
 * @csspart view-group - The "View group" button.
 * @csspart filter - The group filter field.
 * @csspart select-all - The "Select the whole group" button.
 * @csspart count - "N of M selected".
 * @csspart tree - The group's entities (scrolls).
 * @csspart row - Each tree row.
 * @csspart row-country - A country's row (also a `row`).
 * @csspart row-entity - A legal entity's row (also a `row`).
 * @csspart row-active - The row the keyboard is on (also a `row`).
 * @csspart field - Each form field's wrapper.
 * @csspart error-message - A field's error.
 * @csspart dropzone - The attachment drop zone.
 * @csspart submit - The Connect button.
 * @csspart outcome - What the network answered.
 * @csspart support-case - The support case outcome: its processing deadline, reference and button.
 * @csspart reference - The support case reference.
 * @csspart view-case - The "View the case" button.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop [--tn-group-tree-height=20em] - Height of the group's scrolling list.
 */
export class TnGroupPicker extends TnElement {
  static override styles = [tokens, shared, supportCaseOutcomeStyles, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    listAccounts: SupplierAccountsSchema,
    getCustomer: CustomerEntitySchema,
    getGroup: CustomerGroupSchema,
    uploadAttachment: UploadedAttachmentSchema,
    requestConnection: ConnectionOutcomeSchema,
  };

  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    maxAttachmentSize: { attribute: 'max-attachment-size', min: 1, max: 1024 ** 3, fallback: DEFAULT_MAX_BYTES, integer: true },
    vendorCodeMaxLength: { attribute: 'vendor-code-max-length', min: 1, max: 500, fallback: 50, integer: true },
    notesMaxLength: { attribute: 'notes-max-length', min: 1, max: 10_000, fallback: 1000, integer: true },
  };

  private readonly accountsTask = new Task(this, {
    args: () => [this.api] as const,
    task: async ([adapter], { signal }) => {
      if (!adapter) return initialState;
      return adapter.listAccounts({ signal });
    },
    onComplete: (accounts) => {
      // A choice (the host's account-id included) must be one of the accounts.
      if (this.accountChoice && !accounts.some((a) => a.id === this.accountChoice)) this.accountChoice = '';
      if (!this.accountChoice && accounts.length === 1) this.accountChoice = accounts[0].id;
      if (!this.accountChoice && this.accountId && accounts.some((a) => a.id === this.accountId)) {
        this.accountChoice = this.accountId;
      }
    },
    onError: (error) => this.reportError('listAccounts', error, () => rerun(this.accountsTask)),
  });

  private readonly customerTask = new Task(this, {
    args: () => [this.api, this.customer ? undefined : this.customerId] as const,
    task: async ([adapter, id], { signal }) => {
      if (!adapter || !id) return initialState;
      return adapter.getCustomer(id, { signal });
    },
    onComplete: () => {
      if (!this.groupWanted) return;
      this.groupWanted = false;
      // The task counts as complete (and its value readable) only after this callback.
      void this.updateComplete.then(() => this.viewGroup());
    },
    onError: (error) => this.reportError('getCustomer', error, () => rerun(this.customerTask)),
  });

  private readonly groupTask = new Task(this, {
    args: () => [this.api, this.mode === 'group' ? this.activeGroupId : undefined, this.accountChoice] as const,
    task: async ([adapter, groupId, accountId], { signal }) => {
      if (!adapter || !groupId) return initialState;
      return adapter.getGroup(groupId, accountId ? { accountId } : {}, { signal });
    },
    onComplete: (group) => this.groupLoaded(group),
    onError: (error) => this.reportError('getGroup', error, () => rerun(this.groupTask)),
  });

  private readonly submitTask = new Task(this, {
    autoRun: false,
    args: () => [this.api] as const,
    task: async ([adapter], { signal }) => {
      if (!adapter) return initialState;
      return this.send(adapter, signal);
    },
    onComplete: (outcome) => this.answered(outcome),
    onError: (error) => this.submitFailed(error),
  });

  /** The tree renders only the rows around its view. */
  private readonly rowWindow = new ListWindow<TreeRow>(this, () => this.tree, (row) => row.key);

  @query('.tree') private tree?: HTMLElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  @state() private mode: 'single' | 'group' = 'single';
  @state() private accountChoice = '';
  @state() private selection?: EntitySelection;
  @state() private rows: TreeRow[] = [];
  @state() private activeRow = 0;
  /**
   * Whether the tree has the focus. Only then does it name its active row
   * (aria-activedescendant), and only while that row is rendered: a reference to a missing
   * element is invalid ARIA. Moving the active row renders it and scrolls it into view.
   */
  @state() private treeFocused = false;
  @state() private filter = '';
  @state() private vendorCode = '';
  @state() private notes = '';
  @state() private file?: File;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private uploadProgress?: number;
  @state() private outcome?: ConnectionOutcome;
  @state() private dragging = false;
  /** Entities ticked before the group loaded (the customer we came from). */
  private pendingTicks = new Set<string>();
  private submission?: Submission;
  /** The adapter call the submission is making (an upload first, then the request). */
  private sending: 'uploadAttachment' | 'requestConnection' = 'requestConnection';
  /** `viewGroup()` was called before the customer (fetched by ID) arrived. */
  private groupWanted = false;

  /** The legal entity to connect with (single mode). */
  @property({ attribute: false }) customer?: CustomerEntity;

  /** Network ID of the entity to connect with, fetched through the adapter when `customer` is not set. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** A group to pick entities from; set, the element opens in group mode. */
  @property({ attribute: 'group-id' }) groupId?: string;

  /** The supplier account to preselect. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /** Attachment types allowed, as in `<input accept>` (extensions and MIME types). */
  @property() accept = DEFAULT_ACCEPT;

  /** Largest attachment accepted, in bytes (default 10 MB): 1 B–1 GiB. */
  @property({ type: Number, attribute: 'max-attachment-size' }) maxAttachmentSize = DEFAULT_MAX_BYTES;

  /** Longest vendor code accepted: 1–500. */
  @property({ type: Number, attribute: 'vendor-code-max-length' }) vendorCodeMaxLength = 50;

  /** Hides the outcome's "Make another request" (for hosts, like `<tn-customer-connect>`, that offer their own next step). */
  @property({ type: Boolean, attribute: 'hide-restart' }) hideRestart = false;

  /** Longest notes accepted: 1–10000. */
  @property({ type: Number, attribute: 'notes-max-length' }) notesMaxLength = 1000;

  /** The customer in effect: the `customer` property, or the one fetched by `customer-id`. */
  private get chosenCustomer(): CustomerEntity | undefined {
    return this.customer ?? (this.customerTask.status === TaskStatus.COMPLETE ? this.customerTask.value : undefined);
  }

  /** The group shown in group mode: `group-id`, or the chosen customer's group. */
  private get activeGroupId(): string | undefined {
    return this.groupId ?? this.chosenCustomer?.group?.id;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('groupId') && this.groupId) this.mode = 'group';
    // The host names the account: it becomes the choice (once the accounts are known, checked against them).
    if (changed.has('accountId') && this.accountId) {
      const accounts = this.accountsTask.value;
      if (!accounts || accounts.some((a) => a.id === this.accountId)) this.accountChoice = this.accountId;
    }
    if (changed.has('customer') || changed.has('customerId')) {
      if (!this.groupId) this.mode = 'single';
      this.outcome = undefined;
    }
  }

  /** Switches to the customer's group, with the customer ticked. */
  viewGroup(): void {
    const customer = this.chosenCustomer;
    if (!customer && this.customerId && this.customerTask.status !== TaskStatus.ERROR) {
      this.groupWanted = true;
      return;
    }
    if (!customer?.group) return;
    this.pendingTicks.add(customer.id);
    this.mode = 'group';
    this.errors = { ...this.errors, entityIds: undefined };
    this.emit('tn-mode-change', { mode: 'group', groupId: customer.group.id });
  }

  /** Submits the request, as the Connect button does. */
  submit(): void {
    if (this.submitTask.status === TaskStatus.PENDING) return;
    const errors = this.validate();
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      void this.updateComplete.then(() => this.focusFirstError());
      return;
    }
    const customers = this.selectedCustomers();
    const allowed = this.emit(
      'tn-request-connection',
      {
        accountId: this.accountChoice,
        customers,
        ...(this.vendorCode.trim() ? { vendorCode: this.vendorCode.trim() } : {}),
        ...(this.notes.trim() ? { notes: this.notes.trim() } : {}),
        ...(this.file ? { attachment: { name: this.file.name, size: this.file.size, type: this.file.type } } : {}),
      },
      { cancelable: true },
    );
    if (!allowed) return;
    void this.submitTask.run();
  }

  /**
   * Back to the form after an outcome, with everything as it was sent: sending it again
   * unchanged reuses the same idempotency key, so the network answers the same request.
   */
  edit(): void {
    this.outcome = undefined;
  }

  /** Back to an empty request for the same customer or group (after an outcome). */
  reset(): void {
    this.groupWanted = false;
    this.outcome = undefined;
    this.vendorCode = '';
    this.notes = '';
    this.file = undefined;
    this.errors = {};
    this.submission = undefined;
    this.selection?.clear();
    this.refreshRows();
  }

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-group-picker');
    if (this.outcome) return this.renderOutcome(this.outcome);
    const busy = this.submitTask.status === TaskStatus.PENDING;
    return html`<form part="base" class="base" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.onSubmit}>
      ${this.renderAccount()} ${this.mode === 'group' ? this.renderGroup() : this.renderCustomer()}
      ${this.renderDetails()} ${this.renderSubmit()}
    </form>`;
  }

  // ----- account

  private renderAccount(): TemplateResult {
    const task = this.accountsTask;
    let body: TemplateResult;
    const failure = this.failureOf(task);
    if (failure) {
      body = renderErrorNotice(
        msg("Couldn't load your accounts.", { desc: 'Lead of the error when the supplier accounts fail to load' }),
        failure.code,
        () => rerun(this.accountsTask),
      );
    } else if (task.status !== TaskStatus.COMPLETE) {
      body = html`<p class="status">${msg('Loading your accounts…')}</p>`;
    } else {
      body = this.renderAccountChoice(task.value ?? []);
    }
    return html`<section part="section account" class="section">
      <h3 part="heading" class="heading">${msg('Select an account')}</h3>
      ${body}
    </section>`;
  }

  private renderAccountChoice(accounts: SupplierAccount[]): TemplateResult {
    const error = this.errors.accountId;
    return html`<p class="lead">
        ${msg('Before we can proceed, please select the account you would like to link this customer to:')}
      </p>
      <div part="field" class="field">
        <label for="account">${msg('Account')}</label>
        <select
          id="account"
          data-field="accountId"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? 'account-error' : undefined)}
          @change=${(e: Event) => this.onAccountChange((e.target as HTMLSelectElement).value)}
        >
          ${accounts.length === 1
            ? nothing
            : html`<option value="" ?selected=${!this.accountChoice}>${msg('Please select')}</option>`}
          ${accounts.map(
            (account) =>
              html`<option value=${account.id} ?selected=${account.id === this.accountChoice}>${displayText(account.name)}</option>`,
          )}
        </select>
        ${this.renderFieldError('account-error', error)}
      </div>`;
  }

  private onAccountChange(value: string): void {
    this.accountChoice = value;
    this.clearError('accountId');
  }

  // ----- single mode

  private renderCustomer(): TemplateResult {
    const customer = this.chosenCustomer;
    let body: TemplateResult;
    if (customer) {
      body = html`<dl part="customer-card" class="card">
          <div><dt>${msg('Company name')}</dt><dd dir="auto" class="clamp">${displayText(customer.legalName)}</dd></div>
          <div><dt>${msg('Country')}</dt><dd>${countryName(customer.country)}</dd></div>
          <div><dt>${msg('Network ID')}</dt><dd dir="ltr">${customer.id}</dd></div>
        </dl>
        ${customer.group
          ? html`<div class="group-offer">
              <p>
                ${msg(
                  'This customer is part of a group. You can also select other legal entities of the group.',
                  { desc: 'Under the chosen customer when it belongs to a group' },
                )}
              </p>
              <button part="view-group" class="button" type="button" @click=${() => this.viewGroup()}>
                ${msg('View group')}
              </button>
            </div>`
          : nothing}`;
    } else if (this.failureOf(this.customerTask)) {
      body = renderErrorNotice(
        msg("Couldn't load this customer.", { desc: 'Lead of the error when a customer fails to load' }),
        this.failureOf(this.customerTask)!.code,
        () => rerun(this.customerTask),
      );
    } else if (this.customerId) {
      body = html`<p class="status">${msg('Loading the customer…')}</p>`;
    } else {
      body = html`<p class="notice">${msg('No customer chosen yet: search for one first.')}</p>`;
    }
    return html`<section part="section customer" class="section">
      <h3 part="heading" class="heading">${msg('You have selected:')}</h3>
      ${body}
    </section>`;
  }

  // ----- group mode

  private groupLoaded(group: CustomerGroup): void {
    const previous = this.selection;
    const selection = new EntitySelection(group.entities, getLocale());
    // Keep what was ticked (another account reloads the group), and the customer we came from.
    for (const id of previous?.selected ?? []) selection.toggle(id, true);
    for (const id of this.pendingTicks) selection.toggle(id, true);
    this.pendingTicks.clear();
    selection.setFilter(this.filter);
    this.selection = selection;
    this.refreshRows();
  }

  /**
   * Takes the selection's rows. The array is new only when the filter or an expansion
   * changed (the row window then measures it afresh); after a tick it is the same one,
   * and the update re-renders just the rows on screen, which read their state through it.
   */
  private refreshRows(): void {
    if (!this.selection) return;
    this.rows = this.selection.rows();
    this.activeRow = Math.min(this.activeRow, Math.max(0, this.rows.length - 1));
    this.requestUpdate();
  }

  private renderGroup(): TemplateResult {
    const task = this.groupTask;
    // While the group reloads for another account, the list stays as it was (no flash, focus
    // and scroll kept); the reloaded flags replace it when they arrive.
    const group =
      task.status === TaskStatus.COMPLETE || (task.status === TaskStatus.PENDING && task.value?.id === this.activeGroupId)
        ? task.value
        : undefined;
    let body: TemplateResult;
    const failure = this.failureOf(task);
    if (failure) {
      body = renderErrorNotice(
        msg("Couldn't load the group.", { desc: 'Lead of the error when a group fails to load' }),
        failure.code,
        () => rerun(this.groupTask),
      );
    } else if (!group || !this.selection) {
      body = html`<p class="status">${msg('Loading the group…')}</p>`;
    } else {
      body = this.renderTreeArea(group, this.selection);
    }
    return html`<section part="section group" class="section">
      <h3 part="heading" class="heading">${group?.name ?? msg('Group')}</h3>
      <p class="lead">
        ${msg('Select the legal entities you want to connect with, or select the whole group.', {
          desc: 'Above the list of a group’s legal entities',
        })}
      </p>
      ${body}
    </section>`;
  }

  private renderTreeArea(group: CustomerGroup, selection: EntitySelection): TemplateResult {
    const error = this.errors.entityIds;
    const selected = selection.selected.size;
    const [start, end] = this.rowWindow.range(this.rows);
    const active = this.activeRow >= start && this.activeRow < end ? this.rows[this.activeRow] : undefined;
    return html`<div class="group-tools">
        <div part="field filter" class="field filter">
          <label for="filter">${msg('Filter the group')}</label>
          <input
            id="filter"
            type="search"
            autocomplete="off"
            placeholder=${msg('Name, network ID or VAT number')}
            .value=${this.filter}
            @input=${this.onFilterInput}
          />
        </div>
        <div class="bulk">
          <button part="select-all" class="button" type="button" @click=${this.onSelectAll}>
            ${msg('Select the whole group')}
          </button>
          <button class="button" type="button" ?disabled=${selected === 0} @click=${this.onClearSelection}>
            ${msg('Clear selection')}
          </button>
        </div>
      </div>
      <p part="count" class="count" id="count" role="status">
        ${msg(str`${formatCount(selected)} of ${formatCount(selection.selectableCount)} selected`, {
          desc: 'Count of ticked legal entities in a group',
        })}${selection.filtering
          ? html` · ${msg(str`${formatCount(selection.shownCount)} shown`, {
              desc: 'How many legal entities match the filter',
            })}`
          : nothing}
      </p>
      ${this.rows.length === 0
        ? html`<p class="notice">${msg(str`No legal entity matches “${this.filter}”.`)}</p>`
        : html`<div
            part="tree"
            class="tree"
            role="tree"
            tabindex="0"
            data-field="entityIds"
            aria-multiselectable="true"
            aria-label=${msg(str`Legal entities of ${isolated(group.name)}`)}
            aria-activedescendant=${ifDefined(active && this.treeFocused ? rowId(active) : undefined)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'count tree-error' : 'count'}
            @keydown=${this.onTreeKeyDown}
            @click=${this.onTreeClick}
            @focus=${() => (this.treeFocused = true)}
            @blur=${() => (this.treeFocused = false)}
          >${this.rows.slice(start, end).map((row, i) => this.renderRow(row, start + i))}</div>`}
      ${this.renderFieldError('tree-error', error)}`;
  }

  private renderRow(row: TreeRow, index: number): TemplateResult {
    const active = index === this.activeRow;
    return row.kind === 'country' ? this.renderCountryRow(row, index, active) : this.renderEntityRow(row, index, active);
  }

  private renderCountryRow(row: CountryRow, index: number, active: boolean): TemplateResult {
    const checked = countryState(row);
    return html`<div
      id=${rowId(row)}
      data-index=${index}
      role="treeitem"
      aria-level="1"
      aria-expanded=${row.expanded ? 'true' : 'false'}
      aria-checked=${checked}
      aria-disabled=${row.selectable === 0 ? 'true' : 'false'}
      aria-setsize=${row.setSize}
      aria-posinset=${row.position}
      part=${active ? 'row row-country row-active' : 'row row-country'}
      class="row country ${active ? 'active' : ''}"
      ><span class="caret" data-action="expand" aria-hidden="true" .textContent=${row.expanded ? '▾' : '▸'}></span
      ><span class="box ${checked}" aria-hidden="true"></span
      ><span class="label" .textContent=${row.label}></span
      ><span class="meta" .textContent=${formatCount(row.shown)}></span
    ></div>`;
  }

  private renderEntityRow(row: EntityRow, index: number, active: boolean): TemplateResult {
    const { entity } = row;
    return html`<div
      id=${rowId(row)}
      data-index=${index}
      role="treeitem"
      aria-level="2"
      aria-checked=${row.checked ? 'true' : 'false'}
      aria-disabled=${row.disabled ? 'true' : 'false'}
      aria-setsize=${row.setSize}
      aria-posinset=${row.position}
      part=${active ? 'row row-entity row-active' : 'row row-entity'}
      class="row entity ${active ? 'active' : ''} ${row.disabled ? 'disabled' : ''}"
      ><span class="box ${row.checked || row.disabled ? 'true' : 'false'}" aria-hidden="true"></span
      ><span class="label clamp"
        ><span dir="ltr" class="id" .textContent=${entity.id}></span> – <span dir="auto" class="name" .textContent=${displayText(entity.legalName)}></span>
        <span class="tax" dir="ltr" .textContent=${entity.taxIds.length ? `(${entity.taxIds.join(', ')})` : ''}></span
      ></span
      >${row.disabled ? html`<span class="meta connected">${msg('Already connected')}</span>` : nothing}</div
    >`;
  }

  private onFilterInput(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
    this.selection?.setFilter(this.filter);
    this.activeRow = 0;
    this.rowWindow.toTop();
    this.refreshRows();
  }

  private onSelectAll(): void {
    this.selection?.selectAll();
    this.clearError('entityIds');
    this.refreshRows();
  }

  private onClearSelection(): void {
    this.selection?.clear();
    this.refreshRows();
  }

  private onTreeClick(event: MouseEvent): void {
    const rowElement = (event.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.index);
    this.activeRow = index;
    const row = this.rows[index];
    if (row?.kind === 'country' && (event.target as Element).closest('[data-action="expand"]')) {
      this.setExpanded(row, !row.expanded);
    } else {
      this.toggleRow(index);
    }
    this.tree?.focus();
  }

  private onTreeKeyDown(event: KeyboardEvent): void {
    const row = this.rows[this.activeRow];
    if (!row) return;
    const last = this.rows.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      this.activeRow = Math.max(0, Math.min(last, to));
      this.scrollActiveIntoView();
    };
    // Right to left, → and ← swap: "expand" is toward the row's end, as the caret points.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const key = rtl && event.key === 'ArrowRight' ? 'ArrowLeft' : rtl && event.key === 'ArrowLeft' ? 'ArrowRight' : event.key;
    switch (key) {
      case 'ArrowDown':
        return move(this.activeRow + 1);
      case 'ArrowUp':
        return move(this.activeRow - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'PageDown':
        return move(this.activeRow + 10);
      case 'PageUp':
        return move(this.activeRow - 10);
      case 'ArrowRight':
        if (row.kind === 'country' && !row.expanded) {
          event.preventDefault();
          this.setExpanded(row, true);
        } else if (row.kind === 'country') move(this.activeRow + 1);
        return;
      case 'ArrowLeft':
        if (row.kind === 'country' && row.expanded) {
          event.preventDefault();
          this.setExpanded(row, false);
        } else if (row.kind === 'entity') {
          move(this.rows.findIndex((r) => r.kind === 'country' && r.country === row.country));
        }
        return;
      case ' ':
      case 'Enter':
        event.preventDefault();
        this.toggleRow(this.activeRow);
        return;
    }
  }

  private setExpanded(row: CountryRow, expanded: boolean): void {
    this.selection?.setExpanded(row.country, expanded);
    this.refreshRows();
    this.activeRow = this.rows.findIndex((r) => r.key === row.key);
  }

  private toggleRow(index: number): void {
    const row = this.rows[index];
    if (!row || !this.selection) return;
    if (row.kind === 'country') this.selection.setCountry(row.country, countryState(row) !== 'true');
    else if (!row.disabled) this.selection.toggle(row.entity.id);
    this.clearError('entityIds');
    this.refreshRows();
  }

  private scrollActiveIntoView(): void {
    this.rowWindow.reveal(this.activeRow);
  }

  // ----- details

  private renderDetails(): TemplateResult {
    const vendorError = this.errors.vendorCode;
    const notesError = this.errors.notes;
    const required = this.vendorCodeRequired;
    return html`<section part="section details" class="section">
      <div part="field" class="field">
        <label for="vendor-code">
          ${msg('Vendor code')}
          ${required ? html`<span class="required">${msg('(required by this customer)')}</span>` : nothing}
        </label>
        <input
          id="vendor-code"
          data-field="vendorCode"
          autocomplete="off"
          maxlength=${this.vendorCodeMaxLength}
          .value=${live(this.vendorCode)}
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${vendorError ? 'true' : 'false'}
          aria-describedby=${vendorError ? 'vendor-code-hint vendor-code-error' : 'vendor-code-hint'}
          @input=${(e: Event) => {
            this.vendorCode = (e.target as HTMLInputElement).value;
            this.clearError('vendorCode');
          }}
        />
        <p id="vendor-code-hint" class="hint">${msg('Your supplier ID in this customer’s books.')}</p>
        ${this.renderFieldError('vendor-code-error', vendorError)}
      </div>
      <div part="field" class="field">
        <label for="notes">${msg('Notes')}</label>
        <textarea
          id="notes"
          data-field="notes"
          rows="3"
          maxlength=${this.notesMaxLength}
          .value=${live(this.notes)}
          aria-invalid=${notesError ? 'true' : 'false'}
          aria-describedby=${notesError ? 'notes-count notes-error' : 'notes-count'}
          @input=${(e: Event) => {
            this.notes = (e.target as HTMLTextAreaElement).value;
            this.clearError('notes');
          }}
        ></textarea>
        <p id="notes-count" class="hint counter">
          ${msg(str`${formatCount(this.notes.length)} / ${formatCount(this.notesMaxLength)} characters`, {
            desc: 'Counter under the notes field',
          })}
        </p>
        ${this.renderFieldError('notes-error', notesError)}
      </div>
      ${this.renderAttachment()}
    </section>`;
  }

  private renderAttachment(): TemplateResult {
    const error = this.errors.attachment;
    const locale = getLocale();
    return html`<div part="field" class="field">
      <span class="label" id="attachment-label">${msg('Attachment')}</span>
      <p id="attachment-hint" class="hint">
        ${msg(
          'If you have a supporting document to identify your company to the chosen customer, attach it here: e.g. a purchase order, invoice, remittance advice or contract.',
        )}
        ${msg(str`Up to ${formatBytes(this.maxAttachmentSize, locale)}.`, { desc: 'Largest attachment allowed' })}
      </p>
      <div
        part="dropzone"
        class="dropzone ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        ${this.file
          ? html`<span class="file">
                <span class="file-name">${this.file.name}</span>
                <span class="file-size">${formatBytes(this.file.size, locale)}</span>
              </span>
              <button
                class="button"
                type="button"
                data-field="attachment"
                aria-describedby=${ifDefined(error ? 'attachment-error' : undefined)}
                @click=${this.removeFile}
              >
                ${msg('Remove')}<span class="visually-hidden"> ${this.file.name}</span>
              </button>`
          : html`<span class="drop-hint">${msg('Drop a file here, or')}</span>
              <button
                class="button"
                type="button"
                data-field="attachment"
                aria-describedby=${error ? 'attachment-hint attachment-error' : 'attachment-hint'}
                @click=${() => this.fileInput?.click()}
              >
                ${msg('Select a file')}
              </button>`}
        <input
          class="visually-hidden"
          type="file"
          tabindex="-1"
          aria-hidden="true"
          accept=${this.accept}
          @change=${this.onFileChosen}
        />
      </div>
      ${this.uploadProgress !== undefined
        ? html`<progress class="progress" max="1" .value=${this.uploadProgress} aria-label=${msg('Uploading the attachment')}></progress>`
        : nothing}
      ${this.renderFieldError('attachment-error', error)}
    </div>`;
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) this.attach(file);
  }

  private onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.attach(file);
  }

  /** Attaches `file` if it is acceptable; otherwise says why and keeps what was there. */
  attach(file: File): void {
    const problem = checkAttachment(file, this.accept, this.maxAttachmentSize);
    if (problem) {
      this.errors = { ...this.errors, attachment: this.attachmentMessage(problem, file) };
      return;
    }
    this.file = file;
    this.clearError('attachment');
  }

  private removeFile(): void {
    this.file = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[data-field="attachment"]')?.focus(),
    );
  }

  private attachmentMessage(problem: AttachmentProblem, file: File): string {
    const locale = getLocale();
    switch (problem) {
      case 'empty':
        return msg(str`“${file.name}” is empty. Choose a file with content.`);
      case 'size':
        return msg(
          str`“${file.name}” is ${formatBytes(file.size, locale)}; the largest file accepted is ${formatBytes(this.maxAttachmentSize, locale)}.`,
        );
      case 'type':
        return msg(str`“${file.name}” is not an accepted type. Accepted: ${this.accept.split(',').join(', ')}.`);
    }
  }

  // ----- submit and outcome

  private renderSubmit(): TemplateResult {
    const task = this.submitTask;
    const busy = task.status === TaskStatus.PENDING;
    const error = this.failureOf(task);
    return html`${error && error.code !== 'invalid'
        ? renderErrorNotice(
            msg("Couldn't send your request.", { desc: 'Lead of the error when a connection request fails' }),
            error.code,
            () => this.submit(),
          )
        : nothing}
      <div class="actions">
        <button
          part="submit"
          class="button primary"
          type="submit"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-describedby=${ifDefined(error?.code === 'invalid' ? 'invalid-summary' : undefined)}
        >
          ${busy ? msg('Connecting…') : msg('Connect')}
        </button>
        ${error?.code === 'invalid'
          ? html`<p id="invalid-summary" class="field-error" role="alert">${msg('Some details need correcting.', {
              desc: 'Error: the server rejected the input',
            })}</p>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status">${busy ? msg('Sending your request…') : ''}</div>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  private renderOutcome(outcome: ConnectionOutcome): TemplateResult {
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
      body = renderSupportCaseOutcome(outcome.supportCase, (supportCase) =>
        this.emit('tn-view-case', viewCaseDetail(supportCase)),
      );
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
    return html`<section part="outcome" class="outcome" aria-labelledby="outcome-title">
      <h3 id="outcome-title" class="heading" tabindex="-1">${outcomeTitle(outcome)}</h3>
      ${body} ${skipped}
      ${this.hideRestart
        ? nothing
        : html`<button class="button" type="button" @click=${() => this.reset()}>${msg('Make another request')}</button>`}
    </section>`;
  }

  private renderFieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
    return message ? html`<p part="error-message" id=${id} class="field-error">${message}</p>` : nothing;
  }

  // ----- logic

  private get vendorCodeRequired(): boolean {
    if (this.mode === 'group') return this.selection?.needsVendorCode ?? false;
    return !!this.chosenCustomer?.requiresVendorCode;
  }

  private selectedCustomers(): CustomerEntity[] {
    if (this.mode === 'group') {
      const selection = this.selection;
      return selection ? [...selection.selected].map((id) => selection.byId.get(id)!).filter(Boolean) : [];
    }
    return this.chosenCustomer ? [this.chosenCustomer] : [];
  }

  private validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!this.accountChoice) errors.accountId = msg('Select the account to link this customer to.');
    if (this.selectedCustomers().length === 0) {
      errors.entityIds =
        this.mode === 'group'
          ? msg('Select at least one legal entity.')
          : msg('No customer chosen yet: search for one first.');
    }
    const code = this.vendorCode.trim();
    if (this.vendorCodeRequired && !code) errors.vendorCode = msg('This customer needs your vendor code.');
    else if (code.length > this.vendorCodeMaxLength) {
      errors.vendorCode = tooLong(this.vendorCodeMaxLength);
    }
    if (this.notes.length > this.notesMaxLength) errors.notes = tooLong(this.notesMaxLength);
    if (this.errors.attachment) errors.attachment = this.errors.attachment;
    return errors;
  }

  private focusFirstError(): void {
    const field = FIELD_ORDER.find((name) => this.errors[name]);
    if (!field) return;
    this.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
  }

  private clearError(field: Field): void {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  /** The request of this submission; the same form content keeps the same idempotency key. */
  private async send(adapter: CustomerConnectAdapter, signal: AbortSignal): Promise<ConnectionOutcome> {
    const base = {
      accountId: this.accountChoice,
      entityIds: this.selectedCustomers().map((c) => c.id),
      ...(this.vendorCode.trim() ? { vendorCode: this.vendorCode.trim() } : {}),
      ...(this.notes.trim() ? { notes: this.notes.trim() } : {}),
    };
    const file = this.file;
    const fingerprint = JSON.stringify([base, file?.name, file?.size, file?.lastModified]);
    if (this.submission?.fingerprint !== fingerprint) this.submission = { key: newKey(), fingerprint };
    const submission = this.submission;
    let attachment: AttachmentInput | undefined;
    if (file && adapter.uploadAttachment) {
      if (!submission.uploadId) {
        this.sending = 'uploadAttachment';
        this.uploadProgress = 0;
        const uploaded = await adapter.uploadAttachment(file, file.name, {
          signal,
          onProgress: (loaded, total) => (this.uploadProgress = total > 0 ? loaded / total : 0),
        });
        submission.uploadId = uploaded.id;
      }
      attachment = { kind: 'uploaded', id: submission.uploadId, name: file.name };
    } else if (file) {
      attachment = { kind: 'inline', file, name: file.name };
    }
    const request: ConnectionRequest = {
      ...base,
      ...(attachment ? { attachment } : {}),
      idempotencyKey: submission.key,
    };
    this.sending = 'requestConnection';
    return adapter.requestConnection(request, { signal });
  }

  private answered(outcome: ConnectionOutcome): void {
    this.uploadProgress = undefined;
    this.submission = undefined;
    this.outcome = outcome;
    if (outcome.kind === 'support-case') {
      this.emit('tn-support-case-opened', { supportCase: outcome.supportCase, skipped: outcome.skipped });
    } else if (outcome.kind === 'verification-required') {
      this.emit('tn-verification-required', { verification: outcome.verification, skipped: outcome.skipped });
    } else {
      this.emit('tn-connected', { relationships: outcome.relationships, skipped: outcome.skipped });
    }
    void this.updateComplete.then(() =>
      focusHeading(this.renderRoot.querySelector<HTMLElement>('#outcome-title')),
    );
  }

  private submitFailed(error: unknown): void {
    this.uploadProgress = undefined;
    if (isAbort(error)) return;
    const adapterError = toAdapterError(error);
    if (adapterError.code === 'invalid') {
      const errors: Partial<Record<Field, string>> = {};
      for (const fieldError of adapterError.fieldErrors) {
        // An upload's errors name the file; they belong on the attachment field.
        const name = this.sending === 'uploadAttachment' && ['file', 'name'].includes(fieldError.field) ? 'attachment' : fieldError.field;
        const field = FIELD_ORDER.find((candidate) => candidate === name);
        if (field && !errors[field]) errors[field] = fieldErrorMessage(fieldError.code, fieldError.message);
      }
      this.errors = errors;
      void this.updateComplete.then(() => this.focusFirstError());
    }
    this.reportError(this.sending, error, () => this.submit());
  }
}

/** A stable element ID for a row (IDs are only used inside this shadow root). */
function rowId(row: TreeRow): string {
  return row.kind === 'country' ? `country-${row.country}` : `entity-${row.entity.id.replace(/[^\w-]/g, '_')}`;
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
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

const tooLong = (max: number) => msg(str`Use at most ${formatCount(max)} characters.`);

/** A field error from the server, in words: ours when we know the code, else the server's text. */
function fieldErrorMessage(code: string, serverMessage: string | undefined): string {
  switch (code) {
    case 'required':
      return msg('This is required.');
    case 'too-long':
      return msg('This is too long.');
    default:
      return serverMessage ?? msg('This value was not accepted.');
  }
}
