// The tests' name for the public testing helper.
export { ControlledAdapter as FakeAdapter } from '../../src/testing/controlled-adapter.js';
export type { PendingCall } from '../../src/testing/controlled-adapter.js';
