import { defineElement } from '../../base/tn-element.js';
import { TnCustomerConnect } from './customer-connect.js';
// The flow renders its steps by tag: registering it registers them too.
import '../customer-search/tn-customer-search.js';
import '../group-picker/tn-group-picker.js';
import '../verify-invoice/tn-verify-invoice.js';

export { TnCustomerConnect };

defineElement('tn-customer-connect', TnCustomerConnect);

declare global {
  interface HTMLElementTagNameMap {
    'tn-customer-connect': TnCustomerConnect;
  }
}
