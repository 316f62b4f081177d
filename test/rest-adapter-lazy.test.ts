/**
 * The REST adapter fetches its implementation (`rest-client.ts`) apart from the first screen's
 * code: not when it is made, but at the first key typed on the page (or the first idle moment,
 * or the first call); a call waits for it; a failed fetch is a retryable `unavailable` error
 * whose "Try again" fetches it again; an abort while it is being fetched rejects at once.
 * The fetch is replaced here (`restClientSource.load`) so that it can fail or hang; the
 * answers come from an in-page `fetch`, no server.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { createRestAdapter, RestAdapter } from '../src/adapter/rest/rest-adapter.js';
import { restClientSource } from '../src/adapter/rest/load-rest-client.js';
import { rejection } from './helpers/rejection.js';
import { DemoNetwork } from '../src/adapter/demo/index.js';
import { type } from './helpers/keys.js';

const realLoad = restClientSource.load;
const local = new DemoNetwork();

/** How many times the implementation was fetched, and how the next fetch ends. */
let loads = 0;
let nextLoad: 'real' | 'fail' | 'held' = 'real';
/** Ends the fetch started while `nextLoad` was `held`: with the real module or an error. */
let releaseHeld: (outcome: 'real' | 'fail') => void = () => undefined;
const failure = () => new TypeError('Failed to fetch dynamically imported module');
restClientSource.load = () => {
  loads += 1;
  if (nextLoad === 'fail') return Promise.reject(failure());
  if (nextLoad === 'held') {
    return new Promise((resolve, reject) => {
      releaseHeld = (outcome) => (outcome === 'real' ? resolve(realLoad()) : reject(failure()));
    });
  }
  return realLoad();
};

/** An in-page server for `GET /directory/entities`, counting its requests. */
let requests = 0;
const fetchSearch: typeof fetch = async (input) => {
  requests += 1;
  const text = new URL(String(input instanceof Request ? input.url : input)).searchParams.get('text') ?? '';
  return new Response(JSON.stringify(local.searchDirectory({ text })), { headers: { 'Content-Type': 'application/json' } });
};
const adapterOptions = { baseUrl: '/customer-connect/v1', fetch: fetchSearch, retry: { retries: 0 } };


// In order: the implementation is fetched once per page, so each test starts where the previous
// one left it; until the last, every fetch fails or is held.
describe('RestAdapter: its implementation is fetched apart', () => {
  it('is not fetched when the adapter is made (its options are checked at once); the first key on the page fetches it', () => {
    expect(() => createRestAdapter({ baseUrl: 'ftp://example.com/v1' })).to.throw(TypeError);
    expect(() => createRestAdapter({ ...adapterOptions, timeoutMs: -1 })).to.throw(RangeError);
    nextLoad = 'fail';
    const adapter = createRestAdapter(adapterOptions);
    expect(adapter).to.be.instanceOf(RestAdapter);
    expect(adapter.baseUrl.href).to.equal(new URL('/customer-connect/v1', location.href).href);
    expect(loads, 'fetched when made').to.equal(0);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(loads, 'fetched at the first key').to.equal(1);
  });

  it('an abort while the implementation is being fetched rejects at once as aborted', async () => {
    nextLoad = 'held';
    const adapter = createRestAdapter(adapterOptions);
    const controller = new AbortController();
    const call = adapter.getCustomer('x', { signal: controller.signal });
    controller.abort();
    expect((await rejection(call)).code).to.equal('aborted');
    releaseHeld('fail');
    nextLoad = 'fail';
  });

  it('a call whose implementation did not load is a retryable unavailable error, with no request sent', async () => {
    const adapter = createRestAdapter(adapterOptions);
    const before = loads;
    const error = await rejection(adapter.searchDirectory({ text: 'tungsten' }));
    expect(error.code).to.equal('unavailable');
    expect(error.retryable).to.equal(true);
    expect(loads - before, 'fetches').to.equal(1);
    expect(requests).to.equal(0);
  });

  it('<tn-customer-search> shows the failure with "Try again", which fetches the implementation again and searches', async () => {
    const el = await fixture<TnCustomerSearch>(
      html`<tn-customer-search .adapter=${createRestAdapter(adapterOptions)} debounce="0"></tn-customer-search>`,
    );
    const root = el.shadowRoot!;
    el.focus();
    await type('tungsten');
    await waitUntil(() => root.querySelector('[part~="retry"]'), 'no "Try again" after the failed fetch', { timeout: 5000 });
    expect(requests).to.equal(0);
    nextLoad = 'real';
    const before = loads;
    root.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => root.querySelectorAll('[role="option"]').length === 8, 'no results after "Try again"', { timeout: 5000 });
    expect(loads - before, 'fetches on "Try again"').to.equal(1);
    expect(requests).to.equal(1);
  });
});
