import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextProvider } from '@lit/context';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { focusHeading } from '../../base/heading-focus.js';
import { renderNotConfigured } from '../../base/states.js';
import { adapterContext } from '../../adapter/context.js';
import type { CustomerEntity, SupportCase, VerificationSession } from '../../adapter/types.js';
import type { FlowStep } from '../../events.js';
import { formatCount } from '../../format.js';
import { tokens, shared } from '../../styles/tokens.js';
import type { TnCustomerSearch } from '../customer-search/customer-search.js';
import type { TnGroupPicker } from '../group-picker/group-picker.js';
import { styles } from './customer-connect.styles.js';

/** Which child answered last, so "Done" shows that child's outcome. */
type Outcome =
  | { by: 'request'; kind: 'support-case' | 'connected' }
  | { by: 'verify'; kind: 'support-case' | 'connected' };

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
 * Every child event still reaches the host (they bubble and are composed); the flow adds
 * `tn-flow-step-change` so a host can keep its URL or analytics in step. To deep-link, set
 * `query` (search pre-filled), `customer-id` (straight to the request for that entity; add
 * `group` for its group), `group-id` (the request on a whole group) or `verification-id`
 * (resume a pending verification). Changing those later navigates again, so a host can
 * restore a step from its URL on `popstate`. `min-chars`, `debounce` and `page-size` tune the
 * search step as they tune `<tn-customer-search>`; `adapter-timeout` applies to every step.
 *
 * @summary Search → request → verification → done, composed in one element.
 *
 * @fires tn-flow-step-change - The flow moved to another step. `detail: { step, previous, customerId?, groupId?, verificationId?, supportCaseReference? }`.
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
 * @fires tn-view-case - The user asked to see a support case.
 * @fires tn-mode-change - (from the request) One entity ↔ its group.
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
 *
 * @cssprop [--tn-flow-gap=1em] - Space between the flow's parts.
 */
export class TnCustomerConnect extends TnElement {
  static override styles = [tokens, shared, styles];
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

  /** Level of the step title heading (1–6); the steps' own headings sit one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Characters the search step needs before it searches (its `min-chars`): 1–10. */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 2;

  /** Milliseconds the search step waits after the last keystroke (its `debounce`): 0–2000. */
  @property({ type: Number }) debounce = 250;

  /** Results the search step asks for per page (its `page-size`): 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private current: FlowStep = 'search';
  /** The entity the request is for (chosen in the search). */
  @state() private customer?: CustomerEntity;
  /** The entity the request is for, by ID only (deep link). */
  @state() private linkedCustomerId?: string;
  @state() private linkedGroupId?: string;
  @state() private session?: VerificationSession;
  @state() private linkedVerificationId?: string;
  @state() private outcome?: Outcome;
  /** Whether the path went through a verification (the progress list then shows it). */
  @state() private verifying = false;
  private supportCase?: SupportCase;
  /** Focus the new step's title after the next render (not on first render: no focus stealing). */
  private focusTitle = false;

  @query('tn-customer-search') private search?: TnCustomerSearch;
  @query('tn-group-picker') private picker?: TnGroupPicker;

  /** The step on screen: `search`, `request`, `verify` or `done`. */
  get step(): FlowStep {
    return this.current;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.provider.setValue(this.resolvedAdapter);
    if (changed.has('verificationId') && this.verificationId) {
      this.resumeVerification(this.verificationId);
    } else if ((changed.has('customerId') || changed.has('group')) && this.customerId) {
      this.openRequest({ customerId: this.customerId, group: this.group });
    } else if (changed.has('groupId') && this.groupId) {
      this.openRequest({ groupId: this.groupId });
    }
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

  /** Goes to the verification `id` (fetched through the adapter), e.g. to finish a pending one. */
  resumeVerification(id: string): void {
    this.session = undefined;
    this.linkedVerificationId = id;
    this.verifying = true;
    this.go('verify');
  }

  /** Back to the previous step, as it was left. Does nothing on the first step or once done. */
  back(): void {
    if (this.current === 'request') {
      this.go('search');
    } else if (this.current === 'verify') {
      if (this.customer || this.linkedCustomerId || this.linkedGroupId) {
        this.picker?.edit();
        this.go('request');
      } else {
        this.go('search');
      }
    }
  }

  /** Empties every step and returns to an empty search. */
  startOver(): void {
    if (this.search) this.search.value = '';
    this.picker?.reset();
    this.customer = undefined;
    this.linkedCustomerId = undefined;
    this.linkedGroupId = undefined;
    this.session = undefined;
    this.linkedVerificationId = undefined;
    this.outcome = undefined;
    this.verifying = false;
    this.supportCase = undefined;
    this.go('search');
  }

  /** Moves focus to the current step's title. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#flow-title')?.focus(options));
  }

  // ----- navigation

  private openRequest(target: { customer?: CustomerEntity; customerId?: string; groupId?: string; group?: boolean }) {
    const sameCustomer =
      (target.customer && target.customer.id === (this.customer?.id ?? this.linkedCustomerId)) ||
      (target.customerId && target.customerId === (this.customer?.id ?? this.linkedCustomerId));
    const sameTarget = target.groupId ? target.groupId === this.linkedGroupId : sameCustomer;
    // A new customer starts a new request; the same one keeps what the user typed.
    if (!sameTarget) this.picker?.reset();
    else this.picker?.edit();
    this.customer = target.customer;
    this.linkedCustomerId = target.customer ? undefined : target.customerId;
    this.linkedGroupId = target.groupId;
    this.session = undefined;
    this.linkedVerificationId = undefined;
    this.outcome = undefined;
    this.verifying = false;
    this.go('request');
    if (target.group) {
      // The picker learns its customer on this render; switch it to the group afterwards.
      // (A customer fetched by ID switches once it has arrived: the picker remembers.)
      void this.updateComplete.then(() => this.picker?.updateComplete).then(() => this.picker?.viewGroup());
    }
  }

  private go(step: FlowStep): void {
    const previous = this.current;
    this.current = step;
    // Every navigation lands on the step's title, a repeated one too (e.g. resuming a
    // verification while another is on screen).
    this.focusTitle = this.hasUpdated;
    this.requestUpdate();
    if (previous === step && step !== 'request') return;
    this.emit('tn-flow-step-change', {
      step,
      previous,
      ...(this.customer?.id || this.linkedCustomerId ? { customerId: this.customer?.id ?? this.linkedCustomerId } : {}),
      ...(this.linkedGroupId ? { groupId: this.linkedGroupId } : {}),
      ...(this.session?.id || this.linkedVerificationId
        ? { verificationId: this.session?.id ?? this.linkedVerificationId }
        : {}),
      ...(step === 'done' && this.supportCase ? { supportCaseReference: this.supportCase.reference } : {}),
    });
  }

  // ----- child events (they keep bubbling to the host)

  private onConnect(event: GlobalEventHandlersEventMap['tn-connect']): void {
    this.openRequest({ customer: event.detail.customer });
  }

  private onViewGroup(event: GlobalEventHandlersEventMap['tn-view-group']): void {
    this.openRequest({ customer: event.detail.customer, group: true });
  }

  private onVerificationRequired(event: GlobalEventHandlersEventMap['tn-verification-required']): void {
    this.session = event.detail.verification;
    this.linkedVerificationId = undefined;
    this.verifying = true;
    this.go('verify');
  }

  private onSupportCase(event: GlobalEventHandlersEventMap['tn-support-case-opened'], by: Outcome['by']): void {
    this.supportCase = event.detail.supportCase;
    this.outcome = { by, kind: 'support-case' };
    this.go('done');
  }

  private onConnected(by: Outcome['by']): void {
    this.outcome = { by, kind: 'connected' };
    this.go('done');
  }

  // ----- render

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-customer-connect');
    const step = this.current;
    const showRequest = step === 'request' || (step === 'done' && this.outcome?.by === 'request');
    const showVerify = step === 'verify' || (step === 'done' && this.outcome?.by === 'verify');
    return html`<div part="base" class="base">
      ${this.renderProgress()}
      <div class="head">
        <div
          id="flow-title"
          part="title"
          class="title"
          role="heading"
          aria-level=${this.level(0)}
          tabindex="-1"
        >
          ${this.stepTitle(step)}
        </div>
        ${this.renderNav()}
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${step !== 'search'}
        @tn-connect=${this.onConnect}
        @tn-view-group=${this.onViewGroup}
      >
        <p class="lead">${msg('Search your customers and request a connection')}</p>
        <tn-customer-search
          .value=${this.query ?? ''}
          .minChars=${this.minChars}
          .debounce=${this.debounce}
          .pageSize=${this.pageSize}
          .adapterTimeout=${this.adapterTimeout}
        ></tn-customer-search>
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${!showRequest}
        @tn-verification-required=${this.onVerificationRequired}
        @tn-support-case-opened=${(e: GlobalEventHandlersEventMap['tn-support-case-opened']) =>
          this.onSupportCase(e, 'request')}
        @tn-connected=${() => this.onConnected('request')}
      >
        <tn-group-picker
          hide-restart
          .customer=${this.customer}
          customer-id=${ifDefined(this.linkedCustomerId)}
          group-id=${ifDefined(this.linkedGroupId)}
          account-id=${ifDefined(this.accountId || undefined)}
          .adapterTimeout=${this.adapterTimeout}
        ></tn-group-picker>
      </div>
      <div
        part="step"
        class="step"
        ?hidden=${!showVerify}
        @tn-support-case-opened=${(e: GlobalEventHandlersEventMap['tn-support-case-opened']) =>
          this.onSupportCase(e, 'verify')}
        @tn-verified=${() => this.onConnected('verify')}
      >
        <tn-verify-invoice
          .session=${this.session}
          verification-id=${ifDefined(this.linkedVerificationId)}
          heading-level=${this.level(1)}
          .adapterTimeout=${this.adapterTimeout}
        ></tn-verify-invoice>
      </div>
      ${step === 'done'
        ? html`<div class="done-actions">
            <button part="start-over" class="button primary" type="button" @click=${() => this.startOver()}>
              ${msg('Connect with another customer')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderProgress(): TemplateResult {
    const steps: FlowStep[] = this.verifying ? ['search', 'request', 'verify', 'done'] : ['search', 'request', 'done'];
    const at = steps.indexOf(this.current);
    return html`<ol part="progress" class="progress" aria-label=${msg('Progress')}>
      ${steps.map((step, index) => {
        const current = index === at;
        return html`<li
          part=${current ? 'progress-step progress-step-current' : 'progress-step'}
          class=${index < at ? 'past' : current ? 'current' : 'future'}
          aria-current=${current ? 'step' : 'false'}
        >
          <span class="number" aria-hidden="true">${formatCount(index + 1)}</span>
          <span class="name">${this.stepName(step)}</span>
          ${current
            ? html`<span class="visually-hidden position">
                ${msg(str`(step ${formatCount(index + 1)} of ${formatCount(steps.length)})`, {
                  desc: 'After the current step’s name in the progress list, for screen readers',
                })}</span
              >`
            : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private renderNav(): TemplateResult | typeof nothing {
    const step = this.current;
    const canGoBack = step === 'request' || step === 'verify';
    if (step === 'search' || step === 'done') return nothing;
    return html`<div part="nav" class="nav">
      ${canGoBack
        ? html`<button part="back" class="button" type="button" @click=${() => this.back()}>
            <span aria-hidden="true" class="arrow">←</span> ${msg('Back')}
          </button>`
        : nothing}
      <button part="start-over" class="button link" type="button" @click=${() => this.startOver()}>
        ${msg('Start over')}
      </button>
    </div>`;
  }

  private stepName(step: FlowStep): string {
    switch (step) {
      case 'search':
        return msg('Find your customer', { desc: 'Flow step 1: search the directory' });
      case 'request':
        return msg('Request the connection', { desc: 'Flow step 2: the connection request form' });
      case 'verify':
        return msg('Verify', { desc: 'Flow step: invoice-history verification' });
      case 'done':
        return msg('Done', { desc: 'Flow step: last, the outcome' });
    }
  }

  private stepTitle(step: FlowStep): string {
    if (step === 'done') {
      return this.outcome?.kind === 'connected'
        ? msg('You are connected', { desc: 'Flow title once the supplier is connected' })
        : msg('Your request has been received', { desc: 'Flow title once a support case was opened' });
    }
    if (step === 'verify') return msg('Verify your relationship', { desc: 'Flow title at the verification step' });
    return this.stepName(step);
  }

  private level(offset: number): number {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + offset);
    return level;
  }
}
