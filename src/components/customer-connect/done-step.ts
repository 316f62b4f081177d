/**
 * What the flow's done step fetches for itself: the support case when only its reference is
 * known (after a reload) and the account's name for the recap. Its two Tasks are the host
 * element's (they update it), so the element keeps only the flow.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { Task, initialState } from '@lit/task';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { CustomerConnectAdapter, SupportCase } from '../../adapter/types.js';
import { rerun } from '../../base/error-states.js';
import { renderDoneStep } from './flow-outcome.js';
import type { Done } from './flow-outcome.js';

/** What the done step needs from its element. */
export interface DoneStepHost {
  /** The element's (checked) adapter. */
  adapter(): CustomerConnectAdapter | undefined;
  /** The done step on screen, if any. */
  done(): Done | undefined;
  /** Updates the done step (the fetched case joins it). */
  setDone(done: Done): void;
  /** The account of the last request sent, when the answer does not name one. */
  requestedAccountId(): string | undefined;
  report(operation: 'getSupportCase', error: unknown, retry: () => void): void;
  failureOf(task: Task): TnAdapterError | undefined;
}

export class DoneStep {
  private readonly caseTask: Task;
  private readonly accountsTask: Task;

  constructor(
    host: ReactiveControllerHost,
    private readonly flow: DoneStepHost,
  ) {
    this.caseTask = new Task(host, {
      args: () => {
        const done = flow.done();
        return [flow.adapter(), done?.outcome.kind === 'support-case' && !done.supportCase ? done.outcome.reference : undefined] as const;
      },
      task: async ([adapter, reference], { signal }) => {
        if (!adapter || !reference) return initialState;
        return adapter.getSupportCase(reference, { signal });
      },
      onComplete: (supportCase: SupportCase) => {
        const done = flow.done();
        if (done?.outcome.kind === 'support-case' && done.outcome.reference === supportCase.reference) {
          flow.setDone({ ...done, supportCase });
        }
      },
      onError: (error) => flow.report('getSupportCase', error, () => rerun(this.caseTask)),
    });
    // No error state for the account's name: the recap then shows the account's ID.
    this.accountsTask = new Task(host, {
      args: () => [flow.adapter(), flow.done() && !flow.done()!.accountName ? this.accountId : undefined] as const,
      task: async ([adapter, accountId], { signal }) => {
        if (!adapter || !accountId) return initialState;
        return adapter.listAccounts({ signal });
      },
    });
  }

  /** The done step, or nothing before the flow is done. */
  render(actions: { viewCase: (supportCase: SupportCase) => void; startOver: () => void }): TemplateResult {
    return renderDoneStep(this.flow.done(), {
      account: this.accountLabel(),
      caseFailure: this.flow.failureOf(this.caseTask),
      retryCase: () => rerun(this.caseTask),
      ...actions,
    });
  }

  private get accountId(): string | undefined {
    const done = this.flow.done();
    if (!done) return undefined;
    const fromAnswer = done.outcome.kind === 'connected' ? done.outcome.accountId : done.supportCase?.accountId;
    return fromAnswer ?? this.flow.requestedAccountId();
  }

  /** The account's name when known, else its ID. */
  private accountLabel(): string | undefined {
    const done = this.flow.done();
    if (done?.accountName) return done.accountName;
    const id = this.accountId;
    const accounts: unknown = this.accountsTask.value;
    return (Array.isArray(accounts) ? (accounts as { id: string; name: string }[]).find((a) => a.id === id)?.name : undefined) ?? id;
  }
}
