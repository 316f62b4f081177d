/**
 * React wrappers (React 18; React 19 renders custom elements itself but these work there
 * too) for every tn-* element, made with `@lit/react`. Importing this module registers the
 * elements it wraps.
 *
 * ```tsx
 * import { TnAdapterProvider, TnCustomerConnect } from 'tn-customer-connect/react.js';
 *
 * <TnAdapterProvider adapter={adapter}>
 *   <TnCustomerConnect onTnConnected={(e) => save(e.detail.relationships)} />
 * </TnAdapterProvider>
 * ```
 *
 * Every public, writable property of the element is a prop (set as a property, so objects
 * such as `adapter` pass as they are) — not its methods, read-only getters (`step`) or Lit's
 * own members; every event it fires is an `on` + PascalCase prop (`tn-connect` →
 * `onTnConnect`) typed with the event, e.g. `(e: TnConnectEvent) => void`.
 */
import { TnCustomerSearch as TnCustomerSearchElement } from '../components/customer-search/tn-customer-search.js';
import { TnGroupPicker as TnGroupPickerElement } from '../components/group-picker/tn-group-picker.js';
import { TnVerifyInvoice as TnVerifyInvoiceElement } from '../components/verify-invoice/tn-verify-invoice.js';
import { TnAttentionPanel as TnAttentionPanelElement } from '../components/attention-panel/tn-attention-panel.js';
import { TnCustomerConnect as TnCustomerConnectElement } from '../components/customer-connect/tn-customer-connect.js';
import { TnRelationships as TnRelationshipsElement } from '../components/relationships/tn-relationships.js';
import { TnSupportCase as TnSupportCaseElement } from '../components/support-case/tn-support-case.js';
import { TnAdapterProvider as TnAdapterProviderElement } from '../components/adapter-provider/tn-adapter-provider.js';
import {
  adapterProviderEvents,
  attentionPanelEvents,
  customerConnectEvents,
  customerSearchEvents,
  groupPickerEvents,
  relationshipsEvents,
  supportCaseEvents,
  verifyInvoiceEvents,
} from './events.js';
import { wrap } from './wrap.js';

/** `<tn-customer-search>`: directory search with Connect and View group actions. */
export const TnCustomerSearch = /* @__PURE__ */ wrap(
  'tn-customer-search',
  TnCustomerSearchElement,
  customerSearchEvents,
  'TnCustomerSearch',
);

/** `<tn-group-picker>`: the connection request (account, one entity or its group, details, outcome). */
export const TnGroupPicker = /* @__PURE__ */ wrap('tn-group-picker', TnGroupPickerElement, groupPickerEvents, 'TnGroupPicker');

/** `<tn-verify-invoice>`: invoice-history verification. */
export const TnVerifyInvoice = /* @__PURE__ */ wrap(
  'tn-verify-invoice',
  TnVerifyInvoiceElement,
  verifyInvoiceEvents,
  'TnVerifyInvoice',
);

/** `<tn-attention-panel>`: the "For your attention" panel. */
export const TnAttentionPanel = /* @__PURE__ */ wrap(
  'tn-attention-panel',
  TnAttentionPanelElement,
  attentionPanelEvents,
  'TnAttentionPanel',
);

/** `<tn-customer-connect>`: search → request → verification → done in one element; fires its steps' events too. */
export const TnCustomerConnect = /* @__PURE__ */ wrap(
  'tn-customer-connect',
  TnCustomerConnectElement,
  customerConnectEvents,
  'TnCustomerConnect',
);

/** `<tn-relationships>`: the supplier's customer relationships and their statuses. */
export const TnRelationships = /* @__PURE__ */ wrap(
  'tn-relationships',
  TnRelationshipsElement,
  relationshipsEvents,
  'TnRelationships',
);

/** `<tn-support-case>`: one support case — status, reference, entities, account, dates, what happens next. */
export const TnSupportCase = /* @__PURE__ */ wrap('tn-support-case', TnSupportCaseElement, supportCaseEvents, 'TnSupportCase');

/** `<tn-adapter-provider>`: gives every tn-* element inside it (React children included) its `adapter`. */
export const TnAdapterProvider = /* @__PURE__ */ wrap(
  'tn-adapter-provider',
  TnAdapterProviderElement,
  adapterProviderEvents,
  'TnAdapterProvider',
);
