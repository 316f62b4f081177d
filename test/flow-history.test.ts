/**
 * `<tn-customer-connect>` as a page's history sees it: its location, the events a host keeps
 * its history with, `navigate()`, and `manage-history` (Back, Forward and reload).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/customer-connect/tn-customer-connect.js';
import type { TnCustomerConnect } from '../src/components/customer-connect/customer-connect.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { DEMO_ACCOUNT_IDS, DEMO_GROUP_IDS, DEMO_IDS, createDemoAdapter } from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import type { FlowLocation, TnFlowLocationChangeEvent } from '../src/base/events.js';
import { press, type } from './helpers/keys.js';

const search = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnCustomerSearch>('tn-customer-search')!;
const picker = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<TnGroupPicker>('tn-group-picker')!;
const titleText = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<HTMLElement>('#flow-title')!.textContent!.trim();
const outcomeText = (el: TnCustomerConnect) => el.shadowRoot!.querySelector<HTMLElement>('[part~="outcome"]')?.innerText ?? '';

type Change = TnFlowLocationChangeEvent['detail'];

async function flow(adapter: DemoAdapter, attrs: { manageHistory?: boolean; historyKey?: string } = {}) {
  const changes: Change[] = [];
  const el = await fixture<TnCustomerConnect>(html`<tn-customer-connect
    .adapter=${adapter}
    ?manage-history=${attrs.manageHistory}
    history-key=${attrs.historyKey ?? 'tn-customer-connect'}
    @tn-flow-location-change=${(e: TnFlowLocationChangeEvent) => changes.push(e.detail)}
  ></tn-customer-connect>`);
  search(el).debounce = 0;
  return { el, changes };
}

/** Searches, then Connect on the result named `name` (as a pointer user does). */
async function connectTo(el: TnCustomerConnect, text: string, name: string, action: 'connect' | 'view-group' = 'connect') {
  search(el).focus();
  await type(text);
  const option = () =>
    [...search(el).shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent!.includes(name));
  await waitUntil(option, `no result "${name}"`, { timeout: 5000 });
  option()!.querySelector<HTMLElement>(`[data-action="${action}"]`)!.click();
  await waitUntil(() => el.step === 'request', 'the request did not open');
}

/** Chooses the account and sends the request. */
async function send(el: TnCustomerConnect) {
  const account = () => picker(el).shadowRoot!.querySelector<HTMLSelectElement>('#account');
  await waitUntil(account, 'no account choice', { timeout: 5000 });
  account()!.value = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
  account()!.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => picker(el).shadowRoot!.querySelector('[part~="submit"]'));
  picker(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

/** `history.back()` / `forward()`, resolved once the browser has fired `popstate`. */
/** The request on the demo's group of 10,000 entities, shown; its tree's rows. */
async function openGlobex(el: TnCustomerConnect): Promise<() => HTMLElement[]> {
  el.navigate({ step: 'request', groupId: DEMO_GROUP_IDS.globex });
  const items = () => [...picker(el).shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  await waitUntil(() => items().length > 0, 'the group never showed', { timeout: 10000 });
  return items;
}

function travel(how: 'back' | 'forward'): Promise<void> {
  const popped = new Promise<void>((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));
  history[how]();
  return popped;
}

describe('<tn-customer-connect> location and history', () => {
  afterEach(() => {
    // Leave the test page's own history entry clean for the next test.
    history.replaceState(null, '');
  });

  it('tells the host where the user took it: replace for the search text, push for each step, the outcome reference at done', async () => {
    const { el, changes } = await flow(createDemoAdapter());
    await connectTo(el, 'tungsten bank', 'Tungsten Bank PLC');
    await send(el);
    await waitUntil(() => el.step === 'done', 'no outcome', { timeout: 5000 });
    // Each search replaces the entry (one per result set while typing); each step pushes one.
    const pushes = changes.filter((c) => c.history === 'push');
    const replaces = changes.filter((c) => c.history === 'replace');
    expect(pushes.map((c) => c.location.step)).to.deep.equal(['request', 'done']);
    expect(replaces.length).to.be.greaterThan(0);
    for (const c of replaces) expect('tungsten bank'.startsWith(c.location.query ?? '-'), c.location.query).to.equal(true);
    expect(replaces.at(-1)!.location).to.deep.equal({ step: 'search', query: 'tungsten bank' });
    expect(pushes[0].location).to.deep.equal({ step: 'request', query: 'tungsten bank', customerId: DEMO_IDS.tungstenBank });
    const done = pushes[1].location;
    expect(done.outcome).to.include({ kind: 'support-case' });
    expect(done.outcome?.kind === 'support-case' && done.outcome.reference).to.match(/^\d+$/);
    expect(el.location).to.deep.equal(done);
    // Plain JSON: what a host stores is what it gets back.
    expect(JSON.parse(JSON.stringify(done))).to.deep.equal(done);
  });

  it('navigate() returns to a location without adding to the history, keeping what the user typed', async () => {
    const { el, changes } = await flow(createDemoAdapter());
    await connectTo(el, 'tungsten bank', 'Tungsten Bank PLC');
    const atRequest = el.location;
    await waitUntil(() => picker(el).shadowRoot!.querySelector('#vendor-code'));
    const vendorCode = picker(el).shadowRoot!.querySelector<HTMLInputElement>('#vendor-code')!;
    vendorCode.value = 'V-9';
    vendorCode.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const before = changes.length;

    el.navigate({ step: 'search', query: 'tungsten bank' });
    await el.updateComplete;
    expect(el.step).to.equal('search');
    expect(search(el).value).to.equal('tungsten bank');
    el.navigate(atRequest);
    await el.updateComplete;
    expect(el.step).to.equal('request');
    expect(picker(el).shadowRoot!.querySelector<HTMLInputElement>('#vendor-code')!.value).to.equal('V-9');
    expect(changes.length, 'navigate() told the host to record a location').to.equal(before);
  });

  it('navigate() ignores what is not a location, and a step without what it shows falls back to the search', async () => {
    const { el } = await flow(createDemoAdapter());
    el.navigate({ step: 'nowhere' } as unknown as FlowLocation);
    el.navigate(null as unknown as FlowLocation);
    await el.updateComplete;
    expect(el.step).to.equal('search');
    el.navigate({ step: 'request', customerId: DEMO_IDS.tungstenBank });
    await el.updateComplete;
    expect(el.step).to.equal('request');
    el.navigate({ step: 'verify' });
    await el.updateComplete;
    expect(el.step).to.equal('search');
    el.navigate({ step: 'request', customerId: 42, query: 'x'.repeat(5000) } as unknown as FlowLocation);
    await el.updateComplete;
    expect(el.location).to.deep.equal({ step: 'search' });
    // Ticked or unticked entities: lists of at most 1,000 IDs; given both, the ticked ones.
    const group = DEMO_GROUP_IDS.tungsten;
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `AAA${String(i).padStart(9, '0')}`);
    el.navigate({ step: 'request', groupId: group, unselectedIds: ids(1001) });
    expect(el.location).to.deep.equal({ step: 'request', groupId: group });
    el.navigate({ step: 'request', groupId: group, unselectedIds: [DEMO_IDS.tungstenBank, 7, ''] } as unknown as FlowLocation);
    expect(el.location).to.deep.equal({ step: 'request', groupId: group, unselectedIds: [DEMO_IDS.tungstenBank] });
    el.navigate({ step: 'request', groupId: group, selectedIds: ids(1000), unselectedIds: [DEMO_IDS.tungstenBank] });
    expect(el.location).to.deep.equal({ step: 'request', groupId: group, selectedIds: ids(1000) });
    // With countries (two capitals each), both lists count.
    const byCountry = { countries: ['GB', 'DE'], selectedIds: [DEMO_IDS.tungstenBank], unselectedIds: [DEMO_IDS.tungstenNetworkGmbh] };
    el.navigate({ step: 'request', groupId: group, ...byCountry });
    expect(el.location).to.deep.equal({ step: 'request', groupId: group, ...byCountry });
    el.navigate({ step: 'request', groupId: group, ...byCountry, countries: ['GB', 'de'] });
    expect(el.location, 'not a list of countries: the ticked ones win').to.deep.equal({
      step: 'request',
      groupId: group,
      selectedIds: [DEMO_IDS.tungstenBank],
    });
  });

  it('group mode and the ticked entities are part of the location, and come back with it after a reload', async () => {
    const adapter = createDemoAdapter();
    const { el, changes } = await flow(adapter);
    await connectTo(el, 'tungsten', 'Tungsten Network GmbH', 'view-group');
    const items = () => picker(el).shadowRoot!.querySelectorAll('[role="treeitem"]');
    await waitUntil(() => items().length > 0, 'the group never showed', { timeout: 5000 });
    await waitUntil(() => el.location.group === true, 'the location is not in group mode');
    const selectAll = [...picker(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent!.includes('Select the whole group'),
    )!;
    selectAll.click();
    await waitUntil(() => el.location.selectedIds?.length === 7, `the location holds ${el.location.selectedIds?.length} ticked entities`);
    expect(el.location).to.include({ step: 'request', group: true, customerId: DEMO_IDS.tungstenNetworkGmbh });
    expect(changes.at(-1)!.history, 'a change of selection replaces the entry').to.equal('replace');
    const kept = JSON.parse(JSON.stringify(el.location)) as FlowLocation;
    el.remove();

    const again = await flow(adapter);
    again.el.navigate(kept);
    await waitUntil(() => picker(again.el).selectedIds.length === 7, 'the ticked entities did not come back', { timeout: 5000 });
    expect(picker(again.el).mode).to.equal('group');
    expect([...picker(again.el).selectedIds].sort()).to.deep.equal([...kept.selectedIds!].sort());
    expect(again.el.location, 'the restored flow is where it was').to.deep.equal(kept);
  });

  it('after "Select the whole group" on 10,000 entities, the location keeps the few left unticked, and a reload ticks the same entities', async () => {
    const adapter = createDemoAdapter();
    const { el } = await flow(adapter);
    const items = await openGlobex(el);
    const selectAll = picker(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-all"]')!;
    selectAll.click();
    await waitUntil(() => el.location.unselectedIds?.length === 0, `the location holds ${JSON.stringify(el.location).length} characters`, { timeout: 5000 });
    expect(el.location.selectedIds, '10,000 IDs are not kept').to.equal(undefined);
    // The user unticks one entity (the first country expanded, its first entity): it is all the location lists.
    picker(el).shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!.focus();
    await press('ArrowRight');
    await press('ArrowDown');
    await press(' ');
    await waitUntil(() => el.location.unselectedIds?.length === 1, 'the untick is not in the location', { timeout: 5000 });
    const unticked = items().filter((item) => item.getAttribute('aria-checked') === 'false');
    expect(unticked, 'one row unticked').to.have.length(1);
    expect(el.location.unselectedIds).to.deep.equal(picker(el).unselectedIds);
    expect(unticked[0].textContent).to.contain(el.location.unselectedIds![0]);
    const kept = JSON.parse(JSON.stringify(el.location)) as FlowLocation;
    expect(JSON.stringify(kept).length, 'the location stays small').to.be.below(500);
    const ticked = picker(el).selectedIds;
    expect(ticked).to.have.length(9999);
    el.remove();

    const again = await flow(adapter);
    again.el.navigate(kept);
    await waitUntil(() => picker(again.el).selectedIds.length === 9999, 'the ticked entities did not come back', { timeout: 10000 });
    expect(picker(again.el).unselectedIds).to.deep.equal(kept.unselectedIds);
    expect(new Set(picker(again.el).selectedIds)).to.deep.equal(new Set(ticked));
    expect(again.el.location, 'the restored flow is where it was').to.deep.equal(kept);
  });

  it('five whole countries of 10,000 entities, with exceptions, are kept by country, and a reload ticks the same entities', async () => {
    const adapter = createDemoAdapter();
    const { el } = await flow(adapter);
    await openGlobex(el);
    // By keyboard: Space on five collapsed countries ticks each whole.
    picker(el).shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!.focus();
    for (let i = 0; i < 5; i++) {
      if (i > 0) await press('ArrowDown');
      await press(' ');
    }
    await waitUntil(() => el.location.countries?.length === 5, `the location is ${JSON.stringify(el.location).slice(0, 200)}`, { timeout: 5000 });
    expect(picker(el).selectedIds.length, 'too many ticked, and too many not, for either list').to.be.above(1000);
    expect(el.location.selectedIds).to.equal(undefined);
    expect(el.location.unselectedIds).to.equal(undefined);
    // One entity unticked in the first country; one ticked in the sixth.
    await press('Home');
    await press('ArrowRight');
    await press('ArrowDown');
    await press(' ');
    await waitUntil(() => el.location.unselectedIds?.length === 1, 'the untick is not in the location', { timeout: 5000 });
    await press('ArrowLeft');
    await press('ArrowLeft');
    for (let i = 0; i < 5; i++) await press('ArrowDown');
    await press('ArrowRight');
    await press('ArrowDown');
    await press(' ');
    await waitUntil(() => el.location.selectedIds?.length === 1, 'the tick elsewhere is not in the location', { timeout: 5000 });
    expect(el.location.countries).to.have.length(5);
    expect(el.location.countries).to.deep.equal(picker(el).countrySelection.countries);
    const kept = JSON.parse(JSON.stringify(el.location)) as FlowLocation;
    expect(JSON.stringify(kept).length, 'the location stays small').to.be.below(500);
    const ticked = new Set(picker(el).selectedIds);
    el.remove();

    const again = await flow(adapter);
    again.el.navigate(kept);
    await waitUntil(() => picker(again.el).selectedIds.length === ticked.size, 'the ticked entities did not come back', { timeout: 10000 });
    expect(new Set(picker(again.el).selectedIds)).to.deep.equal(ticked);
    expect(again.el.location, 'the restored flow is where it was').to.deep.equal(kept);
  });

  it('a done location after a reload fetches its support case and shows the recap again', async () => {
    const adapter = createDemoAdapter();
    const first = await flow(adapter);
    await connectTo(first.el, 'tungsten bank', 'Tungsten Bank PLC');
    await send(first.el);
    await waitUntil(() => first.el.step === 'done', 'no outcome', { timeout: 5000 });
    const kept = JSON.parse(JSON.stringify(first.el.location)) as FlowLocation;
    const reference = kept.outcome?.kind === 'support-case' ? kept.outcome.reference : '';
    first.el.remove();

    // A new page on the same network: the case fails once, then loads on Try again.
    adapter.injectFault({ method: 'getSupportCase', code: 'unavailable' });
    const { el } = await flow(adapter);
    el.navigate(kept);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="retry"]'), 'no error with a retry', { timeout: 5000 });
    expect(outcomeText(el)).to.contain("Couldn't load the support case.");
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => outcomeText(el).includes('Tungsten Bank PLC'), 'the recap did not come back', { timeout: 5000 });
    expect(titleText(el)).to.equal('Your request has been received');
    expect(el.shadowRoot!.querySelector('[part~="reference"]')!.textContent).to.equal(reference);
    await waitUntil(() => outcomeText(el).includes('Adams Office Supplies (IT) - Test'), 'no account name');
    const viewed = oneEvent(el, 'tn-view-case');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="view-case"]')!.click();
    expect((await viewed).detail.reference).to.equal(reference);
  });

  it('manage-history: one entry per step, Back and Forward move between steps, and a new element on the entry returns to it', async () => {
    const adapter = createDemoAdapter();
    history.replaceState(null, '');
    const { el } = await flow(adapter, { manageHistory: true, historyKey: 'flow-a' });
    expect(history.state).to.deep.equal({ 'flow-a': { step: 'search' } });
    const length = history.length;

    await connectTo(el, 'tungsten bank', 'Tungsten Bank PLC');
    expect(history.length).to.equal(length + 1);
    expect(history.state['flow-a']).to.include({ step: 'request', customerId: DEMO_IDS.tungstenBank });
    await send(el);
    await waitUntil(() => el.step === 'done', 'no outcome', { timeout: 5000 });
    expect(history.length).to.equal(length + 2);

    await travel('back');
    await waitUntil(() => el.step === 'request', `Back did not return to the request: ${el.step}`);
    await travel('back');
    await waitUntil(() => el.step === 'search', `Back did not return to the search: ${el.step}`);
    expect(search(el).value).to.equal('tungsten bank');
    await travel('forward');
    await waitUntil(() => el.step === 'request', 'Forward did not return to the request');
    await travel('forward');
    await waitUntil(() => el.step === 'done', 'Forward did not return to the outcome');
    expect(history.length, 'Back and Forward added entries').to.equal(length + 2);

    // "Reload": a new element on the same entry comes back to the done step.
    el.remove();
    const again = await flow(adapter, { manageHistory: true, historyKey: 'flow-a' });
    expect(again.el.step).to.equal('done');
    await waitUntil(() => outcomeText(again.el).includes('Tungsten Bank PLC'), 'the outcome did not come back', { timeout: 5000 });
  });

  it('manage-history: the flow’s own Back button is a new entry; an entry the flow never wrote leaves it as it is', async () => {
    history.replaceState({ host: 'page' }, '');
    const { el } = await flow(createDemoAdapter(), { manageHistory: true, historyKey: 'flow-b' });
    // The host's own state is kept beside the flow's.
    expect(history.state).to.deep.equal({ host: 'page', 'flow-b': { step: 'search' } });
    await connectTo(el, 'tungsten bank', 'Tungsten Bank PLC');
    const length = history.length;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await el.updateComplete;
    expect(el.step).to.equal('search');
    expect(history.length).to.equal(length + 1);

    // A popstate whose entry has no location for this flow (another flow's key) changes nothing.
    window.dispatchEvent(new PopStateEvent('popstate', { state: { other: { step: 'request', customerId: 'X' } } }));
    await el.updateComplete;
    expect(el.step).to.equal('search');
  });

  it('without manage-history, the flow never touches the history', async () => {
    history.replaceState({ mine: true }, '');
    const length = history.length;
    const { el } = await flow(createDemoAdapter());
    await connectTo(el, 'tungsten bank', 'Tungsten Bank PLC');
    window.dispatchEvent(new PopStateEvent('popstate', { state: { 'tn-customer-connect': { step: 'search' } } }));
    await el.updateComplete;
    expect(el.step).to.equal('request');
    expect(history.length).to.equal(length);
    expect(history.state).to.deep.equal({ mine: true });
  });
});
