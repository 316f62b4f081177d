/**
 * The public API except the element classes: what every entry exports. `index.ts` adds the
 * classes; the ES-module script-tag build (`script-tag.ts`) has no class to export before its
 * tag appears, so it exports this alone.
 */
export { TnElement, defineElement } from './base/tn-element.js';
export { parseAmount, parseInvoiceDate, amountExample, currencyFractionDigits, localIsoDate } from './localization/parse.js';
export type { AmountError, AmountParse, DateError, DateParse } from './localization/parse.js';
export { systemClock } from './base/clock.js';
export type { Clock } from './base/clock.js';
export { clearDrafts } from './base/draft.js';
export { adapterContext } from './adapter/context.js';
export { provideAdapter } from './adapter/provide.js';
export type { AdapterProvision } from './adapter/provide.js';
export { TnAdapterError, isAdapterError, isAbort, toAdapterError } from './adapter/errors.js';
export { defineAdapter } from './adapter/define-adapter.js';
export type { AdapterErrorCode, AdapterErrorInit, FieldError } from './adapter/errors.js';
export type * from './adapter/types.js';
// From the modules themselves, not adapter/rest/index.js: the script-tag builds put what an
// entry imports into their first download, and the index also names the REST implementation's
// table of operations, which is fetched when the adapter is first used.
export { RestAdapter, createRestAdapter } from './adapter/rest/rest-adapter.js';
export { errorCodeForStatus } from './adapter/rest/status-codes.js';
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
