/**
 * The flow's location as plain JSON, and the browser-history bookkeeping of the
 * `manage-history` attribute (`FlowHistory`).
 *
 * A location comes back from places the flow does not control (`history.state` written by an
 * older version, a host's URL, storage), so `readLocation` keeps only well-formed fields and
 * answers `undefined` for anything that is not a location at all.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FlowLocation, FlowOutcome, FlowStep } from '../../base/events.js';
import type { PickerSelection } from './flow-request.js';

/**
 * A location lists at most this many ticked entities, or as many left unticked (it stays a
 * few KB at most).
 */
export const MAX_SELECTED_IN_LOCATION = 1000;
const STEPS: readonly FlowStep[] = ['search', 'request', 'verify', 'done'];
const MAX_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 1000;

const text = (value: unknown, max = MAX_ID_LENGTH): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;

/** A list of country codes (two capitals), at most one per country there is; undefined if it is not one. */
const countryCodes = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length <= 26 * 26 && value.every((code) => typeof code === 'string' && /^[A-Z]{2}$/.test(code))
    ? (value as string[])
    : undefined;

/** A list of at most `MAX_SELECTED_IN_LOCATION` IDs, without what is not one. */
const ids = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length <= MAX_SELECTED_IN_LOCATION
    ? value.filter((id): id is string => text(id) !== undefined)
    : undefined;

/** The fields of `value` that form a valid location; `undefined` if it has no valid step. */
export function readLocation(value: unknown): FlowLocation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const step = STEPS.find((candidate) => candidate === raw.step);
  if (!step) return undefined;
  const location: FlowLocation = { step };
  const query = text(raw.query, MAX_TEXT_LENGTH);
  const customerId = text(raw.customerId);
  const groupId = text(raw.groupId);
  const verificationId = text(raw.verificationId);
  if (query) location.query = query;
  if (customerId) location.customerId = customerId;
  if (raw.group === true) location.group = true;
  if (groupId) location.groupId = groupId;
  const selectedIds = ids(raw.selectedIds);
  const unselectedIds = ids(raw.unselectedIds);
  const countries = countryCodes(raw.countries);
  // With countries, both lists count; without, the ticked ones win.
  if (countries) location.countries = [...countries];
  if (selectedIds) location.selectedIds = selectedIds;
  if (unselectedIds && (countries || !selectedIds)) location.unselectedIds = unselectedIds;
  if (verificationId) location.verificationId = verificationId;
  const outcome = readOutcome(raw.outcome);
  if (outcome) location.outcome = outcome;
  // A step that lacks what it shows falls back to the search.
  if (step === 'request' && !customerId && !groupId) location.step = 'search';
  if (step === 'verify' && !verificationId) location.step = 'search';
  if (step === 'done' && !outcome) location.step = 'search';
  return location;
}

function readOutcome(value: unknown): FlowOutcome | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const vendorCode = text(raw.vendorCode);
  const extra = vendorCode ? { vendorCode } : {};
  if (raw.kind === 'support-case') {
    const reference = text(raw.reference);
    return reference ? { kind: 'support-case', reference, ...extra } : undefined;
  }
  if (raw.kind === 'connected' && Array.isArray(raw.customers)) {
    const customers = raw.customers
      .slice(0, 3)
      .filter((c): c is { id: string; legalName: string } => typeof c?.id === 'string' && typeof c?.legalName === 'string')
      .map(({ id, legalName }) => ({ id, legalName: legalName.slice(0, MAX_TEXT_LENGTH) }));
    const total = typeof raw.total === 'number' && Number.isInteger(raw.total) && raw.total >= 0 ? raw.total : customers.length;
    const accountId = text(raw.accountId);
    return { kind: 'connected', customers, total, ...(accountId ? { accountId } : {}), ...extra };
  }
  return undefined;
}

/**
 * The picker's selection as a location keeps it: the ticked entities when there are at most
 * 1,000, else those left unticked, else by country (each list at most 1,000), else nothing.
 */
export function selectionInLocation({ selectedIds, unselectedIds, byCountry }: PickerSelection): Partial<FlowLocation> {
  const fits = (list: readonly string[] | undefined): list is readonly string[] => !!list && list.length <= MAX_SELECTED_IN_LOCATION;
  if (byCountry && fits(byCountry.selectedIds) && fits(byCountry.unselectedIds)) {
    return {
      countries: [...byCountry.countries],
      ...(byCountry.selectedIds.length ? { selectedIds: [...byCountry.selectedIds] } : {}),
      ...(byCountry.unselectedIds.length ? { unselectedIds: [...byCountry.unselectedIds] } : {}),
    };
  }
  if (fits(selectedIds)) return { selectedIds: [...selectedIds] };
  if (fits(unselectedIds)) return { unselectedIds: [...unselectedIds] };
  return {};
}

/** Two locations name the same place (JSON-equal). */
export function sameLocation(a: FlowLocation | undefined, b: FlowLocation | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The location a history state holds under `key`, if any. */
function locationIn(state: unknown, key: string): FlowLocation | undefined {
  return typeof state === 'object' && state !== null ? readLocation((state as Record<string, unknown>)[key]) : undefined;
}

/** What {@link FlowHistory} needs from its flow. */
export interface HistoryHost extends ReactiveControllerHost {
  /** Whether the flow keeps the history (its `manage-history` attribute). */
  readonly manageHistory: boolean;
  readonly historyKey: string;
  readonly location: FlowLocation;
  navigate(location: FlowLocation): void;
}

/**
 * The `manage-history` bookkeeping: the flow's location in `history.state[historyKey]` of
 * its entries (the URL stays as the host made it, the host's own state is kept), Back and
 * Forward followed, and the location of the entry a reload lands on.
 */
export class FlowHistory implements ReactiveController {
  constructor(private readonly flow: HistoryHost) {
    flow.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** The location the current entry holds (after a reload), when the flow keeps the history. */
  get saved(): FlowLocation | undefined {
    return this.flow.manageHistory ? locationIn(history.state, this.flow.historyKey) : undefined;
  }

  /** The entry the flow starts on gets its location too, so Back to it returns there. */
  start(): void {
    if (this.flow.manageHistory && !this.saved) this.save('replace');
  }

  /** Records the flow's location: a new entry, or the current one. */
  save(how: 'push' | 'replace'): void {
    if (!this.flow.manageHistory) return;
    const location = this.flow.location;
    const current: unknown = history.state;
    const state = { ...(typeof current === 'object' && current !== null ? current : {}), [this.flow.historyKey]: location };
    // The same place twice (e.g. Connect on the entity already in the request) is one entry.
    if (how === 'push' && !sameLocation(this.saved, location)) history.pushState(state, '');
    else history.replaceState(state, '');
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    // An entry from before the flow (the host's own) leaves the flow as it is.
    const location = this.flow.manageHistory ? locationIn(event.state, this.flow.historyKey) : undefined;
    if (location) this.flow.navigate(location);
  };
}
