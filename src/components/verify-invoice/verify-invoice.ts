import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { focusHeading } from '../../base/heading-focus.js';
import { SupportCaseSchema, VerificationResultSchema, VerificationSessionSchema } from '../../adapter/schemas.js';
import { errorMessage, renderErrorNotice, renderNotConfigured, rerun } from '../../base/states.js';
import { systemClock } from '../../base/clock.js';
import type { Clock } from '../../base/clock.js';
import {
  renderSupportCaseOutcome,
  supportCaseOutcomeStyles,
  supportCaseTitle,
  viewCaseDetail,
} from '../../base/support-case-outcome.js';
import { isAbort, toAdapterError, TnAdapterError } from '../../adapter/errors.js';
import type {
  ChallengeAnswer,
  CustomerConnectAdapter,
  InvoiceEvidence,
  Relationship,
  SupportCase,
  VerificationResult,
  VerificationSession,
  VerificationStep,
} from '../../adapter/types.js';
import type { VerifyInvoiceStep } from '../../events.js';
import { amountExample, localIsoDate, parseAmount, parseInvoiceDate } from '../../parse.js';
import type { AmountError } from '../../parse.js';
import { displayText, formatCount, isolated } from '../../format.js';
import { getLocale } from '../../localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import { styles } from './verify-invoice.styles.js';

/** The two steps that ask the supplier for invoice details. */
type FormStep = 'evidence' | 'challenge';

/** Fields that can carry an error, in the order focus visits them. */
type Field = 'invoiceNumber' | 'invoiceDate' | 'amount';
const FIELD_ORDER: Field[] = ['invoiceNumber', 'invoiceDate', 'amount'];
const FIELD_IDS: Record<Field, string> = {
  invoiceNumber: 'invoice-number',
  invoiceDate: 'invoice-date',
  amount: 'amount',
};

/** What the supplier typed, exactly as typed (the fields of both steps are kept apart). */
interface Typed {
  invoiceNumber: string;
  invoiceDate: string;
  amount: string;
}

/** One submission of a step, ready for the adapter. */
type Answer = { step: 'evidence'; evidence: InvoiceEvidence } | { step: 'challenge'; answer: ChallengeAnswer };

const EMPTY: Typed = { invoiceNumber: '', invoiceDate: '', amount: '' };

/**
 * "Activate your buyer": the supplier proves it really invoices this customer,
 * in three steps shown by a step indicator — (1) the number, date and amount of a recent
 * invoice; (2) a challenge: the date and amount of another invoice the network names;
 * (3) confirmation. Wrong answers cost an attempt and say how many remain; without
 * attempts the verification locks. At every step, **Connect without verification** opens a
 * support case instead and shows its reference and processing deadline.
 *
 * Give it the `session` from a connection outcome (`tn-verification-required`), or a
 * `verification-id` to fetch it. Amounts are read in the user's locale ("4 508,00" in French,
 * "4,508.00" in English). Focus moves to the heading of each new step; what the supplier
 * typed survives wrong answers and failed requests.
 *
 * @summary Three-step invoice-history verification with challenge, attempts and a support-case fallback.
 *
 * @fires tn-step-change - The verification moved to another step. `detail: { step, verificationId }` (`step`: `evidence`, `challenge`, `verified`, `locked` or `support-case`).
 * @fires tn-verification-rejected - The invoice details did not match. `detail: { step, attemptsRemaining, session }`.
 * @fires tn-verified - Verified: the supplier is connected. `detail: { relationships, session }`.
 * @fires tn-connected - Also fired on verification, as every element fires it when the supplier gets connected. `detail: { relationships, skipped }`.
 * @fires tn-support-case-opened - "Connect without verification" opened a support case. `detail: { supportCase, skipped, verificationId }`.
 * @fires tn-view-case - The user asked to see the support case. `detail: { reference, statusUrl? }`.
 * @fires tn-error - An adapter call failed; the element shows an error with a retry. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - "Activate your buyer: {customer}".
 * @csspart intro - The sentence under the title.
 * @csspart steps - The step indicator ("Activation process").
 * @csspart step - One step of the indicator (with one of the `step-*` parts below).
 * @csspart step-done - A completed step.
 * @csspart step-current - The step on screen (also on a locked step).
 * @csspart step-upcoming - A step still to come.
 * @csspart step-locked - The step at which the verification locked.
 * @csspart step-heading - The heading of the step on screen (focused on every step change).
 * @csspart form - The form of steps 1 and 2.
 * @csspart field - Each field's wrapper.
 * @csspart input - Each text or date field.
 * @csspart currency - The currency code beside the amount.
 * @csspart hint - Help under a field.
 * @csspart error-message - A field's error.
 * @csspart challenge - The invoice number the network chose (step 2).
 * @csspart rejection - "These details don't match…", with the attempts left.
 * @csspart attempts - How many attempts are left.
 * @csspart continue - The Continue button.
 * @csspart fallback - The "Connect without verification" offer.
 * @csspart fallback-button - The "Connect without verification" button.
 * @csspart confirmation - Step 3.
 * @csspart locked - The locked state.
 * @csspart support-case - The support case outcome.
 * @csspart reference - The support case reference.
 * @csspart view-case - The "View the case" button.
 * @csspart status - Loading messages.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop [--tn-verify-field-max-width=22em] - Widest a field grows.
 * @cssprop --tn-color-success - Completed steps and the confirmation.
 * @cssprop --tn-color-accent - Buttons, focus and the current step.
 */
export class TnVerifyInvoice extends TnElement {
  static override styles = [tokens, shared, supportCaseOutcomeStyles, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    getVerification: VerificationSessionSchema,
    getSupportCase: SupportCaseSchema,
    submitVerificationEvidence: VerificationResultSchema,
    answerChallenge: VerificationResultSchema,
    connectWithoutVerification: SupportCaseSchema,
  };

  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    headingLevel: { attribute: 'heading-level', min: 1, max: 6, fallback: 2, integer: true },
    invoiceNumberMaxLength: { attribute: 'invoice-number-max-length', min: 1, max: 200, fallback: 50, integer: true },
  };

  /** Fetches the session when only its ID was given. */
  private readonly sessionTask = new Task(this, {
    args: () => [this.api, this.session ? undefined : this.verificationId] as const,
    task: async ([adapter, id], { signal }) => {
      if (!adapter || !id) return initialState;
      return adapter.getVerification(id, { signal });
    },
    onComplete: (session) => this.loaded(session),
    onError: (error) => this.reportError('getVerification', error, () => rerun(this.sessionTask)),
  });

  /** Reads the support case of a verification that one already replaced (when resuming). */
  private readonly caseTask = new Task(this, {
    args: () => [this.api, this.supportCase ? undefined : this.current?.supportCaseReference] as const,
    task: async ([adapter, reference], { signal }) => {
      if (!adapter || !reference) return initialState;
      return adapter.getSupportCase(reference, { signal });
    },
    onComplete: (supportCase) => (this.supportCase = supportCase),
    onError: (error) => this.reportError('getSupportCase', error, () => rerun(this.caseTask)),
  });

  /** Sends step 1 or step 2. */
  private readonly answerTask = new Task<[CustomerConnectAdapter, string, Answer], { answer: Answer; result: VerificationResult }>(
    this,
    {
      autoRun: false,
      task: async ([adapter, id, answer], { signal }) => {
        const result =
          answer.step === 'evidence'
            ? await adapter.submitVerificationEvidence(id, answer.evidence, { signal })
            : await adapter.answerChallenge(id, answer.answer, { signal });
        return { answer, result: sameSession(result, id) };
      },
      onComplete: ({ answer, result }) => this.answered(answer.step, result),
      onError: (error) => this.answerFailed(error),
    },
  );

  /** "Connect without verification". */
  private readonly fallbackTask = new Task<[CustomerConnectAdapter, string, string], SupportCase>(this, {
    autoRun: false,
    task: ([adapter, id, idempotencyKey], { signal }) => adapter.connectWithoutVerification(id, { idempotencyKey }, { signal }),
    onComplete: (supportCase) => this.fellBack(supportCase),
    onError: (error) => this.fallbackFailed(error),
  });

  /** Reads the session again (after a `conflict`: it changed elsewhere). */
  private readonly reloadTask = new Task<[CustomerConnectAdapter, string], VerificationSession>(this, {
    autoRun: false,
    task: ([adapter, id], { signal }) => adapter.getVerification(id, { signal }),
    onComplete: (session) => this.reloaded(session),
    onError: (error) => this.reportError('getVerification', error, () => this.reload()),
  });

  /** Set on a step change caused by the user or an answer; `updated()` then focuses the heading. */
  private focusHeading = false;
  /** Idempotency key of "Connect without verification": the same for every retry of it. */
  private fallbackKey?: string;

  /** The session as it stands now (the given one, or what the network last said). */
  @state() private current?: VerificationSession;
  @state() private evidence: Typed = { ...EMPTY };
  @state() private challengeAnswer: Typed = { ...EMPTY };
  @state() private errors: Partial<Record<Field, string>> = {};
  /** The last wrong answer, while the step it was given at is on screen. */
  @state() private rejection?: { step: FormStep; attemptsRemaining: number };
  /** The step at which the verification locked, for the step indicator. */
  @state() private lockedAt: FormStep = 'evidence';
  @state() private relationships: Relationship[] = [];
  @state() private supportCase?: SupportCase;
  @state() private answerFailure?: TnAdapterError;
  @state() private fallbackFailure?: TnAdapterError;

  /** The verification, e.g. `detail.verification` of `tn-verification-required`. Wins over `verification-id`. */
  @property({ attribute: false }) session?: VerificationSession;

  /** ID of the verification to fetch with `getVerification`, when `session` is not set. */
  @property({ attribute: 'verification-id' }) verificationId?: string;

  /** The customer's name in the heading; by default the session's `customer.legalName`. */
  @property({ attribute: 'customer-name' }) customerName?: string;

  /** Level of the title heading (1–6); the step headings are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Longest invoice number accepted: 1–200. */
  @property({ type: Number, attribute: 'invoice-number-max-length' }) invoiceNumberMaxLength = 50;

  /** The clock that says what "today" is (invoice dates can't be later). */
  @property({ attribute: false }) clock: Clock = systemClock;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('session') && this.session) this.adopt(this.session);
    if (changed.has('verificationId') && !this.session && this.current && this.current.id !== this.verificationId) {
      this.start(undefined);
    }
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    focusHeading(this.renderRoot.querySelector<HTMLElement>('#step-heading'));
  }

  // ----- event handlers

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = input.dataset.field as Field;
    const step = this.formStep;
    if (!step) return;
    if (step === 'evidence') this.evidence = { ...this.evidence, [field]: input.value };
    else this.challengeAnswer = { ...this.challengeAnswer, [field]: input.value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  private onViewCase(supportCase: SupportCase): void {
    this.emit('tn-view-case', viewCaseDetail(supportCase));
  }

  // ----- public methods

  /** Checks and sends the step on screen, as Continue does. One request at a time. */
  submit(): void {
    const adapter = this.api;
    const step = this.formStep;
    if (!adapter || !step || !this.current || this.busy) return;
    const { errors, answer } = this.check(step);
    this.errors = errors;
    if (!answer) {
      void this.updateComplete.then(() => this.focusFirstError());
      return;
    }
    this.answerFailure = undefined;
    void this.answerTask.run([adapter, this.current.id, answer]);
  }

  /** Gives up verifying and opens a support case, as "Connect without verification" does. */
  connectWithoutVerification(): void {
    const adapter = this.api;
    if (!adapter || !this.current || this.busy || this.supportCase) return;
    this.fallbackKey ??= newKey();
    this.fallbackFailure = undefined;
    void this.fallbackTask.run([adapter, this.current.id, this.fallbackKey]);
  }

  /** Reads the verification again from the network and shows the step it is at. */
  reload(): void {
    const adapter = this.api;
    const id = this.current?.id ?? this.verificationId;
    if (!adapter || !id || this.busy) return;
    this.answerFailure = undefined;
    this.fallbackFailure = undefined;
    void this.reloadTask.run([adapter, id]);
  }

  /** Moves focus to the heading of the step on screen (where the element puts it on each step change). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus(options);
  }

  // ----- render

  override render(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-verify-invoice');
    return html`<div part="base" class="base">
      ${this.renderTitle()} ${this.renderBody()}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
    </div>`;
  }

  private renderTitle(): TemplateResult {
    const name = this.customerName || this.current?.customer.legalName;
    return html`<div part="title" class="title" role="heading" aria-level=${this.level(0)}>
      ${name
        ? msg(str`Activate your buyer: ${isolated(name)}`, { desc: 'Title; the placeholder is the customer’s legal name' })
        : msg('Activate your buyer', { desc: 'Title while the customer is not known yet' })}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const session = this.current;
    if (!session) return this.renderWithoutSession();
    const view = this.view!;
    if (view === 'support-case') return this.renderSupportCase();
    return html`<p part="intro" class="intro" ?hidden=${view === 'verified'}>
        ${msg(
          str`You must complete a verification process before you can connect with ${isolated(session.customer.legalName)}.`,
          { desc: 'Under the title; the placeholder is the customer’s legal name' },
        )}
      </p>
      <div class="layout">
        ${this.renderSteps(view)}
        <section class="panel" aria-labelledby="step-heading">${this.renderStep(view, session)}</section>
      </div>`;
  }

  /** Loading, failed to load, or nothing to load: never a blank box. */
  private renderWithoutSession(): TemplateResult {
    const task = this.sessionTask;
    const failure = this.failureOf(task);
    if (failure) {
      return renderErrorNotice(
        msg("Couldn't load this verification.", { desc: 'Lead of the error when a verification fails to load' }),
        failure.code,
        () => rerun(this.sessionTask),
      );
    }
    if (this.verificationId) {
      return html`<p part="status" class="status" aria-busy="true">${loadingText()}</p>`;
    }
    return html`<p part="error" class="notice error">
      ${msg('There is no verification to show: the page gave this element no verification session.', {
        desc: 'Shown when the host gave the element neither a session nor a verification ID',
      })}
    </p>`;
  }

  private renderSteps(view: VerificationStep): TemplateResult {
    const position = view === 'locked' ? (this.lockedAt === 'challenge' ? 2 : 1) : STEP_NUMBER[view];
    const steps = [
      [msg('Enter invoice details', { desc: 'Step indicator: name of step 1' }), msg('Give the details of a recent invoice.', { desc: 'Step indicator: what step 1 asks' })],
      [
        msg('Pass a challenge', { desc: 'Step indicator: name of step 2' }),
        msg('We show an invoice number and you give us the details of that invoice.', {
          desc: 'Step indicator: what the challenge step asks',
        }),
      ],
      [msg('Connection confirmed', { desc: 'Step indicator: name of step 3' }), msg('Your customer relationship is confirmed.', { desc: 'Step indicator: what step 3 is' })],
    ];
    return html`<section part="steps" class="steps" aria-labelledby="steps-title">
      <div id="steps-title" class="steps-title" role="heading" aria-level=${this.level(1)}>
        ${msg('Activation process', { desc: 'Heading of the step indicator' })}
      </div>
      <ol class="step-list" role="list">
        ${steps.map(([title, description], index) => {
          const number = index + 1;
          const status =
            number < position || (number === 3 && view === 'verified')
              ? 'done'
              : number === position
                ? view === 'locked'
                  ? 'locked'
                  : 'current'
                : 'upcoming';
          const current = number === position;
          return html`<li
            part="step step-${status}${current && status !== 'current' ? ' step-current' : ''}"
            class="step status-${status} ${current ? 'is-current' : ''}"
            aria-current=${current ? 'step' : 'false'}
          >
            <span class="marker" aria-hidden="true">${status === 'done' ? '✓' : status === 'locked' ? '!' : number}</span>
            <span class="step-text">
              <span class="step-title"
                ><span class="visually-hidden">${stepLabel(number)} </span>${title}</span
              >
              <span class="step-description">${description}</span>
              ${status === 'done'
                ? html`<span class="visually-hidden">${msg('Completed', { desc: 'Step indicator: a finished step' })}</span>`
                : status === 'locked'
                  ? html`<span class="visually-hidden">${lockedTitle()}</span>`
                  : nothing}
            </span>
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private renderStep(view: VerificationStep, session: VerificationSession): TemplateResult {
    switch (view) {
      case 'evidence':
        return this.renderForm('evidence', session);
      case 'challenge':
        return this.renderForm('challenge', session);
      case 'verified':
        return this.renderConfirmation(session);
      case 'locked':
        return this.renderLocked(session);
    }
  }

  private renderStepHeading(text: string): TemplateResult {
    return html`<div
      id="step-heading"
      part="step-heading"
      class="step-heading"
      role="heading"
      aria-level=${this.level(1)}
      tabindex="-1"
    >
      ${text}
    </div>`;
  }

  private renderForm(step: FormStep, session: VerificationSession): TemplateResult {
    const busy = this.answerTask.status === TaskStatus.PENDING;
    const challengeNumber = session.challenge?.invoiceNumber ?? '';
    const heading =
      step === 'evidence'
        ? msg('Step 1. Please provide the details of a recent invoice.', { desc: 'Heading of step 1' })
        : msg(str`Step 2. Please provide the date and amount of invoice ${challengeNumber}.`, {
            desc: 'Heading of step 2; the placeholder is the invoice number the network chose',
          });
    const rejection = this.rejection?.step === step ? this.rejection : undefined;
    return html`${this.renderStepHeading(heading)}
      <form
        part="form"
        class="form"
        novalidate
        aria-labelledby="step-heading"
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${this.onSubmit}
      >
        ${rejection ? this.renderRejection(step, rejection.attemptsRemaining, session) : nothing}
        ${this.answerFailure?.code === 'invalid'
          ? html`<p part="error" class="notice error" role="alert">${errorMessage('invalid')}</p>`
          : nothing}
        ${step === 'evidence'
          ? this.renderNumberField()
          : html`<div part="challenge" class="challenge">
              <span id="challenge-label" class="challenge-label">${invoiceNumberLabel()}</span>
              <strong id="challenge-number" class="challenge-number" dir="ltr">${challengeNumber}</strong>
            </div>`}
        ${this.renderDateField(step)} ${this.renderAmountField(step, session.currency)}
        ${this.answerFailure && this.answerFailure.code !== 'invalid' ? this.renderAnswerFailure(this.answerFailure) : nothing}
        <div class="actions">
          <button
            part="continue"
            class="button primary"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-describedby="attempts"
          >
            ${busy ? msg('Checking…', { desc: 'Continue button while the answer is checked' }) : msg('Continue', { desc: 'Button: send the invoice details of this step' })}
          </button>
          <p id="attempts" part="attempts" class="hint">${attemptsLeftText(session.attemptsRemaining)}</p>
        </div>
      </form>
      ${this.renderFallback(session, false)}`;
  }

  private renderRejection(step: FormStep, attemptsRemaining: number, session: VerificationSession): TemplateResult {
    return html`<div id="rejection" part="rejection" class="notice error rejection" role="alert">
      <span>
        ${step === 'evidence'
          ? msg(
              str`These details don't match an invoice we hold for ${isolated(session.customer.legalName)}. Check the number, date and amount, then try again.`,
              { desc: 'Wrong answer at step 1; the placeholder is the customer' },
            )
          : msg(
              str`This date and amount don't match invoice ${session.challenge?.invoiceNumber ?? ''}. Check them, then try again.`,
              { desc: 'Wrong answer at step 2; the placeholder is the invoice number' },
            )}
        <strong>${attemptsLeftText(attemptsRemaining)}</strong>
        ${attemptsRemaining === 1
          ? msg('After one more wrong answer, the verification locks.', {
              desc: 'Warning after a wrong answer when one attempt is left',
            })
          : nothing}
      </span>
    </div>`;
  }

  private renderNumberField(): TemplateResult {
    return html`<div part="field" class="field">
      <label for="invoice-number">${invoiceNumberLabel()}</label>
      <input
        id="invoice-number"
        part="input"
        data-field="invoiceNumber"
        type="text"
        required
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        maxlength=${this.invoiceNumberMaxLength}
        .value=${live(this.evidence.invoiceNumber)}
        aria-invalid=${this.errors.invoiceNumber ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy('invoiceNumber'))}
        @input=${this.onInput}
      />
      ${this.renderFieldError('invoiceNumber')}
    </div>`;
  }

  private renderDateField(step: FormStep): TemplateResult {
    const value = step === 'evidence' ? this.evidence.invoiceDate : this.challengeAnswer.invoiceDate;
    return html`<div part="field" class="field">
      <label for="invoice-date">${msg('Invoice date', { desc: 'Field label' })}</label>
      <input
        id="invoice-date"
        part="input"
        data-field="invoiceDate"
        type="date"
        required
        max=${this.today}
        .value=${live(value)}
        aria-invalid=${this.errors.invoiceDate ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy('invoiceDate'))}
        @input=${this.onInput}
        @change=${this.onInput}
      />
      ${this.renderFieldError('invoiceDate')}
    </div>`;
  }

  private renderAmountField(step: FormStep, currency: string): TemplateResult {
    const value = step === 'evidence' ? this.evidence.amount : this.challengeAnswer.amount;
    return html`<div part="field" class="field">
      <label for="amount">${msg('Invoice amount', { desc: 'Field label' })}</label>
      <div class="amount">
        <input
          id="amount"
          part="input"
          data-field="amount"
          type="text"
          inputmode="decimal"
          required
          autocomplete="off"
          spellcheck="false"
          maxlength="32"
          .value=${live(value)}
          aria-invalid=${this.errors.amount ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('amount', 'amount-hint'))}
          @input=${this.onInput}
        />
        <span part="currency" class="currency" aria-hidden="true" dir="ltr">${currency}</span>
      </div>
      <p id="amount-hint" part="hint" class="hint">
        ${msg(str`In ${currency}, for example ${amountExample(getLocale(), currency)}`, {
          desc: 'Help under the amount; placeholders: currency code, an amount written the local way',
        })}
      </p>
      ${this.renderFieldError('amount')}
    </div>`;
  }

  private renderFieldError(field: Field): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message
      ? html`<p id="${FIELD_IDS[field]}-error" part="error-message" class="field-error">${message}</p>`
      : nothing;
  }

  /** A field's description: its hint, its error, and the wrong-answer message that concerns every field. */
  private describedBy(field: Field, hint?: string): string | undefined {
    const ids = [hint, this.errors[field] ? `${FIELD_IDS[field]}-error` : undefined];
    if (this.rejection && this.rejection.step === this.formStep) ids.push('rejection');
    if (this.formStep === 'challenge') ids.unshift('challenge-label challenge-number');
    return ids.filter(Boolean).join(' ') || undefined;
  }

  private renderAnswerFailure(error: TnAdapterError): TemplateResult {
    if (error.code === 'conflict') {
      return renderErrorNotice(
        changedElsewhereText(),
        'conflict',
        () => this.reload(),
      );
    }
    return renderErrorNotice(
      msg("Couldn't check these details.", { desc: 'Lead of the error when an answer could not be sent' }),
      error.code,
      () => this.submit(),
    );
  }

  /** "Connect without verification", offered at every step; the main action once locked. */
  private renderFallback(session: VerificationSession, primary: boolean): TemplateResult {
    const busy = this.fallbackTask.status === TaskStatus.PENDING;
    const failure = this.fallbackFailure;
    return html`<div part="fallback" class="fallback ${primary ? 'primary' : ''}">
      <p id="fallback-text">
        ${primary
          ? msg(
              str`You can still connect: we'll open a support case, and our support team will ask ${isolated(session.customer.legalName)} to confirm that you are one of its suppliers.`,
              { desc: 'Locked state: what connecting without verification does; the placeholder is the customer' },
            )
          : msg(
              str`If you can't complete the verification because information is missing or wrong, connect without verification: we'll open a support case and ask ${isolated(session.customer.legalName)} to confirm that you are one of its suppliers.`,
              { desc: 'Fallback offer at steps 1 and 2; the placeholder is the customer' },
            )}
      </p>
      ${failure
        ? failure.code === 'conflict'
          ? renderErrorNotice(
              changedElsewhereText(),
              'conflict',
              () => this.reload(),
            )
          : renderErrorNotice(
              msg("Couldn't open a support case.", { desc: 'Lead of the error when connecting without verification fails' }),
              failure.code,
              () => this.connectWithoutVerification(),
            )
        : nothing}
      <button
        part="fallback-button"
        class="button ${primary ? 'primary' : ''}"
        type="button"
        aria-describedby="fallback-text"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => this.connectWithoutVerification()}
      >
        ${busy ? openingCaseText() : msg('Connect without verification', { desc: 'Button: give up verifying and open a support case' })}
      </button>
    </div>`;
  }

  private renderConfirmation(session: VerificationSession): TemplateResult {
    const names = [...new Set(this.relationships.map((r) => r.customer.legalName))];
    return html`${this.renderStepHeading(msg('Step 3. You are connected.', { desc: 'Heading of step 3' }))}
      <div part="confirmation" class="confirmation">
        <p>
          ${msg(
            str`You are now connected with ${isolated(session.customer.legalName)}: you can send it electronic invoices and credit notes.`,
            { desc: 'Step 3; the placeholder is the customer' },
          )}
        </p>
        ${names.length > 1
          ? html`<p>${msg('Connected legal entities:', { desc: 'Step 3, before the list of entities now connected' })}</p>
              <ul class="connected">
                ${names.map((name) => html`<li dir="auto">${displayText(name)}</li>`)}
              </ul>`
          : nothing}
        <p>${msg('Invoice status information can take one to two hours to appear in your account.', {
            desc: 'Step 3: a delay the supplier should expect',
          })}</p>
      </div>`;
  }

  private renderLocked(session: VerificationSession): TemplateResult {
    return html`${this.renderStepHeading(lockedTitle())}
      <div part="locked" class="locked-state">
        <p>
          ${msg(
            'The details you gave did not match and no attempts remain, so this verification is locked to protect your customer’s data.',
            { desc: 'Locked state: what happened' },
          )}
        </p>
      </div>
      ${this.renderFallback(session, true)}`;
  }

  private renderSupportCase(): TemplateResult {
    const supportCase = this.supportCase;
    let body: TemplateResult;
    if (supportCase) {
      body = renderSupportCaseOutcome(supportCase, (c) => this.onViewCase(c));
    } else if (this.failureOf(this.caseTask)) {
      body = renderErrorNotice(
        msg("Couldn't load the support case.", { desc: 'Lead of the error when a support case fails to load' }),
        this.failureOf(this.caseTask)!.code,
        () => rerun(this.caseTask),
      );
    } else {
      body = html`<p part="status" class="status">${msg('Loading the support case…', { desc: 'Status while a support case loads' })}</p>`;
    }
    return html`<section class="panel outcome" aria-labelledby="step-heading">
      ${this.renderStepHeading(supportCaseTitle())} ${body}
    </section>`;
  }

  /** What the polite live region says while something is sent. */
  private announcement(): string {
    if (this.answerTask.status === TaskStatus.PENDING) return msg('Checking the invoice details…', { desc: 'Status while an answer is checked' });
    if (this.fallbackTask.status === TaskStatus.PENDING) return openingCaseText();
    if (this.reloadTask.status === TaskStatus.PENDING || (!this.current && this.verificationId && this.sessionTask.status === TaskStatus.PENDING)) {
      return loadingText();
    }
    return '';
  }

  // ----- logic

  /** The view on screen: the session's step, or the support case that replaced it. */
  private get view(): VerifyInvoiceStep | undefined {
    if (this.supportCase || this.current?.supportCaseReference) return 'support-case';
    return this.current?.step;
  }

  /** The step whose form is on screen, if any. */
  private get formStep(): FormStep | undefined {
    const view = this.view;
    return view === 'evidence' || view === 'challenge' ? view : undefined;
  }

  private get busy(): boolean {
    return [this.answerTask, this.fallbackTask, this.reloadTask].some((task) => task.status === TaskStatus.PENDING);
  }

  private get today(): string {
    return localIsoDate((this.clock ?? systemClock).now());
  }

  private level(offset: number): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + offset);
  }

  /** Validates the step's fields; the answer to send when they are all right. */
  private check(step: FormStep): { errors: Partial<Record<Field, string>>; answer?: Answer } {
    const typed = step === 'evidence' ? this.evidence : this.challengeAnswer;
    const errors: Partial<Record<Field, string>> = {};
    const currency = this.current!.currency;

    const invoiceNumber = typed.invoiceNumber.trim();
    if (step === 'evidence') {
      if (!invoiceNumber) errors.invoiceNumber = enterNumberText();
      else if (invoiceNumber.length > this.invoiceNumberMaxLength) errors.invoiceNumber = tooLong(this.invoiceNumberMaxLength);
    }

    const dateInput = this.renderRoot.querySelector<HTMLInputElement>('#invoice-date');
    const date = parseInvoiceDate(typed.invoiceDate, this.today);
    if (!date.ok) {
      errors.invoiceDate =
        date.error === 'empty' && !dateInput?.validity.badInput
          ? enterDateText()
          : date.error === 'future'
            ? msg('The invoice date can’t be in the future.', { desc: 'Date error' })
            : msg('Enter a complete, valid date.', { desc: 'Date error: incomplete or impossible date' });
    }

    const amount = parseAmount(typed.amount, getLocale(), currency);
    if (!amount.ok) errors.amount = amountMessage(amount.error, amount.example, currency);

    if (!date.ok || !amount.ok || Object.keys(errors).length > 0) return { errors };
    const money = { amount: amount.amount, currency };
    return {
      errors,
      answer:
        step === 'evidence'
          ? { step, evidence: { invoiceNumber, invoiceDate: date.date, amount: money } }
          : { step, answer: { invoiceDate: date.date, amount: money } },
    };
  }

  private focusFirstError(): void {
    const field = FIELD_ORDER.find((name) => this.errors[name]);
    if (field) this.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[field]}`)?.focus();
  }

  /** A session given by the host: a new verification starts afresh; the same one is brought up to date. */
  private adopt(session: VerificationSession): void {
    if (session.id !== this.current?.id) this.start(session);
    else this.current = session;
  }

  /** Forgets everything about the previous verification. */
  private start(session: VerificationSession | undefined): void {
    for (const task of [this.answerTask, this.fallbackTask, this.reloadTask]) task.abort();
    this.current = session;
    this.evidence = { ...EMPTY };
    this.challengeAnswer = { ...EMPTY };
    this.errors = {};
    this.rejection = undefined;
    this.lockedAt = 'evidence';
    this.relationships = [];
    this.supportCase = undefined;
    this.answerFailure = undefined;
    this.fallbackFailure = undefined;
    this.fallbackKey = undefined;
  }

  private loaded(session: VerificationSession): void {
    if (this.session) return;
    this.adopt(session);
  }

  /** Moves to where `session` stands, announcing and focusing the new step when it changed. */
  private moveTo(session: VerificationSession, before = this.view): void {
    const challengeBefore = this.current?.challenge?.invoiceNumber;
    this.current = session;
    if (session.challenge?.invoiceNumber !== challengeBefore) this.challengeAnswer = { ...EMPTY };
    const after = this.view;
    if (after && after !== before) {
      this.errors = {};
      this.focusHeading = true;
      this.emit('tn-step-change', { step: after, verificationId: session.id });
    }
  }

  private answered(step: FormStep, result: VerificationResult): void {
    const session = result.session;
    if (session.id !== this.current?.id) return;
    this.answerFailure = undefined;
    if (result.accepted) {
      this.rejection = undefined;
    } else {
      if (session.step === 'locked') {
        this.lockedAt = step;
        this.rejection = undefined;
      } else {
        this.rejection = { step, attemptsRemaining: session.attemptsRemaining };
      }
      this.emit('tn-verification-rejected', { step, attemptsRemaining: session.attemptsRemaining, session });
    }
    if (session.step === 'verified') this.relationships = result.relationships ?? [];
    this.moveTo(session);
    if (session.step === 'verified') {
      this.emit('tn-verified', { relationships: this.relationships, session });
      this.emit('tn-connected', { relationships: this.relationships, skipped: [] });
    }
  }

  private answerFailed(error: unknown): void {
    if (isAbort(error)) return;
    const adapterError = toAdapterError(error);
    this.answerFailure = adapterError;
    if (adapterError.code === 'invalid') {
      const errors: Partial<Record<Field, string>> = {};
      for (const fieldError of adapterError.fieldErrors) {
        const field = FIELD_ORDER.find((name) => name === fieldError.field.split('.')[0]);
        if (field && !errors[field]) {
          errors[field] = serverFieldMessage(field, fieldError.code, fieldError.message, this.current?.currency ?? '');
        }
      }
      this.errors = errors;
      void this.updateComplete.then(() => this.focusFirstError());
    }
    const operation = this.formStep === 'challenge' ? 'answerChallenge' : 'submitVerificationEvidence';
    this.reportError(operation, adapterError, () => this.submit());
  }

  private fellBack(supportCase: SupportCase): void {
    const session = this.current;
    if (!session) return;
    const before = this.view;
    this.fallbackFailure = undefined;
    this.rejection = undefined;
    this.supportCase = supportCase;
    this.emit('tn-support-case-opened', { supportCase, skipped: [], verificationId: session.id });
    this.moveTo({ ...session, supportCaseReference: supportCase.reference }, before);
  }

  private fallbackFailed(error: unknown): void {
    if (isAbort(error)) return;
    this.fallbackFailure = toAdapterError(error);
    this.reportError('connectWithoutVerification', error, () => this.connectWithoutVerification());
  }

  private reloaded(session: VerificationSession): void {
    if (this.current && session.id !== this.current.id) return;
    if (session.step !== this.current?.step) this.rejection = undefined;
    this.moveTo(session);
  }
}

const STEP_NUMBER: Record<Exclude<VerificationStep, 'locked'>, number> = { evidence: 1, challenge: 2, verified: 3 };

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The answer about verification `id`, not another one (a confused adapter must not move this one on). */
function sameSession(result: VerificationResult, id: string): VerificationResult {
  if (result.session.id !== id) {
    throw new TnAdapterError('bad-response', { message: `The answer is about verification ${result.session.id}, not ${id}.` });
  }
  return result;
}

/** Same text as the group picker's (one message for lit-localize). */
const tooLong = (max: number) => msg(str`Use at most ${formatCount(max)} characters.`);

const enterNumberText = () => msg('Enter the invoice number.', { desc: 'Error: the invoice number is missing' });

const enterDateText = () => msg('Enter the invoice date.', { desc: 'Error: the invoice date is missing' });

const enterAmountText = () => msg('Enter the invoice amount.', { desc: 'Error: the amount is missing' });

const changedElsewhereText = () =>
  msg('This verification changed in the meantime, perhaps in another window.', {
    desc: 'Lead of the error when the verification moved on elsewhere; Try again reloads it',
  });

const loadingText = () => msg('Loading the verification…', { desc: 'Status while a verification loads' });

const openingCaseText = () =>
  msg('Opening a support case…', { desc: 'Status and button text while connecting without verification' });

const lockedTitle = () => msg('Verification locked', { desc: 'Heading of the locked state' });

const invoiceNumberLabel = () => msg('Invoice number', { desc: 'Label of the invoice number (field, or the challenge)' });

const stepLabel = (step: number) => msg(str`Step ${step}:`, { desc: 'Before each step’s name in the step indicator' });

/** "You have 2 attempts left." (plural by locale). */
function attemptsLeftText(count: number): string {
  return new Intl.PluralRules(getLocale()).select(count) === 'one'
    ? msg(str`You have ${formatCount(count)} attempt left.`, { desc: 'Attempts left (singular: 0 or 1 in French)' })
    : msg(str`You have ${formatCount(count)} attempts left.`, { desc: 'Attempts left (plural)' });
}

/** What is wrong with a typed amount, saying which form is expected. */
function amountMessage(error: AmountError, example: string, currency: string): string {
  switch (error) {
    case 'empty':
      return enterAmountText();
    case 'malformed':
      return msg(str`Enter the amount as a number, for example ${example}.`, {
        desc: 'Amount error; the placeholder is an amount written the local way, e.g. 4,508.00',
      });
    case 'not-positive':
      return msg('The amount must be greater than zero.', { desc: 'Amount error: zero or negative' });
    case 'too-many-decimals':
      return msg(str`Too many decimals: amounts in ${currency} are written like ${example}.`, {
        desc: 'Amount error; placeholders: currency code, an amount written the local way',
      });
  }
}

/** A field error from the server, in words: ours when we know the code, else the server's text. */
function serverFieldMessage(field: Field, code: string, serverMessage: string | undefined, currency: string): string {
  if (code === 'required') {
    return field === 'invoiceNumber'
      ? enterNumberText()
      : field === 'invoiceDate'
        ? enterDateText()
        : enterAmountText();
  }
  if (code === 'currency-mismatch') {
    return msg(str`Give the amount in ${currency}.`, { desc: 'Server error: the amount is in another currency' });
  }
  // Same text (and no desc) as the group picker's, so lit-localize sees one message.
  return serverMessage ?? msg('This value was not accepted.');
}
