/**
 * tn-customer-connect — public API. Importing this module registers nothing: import
 * `tn-customer-connect/define.js` (every element) or one element's entry to register tags.
 */
export * from './api.js';
export { TnCustomerSearch } from './components/customer-search/customer-search.js';
export { TnAttentionPanel } from './components/attention-panel/attention-panel.js';
export { TnGroupPicker } from './components/group-picker/group-picker.js';
export { TnVerifyInvoice } from './components/verify-invoice/verify-invoice.js';
export { TnCustomerConnect } from './components/customer-connect/customer-connect.js';
export { TnRelationships } from './components/relationships/relationships.js';
export { TnSupportCase } from './components/support-case/support-case.js';
export { TnAdapterProvider } from './components/adapter-provider/adapter-provider.js';
