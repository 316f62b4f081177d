import { defineElement } from '../../base/tn-element.js';
import { TnCustomerSearch } from './customer-search.js';

export { TnCustomerSearch };

defineElement('tn-customer-search', TnCustomerSearch);

declare global {
  interface HTMLElementTagNameMap {
    'tn-customer-search': TnCustomerSearch;
  }
}
