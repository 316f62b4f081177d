import { defineElement } from '../../base/tn-element.js';
import { TnVerifyInvoice } from './verify-invoice.js';

export { TnVerifyInvoice };

defineElement('tn-verify-invoice', TnVerifyInvoice);

declare global {
  interface HTMLElementTagNameMap {
    'tn-verify-invoice': TnVerifyInvoice;
  }
}
