import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS, type DemoAdapter } from '../../src/adapter/demo/index.js';
import type { VerificationSession } from '../../src/adapter/types.js';

/**
 * A fresh demo network with a verification of Demonstration Example Buyer opened through the
 * contract (a connection request from Adams Office Supplies IT), as a host would get one:
 * tests of `<tn-verify-invoice>` on real data start from here instead of a hand-made session.
 */
export async function demoVerification(): Promise<{ adapter: DemoAdapter; session: VerificationSession }> {
  const adapter = createDemoAdapter();
  const outcome = await adapter.requestConnection({
    accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
    entityIds: [DEMO_IDS.demonstrationExampleBuyer],
    idempotencyKey: 'test-demo-verification',
  });
  if (outcome.kind !== 'verification-required') throw new Error(`expected a verification, got ${outcome.kind}`);
  return { adapter, session: outcome.verification };
}
