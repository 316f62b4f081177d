/**
 * `<tn-adapter-provider>`: the adapter set from script, and the one-attribute REST adapter
 * (`api-url`, `credentials`) against the reference API server that `npm test` starts.
 *
 * The server requires a bearer token and the `api-url` adapter sends no header of its own
 * (a partner portal's session is a cookie), so these tests put the token on the page's
 * `fetch` — which the REST adapter picks up when it is made — and record every request.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextEvent } from '@lit/context';
import '../src/components/adapter-provider/tn-adapter-provider.js';
import '../src/components/customer-search/tn-customer-search.js';
import type { TnAdapterProvider } from '../src/components/adapter-provider/adapter-provider.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import { adapterContext } from '../src/adapter/context.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';
import { RestAdapter } from '../src/adapter/rest/index.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { resetServer, serverLog, serverToken, serverUrl } from './helpers/reference-server.js';
import { type } from './helpers/keys.js';

/** What the page's fetch was asked for since the test began. */
let requests: { url: string; credentials: RequestCredentials | undefined }[] = [];
const pageFetch = window.fetch;

beforeEach(async () => {
  await resetServer();
  requests = [];
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    requests.push({ url, credentials: init?.credentials });
    const headers = new Headers(init?.headers);
    if (url.startsWith(new URL(serverUrl()).origin)) headers.set('Authorization', `Bearer ${serverToken()}`);
    return pageFetch(input, { ...init, headers });
  };
});

afterEach(() => {
  window.fetch = pageFetch;
});

/** The adapter an element inside `provider` is given now (asked the way elements ask: a context request). */
function providedTo(provider: HTMLElement): CustomerConnectAdapter | undefined {
  const child = provider.querySelector('span') ?? provider.appendChild(document.createElement('span'));
  let value: CustomerConnectAdapter | undefined;
  child.dispatchEvent(new ContextEvent(adapterContext, child, (adapter) => (value = adapter)));
  return value;
}

describe('<tn-adapter-provider api-url>', () => {
  it('gives the elements inside a REST adapter for the URL: a search reaches the server and lists its results', async () => {
    const provider = await fixture<TnAdapterProvider>(html`
      <tn-adapter-provider api-url=${serverUrl()}>
        <tn-customer-search debounce="0"></tn-customer-search>
      </tn-adapter-provider>
    `);
    const search = provider.querySelector<TnCustomerSearch>('tn-customer-search')!;
    search.focus();
    await type('tungsten');
    await waitUntil(() => search.shadowRoot!.querySelectorAll('[role="option"]').length === 8, 'no results', { timeout: 5000 });
    expect(search.shadowRoot!.textContent).to.contain('TUNGSTEN ALL COMPANIES GROUP');
    expect((await serverLog('searchDirectory')).some((request) => request.status === 200)).to.equal(true);
    expect(requests.some((request) => request.url.startsWith(`${serverUrl()}/directory/entities?`))).to.equal(true);
    await expect(provider).to.be.accessible();
  });

  it('resolves a relative api-url against the page, and provides nothing without one', async () => {
    const provider = await fixture<TnAdapterProvider>(html`<tn-adapter-provider api-url="/customer-connect/v1"></tn-adapter-provider>`);
    const adapter = providedTo(provider);
    expect(adapter).to.be.instanceOf(RestAdapter);
    expect((adapter as RestAdapter).baseUrl.href).to.equal(new URL('/customer-connect/v1', location.href).href);
    provider.removeAttribute('api-url');
    await provider.updateComplete;
    expect(providedTo(provider)).to.equal(undefined);
  });

  it('replaces the adapter when api-url changes: the next request goes to the new URL', async () => {
    const provider = await fixture<TnAdapterProvider>(html`
      <tn-adapter-provider api-url=${serverUrl()}>
        <tn-customer-search debounce="0"></tn-customer-search>
      </tn-adapter-provider>
    `);
    const first = providedTo(provider);
    expect(providedTo(provider), 'the same adapter while nothing changes').to.equal(first);
    const elsewhere = `${new URL(serverUrl()).origin}/elsewhere/v1`;
    provider.setAttribute('api-url', elsewhere);
    await provider.updateComplete;
    const second = providedTo(provider);
    expect(second).not.to.equal(first);
    expect((second as RestAdapter).baseUrl.href).to.equal(elsewhere);

    const search = provider.querySelector<TnCustomerSearch>('tn-customer-search')!;
    search.focus();
    await type('tungsten');
    // The server has no operation under /elsewhere: the element shows the error, not results.
    await waitUntil(() => search.shadowRoot!.querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
    // One search per keystroke from the second on: every one of them to the new URL.
    expect(requests.length).to.be.greaterThan(0);
    expect([...new Set(requests.map((request) => new URL(request.url).pathname))]).to.deep.equal(['/elsewhere/v1/directory/entities']);
  });

  it('sends cookies as credentials says: same-origin by default, include when asked, same-origin (with a warning) for nonsense', async () => {
    const provider = await fixture<TnAdapterProvider>(html`<tn-adapter-provider api-url=${serverUrl()}></tn-adapter-provider>`);
    const search = async () => {
      requests = [];
      await providedTo(provider)!.searchDirectory({ text: 'tungsten' });
      return requests.map((request) => request.credentials);
    };
    expect(await search()).to.deep.equal(['same-origin']);

    provider.setAttribute('credentials', 'include');
    await provider.updateComplete;
    // The server allows credentials for the test page's origin, so the answer is read.
    expect(await search()).to.deep.equal(['include']);

    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      provider.setAttribute('credentials', 'always');
      await provider.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(await search()).to.deep.equal(['same-origin']);
    expect(String(warnings[0]?.[0])).to.contain('credentials="always"');
  });

  it('gives way to an adapter set from script, and comes back when it is removed', async () => {
    const provider = await fixture<TnAdapterProvider>(html`<tn-adapter-provider api-url=${serverUrl()}></tn-adapter-provider>`);
    const rest = providedTo(provider);
    const demo = createDemoAdapter();
    provider.adapter = demo;
    await provider.updateComplete;
    expect(providedTo(provider)).to.equal(demo);
    provider.setAttribute('api-url', `${serverUrl()}/`);
    await provider.updateComplete;
    expect(providedTo(provider), 'the adapter property still wins').to.equal(demo);
    provider.adapter = undefined;
    await provider.updateComplete;
    const back = providedTo(provider);
    expect(back).to.be.instanceOf(RestAdapter);
    expect(back).not.to.equal(rest);
  });

  it('an unusable api-url provides nothing (the elements say they are not configured) and says why in the console', async () => {
    const error = console.error;
    const errors: unknown[][] = [];
    console.error = (...args: unknown[]) => errors.push(args);
    let provider: TnAdapterProvider;
    try {
      provider = await fixture<TnAdapterProvider>(html`
        <tn-adapter-provider api-url="http://">
          <tn-customer-search></tn-customer-search>
        </tn-adapter-provider>
      `);
    } finally {
      console.error = error;
    }
    expect(providedTo(provider)).to.equal(undefined);
    expect(String(errors[0]?.[0])).to.contain('api-url="http://"');
    const search = provider.querySelector<TnCustomerSearch>('tn-customer-search')!;
    await search.updateComplete;
    expect(search.shadowRoot!.textContent).to.contain('not configured');
  });
});
