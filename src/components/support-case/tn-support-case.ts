import { defineElement } from '../../base/tn-element.js';
import { TnSupportCase } from './support-case.js';

export { TnSupportCase };

defineElement('tn-support-case', TnSupportCase);

declare global {
  interface HTMLElementTagNameMap {
    'tn-support-case': TnSupportCase;
  }
}
