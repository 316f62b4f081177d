/**
 * tn-customer-connect — public API. Importing this module registers nothing: import
 * `tn-customer-connect/define.js` (every element) or one element's entry to register tags.
 */
export { TnElement, defineElement } from './base/tn-element.js';
export { TnCustomerSearch } from './components/customer-search/customer-search.js';
export { TnAttentionPanel } from './components/attention-panel/attention-panel.js';
export { TnGroupPicker } from './components/group-picker/group-picker.js';
export { TnVerifyInvoice } from './components/verify-invoice/verify-invoice.js';
export { TnCustomerConnect } from './components/customer-connect/customer-connect.js';
export { TnRelationships } from './components/relationships/relationships.js';
export { TnSupportCase } from './components/support-case/support-case.js';
export { parseAmount, parseInvoiceDate, amountExample, currencyFractionDigits, localIsoDate } from './localization/parse.js';
export type { AmountError, AmountParse, DateError, DateParse } from './localization/parse.js';
export { systemClock } from './base/clock.js';
export type { Clock } from './base/clock.js';
export { clearDrafts } from './base/draft.js';
export { TnAdapterProvider } from './components/adapter-provider/adapter-provider.js';
export { adapterContext } from './adapter/context.js';
export { provideAdapter } from './adapter/provide.js';
export type { AdapterProvision } from './adapter/provide.js';
export { TnAdapterError, isAdapterError, isAbort, toAdapterError } from './adapter/errors.js';
export { defineAdapter } from './adapter/define-adapter.js';
export type { AdapterErrorCode, AdapterErrorInit, FieldError } from './adapter/errors.js';
export type * from './adapter/types.js';
export { RestAdapter, createRestAdapter, errorCodeForStatus } from './adapter/rest/index.js';
export type { RestAdapterOptions, RestHeadersHook, RestRequestInfo, RestRetryOptions } from './adapter/rest/index.js';
export type * from './base/events.js';
export {
  setLocale,
  getLocale,
  resolveLocale,
  overrideMessages,
  registerLocale,
  supportedLocales,
  rtlLocales,
  LOCALE_STATUS_EVENT,
} from './localization/localization.js';
export type { LocaleMessages, LocaleSource, RegisterLocaleOptions } from './localization/localization.js';
export { VERSION } from './base/version.js';
