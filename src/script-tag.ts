/**
 * Entry of the ES-module script-tag build, dist/cdn/tn-customer-connect.min.js: the public API
 * of `index.ts` except the element classes, and lazy registration (`autoload.ts`) — every
 * tn-* tag is registered, its code fetched the first time the tag appears on the page. A
 * class is there once its tag is: `await customElements.whenDefined('tn-group-picker')`
 * returns it.
 *
 * Not part of the npm package's API (the npm entries are `index.ts` and `define.ts`).
 */
import { autoload } from './autoload.js';

export { TnElement, defineElement } from './base/tn-element.js';
export { parseAmount, parseInvoiceDate, amountExample, currencyFractionDigits, localIsoDate } from './localization/parse.js';
export { systemClock } from './base/clock.js';
export { clearDrafts } from './base/draft.js';
export { adapterContext } from './adapter/context.js';
export { provideAdapter } from './adapter/provide.js';
export { TnAdapterError, isAdapterError, isAbort, toAdapterError } from './adapter/errors.js';
export { defineAdapter } from './adapter/define-adapter.js';
export { RestAdapter, createRestAdapter, errorCodeForStatus } from './adapter/rest/index.js';
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
export { VERSION } from './base/version.js';

autoload();
