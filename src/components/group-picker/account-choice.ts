/**
 * The account the request links the customer to: the supplier's accounts, loaded through the
 * adapter, and the one chosen — always one of them once they are known. The only account is
 * preselected; the host's `account-id` becomes the choice when it is one of them; a draft's
 * account is put back only when nothing is chosen yet.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { CustomerConnectAdapter } from '../../adapter/types.js';
import { rerun, taskFailure } from '../../base/error-states.js';
import { renderAccountSection } from './account-section.js';

export interface AccountChoiceOptions {
  adapter(): CustomerConnectAdapter | undefined;
  /** The host's `account-id`. */
  preset(): string | undefined;
  /** Reports a failed load as `tn-error`. */
  report(error: unknown, retry: () => void): void;
}

export class AccountChoice {
  private chosen = '';

  readonly task: Task<readonly [CustomerConnectAdapter | undefined], Awaited<ReturnType<CustomerConnectAdapter['listAccounts']>>>;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: AccountChoiceOptions,
  ) {
    this.task = new Task(host, {
      args: () => [options.adapter()] as const,
      task: async ([adapter], { signal }) => {
        if (!adapter) return initialState;
        return adapter.listAccounts({ signal });
      },
      onComplete: (accounts) => {
        // A choice (the host's account-id included) must be one of the accounts.
        if (this.choice && !accounts.some((a) => a.id === this.choice)) this.choice = '';
        if (!this.choice && accounts.length === 1) this.choice = accounts[0].id;
        const preset = options.preset();
        if (!this.choice && preset && accounts.some((a) => a.id === preset)) this.choice = preset;
      },
      onError: (error) => options.report(error, () => rerun(this.task)),
    });
  }

  /** The account chosen ('' for none yet). */
  get choice(): string {
    return this.chosen;
  }

  set choice(accountId: string) {
    if (accountId === this.chosen) return;
    this.chosen = accountId;
    this.host.requestUpdate();
  }

  /** The host names the account: it becomes the choice (once the accounts are known, checked against them). */
  preset(accountId: string): void {
    const accounts = this.task.value;
    if (!accounts || accounts.some((a) => a.id === accountId)) this.choice = accountId;
  }

  /** A draft's account: the host's account-id, or a choice made already, wins; a stale account is dropped when the accounts arrive (or now, if they have). */
  restore(accountId: string | undefined): void {
    const accounts = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (accountId && !this.choice && (!accounts || accounts.some((a) => a.id === accountId))) this.choice = accountId;
  }

  /** The account section: the accounts (or loading, or why they failed to), the choice, its error. */
  render(error: string | undefined, chose: () => void): TemplateResult {
    const failure: TnAdapterError | undefined = taskFailure(this.task);
    return renderAccountSection({
      ...(this.task.status === TaskStatus.COMPLETE ? { accounts: this.task.value ?? [] } : {}),
      ...(failure ? { failure: { code: failure.code, retry: () => rerun(this.task) } } : {}),
      choice: this.choice,
      ...(error ? { error } : {}),
      choose: (accountId) => {
        this.choice = accountId;
        chose();
      },
    });
  }
}
