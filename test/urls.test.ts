/**
 * Only http(s) URLs cross between the network, the library and the host page: a support
 * case's `statusUrl` reaches the host in `tn-view-case` only when it is https (or http on an
 * http page); the REST adapter and `<tn-adapter-provider api-url>` refuse any base URL that is
 * not http(s), and the elements inside say they are not configured.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/adapter-provider/tn-adapter-provider.js';
import '../src/components/customer-search/tn-customer-search.js';
import { createRestAdapter } from '../src/adapter/rest/index.js';
import { viewCaseDetail } from '../src/base/support-case-outcome.js';
import type { SupportCase } from '../src/adapter/types.js';

const CASE: SupportCase = {
  reference: '2881017',
  status: 'open',
  openedAt: '2018-04-16T15:45:00Z',
  processBy: '2018-04-18T15:45:00Z',
  accountId: 'ACC-IT',
  customers: [{ id: 'AAA489745059', legalName: 'Tungsten Bank PLC' }],
};

let warnings: string[] = [];
let errors: string[] = [];
const original = { warn: console.warn, error: console.error };
beforeEach(() => {
  warnings = [];
  errors = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
});
afterEach(() => Object.assign(console, original));

describe('URLs handed to the host', () => {
  for (const bad of ['javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'blob:https://x/1', 'file:///etc/passwd', 'http://[bad']) {
    it(`a statusUrl of ${JSON.stringify(bad.slice(0, 24))} is dropped, with a warning`, () => {
      expect(viewCaseDetail({ ...CASE, statusUrl: bad })).to.deep.equal({ reference: '2881017' });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('the support case status URL').and.contain('was dropped: only https URLs');
    });
  }

  it('an https statusUrl reaches the host, absolute', () => {
    expect(viewCaseDetail({ ...CASE, statusUrl: 'https://network.example/cases/2881017' })).to.deep.equal({
      reference: '2881017',
      statusUrl: 'https://network.example/cases/2881017',
    });
    expect(warnings).to.deep.equal([]);
  });

  it('an http statusUrl passes only because this test page is itself http', () => {
    expect(location.protocol).to.equal('http:');
    expect(viewCaseDetail({ ...CASE, statusUrl: '/cases/2881017' }).statusUrl).to.equal(`${location.origin}/cases/2881017`);
  });
});

describe('base URLs of the REST adapter', () => {
  for (const bad of ['javascript:alert(1)', 'data:application/json,{}', 'ftp://files.example/v1']) {
    it(`createRestAdapter refuses ${JSON.stringify(bad)} with the reason`, () => {
      expect(() => createRestAdapter({ baseUrl: bad })).to.throw(TypeError, /a base URL must be http: or https:/);
    });
  }

  it('<tn-adapter-provider api-url="javascript:…">: the elements inside are not configured, and the console says why', async () => {
    const el = await fixture(html`<tn-adapter-provider api-url="javascript:alert(1)"><tn-customer-search></tn-customer-search></tn-adapter-provider>`);
    const search = el.querySelector('tn-customer-search')!;
    await (search as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(search.shadowRoot!.querySelector('[part~="not-configured"]')).to.not.equal(null);
    expect(errors.join('\n')).to.contain('api-url="javascript:alert(1)" is not usable').and.contain('must be http: or https:');
  });

  it('http and https base URLs, absolute or relative to the page, are accepted', () => {
    expect(createRestAdapter({ baseUrl: 'https://erp.example/v1' }).baseUrl.href).to.equal('https://erp.example/v1');
    expect(createRestAdapter({ baseUrl: '/api/v1' }).baseUrl.href).to.equal(`${location.origin}/api/v1`);
  });
});
