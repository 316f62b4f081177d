/**
 * `tn-customer-connect/testing.js`: helpers for testing a page that embeds the elements.
 * Registers nothing and touches no DOM at load; safe to import in any test runner.
 */
export { ControlledAdapter } from './controlled-adapter.js';
export type { PendingCall } from './controlled-adapter.js';
export { ManualClock } from './manual-clock.js';
