import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { inOwnLanguage, TnElement } from '../../base/tn-element.js';
import { focusHeading } from '../../base/heading-focus.js';
import { CustomerEntitySchema } from '../../adapter/schemas.js';
import {
  ConnectionOutcomeSchema,
  CustomerGroupSchema,
  SupplierAccountsSchema,
  UploadedAttachmentSchema,
} from '../../adapter/later-schemas.js';
import { adapterFailure, renderNotConfigured, rerun } from '../../base/error-states.js';
import type { ConnectionOutcome, CustomerEntity, CustomerGroup } from '../../adapter/types.js';
import type { CountrySelection } from '../../base/events.js';
import { tokens, shared } from '../../styles/tokens.js';
import { fieldStyles } from '../../styles/fields.js';
import { supportCaseOutcomeStyles, viewCaseDetail } from '../../base/support-case-outcome.js';
import { styles } from './group-picker.styles.js';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES } from './attachment.js';
import { FIELD_ORDER, checkRequest, vendorCodeRequiredBy } from './fields.js';
import type { Field, FieldErrors } from './fields.js';
import { FieldErrorsController, fieldErrorMessage } from '../../base/field-errors.js';
import { RequestSubmission } from './submission.js';
import { GroupTree } from './group-tree.js';
import { RequestDetails } from './request-details.js';
import { DraftController } from '../../base/draft-controller.js';
import { renderOutcome } from './request-outcome.js';
import { renderSubmitSection } from './submit-section.js';
import { AccountChoice } from './account-choice.js';
import { renderCustomerSection } from './customer-section.js';
import { PendingSelection } from './pending-selection.js';

/** Largest group that starts with its countries expanded, by default. */
const DEFAULT_EXPAND_THRESHOLD = 50;

/**
 * Turns "I found my customer" into a connection request: the supplier
 * account, one legal entity or several from its group, vendor code, notes and a supporting
 * document, then **Connect** — and shows what the network answered.
 *
 * Give it a `customer` (or `customer-id`) for one entity, or a `group-id` for the group.
 * "View group" switches a single customer to its group with that entity ticked; `group`
 * does the same from the host (as soon as a customer fetched by ID arrives). `mode` says
 * which it is; `selectedIds` reads (and sets back) what is ticked — `unselectedIds` what is
 * not, shorter after "Select the whole group", and `countrySelection` by country, short when
 * both are long — and `tn-selection-change` tells of every change the user makes, for a host
 * that keeps the flow's state.
 *
 * A group's entities are listed by country. A group of more than `expand-threshold` (50)
 * entities starts with its countries collapsed — but for the country of the customer "View
 * group" came from, whose row is ticked and in view; a filter shows what it matches expanded.
 * "Show: All / Selected (n)" lists only the ticked entities, to review them before sending.
 * Entities already connected, and those that require the vendor code, say so in words. The
 * list is as tall as its rows up to `--tn-group-tree-height`, then scrolls, the country of the
 * rows at its top staying in view; a group of at most 12 entities shows every row.
 *
 * With `keep-drafts`, what the user typed and has not sent (account, vendor code, notes — not
 * the attachment) is kept in the tab's `sessionStorage` for this customer, so a reload finds
 * it; the draft is removed once the request is sent, or emptied.
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
 * @fires tn-selection-change - The user ticked or unticked entities, or switched to the group. `detail: { mode, groupId?, selectedIds }`.
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
 * @csspart show - "Show: All / Selected (n)", the switch between every entity and the ticked ones.
 * @csspart show-all - Its "All" button.
 * @csspart show-selected - Its "Selected (n)" button.
 * @csspart tree - The group's entities (scrolls).
 * @csspart country-heading - The country of the rows at the top of the scrolled tree.
 * @csspart row - Each tree row.
 * @csspart row-country - A country's row (also a `row`).
 * @csspart row-entity - A legal entity's row (also a `row`).
 * @csspart row-active - The row the keyboard is on (also a `row`).
 * @csspart marker - An entity's "Already connected" or "Needs vendor code".
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
 * @cssprop [--tn-group-tree-height=20em] - Height at which the group's list scrolls (it is as tall as its rows up to this).
 */
export class TnGroupPicker extends TnElement {
  static override styles = [tokens, shared, fieldStyles, supportCaseOutcomeStyles, styles];
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
    expandThreshold: { attribute: 'expand-threshold', min: 0, max: 1_000_000, fallback: DEFAULT_EXPAND_THRESHOLD, integer: true },
  };

  /** The supplier's accounts and the one chosen. */
  private readonly account = new AccountChoice(this, {
    adapter: () => this.api,
    preset: () => this.accountId,
    report: (error, retry) => this.reportError('listAccounts', error, retry),
  });

  private readonly customerTask = new Task(this, {
    args: () => [this.api, this.customer ? undefined : this.customerId] as const,
    // The ID asked for travels with the answer (the network may spell it differently).
    task: async ([adapter, id], { signal }) => {
      if (!adapter || !id) return initialState;
      return { requested: id, customer: await adapter.getCustomer(id, { signal }) };
    },
    onError: (error) => this.reportError('getCustomer', error, () => rerun(this.customerTask)),
  });

  private readonly groupTask = new Task(this, {
    args: () => [this.api, this.requestMode === 'group' ? this.activeGroupId : undefined, this.account.choice] as const,
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
      return this.submission.send(adapter, signal, this.content());
    },
    onComplete: (outcome) => this.answered(outcome),
    onError: (error) => this.submitFailed(error),
  });

  /** The form's errors: the picker's checks and the server's, each on its field. */
  private readonly fieldErrors = new FieldErrorsController<Field>(this, {
    order: FIELD_ORDER,
    selector: (field) => `[data-field="${field}"]`,
  });

  /** The group's entities: filter, bulk actions, count and the tree. */
  private readonly tree = new GroupTree(this, {
    error: () => this.fieldErrors.errors.entityIds,
    changed: (how) => {
      if (how === 'ticked') this.fieldErrors.clear('entityIds');
      this.selectionChanged();
    },
  });

  /** Vendor code, notes and attachment. */
  private readonly details = new RequestDetails(this, {
    errors: () => this.fieldErrors.errors,
    setError: (field, message) => this.fieldErrors.put(field, message),
    vendorCodeRequired: () => this.vendorCodeRequired,
  });

  /** The unsent account, vendor code and notes, with `keep-drafts`. */
  private readonly draft = new DraftController(this, {
    kind: 'request',
    enabled: () => this.keepDrafts,
    scope: () => this.customerId ?? this.customer?.id ?? this.groupId,
    finished: () => !!this.outcome,
    read: () => ({ accountId: this.account.choice, vendorCode: this.details.vendorCode, notes: this.details.notes }),
    restore: ({ accountId, vendorCode, notes }) => {
      this.account.restore(accountId);
      if (vendorCode !== undefined) this.details.vendorCode = vendorCode;
      if (notes !== undefined) this.details.notes = notes;
    },
  });

  @state() private requestMode: 'single' | 'group' = 'single';
  @state() private outcome?: ConnectionOutcome;
  /** What to tick when the group arrives. */
  private readonly pending = new PendingSelection();
  /** Idempotency key and upload of what was last sent. */
  private readonly submission = new RequestSubmission(this.details);

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

  /**
   * Shows the customer's group, with the customer ticked, instead of the customer alone (what
   * "View group" does; set before a customer fetched by `customer-id` arrives, it switches
   * when it does). The user's "View group" sets it.
   */
  @property({ type: Boolean }) group = false;

  /**
   * Keeps the form on screen once the network has answered (the outcome events still fire),
   * for a host that shows the outcome itself, like `<tn-customer-connect>`: sending the form
   * again unchanged reuses the same idempotency key, so the network answers the same request.
   */
  @property({ type: Boolean, attribute: 'hide-outcome' }) hideOutcome = false;

  /** Hides the outcome's "Make another request" (for hosts, like `<tn-customer-connect>`, that offer their own next step). */
  @property({ type: Boolean, attribute: 'hide-restart' }) hideRestart = false;

  /** Longest notes accepted: 1–10000. */
  @property({ type: Number, attribute: 'notes-max-length' }) notesMaxLength = 1000;

  /**
   * Keeps the unsent account, vendor code and notes in the tab's `sessionStorage` (per
   * customer), so that a reload finds them; removed when the request is sent or the fields emptied.
   */
  @property({ type: Boolean, attribute: 'keep-drafts' }) keepDrafts = false;

  /**
   * Largest group whose countries all start expanded: 0–1000000 entities. A larger group
   * starts with its countries collapsed, but for the country of the customer "View group"
   * came from (the customer's row ticked, in view); one in a single country shows it
   * expanded. Read when the group loads.
   */
  @property({ type: Number, attribute: 'expand-threshold' }) expandThreshold = DEFAULT_EXPAND_THRESHOLD;

  /** Whether the request is for one legal entity (`single`) or picks from its group (`group`). */
  get mode(): 'single' | 'group' {
    return this.requestMode;
  }

  /**
   * The ticked entities' network IDs, in group mode (empty in single mode). Set, the group's
   * entities with these IDs are ticked and no others — at once when the group is shown,
   * else when it arrives; IDs not in the group, or of entities already connected, are left out.
   */
  get selectedIds(): string[] {
    const { pending } = this;
    if (this.requestMode !== 'group' || pending.byCountry) return [];
    if (pending.ids) return [...pending.ids];
    const selection = this.groupShown ? this.tree.selection : undefined;
    return selection ? [...selection.selected] : [...pending.ticks];
  }

  set selectedIds(ids: readonly string[]) {
    // Shown, the group has taken what was pending: the ticks change at once.
    if (this.groupShown) this.tree.select(ids);
    else this.pending.setIds(ids);
    this.requestUpdate();
  }

  /**
   * In group mode, the group's entities that could be ticked and are not, in the list's
   * order (empty in single mode, and while the group is on its way). Set, every entity of
   * the group that can be ticked is ticked but these — at once when the group is shown, else
   * when it arrives: after "Select the whole group" on a large group, the short way to keep
   * and restore the selection. Of `selectedIds`, `unselectedIds` and `countrySelection`, the
   * last one set wins.
   */
  get unselectedIds(): string[] {
    const { pending } = this;
    if (this.requestMode !== 'group') return [];
    if (pending.byCountry) return pending.byCountry.countries === 'all' ? [...pending.byCountry.unselectedIds] : [];
    if (pending.ids || !this.groupShown) return [];
    return this.tree.selection?.unselectedIds() ?? [];
  }

  set unselectedIds(ids: readonly string[]) {
    if (this.groupShown) this.tree.selectByCountry({ countries: 'all', selectedIds: [], unselectedIds: ids });
    else this.pending.setAllBut(ids);
    this.requestUpdate();
  }

  /**
   * In group mode, what is ticked in a form that stays short when `selectedIds` and
   * `unselectedIds` are both long (five countries of a group of 10,000): the countries mostly
   * ticked, with their exceptions, and the entities ticked elsewhere (empty lists in single
   * mode, and while the group is on its way after `unselectedIds` was set). Set, it ticks
   * exactly that, at once or when the group arrives; codes and IDs not in the group are left out.
   */
  get countrySelection(): CountrySelection {
    if (this.requestMode !== 'group') return { countries: [], selectedIds: [], unselectedIds: [] };
    const waiting = this.pending.waitingByCountry();
    if (waiting) return waiting;
    const selection = this.groupShown && !this.pending.ids ? this.tree.selection : undefined;
    return selection ? selection.countrySelection() : { countries: [], selectedIds: this.selectedIds, unselectedIds: [] };
  }

  set countrySelection(value: CountrySelection) {
    if (this.groupShown) this.tree.selectByCountry(value);
    else this.pending.setByCountry(value);
    this.requestUpdate();
  }

  /** The group mode's group is the one the tree holds (it may be reloading for another account). */
  private get groupShown(): boolean {
    return this.requestMode === 'group' && !!this.tree.selection && this.tree.groupId === this.activeGroupId;
  }

  /**
   * The customer in effect: the `customer` property, or the one fetched by `customer-id` —
   * never the previous ID's while the new one is on its way.
   */
  private get chosenCustomer(): CustomerEntity | undefined {
    if (this.customer) return this.customer;
    const fetched = this.customerTask.status === TaskStatus.COMPLETE ? this.customerTask.value : undefined;
    return fetched && fetched.requested === this.customerId ? fetched.customer : undefined;
  }

  /** The group shown in group mode: `group-id`, or the chosen customer's group. */
  private get activeGroupId(): string | undefined {
    return this.groupId ?? this.chosenCustomer?.group?.id;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('groupId') && this.groupId) this.requestMode = 'group';
    // The host names the account: it becomes the choice (once the accounts are known, checked against them).
    if (changed.has('accountId') && this.accountId) this.account.preset(this.accountId);
    if (changed.has('customer') || changed.has('customerId')) {
      if (!this.groupId) this.requestMode = 'single';
      this.outcome = undefined;
    }
    // `group`: the customer's group as soon as the customer (maybe fetched by ID) is known.
    if (this.group && !this.groupId) this.showGroup();
  }

  /** Switches to the customer's group, with the customer ticked (sets `group`). */
  viewGroup(): void {
    this.group = true;
    this.showGroup();
  }

  /** In single mode, once the customer and its group are known: the group, the customer ticked. */
  private showGroup(): void {
    const customer = this.chosenCustomer;
    if (this.requestMode === 'group' || !customer?.group) return;
    this.pending.cameFromEntity(customer.id);
    this.requestMode = 'group';
    this.fieldErrors.clear('entityIds');
    this.emit('tn-mode-change', { mode: 'group', groupId: customer.group.id });
    this.selectionChanged();
  }

  /** Submits the request, as the Connect button does. */
  submit(): void {
    if (this.submitTask.status === TaskStatus.PENDING) return;
    this.fieldErrors.set(inOwnLanguage(this, () => this.validate()));
    if (this.fieldErrors.any) {
      this.fieldErrors.focusFirst();
      return;
    }
    const customers = this.selectedCustomers();
    const { vendorCode, notes, file } = this.details;
    const allowed = this.emit(
      'tn-request-connection',
      {
        accountId: this.account.choice,
        customers,
        ...(vendorCode.trim() ? { vendorCode: vendorCode.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(file ? { attachment: { name: file.name, size: file.size, type: file.type } } : {}),
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
    this.outcome = undefined;
    this.details.clear();
    this.draft.discard();
    this.fieldErrors.set({});
    this.submission.forget();
    const ticked = this.tree.selection?.selected.size ?? 0;
    this.tree.clear();
    if (ticked > 0 && this.requestMode === 'group') this.selectionChanged();
  }

  /** Attaches `file` if it is acceptable; otherwise says why and keeps what was there. */
  attach(file: File): void {
    this.details.attach(file);
  }

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-group-picker');
    if (this.outcome && !this.hideOutcome) {
      return renderOutcome(this.outcome, {
        viewCase: (supportCase) => this.emit('tn-view-case', viewCaseDetail(supportCase)),
        ...(this.hideRestart ? {} : { restart: () => this.reset() }),
      });
    }
    const busy = this.submitTask.status === TaskStatus.PENDING;
    const failure = this.failureOf(this.submitTask);
    return html`<form part="base" class="base" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.onSubmit}>
      ${this.renderAccount()} ${this.requestMode === 'group' ? this.renderGroup() : this.renderCustomer()}
      ${this.details.render()}
      ${renderSubmitSection({ busy, ...(failure ? { error: failure } : {}), retry: () => this.submit() })}
    </form>`;
  }

  // ----- account and customer

  private renderAccount(): TemplateResult {
    return this.account.render(this.fieldErrors.errors.accountId, () => this.fieldErrors.clear('accountId'));
  }

  private renderCustomer(): TemplateResult {
    const failure = this.failureOf(this.customerTask);
    const customer = this.chosenCustomer;
    return renderCustomerSection({
      ...(customer ? { customer } : {}),
      ...(failure ? { failure: { code: failure.code, retry: () => rerun(this.customerTask) } } : {}),
      loading: !!this.customerId,
      viewGroup: () => this.viewGroup(),
    });
  }

  // ----- group mode

  private groupLoaded(group: CustomerGroup): void {
    const before = this.tree.groupId === group.id ? this.tree.selection?.selected.size : undefined;
    const { load, fromHost, unreported } = this.pending.take();
    this.tree.load(group, { ...load, expandThreshold: this.expandThreshold });
    // Reloaded for another account: entities connected on that account are ticked no more.
    const untickedByReload = !fromHost && before !== undefined && before !== this.tree.selection?.selected.size;
    if (unreported || untickedByReload) this.selectionChanged();
  }

  /** Tells the host what the request is for now (after the user changed it). */
  private selectionChanged(): void {
    // Which entities are ticked is not known until the group is shown.
    if (this.pending.byCountry && !this.groupShown) {
      this.pending.unreported = true;
      return;
    }
    const groupId = this.requestMode === 'group' ? this.activeGroupId : undefined;
    this.emit('tn-selection-change', {
      mode: this.requestMode,
      ...(groupId ? { groupId } : {}),
      selectedIds: this.selectedIds,
    });
  }

  private renderGroup(): TemplateResult {
    const task = this.groupTask;
    const failure = this.failureOf(task);
    // While the group reloads for another account, the list stays as it was (no flash, focus
    // and scroll kept); the reloaded flags replace it when they arrive.
    const group =
      task.status === TaskStatus.COMPLETE || (task.status === TaskStatus.PENDING && task.value?.id === this.activeGroupId)
        ? task.value
        : undefined;
    return this.tree.renderSection({
      ...(group ? { group } : {}),
      ...(failure ? { failure: { code: failure.code, retry: () => rerun(this.groupTask) } } : {}),
    });
  }

  // ----- submit

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  // ----- logic

  /** The customers of the request that require the vendor code: the chosen one, or the ticked ones. */
  private vendorCodeCustomers(): CustomerEntity[] {
    if (this.requestMode === 'group') return this.tree.selection?.vendorCodeTicked() ?? [];
    return this.chosenCustomer?.requiresVendorCode ? [this.chosenCustomer] : [];
  }

  private get vendorCodeRequired(): boolean {
    if (this.requestMode === 'group') return this.tree.selection?.needsVendorCode ?? false;
    return !!this.chosenCustomer?.requiresVendorCode;
  }

  private selectedCustomers(): CustomerEntity[] {
    if (this.requestMode === 'group') {
      const selection = this.tree.selection;
      return selection ? [...selection.selected].map((id) => selection.byId.get(id)!).filter(Boolean) : [];
    }
    return this.chosenCustomer ? [this.chosenCustomer] : [];
  }

  private validate(): FieldErrors {
    return checkRequest({
      accountId: this.account.choice,
      mode: this.requestMode,
      selected: this.selectedCustomers().length,
      vendorCode: this.details.vendorCode,
      notes: this.details.notes,
      limits: this,
      vendorCodeRequired: this.vendorCodeRequired,
      vendorCodeCustomers: () => this.vendorCodeCustomers(),
      attachmentError: this.fieldErrors.errors.attachment,
    });
  }

  /** What the form asks for, as sent (the attachment is the details' own). */
  private content() {
    const { vendorCode, notes } = this.details;
    return {
      accountId: this.account.choice,
      entityIds: this.selectedCustomers().map((c) => c.id),
      ...(vendorCode.trim() ? { vendorCode: vendorCode.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
  }

  private answered(outcome: ConnectionOutcome): void {
    this.details.settled();
    this.submission.forget();
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
    this.details.settled();
    const failure = adapterFailure(error);
    if (failure?.code === 'invalid') {
      const message = (field: Field, { code, message }: { code: string; message?: string }) => {
        const needing = field === 'vendorCode' && code === 'required' ? this.vendorCodeCustomers() : [];
        return needing.length ? vendorCodeRequiredBy(needing) : fieldErrorMessage(code, message);
      };
      inOwnLanguage(this, () => this.fieldErrors.fromServer(failure.fieldErrors, message, (name) => this.submission.fieldOf(name)));
      this.fieldErrors.focusFirst();
    }
    this.reportError(this.submission.operation, error, () => this.submit());
  }
}
