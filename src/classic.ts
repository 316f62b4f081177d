/**
 * Entry of the classic-script build, dist/cdn/tn-customer-connect.classic.min.js (an IIFE for
 * `<script src>` without `type="module"`): exposes the public API as the global
 * `TnCustomerConnect`, with its `version`, at once — a page's next inline script can call
 * `TnCustomerConnect.setLocale` or `createRestAdapter` — and registers every tn-* tag lazily
 * (`autoload.ts`): each element's code is fetched the first time its tag appears. The element
 * classes are not on the global (`await customElements.whenDefined('tn-group-picker')`
 * returns one). The build makes that code ES-module chunks that take Lit and the element base
 * from this script (rollup.config.mjs, `classicCore`), so the page has one copy of each.
 *
 * Like the tags, the global belongs to the first copy that loads: a second copy (or a second
 * version) on the same page leaves it alone, so `TnCustomerConnect.setLocale` always reaches
 * the elements on the page.
 *
 * Not part of the npm package's API (the npm entries are `index.ts` and `define.ts`).
 */
import * as api from './api.js';
import { autoload } from './autoload.js';
import { VERSION } from './base/version.js';

const host = globalThis as { TnCustomerConnect?: unknown };
host.TnCustomerConnect ??= Object.freeze({ ...api, version: VERSION });

autoload();
