import { defineElement } from '../../base/tn-element.js';
import { TnAdapterProvider } from './adapter-provider.js';

export { TnAdapterProvider };

defineElement('tn-adapter-provider', TnAdapterProvider);

declare global {
  interface HTMLElementTagNameMap {
    'tn-adapter-provider': TnAdapterProvider;
  }
}
