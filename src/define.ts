/** Registers every tn-* element. Safe to load twice (see `defineElement`). */
import './components/adapter-provider/tn-adapter-provider.js';
import './components/customer-search/tn-customer-search.js';
import './components/attention-panel/tn-attention-panel.js';
import './components/group-picker/tn-group-picker.js';
import './components/verify-invoice/tn-verify-invoice.js';
import './components/customer-connect/tn-customer-connect.js';
import './components/relationships/tn-relationships.js';
import './components/support-case/tn-support-case.js';

export * from './index.js';
