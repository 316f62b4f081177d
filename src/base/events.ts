/**
 * Every event the elements dispatch. All bubble, cross shadow roots (`composed`) and carry
 * an object `detail`. The `GlobalEventHandlersEventMap` augmentation types
 * `addEventListener('tn-connect', e => e.detail.customer)` on elements, document and window.
 */
import type { AdapterErrorCode, TnAdapterError } from '../adapter/errors.js';
import type {
  CustomerConnectAdapter,
  CustomerEntity,
  FailedInvoice,
  GroupRef,
  Relationship,
  SavedInvoice,
  SkippedEntity,
  SupportCase,
  VerificationSession,
  VerificationStep,
} from '../adapter/types.js';

/** The user chose **Connect** on one legal entity. */
export type TnConnectEvent = CustomEvent<{ customer: CustomerEntity }>;

/** The user chose **View group** on a legal entity that belongs to a group. */
export type TnViewGroupEvent = CustomEvent<{ customer: CustomerEntity; group: GroupRef }>;

/** A search finished (first page or a further one): for analytics. */
export type TnSearchEvent = CustomEvent<{ query: string; total: number | undefined; shown: number }>;

/**
 * An adapter call failed. The element already shows a localized error with a retry; hosts
 * log it, or react to `unauthorized` (e.g. renew the session and call `retry()`).
 */
export type TnErrorEvent = CustomEvent<{
  /** The adapter method that failed. */
  operation: keyof CustomerConnectAdapter;
  code: AdapterErrorCode;
  error: TnAdapterError;
  /** Runs the failed operation again, as the element's "Try again" button does. */
  retry: () => void;
}>;

/**
 * The user submitted a connection request. Cancelable: call `preventDefault()` to veto it
 * (nothing is sent; the form stays as it is).
 */
export type TnRequestConnectionEvent = CustomEvent<{
  accountId: string;
  customers: CustomerEntity[];
  vendorCode?: string;
  notes?: string;
  /** The attached file, when there is one. */
  attachment?: { name: string; size: number; type: string };
}>;

/** The network opened a support case (a connection request, or a verification given up). */
export type TnSupportCaseOpenedEvent = CustomEvent<{
  supportCase: SupportCase;
  skipped: SkippedEntity[];
  /** The verification this case replaces ("Connect without verification"). */
  verificationId?: string;
}>;

/** The network asks the supplier to verify the relationship with invoice history. */
export type TnVerificationRequiredEvent = CustomEvent<{
  verification: VerificationSession;
  skipped: SkippedEntity[];
}>;

/** The supplier is connected (at once, or after verification). */
export type TnConnectedEvent = CustomEvent<{ relationships: Relationship[]; skipped: SkippedEntity[] }>;

/** The user asked to see a support case ("view the case"). */
export type TnViewCaseEvent = CustomEvent<{ reference: string; statusUrl?: string }>;

/** The group picker switched between one entity and its whole group. */
export type TnModeChangeEvent = CustomEvent<{ mode: 'single' | 'group'; groupId?: string }>;

/**
 * What the group picker's request is for changed: the user ticked or unticked legal entities
 * of the group (one, a country, the whole group, or cleared them), or switched to the group
 * ("View group"). For a host that keeps the flow's state, e.g. in the browser's history: set
 * `selectedIds` back on the picker to restore it.
 */
export type TnSelectionChangeEvent = CustomEvent<{
  mode: 'single' | 'group';
  /** The group, in group mode. */
  groupId?: string;
  /** The ticked entities' network IDs, in group mode (empty in single mode). */
  selectedIds: string[];
}>;

/**
 * A group picker's selection in a form that stays small however many are ticked (its
 * `countrySelection`): in each of `countries`, every entity that can be ticked is ticked but
 * `unselectedIds`; elsewhere, `selectedIds` are.
 */
export interface CountrySelection {
  /** The countries ticked as a whole, as ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** Entities ticked outside `countries`. */
  selectedIds: string[];
  /** Entities left unticked in `countries`. */
  unselectedIds: string[];
}

/** The lists of the "For your attention" panel. */
export type AttentionList = 'failed-invoices' | 'support-tickets' | 'saved-invoices';

/**
 * The user asked to see a list of the attention panel ("View all"), or one item of it
 * ("View"). The host decides where that leads.
 */
export type TnViewAttentionEvent = CustomEvent<{
  list: AttentionList;
  /** Present when the user asked for one item: a `FailedInvoice`, `SupportCase` or `SavedInvoice`. */
  item?: FailedInvoice | SupportCase | SavedInvoice;
}>;

/**
 * On `window`: a locale's messages could not be loaded (network, or an integrity mismatch
 * under the page's import map). The elements stay in `current`, fully usable.
 */
export type TnLocaleErrorEvent = CustomEvent<{ locale: string; message: string; current: string }>;

declare global {
  interface WindowEventMap {
    'tn-locale-error': TnLocaleErrorEvent;
  }
  interface GlobalEventHandlersEventMap {
    'tn-view-attention': TnViewAttentionEvent;
    'tn-request-connection': TnRequestConnectionEvent;
    'tn-support-case-opened': TnSupportCaseOpenedEvent;
    'tn-verification-required': TnVerificationRequiredEvent;
    'tn-connected': TnConnectedEvent;
    'tn-view-case': TnViewCaseEvent;
    'tn-mode-change': TnModeChangeEvent;
    'tn-selection-change': TnSelectionChangeEvent;
    'tn-connect': TnConnectEvent;
    'tn-view-group': TnViewGroupEvent;
    'tn-search': TnSearchEvent;
    'tn-error': TnErrorEvent;
    'tn-step-change': TnStepChangeEvent;
    'tn-verification-rejected': TnVerificationRejectedEvent;
    'tn-verified': TnVerifiedEvent;
    'tn-flow-step-change': TnFlowStepChangeEvent;
    'tn-flow-location-change': TnFlowLocationChangeEvent;
    'tn-resume-verification': TnResumeVerificationEvent;
    'tn-request-again': TnRequestAgainEvent;
  }
}

/** Where `<tn-verify-invoice>` stands: a verification step, or the support case that replaced it. */
export type VerifyInvoiceStep = VerificationStep | 'support-case';

/** The verification moved to another step (after an answer, or "Connect without verification"). */
export type TnStepChangeEvent = CustomEvent<{ step: VerifyInvoiceStep; verificationId: string }>;

/** The network did not recognise the invoice details; `attemptsRemaining` is 0 once it locked. */
export type TnVerificationRejectedEvent = CustomEvent<{
  step: 'evidence' | 'challenge';
  attemptsRemaining: number;
  session: VerificationSession;
}>;

/** The supplier proved the relationship: these relationships are now connected. */
export type TnVerifiedEvent = CustomEvent<{ relationships: Relationship[]; session: VerificationSession }>;

/** The steps of `<tn-customer-connect>`. */
export type FlowStep = 'search' | 'request' | 'verify' | 'done';

/** What the network answered, as `<tn-customer-connect>` remembers it at its `done` step. */
export type FlowOutcome =
  | {
      kind: 'support-case';
      /** The support case's reference (the done step fetches the case by it after a reload). */
      reference: string;
      /** The vendor code the request carried, if any. */
      vendorCode?: string;
    }
  | {
      kind: 'connected';
      /** The first few entities now connected (at most 3), for the recap. */
      customers: { id: string; legalName: string }[];
      /** How many entities are connected in all. */
      total: number;
      accountId?: string;
      vendorCode?: string;
    };

/**
 * Where `<tn-customer-connect>` stands, as plain JSON: what a host keeps in `history.state`,
 * a URL or storage, and gives back to `navigate()` on `popstate` or after a reload.
 */
export interface FlowLocation {
  step: FlowStep;
  /** The search text (kept on every step, so returning to the search finds it). */
  query?: string;
  /** The legal entity the request is for. */
  customerId?: string;
  /** With `customerId`: the request is on that entity's whole group. */
  group?: boolean;
  /** The corporate group the request is on, when it was opened by group ID. */
  groupId?: string;
  /**
   * In group mode: the ticked entities, at most 1,000 (a location stays small). More than
   * that are kept as `unselectedIds` instead.
   */
  selectedIds?: string[];
  /**
   * In group mode, with more than 1,000 ticked: every entity of the group that can be ticked
   * is, but these (at most 1,000) — after "Select the whole group", none. With `countries`:
   * the entities left unticked in those countries.
   */
  unselectedIds?: string[];
  /**
   * In group mode, with more than 1,000 ticked and more than 1,000 not (say, five countries
   * of a group of 10,000): the countries ticked as a whole (ISO 3166-1 alpha-2 codes), every
   * entity there that can be ticked being ticked but `unselectedIds`, and `selectedIds` the
   * entities ticked elsewhere — each list at most 1,000, as a picker's `countrySelection`
   * gives them. A selection that even this cannot hold in two lists of 1,000 is not kept: the
   * request reopens with the entity the user came from.
   */
  countries?: string[];
  /** The verification under way (at `verify`, and at `done` after a verification). */
  verificationId?: string;
  /** At `done`: what the network answered. */
  outcome?: FlowOutcome;
}

/**
 * The user moved `<tn-customer-connect>` somewhere: `history: 'push'` for a new step (a host
 * that owns the browser history calls `history.pushState`), `'replace'` for a change within
 * the step — the search text, the group mode or the ticked entities (`history.replaceState`).
 * Not fired when `navigate()` restores a location: the host already holds that one.
 */
export type TnFlowLocationChangeEvent = CustomEvent<{ location: FlowLocation; history: 'push' | 'replace' }>;

/**
 * `<tn-customer-connect>` moved to another step (by the user, or by `navigate()`): for
 * analytics, or a host that keeps the step in its URL. To keep the browser history in step,
 * use `tn-flow-location-change` (or the flow's `manage-history` attribute).
 */
export type TnFlowStepChangeEvent = CustomEvent<{
  step: FlowStep;
  previous: FlowStep;
  /** The legal entity the request is for, once chosen. */
  customerId?: string;
  /** The group the request is on, when the flow was opened on a group. */
  groupId?: string;
  /** The verification under way, at the `verify` step and after it. */
  verificationId?: string;
  /** At `done`, when the outcome is a support case. */
  supportCaseReference?: string;
}>;

/** The user asked to finish a pending verification ("Resume verification" in `<tn-relationships>`). */
export type TnResumeVerificationEvent = CustomEvent<{ verificationId: string; relationship: Relationship }>;

/** The user asked to request a rejected or expired connection again ("Request again" in `<tn-relationships>`). */
export type TnRequestAgainEvent = CustomEvent<{ relationship: Relationship }>;
