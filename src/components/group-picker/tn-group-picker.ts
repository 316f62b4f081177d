import { defineElement } from '../../base/tn-element.js';
import { whenIdle } from '../../adapter/when-idle.js';
import { prepareGroupFormats } from '../../localization/format.js';
import { TnGroupPicker } from './group-picker.js';

export { TnGroupPicker };

defineElement('tn-group-picker', TnGroupPicker);
// The page's first collator and number format load locale data: while the page is idle, not
// when the first group opens.
whenIdle(() => prepareGroupFormats());

declare global {
  interface HTMLElementTagNameMap {
    'tn-group-picker': TnGroupPicker;
  }
}
