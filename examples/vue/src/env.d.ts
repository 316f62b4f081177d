// The tn-* tags in Vue templates: `GlobalComponents` with each element's props and typed
// `@tn-…` events, so `vue-tsc` with `strictTemplates` checks them like components.
/// <reference types="tn-customer-connect/vue" />
