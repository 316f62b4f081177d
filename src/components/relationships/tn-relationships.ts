import { defineElement } from '../../base/tn-element.js';
import { TnRelationships } from './relationships.js';

export { TnRelationships };

defineElement('tn-relationships', TnRelationships);

declare global {
  interface HTMLElementTagNameMap {
    'tn-relationships': TnRelationships;
  }
}
