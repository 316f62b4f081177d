/**
 * The React wrappers (src/react/) rendered by React 18 in the test page: elements
 * registered, props set as properties, typed event props, listeners gone on unmount.
 * React comes from node_modules (bundled for the page by scripts/wtr-react-plugin.mjs).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createElement, createRef } from 'react';
import type { ComponentProps, ComponentType, HTMLAttributes, ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { EventName } from '@lit/react';
import {
  TnAdapterProvider,
  TnAttentionPanel,
  TnCustomerConnect,
  TnCustomerSearch,
  TnGroupPicker,
  TnRelationships,
  TnVerifyInvoice,
} from '../src/react/index.js';
import {
  adapterProviderEvents,
  attentionPanelEvents,
  customerConnectEvents,
  customerSearchEvents,
  groupPickerEvents,
  relationshipsEvents,
  verifyInvoiceEvents,
} from '../src/react/events.js';
import { TnCustomerSearch as TnCustomerSearchElement } from '../src/components/customer-search/customer-search.js';
import { TnGroupPicker as TnGroupPickerElement } from '../src/components/group-picker/group-picker.js';
import { TnVerifyInvoice as TnVerifyInvoiceElement } from '../src/components/verify-invoice/verify-invoice.js';
import { TnAttentionPanel as TnAttentionPanelElement } from '../src/components/attention-panel/attention-panel.js';
import { TnCustomerConnect as TnCustomerConnectElement } from '../src/components/customer-connect/customer-connect.js';
import { TnRelationships as TnRelationshipsElement } from '../src/components/relationships/relationships.js';
import { TnAdapterProvider as TnAdapterProviderElement } from '../src/components/adapter-provider/adapter-provider.js';
import type { CustomerEntity, SearchQuery } from '../src/adapter/types.js';
import type { TnConnectEvent, TnSearchEvent } from '../src/base/events.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { type } from './helpers/keys.js';

// ---- Type-level checks (run by `tsc` in `npm run lint`) -------------------------------

/** `onTnViewGroup` → `tn-view-group`. */
type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;
type EventOfProp<P extends string> = P extends `on${infer Name}` ? (Kebab<Name> extends `-${infer E}` ? E : never) : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** For each prop: does its name match its event name, and its type the event map's type for that name? */
type Consistent<M> = {
  [P in keyof M & string]: M[P] extends EventName<infer T>
    ? EventOfProp<P> extends keyof GlobalEventHandlersEventMap
      ? Same<GlobalEventHandlersEventMap[EventOfProp<P>], T>
      : false
    : false;
};
type AllTrue<M> = [keyof M] extends [never] ? true : Same<M[keyof M], true>;
type Assert<T extends true> = T;
/** Fails to compile when an event prop's name or type disagrees with `GlobalEventHandlersEventMap`. */
export type EventPropsAgreeWithTheEventMap = [
  Assert<AllTrue<Consistent<typeof customerSearchEvents>>>,
  Assert<AllTrue<Consistent<typeof groupPickerEvents>>>,
  Assert<AllTrue<Consistent<typeof verifyInvoiceEvents>>>,
  Assert<AllTrue<Consistent<typeof attentionPanelEvents>>>,
  Assert<AllTrue<Consistent<typeof customerConnectEvents>>>,
  Assert<AllTrue<Consistent<typeof relationshipsEvents>>>,
  Assert<AllTrue<Consistent<typeof adapterProviderEvents>>>,
];

// A handler gets the event's own type…
const typedConnect = (event: TnConnectEvent): string => event.detail.customer.legalName;
const typedSearch = (event: TnSearchEvent): number => event.detail.shown;
createElement(TnCustomerSearch, { onTnConnect: typedConnect, onTnSearch: typedSearch });
// …and a handler for another event's detail is a type error.
// @ts-expect-error tn-search's detail has no `customer`
createElement(TnCustomerSearch, { onTnSearch: typedConnect });
// @ts-expect-error <tn-attention-panel> does not fire tn-connect
createElement(TnAttentionPanel, { onTnConnect: typedConnect });

// Element props are its public, writable properties (and React's HTML attributes): no Lit
// internals, no methods, no read-only getters.
createElement(TnCustomerConnect, { headingLevel: 3, customerId: 'AAA489745059', className: 'flow', slot: 'main' });
// @ts-expect-error `step` is a read-only getter: setting it would throw
createElement(TnCustomerConnect, { step: 'done' });
// @ts-expect-error `location` is read-only too
createElement(TnCustomerConnect, { location: { step: 'search' } });
// @ts-expect-error Lit's `requestUpdate` is not a prop
createElement(TnCustomerSearch, { requestUpdate: () => undefined });
// @ts-expect-error a method is not a prop
createElement(TnCustomerSearch, { showMore: () => undefined });
// @ts-expect-error `minChars` is a number
createElement(TnCustomerSearch, { minChars: '3' });
type SearchProps = keyof ComponentProps<typeof TnCustomerSearch>;
/** The props that set <tn-customer-search>'s own properties: exactly its manifest's writable fields. */
export type SearchOwnProps = Assert<
  Same<
    Exclude<SearchProps, keyof HTMLAttributes<HTMLElement> | keyof typeof customerSearchEvents | 'ref' | 'key'>,
    'value' | 'minChars' | 'debounce' | 'pageSize' | 'label' | 'placeholder' | 'adapter' | 'adapterTimeout'
  >
>;

// ---- Rendering ----------------------------------------------------------------------

const wrappers = [
  { Wrapper: TnCustomerSearch, tag: 'tn-customer-search', Element: TnCustomerSearchElement, events: customerSearchEvents },
  { Wrapper: TnGroupPicker, tag: 'tn-group-picker', Element: TnGroupPickerElement, events: groupPickerEvents },
  { Wrapper: TnVerifyInvoice, tag: 'tn-verify-invoice', Element: TnVerifyInvoiceElement, events: verifyInvoiceEvents },
  { Wrapper: TnAttentionPanel, tag: 'tn-attention-panel', Element: TnAttentionPanelElement, events: attentionPanelEvents },
  { Wrapper: TnCustomerConnect, tag: 'tn-customer-connect', Element: TnCustomerConnectElement, events: customerConnectEvents },
  { Wrapper: TnRelationships, tag: 'tn-relationships', Element: TnRelationshipsElement, events: relationshipsEvents },
  { Wrapper: TnAdapterProvider, tag: 'tn-adapter-provider', Element: TnAdapterProviderElement, events: adapterProviderEvents },
].map((entry) => ({ ...entry, Wrapper: entry.Wrapper as unknown as ComponentType<Record<string, unknown>> }));

const BANK: CustomerEntity = { id: 'AAA489745059', legalName: 'Tungsten Bank PLC', country: 'GB', taxIds: ['GB177907267'] };

let container: HTMLElement;
let root: Root;
let errors: unknown[][];
const consoleError = console.error;

/** Renders synchronously (layout effects included), as React commits. */
function render(element: ReactElement): void {
  flushSync(() => root.render(element));
}

/** A handler that records the events it got. */
function spy() {
  const calls: Event[] = [];
  const handler = (event: Event) => void calls.push(event);
  return Object.assign(handler, { calls });
}

async function click(target: Element) {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('React wrappers (@lit/react, React 18)', () => {
  beforeEach(() => {
    errors = [];
    // React reports bad props (an unknown event handler on a DOM node, …) through console.error.
    console.error = (...args: unknown[]) => {
      errors.push(args);
      consoleError(...args);
    };
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
    console.error = consoleError;
    expect(errors.map((args) => args.map(String).join(' '))).to.deep.equal([]);
  });

  it('registers every element it wraps, by importing the React entry', () => {
    for (const { tag, Element } of wrappers) expect(customElements.get(tag), tag).to.equal(Element);
  });

  it('renders each element, forwards refs to it and passes className and children', () => {
    for (const { Wrapper, tag, Element } of wrappers) {
      const ref = createRef<HTMLElement>();
      render(createElement(Wrapper, { ref, className: 'host-class' }, createElement('p', null, 'child')));
      const element = container.firstElementChild!;
      expect(element.localName, tag).to.equal(tag);
      expect(element, tag).to.be.instanceOf(Element);
      expect(ref.current, tag).to.equal(element);
      expect(element.className, tag).to.equal('host-class');
      expect(element.querySelector('p')?.textContent, tag).to.equal('child');
    }
  });

  it('names each event prop after its event (onTnViewGroup → tn-view-group)', () => {
    const kebab = (prop: string) => prop.slice(2).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).slice(1);
    for (const { tag, events } of wrappers) {
      for (const [prop, name] of Object.entries(events)) expect(name, `${tag} ${prop}`).to.equal(kebab(prop));
    }
  });

  it('calls each event prop with the event the element dispatched, and only that prop', () => {
    for (const { Wrapper, tag, events } of wrappers) {
      const spies = Object.fromEntries(Object.keys(events).map((prop) => [prop, spy()]));
      render(createElement(Wrapper, spies));
      const element = container.firstElementChild!;
      for (const [prop, name] of Object.entries(events)) {
        const event = new CustomEvent(name, { detail: { from: tag }, bubbles: true, composed: true });
        element.dispatchEvent(event);
        for (const [other, handler] of Object.entries(spies)) {
          expect(handler.calls, `${tag}: ${name} → ${other}`).to.deep.equal(other === prop ? [event] : []);
        }
        spies[prop].calls.length = 0;
      }
      flushSync(() => root.render(null));
    }
  });

  it('sets props as properties (objects too), reaches the elements and updates them', async () => {
    const fake = new FakeAdapter();
    const onTnSearch = spy();
    const onTnConnect = spy();
    const search = (minChars: number) =>
      render(createElement(TnCustomerSearch, { adapter: fake.adapter, minChars, debounce: 0, onTnSearch, onTnConnect }));
    search(4);
    const element = container.querySelector('tn-customer-search')!;
    expect(element.adapter).to.equal(fake.adapter);
    expect(element.hasAttribute('adapter')).to.equal(false);
    expect(element.minChars).to.equal(4);

    await element.updateComplete;
    element.focus();
    await type('tun');
    await element.updateComplete;
    expect(fake.calls, 'searched below minChars').to.have.length(0);
    await type('g');
    await waitUntil(() => fake.calls.length === 1, 'no search at minChars');
    expect((fake.calls[0].args[0] as SearchQuery).text).to.equal('tung');

    fake.calls[0].resolve({ items: [BANK], total: 1 });
    await waitUntil(() => onTnSearch.calls.length === 1, 'onTnSearch not called');
    expect((onTnSearch.calls[0] as TnSearchEvent).detail).to.deep.equal({ query: 'tung', total: 1, shown: 1 });
    await waitUntil(() => element.shadowRoot!.querySelector('[data-action="connect"]'), 'no results');
    await click(element.shadowRoot!.querySelector('[data-action="connect"]')!);
    expect(onTnConnect.calls).to.have.length(1);
    expect((onTnConnect.calls[0] as TnConnectEvent).detail.customer).to.deep.equal(BANK);

    search(2);
    expect(container.querySelector('tn-customer-search')).to.equal(element);
    expect(element.minChars).to.equal(2);
  });

  it('gives React children the adapter of <TnAdapterProvider>', async () => {
    const fake = new FakeAdapter();
    const onTnSearch = spy();
    render(
      createElement(TnAdapterProvider, { adapter: fake.adapter }, createElement(TnCustomerSearch, { debounce: 0, onTnSearch })),
    );
    const provider = container.querySelector('tn-adapter-provider')!;
    const element = container.querySelector('tn-customer-search')!;
    expect(provider.adapter).to.equal(fake.adapter);
    expect(element.adapter).to.equal(undefined);
    await element.updateComplete;
    element.focus();
    await type('tu');
    await waitUntil(() => fake.calls.length === 1, 'the provided adapter was not asked');
    fake.calls[0].resolve({ items: [BANK], total: 1 });
    await waitUntil(() => onTnSearch.calls.length === 1, 'onTnSearch not called');
  });

  it('calls the latest handler, and none once the prop is removed', () => {
    const first = spy();
    const second = spy();
    render(createElement(TnCustomerSearch, { onTnConnect: first }));
    const element = container.querySelector('tn-customer-search')!;
    render(createElement(TnCustomerSearch, { onTnConnect: second }));
    element.dispatchEvent(new CustomEvent('tn-connect', { detail: { customer: BANK } }));
    expect(first.calls).to.have.length(0);
    expect(second.calls).to.have.length(1);
    render(createElement(TnCustomerSearch, {}));
    element.dispatchEvent(new CustomEvent('tn-connect', { detail: { customer: BANK } }));
    expect(second.calls).to.have.length(1);
  });

  it('removes its listeners on unmount: a detached element that dispatches reaches no handler', () => {
    for (const { Wrapper, tag, events } of wrappers) {
      const spies = Object.fromEntries(Object.keys(events).map((prop) => [prop, spy()]));
      render(createElement(Wrapper, spies));
      const element = container.firstElementChild!;
      flushSync(() => root.render(null));
      expect(element.isConnected, tag).to.equal(false);
      for (const name of Object.values(events)) element.dispatchEvent(new CustomEvent(name, { detail: {} }));
      for (const [prop, handler] of Object.entries(spies)) expect(handler.calls, `${tag} ${prop}`).to.have.length(0);
    }
  });
});
