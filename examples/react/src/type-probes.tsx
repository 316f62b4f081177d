// Mistakes the types catch. Nothing imports this file; `npm run typecheck` checks it, and each
// `@ts-expect-error` fails the check if the line under it ever compiles. (The package's own
// tests also check each line fails with the TypeScript error code the comment names.)
import { TnCustomerConnect, TnCustomerSearch } from 'tn-customer-connect/react.js';
import type { TnConnectEvent } from 'tn-customer-connect';

export const wrappers = (
  <>
    {/* @ts-expect-error TS2339: tn-search's detail has no customer */}
    <TnCustomerSearch onTnSearch={(e) => e.detail.customer} />
    {/* @ts-expect-error TS2322: a tn-connect handler is no tn-search handler */}
    <TnCustomerSearch onTnSearch={(e: TnConnectEvent) => e.detail.customer.legalName} />
    {/* @ts-expect-error TS2322: minChars is a number */}
    <TnCustomerSearch minChars="3" />
    {/* @ts-expect-error TS2322: step is read-only (the flow moves itself) */}
    <TnCustomerConnect step="done" />
  </>
);

export const bareTags = (
  <>
    {/* @ts-expect-error TS2339: tn-search's detail has no customer */}
    <tn-customer-search ontn-search={(e) => e.detail.customer} />
    {/* @ts-expect-error TS2322: min-chars is a number */}
    <tn-customer-search min-chars="three" />
    {/* @ts-expect-error TS2322: heading-level is a number */}
    <tn-attention-panel heading-level="2" />
  </>
);
