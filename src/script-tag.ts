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

export * from './api.js';

autoload();
