/**
 * Entry of the classic-script build, dist/cdn/tn-customer-connect.classic.min.js (an IIFE for
 * `<script src>` without `type="module"`): registers every tn-* element and exposes the
 * public API as the global `TnCustomerConnect`, with its `version`.
 *
 * Like the tags, the global belongs to the first copy that loads: a second copy (or a second
 * version) on the same page leaves it alone, so `TnCustomerConnect.setLocale` always reaches
 * the elements on the page.
 *
 * Not part of the npm package's API (the npm entries are `index.ts` and `define.ts`).
 */
import * as api from './define.js';
import { VERSION } from './base/version.js';

const host = globalThis as { TnCustomerConnect?: unknown };
host.TnCustomerConnect ??= Object.freeze({ ...api, version: VERSION });
