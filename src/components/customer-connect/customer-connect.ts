import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextProvider } from '@lit/context';
import { TnElement } from '../../base/tn-element.js';
import { discardDraft } from '../../base/draft.js';
import { focusHeading } from '../../base/heading-focus.js';
import { renderNotConfigured } from '../../base/error-states.js';
import { headingLevel } from '../../base/heading-level.js';
import { supportCaseOutcomeStyles, viewCaseDetail } from '../../base/support-case-outcome.js';
import { adapterContext } from '../../adapter/context.js';
import { SupplierAccountsSchema, SupportCaseSchema } from '../../adapter/later-schemas.js';
import type { CustomerEntity, Relationship, SkippedEntity, VerificationSession } from '../../adapter/types.js';
import type { FlowLocation, FlowStep } from '../../base/events.js';
import type { TnGroupPicker } from '../group-picker/group-picker.js';
import { tokens, shared } from '../../styles/tokens.js';
import { styles } from './customer-connect.styles.js';
import { renderNav, renderProgress, stepTitle } from './flow-chrome.js';
import { FlowHistory, MAX_SELECTED_IN_LOCATION, readLocation, sameLocation, selectionInLocation } from './flow-location.js';
import { connectedDone, outcomeStyles, supportCaseDone } from './flow-outcome.js';
import { DoneStep } from './done-step.js';
import { FlowRequest } from './flow-request.js';
import type { RequestTarget } from './flow-request.js';
import type { Done } from './flow-outcome.js';

/** How a navigation enters the browser history (`none`: a restore, the host holds it already). */
type HistoryEntry = 'push' | 'replace' | 'none';

/**
 * The whole Customer Connect flow in one tag: **search** the directory →
 * **request** the connection (one legal entity, or several from its group) → **verify** the
 * relationship with invoice history when the network asks for it → **done** (connected, or a
 * support case with its reference and processing deadline). "Connect without verification"
 * inside the verification falls back to a support case.
 *
 * It is a conductor, not a new UI: each step is the standalone element
 * (`<tn-customer-search>`, `<tn-group-picker>`, `<tn-verify-invoice>`), kept alive while
 * hidden, so **Back** returns to the previous step exactly as the user left it (query and
 * results, ticked entities, vendor code, notes, attachment). **Start over** empties
 * everything. Each new step's title takes focus, so keyboard and screen-reader users land
 * on it. The flow gives its adapter (its `adapter` property, or the one its own ancestors
 * provide) to its children through context.
 *
 * Every child event still reaches the host (they bubble and are composed).
 *
 * **Location, history and reload.** `location` is where the flow stands as plain JSON — step,
 * search text, customer or group, group mode and ticked entities (up to 1,000 listed; more,
 * as after "Select the whole group" on a large group, kept as the few left unticked),
 * verification, outcome reference — and `navigate(location)` returns there. Two ways to
 * keep the browser's Back, Forward and reload in step:
 * - add `manage-history`: the flow pushes one history entry per step (same URL; its location
 *   sits in `history.state` under `history-key`), follows Back and Forward, and after a reload
 *   returns to the step it was on, the done step included;
 * - or own the history in the host: `tn-flow-location-change` says `push` or `replace` with
 *   the location to keep; on `popstate` (or after a reload) give it back to `navigate()`.
 *
 * The location holds no form values. Add `keep-drafts` and what the user typed but has not
 * sent (the request's account, vendor code and notes; the verification's answers) is kept in
 * the tab's `sessionStorage` until it is sent, so a reload finds the form as it was.
 *
 * To deep-link, set `query` (search pre-filled), `customer-id` (straight to the request for
 * that entity; add `group` for its group), `group-id` (the request on a whole group) or
 * `verification-id` (resume a pending verification). `min-chars`, `debounce` and
 * `page-size` tune the search step as they tune `<tn-customer-search>`; `adapter-timeout`
 * applies to every step.
 *
 * The done step recaps the request — customer or entities, account, vendor code — with the
 * support case's reference to note, what happens next and by when, and "View the case".
 *
 * @summary Search → request → verification → done, composed in one element.
 *
 * @fires tn-flow-step-change - The flow moved to another step. `detail: { step, previous, customerId?, groupId?, verificationId?, supportCaseReference? }`.
 * @fires tn-flow-location-change - The user moved the flow: keep `detail.location` in the history (`detail.history` is `push` or `replace`).
 * @fires tn-connect - (from the search) The user chose Connect on a result.
 * @fires tn-view-group - (from the search) The user chose View group.
 * @fires tn-search - (from the search) Results arrived.
 * @fires tn-request-connection - (from the request) Cancelable: the user submitted the request.
 * @fires tn-verification-required - (from the request) The network asks for a verification.
 * @fires tn-support-case-opened - (request or verification) The network opened a support case.
 * @fires tn-connected - (request or verification) The supplier is connected.
 * @fires tn-step-change - (from the verification) The verification moved to another step.
 * @fires tn-verification-rejected - (from the verification) The invoice details did not match.
 * @fires tn-verified - (from the verification) Verified.
 * @fires tn-view-case - The user asked to see a support case (from the done step, or a step's own outcome).
 * @fires tn-mode-change - (from the request) One entity ↔ its group.
 * @fires tn-selection-change - (from the request) The ticked entities or the mode changed.
 * @fires tn-error - An adapter call failed in a step. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart progress - The list of steps.
 * @csspart progress-step - One step in that list.
 * @csspart progress-step-current - The current step in that list.
 * @csspart title - The current step's title (a heading).
 * @csspart nav - The Back / Start over bar.
 * @csspart back - The Back button.
 * @csspart start-over - The Start over button (and "Connect with another customer" when done).
 * @csspart step - Each step's container.
 * @csspart outcome - The done step: recap, reference, what happens next.
 * @csspart recap - The recap list (customer, account, vendor code, reference).
 * @csspart reference - The support case reference.
 * @csspart support-case - The support case's deadline, reference and button.
 * @csspart view-case - The "View the case" button.
 * @csspart error - An error message (the support case could not be loaded).
 * @csspart retry - The "Try again" button.
 *
 * @cssprop [--tn-flow-gap=1em] - Space between the flow's parts.
 */
export class TnCustomerConnect extends TnElement {
  static override styles = [tokens, shared, supportCaseOutcomeStyles, outcomeStyles, styles];
  /**
   * What the flow itself asks of its adapter (the done step's case and account name).
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
    minChars: { attribute: 'min-chars', min: 1, max: 10, fallback: 2, integer: true },
    debounce: { attribute: 'debounce', min: 0, max: 2000, fallback: 250 },
    pageSize: { attribute: 'page-size', min: 1, max: 100, fallback: 20, integer: true },
    headingLevel: { attribute: 'heading-level', min: 1, max: 6, fallback: 2, integer: true },
  };

  private readonly provider = new ContextProvider(this, { context: adapterContext });

  /** Text to pre-fill the search with (deep link). */
  @property() query?: string;

  /** Open the request for this legal entity, fetched by network ID (deep link). */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** With `customer-id`: open the request on that entity's whole group, the entity ticked. */
  @property({ type: Boolean }) group = false;

  /** Open the request on this corporate group (deep link). */
  @property({ attribute: 'group-id' }) groupId?: string;

  /** Resume this verification (e.g. from a "verification pending" relationship). */
  @property({ attribute: 'verification-id' }) verificationId?: string;

  /** The supplier account to preselect in the request. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /**
   * Keep the browser history in step: one entry per step, Back and Forward between steps,
   * and a reload returns to the step (the location sits in `history.state[historyKey]`).
   */
  @property({ type: Boolean, attribute: 'manage-history' }) manageHistory = false;

  /**
   * Keep the unsent request and verification answers in the tab's `sessionStorage` (the
   * steps' `keep-drafts`), so that a reload finds them; removed once sent. Not the attachment.
   */
  @property({ type: Boolean, attribute: 'keep-drafts' }) keepDrafts = false;

  /** The `history.state` key of the flow's location (give two flows on one page two keys). */
  @property({ attribute: 'history-key' }) historyKey = 'tn-customer-connect';

  /** Level of the step title heading (1–6); the steps' own headings sit one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Characters the search step needs before it searches (its `min-chars`): 1–10. */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 2;

  /** Milliseconds the search step waits after the last keystroke (its `debounce`): 0–2000. */
  @property({ type: Number }) debounce = 250;

  /** Results the search step asks for per page (its `page-size`): 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private current: FlowStep = 'search';
  @state() private session?: VerificationSession;
  @state() private linkedVerificationId?: string;
  @state() private done?: Done;
  /** Whether the path went through a verification (the progress list then shows it). */
  @state() private verifying = false;
  /** The search text, as the search last reported it. */
  private searchText = '';
  /**
   * The text the search starts with, and its key: a new key renders a fresh search holding
   * that text (Start over, a restored location), so the flow never writes into a live one.
   */
  @state() private searchStart = '';
  @state() private searchKey = 0;
  /** The request step: its customer or group, its picker, what was sent. */
  private readonly request = new FlowRequest(this);
  /** Focus the new step's title after the next render (not on first render: no focus stealing). */
  private focusTitle = false;
  /** While `navigate()` restores a location: nothing enters the history. */
  private restoring = false;

  private readonly history = new FlowHistory(this);

  /** The done step's own fetches: the case by reference after a reload, the account's name. */
  private readonly doneStep = new DoneStep(this, {
    adapter: () => this.api,
    done: () => this.done,
    setDone: (done) => (this.done = done),
    requestedAccountId: () => this.request.requested?.accountId,
    report: (operation, error, retry) => this.reportError(operation, error, retry),
    failureOf: (task) => this.failureOf(task),
  });

  /** The step on screen: `search`, `request`, `verify` or `done`. */
  get step(): FlowStep {
    return this.current;
  }

  /** Where the flow stands, as plain JSON: give it back to `navigate()` to return here. */
  get location(): FlowLocation {
    const location: FlowLocation = { step: this.current };
    if (this.searchText) location.query = this.searchText;
    const { customerId, linkedGroupId, selection } = this.request;
    if (this.current !== 'search') {
      if (customerId) location.customerId = customerId;
      if (linkedGroupId) location.groupId = linkedGroupId;
      if (selection?.mode === 'group') {
        if (customerId && !linkedGroupId) location.group = true;
        Object.assign(location, selectionInLocation(selection));
      }
    }
    const verificationId = this.session?.id ?? this.linkedVerificationId;
    if ((this.current === 'verify' || this.current === 'done') && this.verifying && verificationId) {
      location.verificationId = verificationId;
    }
    if (this.current === 'done' && this.done) location.outcome = structuredClone(this.done.outcome);
    return location;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.provider.setValue(this.resolvedAdapter);
    // After a reload, the location saved in the history entry wins over the deep-link attributes.
    const saved = this.hasUpdated ? undefined : this.history.saved;
    if (saved) {
      this.navigate(saved);
    } else if (changed.has('verificationId') && this.verificationId) {
      this.resumeVerification(this.verificationId, 'replace');
    } else if ((changed.has('customerId') || changed.has('group')) && this.customerId) {
      this.openRequest({ customerId: this.customerId, group: this.group }, 'replace');
    } else if (changed.has('groupId') && this.groupId) {
      this.openRequest({ groupId: this.groupId }, 'replace');
    }
    if (changed.has('query') && this.query !== undefined && !saved) this.searchText = this.searchStart = this.query;
  }

  protected override firstUpdated(): void {
    this.history.start();
  }

  protected override updated(): void {
    if (!this.focusTitle) return;
    this.focusTitle = false;
    // After the steps have rendered too: a step that moves focus inside itself on an
    // outcome (the request's outcome heading) must not take it from the flow's title.
    const steps = [...this.renderRoot.querySelectorAll<TnElement>('tn-customer-search, tn-group-picker, tn-verify-invoice')];
    void Promise.all(steps.map((step) => step.updateComplete)).then(() =>
      focusHeading(this.renderRoot.querySelector<HTMLElement>('#flow-title')),
    );
  }

  // ----- public API

  /**
   * Opens the request for `customer` (what Connect in the search does); a network ID is
   * fetched through the adapter.
   */
  connect(customer: CustomerEntity | string): void {
    this.openRequest(typeof customer === 'string' ? { customerId: customer } : { customer });
  }

  /** Opens the request on `customer`'s group, with `customer` ticked (what View group does). */
  viewGroup(customer: CustomerEntity | string): void {
    this.openRequest(typeof customer === 'string' ? { customerId: customer, group: true } : { customer, group: true });
  }

  /**
   * Goes to the verification `id` (fetched through the adapter), e.g. to finish a pending one.
   * `entry` says what the step change does to the browser history: `'push'` (default) adds an
   * entry, `'replace'` replaces the current one, `'none'` leaves the history alone.
   */
  resumeVerification(id: string, entry: HistoryEntry = 'push'): void {
    this.session = undefined;
    this.linkedVerificationId = id;
    this.verifying = true;
    this.done = undefined;
    this.go('verify', entry);
  }

  /** Back to the previous step, as it was left. Does nothing on the first step or once done. */
  back(): void {
    if (this.current === 'request') {
      this.go('search');
    } else if (this.current === 'verify') {
      if (this.request.hasTarget) {
        this.go('request');
      } else {
        this.go('search');
      }
    }
  }

  /** Empties every step and returns to an empty search. */
  startOver(): void {
    this.clear();
    this.go('search');
  }

  /**
   * Returns to `location` (from `location`, `tn-flow-location-change` or the history), the way
   * Back and Forward do: a step already on screen keeps what the user typed. Fields that are
   * not a valid location are ignored. Adds nothing to the history.
   */
  navigate(location: FlowLocation): void {
    const to = readLocation(location);
    if (!to || sameLocation(to, this.location)) return;
    this.restoring = true;
    try {
      if ((to.query ?? '') !== this.searchText) this.freshSearch(to.query ?? '');
      switch (to.step) {
        case 'search':
          this.go('search', 'none');
          break;
        case 'request':
          this.openRequest(
            {
              customerId: to.customerId,
              groupId: to.groupId,
              group: to.group,
              selectedIds: to.selectedIds,
              unselectedIds: to.unselectedIds,
              countries: to.countries,
            },
            'none',
          );
          break;
        case 'verify':
          this.request.keep(to);
          if ((this.session?.id ?? this.linkedVerificationId) === to.verificationId) {
            this.verifying = true;
            this.done = undefined;
            this.go('verify', 'none');
          } else {
            this.resumeVerification(to.verificationId!, 'none');
          }
          break;
        case 'done':
          this.request.keep(to);
          if (to.verificationId) {
            this.verifying = true;
            if ((this.session?.id ?? this.linkedVerificationId) !== to.verificationId) this.linkedVerificationId = to.verificationId;
          }
          if (!sameLocation(this.done && { step: 'done', outcome: this.done.outcome }, { step: 'done', outcome: to.outcome })) {
            this.done = { outcome: to.outcome!, skipped: [] };
          }
          this.go('done', 'none');
          break;
      }
    } finally {
      this.restoring = false;
    }
  }

  /** Moves focus to the current step's title. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#flow-title')?.focus(options));
  }

  // ----- navigation

  private clear(): void {
    this.freshSearch('');
    if (this.keepDrafts) {
      // Start over abandons what was typed: a later request for the same customer starts empty.
      const target = this.request.customerId ?? this.request.linkedGroupId;
      const verificationId = this.session?.id ?? this.linkedVerificationId;
      if (target) discardDraft('request', target);
      if (verificationId) discardDraft('verification', verificationId);
    }
    this.request.clear();
    this.session = undefined;
    this.linkedVerificationId = undefined;
    this.done = undefined;
    this.verifying = false;
  }

  /** A new search holding `text` replaces the one there (its results and what was typed). */
  private freshSearch(text: string): void {
    this.searchText = text;
    this.searchStart = text;
    this.searchKey++;
  }

  private openRequest(target: RequestTarget, entry: HistoryEntry = 'push') {
    this.request.open(target);
    this.session = undefined;
    this.linkedVerificationId = undefined;
    this.done = undefined;
    this.verifying = false;
    this.go('request', entry);
  }

  private go(step: FlowStep, entry: HistoryEntry = 'push'): void {
    const previous = this.current;
    this.current = step;
    // Every navigation lands on the step's title, a repeated one too (e.g. resuming a
    // verification while another is on screen).
    this.focusTitle = this.hasUpdated;
    this.requestUpdate();
    if (previous !== step || step === 'request') {
      this.emit('tn-flow-step-change', {
        step,
        previous,
        ...(this.request.customerId ? { customerId: this.request.customerId } : {}),
        ...(this.request.linkedGroupId ? { groupId: this.request.linkedGroupId } : {}),
        ...(this.session?.id || this.linkedVerificationId
          ? { verificationId: this.session?.id ?? this.linkedVerificationId }
          : {}),
        ...(step === 'done' && this.done?.outcome.kind === 'support-case'
          ? { supportCaseReference: this.done.outcome.reference }
          : {}),
      });
    }
    if (entry !== 'none') this.locationChanged(entry);
  }

  /** Tells the host (and the history, with `manage-history`) where the user took the flow. */
  private locationChanged(entry: 'push' | 'replace'): void {
    if (this.restoring) return;
    this.history.save(entry);
    this.emit('tn-flow-location-change', { location: this.location, history: entry });
  }


  // ----- child events (they keep bubbling to the host)

  private onConnect(event: GlobalEventHandlersEventMap['tn-connect']): void {
    this.openRequest({ customer: event.detail.customer });
  }

  private onViewGroup(event: GlobalEventHandlersEventMap['tn-view-group']): void {
    this.openRequest({ customer: event.detail.customer, group: true });
  }

  private onSearch(event: GlobalEventHandlersEventMap['tn-search']): void {
    if (event.detail.query === this.searchText) return;
    this.searchText = event.detail.query;
    if (this.current === 'search') this.locationChanged('replace');
  }

  private onSelection(event: GlobalEventHandlersEventMap['tn-selection-change']): void {
    const { mode, selectedIds } = event.detail;
    const picker = event.target as TnGroupPicker;
    // Too many ticked to keep in a location: what is left unticked may be few (the whole
    // group), or else the countries ticked as a whole with their exceptions (some countries).
    const unselectedIds = selectedIds.length > MAX_SELECTED_IN_LOCATION ? picker.unselectedIds : undefined;
    const byCountry = unselectedIds && unselectedIds.length > MAX_SELECTED_IN_LOCATION ? picker.countrySelection : undefined;
    this.request.selection = { mode, selectedIds, ...(unselectedIds ? { unselectedIds } : {}), ...(byCountry ? { byCountry } : {}) };
    if (this.current === 'request') this.locationChanged('replace');
  }

  private onRequest(event: GlobalEventHandlersEventMap['tn-request-connection']): void {
    const { accountId, vendorCode } = event.detail;
    this.request.requested = { accountId, ...(vendorCode ? { vendorCode } : {}) };
  }

  private onVerificationRequired(event: GlobalEventHandlersEventMap['tn-verification-required']): void {
    this.session = event.detail.verification;
    this.linkedVerificationId = undefined;
    this.verifying = true;
    this.go('verify');
  }

  private onSupportCase(event: GlobalEventHandlersEventMap['tn-support-case-opened']): void {
    this.done = supportCaseDone(event.detail.supportCase, event.detail.skipped, this.request.requested);
    this.go('done');
  }

  private onConnected(relationships: Relationship[], skipped: SkippedEntity[]): void {
    this.done = connectedDone(relationships, skipped, this.request.requested);
    this.go('done');
  }

  // ----- render

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-customer-connect');
    const step = this.current;
    return html`<div part="base" class="base">
      ${renderProgress(this.current, this.verifying)}
      <div class="head">
        <div
          id="flow-title"
          part="title"
          class="title"
          role="heading"
          aria-level=${this.level(0)}
          tabindex="-1"
        >
          ${stepTitle(step, this.done?.outcome.kind === 'connected')}
        </div>
        ${renderNav(step, () => this.back(), () => this.startOver())}
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${step !== 'search'}
        @tn-connect=${this.onConnect}
        @tn-view-group=${this.onViewGroup}
        @tn-search=${this.onSearch}
      >
        ${keyed(
          this.searchKey,
          html`<tn-customer-search
            .value=${this.searchStart}
            .minChars=${this.minChars}
            .debounce=${this.debounce}
            .pageSize=${this.pageSize}
            .adapterTimeout=${this.adapterTimeout}
          ></tn-customer-search>`,
        )}
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${step !== 'request'}
        @tn-request-connection=${this.onRequest}
        @tn-selection-change=${this.onSelection}
        @tn-verification-required=${this.onVerificationRequired}
        @tn-support-case-opened=${this.onSupportCase}
        @tn-connected=${(e: GlobalEventHandlersEventMap['tn-connected']) => this.onConnected(e.detail.relationships, e.detail.skipped)}
      >
        ${this.request.render({ accountId: this.accountId, keepDrafts: this.keepDrafts, adapterTimeout: this.adapterTimeout })}
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${step !== 'verify'}
        @tn-support-case-opened=${this.onSupportCase}
        @tn-verified=${(e: GlobalEventHandlersEventMap['tn-verified']) => this.onConnected(e.detail.relationships, [])}
      >
        <tn-verify-invoice
          .session=${this.session}
          verification-id=${ifDefined(this.linkedVerificationId)}
          heading-level=${this.level(1)}
          ?keep-drafts=${this.keepDrafts}
          .adapterTimeout=${this.adapterTimeout}
        ></tn-verify-invoice>
      </div>
      ${step === 'done'
        ? this.doneStep.render({
            viewCase: (supportCase) => this.emit('tn-view-case', viewCaseDetail(supportCase)),
            startOver: () => this.startOver(),
          })
        : nothing}
    </div>`;
  }

  private level(offset: number): number {
    return headingLevel(this.headingLevel, offset);
  }
}
