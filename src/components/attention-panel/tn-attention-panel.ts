import { defineElement } from '../../base/tn-element.js';
import { TnAttentionPanel } from './attention-panel.js';

export { TnAttentionPanel };

defineElement('tn-attention-panel', TnAttentionPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tn-attention-panel': TnAttentionPanel;
  }
}
