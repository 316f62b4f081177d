/**
 * The request's customer in single mode: the chosen legal entity's card, with "View group"
 * when it belongs to a group — or why there is none to show yet.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CustomerEntity } from '../../adapter/types.js';
import type { AdapterErrorCode } from '../../adapter/errors.js';
import { countryName, displayText } from '../../localization/format.js';
import { renderErrorNotice } from '../../base/error-states.js';

export interface CustomerSection {
  customer?: CustomerEntity;
  /** Why the customer (given by ID) could not be loaded, and how to try again. */
  failure?: { code: AdapterErrorCode; retry: () => void };
  /** A customer is given by ID and on its way. */
  loading: boolean;
  viewGroup(): void;
}

export function renderCustomerSection(section: CustomerSection): TemplateResult {
  const { customer, failure } = section;
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
              ${msg('This customer is part of a group. You can also select other legal entities of the group.', {
                desc: 'Under the chosen customer when it belongs to a group',
              })}
            </p>
            <button part="view-group" class="button" type="button" @click=${() => section.viewGroup()}>
              ${msg('View group')}
            </button>
          </div>`
        : nothing}`;
  } else if (failure) {
    body = renderErrorNotice(
      msg("Couldn't load this customer.", { desc: 'Lead of the error when a customer fails to load' }),
      failure.code,
      failure.retry,
    );
  } else if (section.loading) {
    body = html`<p class="status">${msg('Loading the customer…')}</p>`;
  } else {
    body = html`<p class="notice">${msg('No customer chosen yet: search for one first.')}</p>`;
  }
  return html`<section part="section customer" class="section">
    <h3 part="heading" class="heading">${msg('You have selected:')}</h3>
    ${body}
  </section>`;
}
