/**
 * The demo adapter: an in-memory Customer Connect network with the tutorial's data, a
 * generated directory of 60,000 entities, simulated latency and fault injection; given a
 * `storage`, its state survives a page reload.
 *
 * ```ts
 * import { createDemoAdapter, DEMO_IDS } from 'tn-customer-connect/demo-adapter.js';
 * const adapter = createDemoAdapter({ latency: { min: 150, max: 600 }, storage: sessionStorage });
 * ```
 */
export { DemoAdapter, createDemoAdapter } from './demo-adapter.js';
export type { DemoAdapterMethod, DemoAdapterOptions, DemoFault, DemoLatency, DemoStorage } from './demo-adapter.js';
export { DemoNetwork } from './demo-network.js';
export type { DemoNetworkOptions } from './demo-network.js';
export type { DirectoryStats } from './directory-index.js';
export { DEMO_NETWORK_SNAPSHOT_VERSION } from './snapshot.js';
export type { DemoNetworkSnapshot, DemoStoredAnswer, DemoVerificationRecord } from './snapshot.js';
export {
  DEMO_ACCOUNT_IDS,
  DEMO_FIRST_CASE_REFERENCE,
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  DEMO_SEED_CASE_REFERENCES,
} from './data.js';
export type { DemoInvoice } from './data.js';
export {
  DEFAULT_DIRECTORY_SEED,
  DEFAULT_DIRECTORY_SIZE,
  GLOBEX_GROUP_ID,
  GLOBEX_GROUP_NAME,
  GLOBEX_GROUP_SIZE,
  generateDirectory,
} from './directory.js';
export type { DirectoryEntry, DirectoryGroup, DirectoryOptions, GeneratedDirectory } from './directory.js';
