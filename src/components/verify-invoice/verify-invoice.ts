import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg } from '@lit/localize';
import { inOwnLanguage, TnElement } from '../../base/tn-element.js';
import { focusHeading } from '../../base/heading-focus.js';
import { SupportCaseSchema, VerificationResultSchema, VerificationSessionSchema } from '../../adapter/later-schemas.js';
import { adapterFailure, renderNotConfigured, rerun } from '../../base/error-states.js';
import { FieldErrorsController } from '../../base/field-errors.js';
import { headingLevel } from '../../base/heading-level.js';
import { newIdempotencyKey } from '../../base/idempotency.js';
import { systemClock } from '../../base/clock.js';
import type { Clock } from '../../base/clock.js';
import { supportCaseOutcomeStyles, viewCaseDetail } from '../../base/support-case-outcome.js';
import type { TnAdapterError } from '../../adapter/errors.js';
import type {
  CustomerConnectAdapter,
  Relationship,
  SupportCase,
  VerificationResult,
  VerificationSession,
  VerificationStep,
} from '../../adapter/types.js';
import type { VerifyInvoiceStep } from '../../base/events.js';
import { localIsoDate } from '../../localization/parse.js';
import { getLocale } from '../../localization/localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import { fieldStyles } from '../../styles/fields.js';
import { styles } from './verify-invoice.styles.js';
import { FIELD_IDS, FIELD_ORDER, serverFieldMessage } from './field-errors.js';
import type { Field } from './field-errors.js';
import { EMPTY, readAnswer, sameSession } from './read-answer.js';
import type { Answer, FormStep, Typed } from './read-answer.js';
import { keepAnswerDrafts } from './answers-draft.js';
import { renderStepIndicator } from './step-indicator.js';
import { dateEntry } from './form-fields.js';
import { renderAnswerForm } from './answer-form.js';
import type { FormState } from './form-fields.js';
import {
  renderConfirmation,
  renderFallback,
  renderLockedState,
  renderStepHeading,
  renderSupportCasePanel,
  renderWithoutSession,
} from './step-panels.js';
import {
  checkingText,
  formHeading,
  introText,
  loadingText,
  lockedTitle,
  openingCaseText,
  titleText,
} from './messages.js';

/**
 * "Activate your buyer": the supplier proves it really invoices this customer,
 * in three steps shown by a step indicator — (1) the number, date and amount of a recent
 * invoice; (2) a challenge: the date and amount of another invoice the network names;
 * (3) confirmation. Wrong answers cost an attempt and say how many remain; without
 * attempts the verification locks. At every step, **Connect without verification** opens a
 * support case instead and shows its reference and processing deadline.
 *
 * Give it the `session` from a connection outcome (`tn-verification-required`), or a
 * `verification-id` to fetch it. Amounts and dates are read in the user's locale ("4 508,00"
 * and "14/09/2015" in French, "4,508.00" and "09/14/2015" in English), the date's pattern
 * shown under its field. Focus moves to the heading of each new step; what the supplier
 * typed survives wrong answers and failed requests — and, with `keep-drafts`, a reload: the
 * unsent answers are kept in the tab's `sessionStorage` for this verification until it ends.
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
 * @csspart title - "Activate your buyer: {customer}" (replaced by the support case's heading once one is opened).
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
 * @csspart input - Each field (the invoice date is a text field too).
 * @csspart currency - The currency code beside the amount.
 * @csspart hint - Help under a field (the date's pattern, the amount's currency).
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
  static override styles = [tokens, shared, fieldStyles, supportCaseOutcomeStyles, styles];
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
    onComplete: (session) => !this.session && this.adopt(session),
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

  /** The form's errors: the element's checks and the server's, each on its field. */
  private readonly fieldErrors = new FieldErrorsController<Field>(this, {
    order: FIELD_ORDER,
    selector: (field) => `#${FIELD_IDS[field]}`,
  });

  /** Set on a step change caused by the user or an answer; `updated()` then focuses the heading. */
  private focusHeading = false;
  /** Idempotency key of "Connect without verification": the same for every retry of it. */
  private fallbackKey?: string;

  /** The session as it stands now (the given one, or what the network last said). */
  @state() private current?: VerificationSession;
  @state() private evidence: Typed = { ...EMPTY };
  @state() private challengeAnswer: Typed = { ...EMPTY };
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

  /** Level of the title heading (1–6); the step headings are one below (the support case's takes the title's). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Longest invoice number accepted: 1–200. */
  @property({ type: Number, attribute: 'invoice-number-max-length' }) invoiceNumberMaxLength = 50;

  /**
   * Keeps the unsent answers in the tab's `sessionStorage` (per verification), so that a
   * reload finds them; removed once the verification ends (verified, locked or a support case).
   */
  @property({ type: Boolean, attribute: 'keep-drafts' }) keepDrafts = false;

  /** The clock that says what "today" is (invoice dates can't be later). */
  @property({ attribute: false }) clock: Clock = systemClock;

  constructor() {
    super();
    keepAnswerDrafts(this, {
      enabled: () => this.keepDrafts,
      session: () => this.current,
      finished: () => !this.formStep,
      evidence: () => this.evidence,
      challenge: () => this.challengeAnswer,
      restore: (evidence, challenge) => {
        this.evidence = evidence;
        if (challenge) this.challengeAnswer = challenge;
      },
    });
  }

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
    this.fieldErrors.clear(field);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  // ----- public methods

  /** Checks and sends the step on screen, as Continue does. One request at a time. */
  submit(): void {
    const adapter = this.api;
    const step = this.formStep;
    if (!adapter || !step || !this.current || this.busy) return;
    // Read and worded in the element's language, as its form is rendered.
    const { errors, answer } = inOwnLanguage(this, () =>
      readAnswer(step, step === 'evidence' ? this.evidence : this.challengeAnswer, {
        locale: getLocale(),
        currency: this.current!.currency,
        today: this.today,
        invoiceNumberMaxLength: this.invoiceNumberMaxLength,
        date: dateEntry(this.today),
      }),
    );
    this.fieldErrors.set(errors);
    if (!answer) {
      this.fieldErrors.focusFirst();
      return;
    }
    this.answerFailure = undefined;
    void this.answerTask.run([adapter, this.current.id, answer]);
  }

  /** Gives up verifying and opens a support case, as "Connect without verification" does. */
  connectWithoutVerification(): void {
    const adapter = this.api;
    if (!adapter || !this.current || this.busy || this.supportCase) return;
    this.fallbackKey ??= newIdempotencyKey();
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
    // Once a support case replaced the verification, its outcome is all there is to say: its
    // heading takes the title's place rather than stacking under "Activate your buyer".
    return html`<div part="base" class="base">
      ${this.current && this.view === 'support-case' ? this.renderSupportCase() : html`${this.renderTitle()} ${this.renderBody()}`}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
    </div>`;
  }

  private renderTitle(): TemplateResult {
    return html`<div part="title" class="title" role="heading" aria-level=${this.level(0)}>
      ${titleText(this.customerName || this.current?.customer.legalName)}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const session = this.current;
    if (!session) return this.renderWithoutSession();
    const view = this.view as VerificationStep;
    return html`<p part="intro" class="intro" ?hidden=${view === 'verified'}>${introText(session)}</p>
      <div class="layout">
        ${renderStepIndicator(view, this.lockedAt, this.level(1))}
        <section class="panel" aria-labelledby="step-heading">${this.renderStep(view, session)}</section>
      </div>`;
  }

  /** Loading, failed to load, or nothing to load: never a blank box. */
  private renderWithoutSession(): TemplateResult {
    const failure = this.failureOf(this.sessionTask);
    return renderWithoutSession({ ...(failure ? { failure } : {}), loading: !!this.verificationId, retry: () => rerun(this.sessionTask) });
  }

  private renderStep(view: VerificationStep, session: VerificationSession): TemplateResult {
    switch (view) {
      case 'evidence':
      case 'challenge':
        return this.renderForm(view, session);
      case 'verified':
        return html`${renderStepHeading(msg('Step 3. You are connected.', { desc: 'Heading of step 3' }), this.level(1))}
        ${renderConfirmation(session, this.relationships)}`;
      case 'locked':
        return html`${renderStepHeading(lockedTitle(), this.level(1))} ${renderLockedState()} ${this.renderFallback(session, true)}`;
    }
  }

  private renderForm(step: FormStep, session: VerificationSession): TemplateResult {
    const rejection = this.rejection?.step === step ? this.rejection : undefined;
    const form: FormState = { errors: this.fieldErrors.errors, challenge: step === 'challenge', rejected: !!rejection, onInput: this.onInput };
    return html`${renderStepHeading(formHeading(step, session.challenge?.invoiceNumber ?? ''), this.level(1))}
      ${renderAnswerForm({
        step,
        session,
        typed: step === 'evidence' ? this.evidence : this.challengeAnswer,
        form,
        busy: this.answerTask.status === TaskStatus.PENDING,
        ...(rejection ? { rejection: rejection.attemptsRemaining } : {}),
        ...(this.answerFailure ? { failure: this.answerFailure } : {}),
        invoiceNumberMaxLength: this.invoiceNumberMaxLength,
        date: dateEntry(this.today),
        submit: this.onSubmit,
        retry: () => this.submit(),
        reload: () => this.reload(),
      })}
      ${this.renderFallback(session, false)}`;
  }

  private renderFallback(session: VerificationSession, locked: boolean): TemplateResult {
    return renderFallback(session, {
      locked,
      busy: this.fallbackTask.status === TaskStatus.PENDING,
      failure: this.fallbackFailure,
      connect: () => this.connectWithoutVerification(),
      reload: () => this.reload(),
    });
  }

  private renderSupportCase(): TemplateResult {
    const failure = this.failureOf(this.caseTask);
    return renderSupportCasePanel(this.level(0), {
      ...(this.supportCase ? { supportCase: this.supportCase } : {}),
      ...(failure ? { failure } : {}),
      retry: () => rerun(this.caseTask),
      viewCase: (supportCase) => this.emit('tn-view-case', viewCaseDetail(supportCase)),
    });
  }

  /** What the polite live region says while something is sent. */
  private announcement(): string {
    if (this.answerTask.status === TaskStatus.PENDING) return checkingText();
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
    return headingLevel(this.headingLevel, offset);
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
    this.fieldErrors.set({});
    this.rejection = undefined;
    this.lockedAt = 'evidence';
    this.relationships = [];
    this.supportCase = undefined;
    this.answerFailure = undefined;
    this.fallbackFailure = undefined;
    this.fallbackKey = undefined;
  }

  /** Moves to where `session` stands, announcing and focusing the new step when it changed. */
  private moveTo(session: VerificationSession, before = this.view): void {
    const challengeBefore = this.current?.challenge?.invoiceNumber;
    this.current = session;
    if (session.challenge?.invoiceNumber !== challengeBefore) this.challengeAnswer = { ...EMPTY };
    const after = this.view;
    if (after && after !== before) {
      this.fieldErrors.set({});
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
    const failure = adapterFailure(error);
    if (!failure) return;
    this.answerFailure = failure;
    if (failure.code === 'invalid') {
      const currency = this.current?.currency ?? '';
      inOwnLanguage(this, () =>
        this.fieldErrors.fromServer(failure.fieldErrors, (field, fieldError) => serverFieldMessage(field, fieldError, currency)),
      );
      this.fieldErrors.focusFirst();
    }
    const operation = this.formStep === 'challenge' ? 'answerChallenge' : 'submitVerificationEvidence';
    this.reportError(operation, failure, () => this.submit());
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
    const failure = adapterFailure(error);
    if (!failure) return;
    this.fallbackFailure = failure;
    this.reportError('connectWithoutVerification', failure, () => this.connectWithoutVerification());
  }

  private reloaded(session: VerificationSession): void {
    if (this.current && session.id !== this.current.id) return;
    if (session.step !== this.current?.step) this.rejection = undefined;
    this.moveTo(session);
  }
}
