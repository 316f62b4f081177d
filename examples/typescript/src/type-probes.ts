// Mistakes the types catch. Nothing imports this file; `npm run typecheck` checks it, and each
// `@ts-expect-error` fails the check if the line under it ever compiles. (The package's own
// tests also check each line fails with the TypeScript error code the comment names.)
import type { TnConnectEvent } from 'tn-customer-connect';

const flow = document.createElement('tn-customer-connect'); // typed: TnCustomerConnect

// @ts-expect-error TS2339: tn-search's detail has no customer
flow.addEventListener('tn-search', (e) => e.detail.customer);
// @ts-expect-error TS2769: a tn-connect listener is no tn-search listener
flow.addEventListener('tn-search', (e: TnConnectEvent) => e.detail.customer.legalName);
// @ts-expect-error TS2322: headingLevel is a number
flow.headingLevel = '3';
// @ts-expect-error TS2540: step is read-only (the flow moves itself)
flow.step = 'done';
