/**
 * The first section of a connection request: which of the supplier's accounts to link the
 * customer to (a select; preselected when there is only one).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { SupplierAccount } from '../../adapter/types.js';
import type { AdapterErrorCode } from '../../adapter/errors.js';
import { displayText } from '../../localization/format.js';
import { renderErrorNotice } from '../../base/error-states.js';
import { renderFieldError } from '../../base/field-errors.js';

export interface AccountSection {
  /** The accounts, once loaded. */
  accounts?: SupplierAccount[];
  /** Why they could not be loaded, and how to try again. */
  failure?: { code: AdapterErrorCode; retry: () => void };
  /** The account chosen ('' for none yet). */
  choice: string;
  error?: string;
  choose(accountId: string): void;
}

export function renderAccountSection(section: AccountSection): TemplateResult {
  let body: TemplateResult;
  if (section.failure) {
    body = renderErrorNotice(
      msg("Couldn't load your accounts.", { desc: 'Lead of the error when the supplier accounts fail to load' }),
      section.failure.code,
      section.failure.retry,
    );
  } else if (!section.accounts) {
    body = html`<p class="status">${msg('Loading your accounts…')}</p>`;
  } else {
    body = renderAccountChoice(section, section.accounts);
  }
  return html`<section part="section account" class="section">
    <h3 part="heading" class="heading">${msg('Select an account')}</h3>
    ${body}
  </section>`;
}

function renderAccountChoice(section: AccountSection, accounts: SupplierAccount[]): TemplateResult {
  const { error, choice } = section;
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
        @change=${(e: Event) => section.choose((e.target as HTMLSelectElement).value)}
      >
        ${accounts.length === 1 ? nothing : html`<option value="" ?selected=${!choice}>${msg('Please select')}</option>`}
        ${accounts.map(
          (account) => html`<option value=${account.id} ?selected=${account.id === choice}>${displayText(account.name)}</option>`,
        )}
      </select>
      ${renderFieldError('account-error', error)}
    </div>`;
}
