import { defineElement } from '../../base/tn-element.js';
import { TnGroupPicker } from './group-picker.js';

export { TnGroupPicker };

defineElement('tn-group-picker', TnGroupPicker);

declare global {
  interface HTMLElementTagNameMap {
    'tn-group-picker': TnGroupPicker;
  }
}
