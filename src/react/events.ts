/**
 * The React event props of each wrapper: prop name → the `tn-*` event it listens to, typed
 * with the event's type so `onTnConnect={(e) => e.detail.customer}` type-checks. One entry
 * per `@fires` line of the element's JSDoc (test/package/host-apps.test.mjs compares them).
 */
import type { EventName } from '@lit/react';
import type {
  TnConnectEvent,
  TnConnectedEvent,
  TnErrorEvent,
  TnFlowLocationChangeEvent,
  TnFlowStepChangeEvent,
  TnModeChangeEvent,
  TnRequestAgainEvent,
  TnRequestConnectionEvent,
  TnResumeVerificationEvent,
  TnSearchEvent,
  TnSelectionChangeEvent,
  TnStepChangeEvent,
  TnSupportCaseOpenedEvent,
  TnVerificationRejectedEvent,
  TnVerificationRequiredEvent,
  TnVerifiedEvent,
  TnViewAttentionEvent,
  TnViewCaseEvent,
  TnViewGroupEvent,
} from '../base/events.js';

const onTnError = 'tn-error' as EventName<TnErrorEvent>;

/** `<tn-customer-search>` */
export const customerSearchEvents = {
  onTnConnect: 'tn-connect' as EventName<TnConnectEvent>,
  onTnViewGroup: 'tn-view-group' as EventName<TnViewGroupEvent>,
  onTnSearch: 'tn-search' as EventName<TnSearchEvent>,
  onTnError,
};

/** `<tn-group-picker>` */
export const groupPickerEvents = {
  onTnRequestConnection: 'tn-request-connection' as EventName<TnRequestConnectionEvent>,
  onTnSupportCaseOpened: 'tn-support-case-opened' as EventName<TnSupportCaseOpenedEvent>,
  onTnVerificationRequired: 'tn-verification-required' as EventName<TnVerificationRequiredEvent>,
  onTnConnected: 'tn-connected' as EventName<TnConnectedEvent>,
  onTnViewCase: 'tn-view-case' as EventName<TnViewCaseEvent>,
  onTnModeChange: 'tn-mode-change' as EventName<TnModeChangeEvent>,
  onTnSelectionChange: 'tn-selection-change' as EventName<TnSelectionChangeEvent>,
  onTnError,
};

/** `<tn-verify-invoice>` */
export const verifyInvoiceEvents = {
  onTnStepChange: 'tn-step-change' as EventName<TnStepChangeEvent>,
  onTnVerificationRejected: 'tn-verification-rejected' as EventName<TnVerificationRejectedEvent>,
  onTnVerified: 'tn-verified' as EventName<TnVerifiedEvent>,
  onTnConnected: 'tn-connected' as EventName<TnConnectedEvent>,
  onTnSupportCaseOpened: 'tn-support-case-opened' as EventName<TnSupportCaseOpenedEvent>,
  onTnViewCase: 'tn-view-case' as EventName<TnViewCaseEvent>,
  onTnError,
};

/** `<tn-attention-panel>` */
export const attentionPanelEvents = {
  onTnViewAttention: 'tn-view-attention' as EventName<TnViewAttentionEvent>,
  onTnError,
};

/** `<tn-customer-connect>`: its own step changes and everything its steps fire. */
export const customerConnectEvents = {
  onTnFlowStepChange: 'tn-flow-step-change' as EventName<TnFlowStepChangeEvent>,
  onTnFlowLocationChange: 'tn-flow-location-change' as EventName<TnFlowLocationChangeEvent>,
  ...customerSearchEvents,
  ...groupPickerEvents,
  ...verifyInvoiceEvents,
};

/** `<tn-support-case>` */
export const supportCaseEvents = {
  onTnError,
};

/** `<tn-relationships>` */
export const relationshipsEvents = {
  onTnViewCase: 'tn-view-case' as EventName<TnViewCaseEvent>,
  onTnResumeVerification: 'tn-resume-verification' as EventName<TnResumeVerificationEvent>,
  onTnRequestAgain: 'tn-request-again' as EventName<TnRequestAgainEvent>,
  onTnError,
};

/** `<tn-adapter-provider>` fires nothing of its own (its children's events bubble through it). */
export const adapterProviderEvents = {};
