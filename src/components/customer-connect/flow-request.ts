/**
 * The flow's request step: which customer or group the request is for, what the picker
 * reported of its selection and what the user sent — and the picker itself, a fresh one
 * (a new key) for each new customer or group and for Start over, the same one while the
 * target stays, so Back finds it as the user left it.
 */
import { html, noChange } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CustomerEntity } from '../../adapter/types.js';
import type { CountrySelection, FlowLocation } from '../../base/events.js';
import type { Requested } from './flow-outcome.js';

/**
 * Lit's `noChange` for the picker's `selectedIds` and `unselectedIds` bindings: the picker
 * keeps its own selection unless the flow restores one. Typed as the properties' type for the
 * template type checker, which does not know the directive value.
 */
const keepSelection = noChange as unknown as string[];
const keepCountrySelection = noChange as unknown as CountrySelection;

/** The group picker's selection, as its `tn-selection-change` event tells it. */
export interface PickerSelection {
  mode: 'single' | 'group';
  selectedIds?: string[];
  /** With many ticked: the picker's `unselectedIds`. */
  unselectedIds?: string[];
  /** With many ticked and many not: the picker's `countrySelection`. */
  byCountry?: CountrySelection;
}

/** What a request opens on: a customer (an entity or its ID, maybe its group) or a group. */
export interface RequestTarget {
  customer?: CustomerEntity;
  customerId?: string;
  groupId?: string;
  group?: boolean;
  selectedIds?: string[];
  unselectedIds?: string[];
  /** With `unselectedIds` and `selectedIds`: the countries ticked as a whole (a location's `countries`). */
  countries?: string[];
}

/** The flow's settings the picker takes. */
export interface PickerSettings {
  accountId: string | undefined;
  keepDrafts: boolean;
  adapterTimeout: number;
}

export class FlowRequest implements ReactiveController {
  /** The entity the request is for (chosen in the search). */
  customer?: CustomerEntity;
  /** The entity the request is for, by ID only (deep link). */
  linkedCustomerId?: string;
  linkedGroupId?: string;
  /** The picker's selection, as it last reported it. */
  selection?: PickerSelection;
  /** What the last submitted request carried, for the recap. */
  requested?: Requested;
  /** The request's picker: a new key renders a fresh one (a new customer, Start over). */
  private key = 0;
  /** Whether the request opens on the customer's group (the picker's `group`). */
  private openOnGroup = false;
  /** Ticked entities to give the picker (a restored location); undefined: leave its own. */
  private restoredSelection?: string[];
  /** Entities to leave unticked, all others ticked (a restored location); undefined: leave its own. */
  private restoredUnselected?: string[];
  /** What to tick by country (a restored location); undefined: leave its own. */
  private restoredByCountry?: CountrySelection;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The customer's network ID, chosen or linked. */
  get customerId(): string | undefined {
    return this.customer?.id ?? this.linkedCustomerId;
  }

  /** Whether there is a customer or a group to request for. */
  get hasTarget(): boolean {
    return !!(this.customer || this.linkedCustomerId || this.linkedGroupId);
  }

  /** Opens on `target`: a new one starts a new request; the same one keeps what the user typed. */
  open(target: RequestTarget): void {
    const current = this.customerId;
    const sameCustomer = (target.customer?.id ?? target.customerId) === current && current !== undefined;
    const sameTarget = target.groupId ? target.groupId === this.linkedGroupId : sameCustomer && !this.linkedGroupId;
    // A fresh picker, unless the one there never had a customer: it is fresh already.
    if (!sameTarget) {
      if (current !== undefined || this.linkedGroupId !== undefined) this.key++;
      this.selection = undefined;
      this.openOnGroup = false;
    }
    if (target.group) this.openOnGroup = true;
    const { selectedIds, unselectedIds, countries } = target;
    this.restoredByCountry = countries && { countries, selectedIds: selectedIds ?? [], unselectedIds: unselectedIds ?? [] };
    this.restoredSelection = countries ? undefined : selectedIds;
    this.restoredUnselected = countries || selectedIds ? undefined : unselectedIds;
    // A restored selection is the flow's location until the user changes it.
    if (this.restoredByCountry) this.selection = { mode: 'group', byCountry: this.restoredByCountry };
    else if (this.restoredSelection) this.selection = { mode: 'group', selectedIds: this.restoredSelection };
    else if (this.restoredUnselected) this.selection = { mode: 'group', unselectedIds: this.restoredUnselected };
    // The same entity keeps the object the picker already shows (no fetch again).
    const customer = target.customer ?? (sameCustomer && !target.groupId ? this.customer : undefined);
    this.customer = customer;
    this.linkedCustomerId = customer ? undefined : target.customerId;
    this.linkedGroupId = target.groupId;
    this.host.requestUpdate();
  }

  /** A restored location's customer or group, kept for the flow's own Back. */
  keep(to: FlowLocation): void {
    if (to.customerId && to.customerId !== this.customerId) {
      this.customer = undefined;
      this.linkedCustomerId = to.customerId;
    }
    if (to.groupId) this.linkedGroupId = to.groupId;
    this.host.requestUpdate();
  }

  /** Forgets the request: the next one gets a fresh picker. */
  clear(): void {
    this.key++;
    this.openOnGroup = false;
    this.restoredSelection = undefined;
    this.restoredUnselected = undefined;
    this.restoredByCountry = undefined;
    this.customer = undefined;
    this.linkedCustomerId = undefined;
    this.linkedGroupId = undefined;
    this.selection = undefined;
    this.requested = undefined;
    this.host.requestUpdate();
  }

  render(settings: PickerSettings): TemplateResult {
    return html`${keyed(
      this.key,
      html`<tn-group-picker
        hide-restart
        hide-outcome
        .customer=${this.customer}
        customer-id=${ifDefined(this.linkedCustomerId)}
        group-id=${ifDefined(this.linkedGroupId)}
        ?group=${this.openOnGroup}
        .selectedIds=${this.restoredSelection ?? keepSelection}
        .unselectedIds=${this.restoredUnselected ?? keepSelection}
        .countrySelection=${this.restoredByCountry ?? keepCountrySelection}
        account-id=${ifDefined(settings.accountId || undefined)}
        ?keep-drafts=${settings.keepDrafts}
        .adapterTimeout=${settings.adapterTimeout}
      ></tn-group-picker>`,
    )}`;
  }
}
