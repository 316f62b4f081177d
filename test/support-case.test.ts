import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/support-case/tn-support-case.js';
import type { TnSupportCase } from '../src/components/support-case/support-case.js';
import { DEMO_SEED_CASE_REFERENCES, DEMO_IDS, DEMO_ACCOUNT_IDS, createDemoAdapter } from '../src/adapter/demo/index.js';
import type { SupportCase } from '../src/adapter/types.js';
import type { TnErrorEvent } from '../src/base/events.js';
import { setLocale } from '../src/localization/localization.js';
import { resetServer, restAdapter } from './helpers/reference-server.js';

const text = (el: TnSupportCase) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!.innerText;
const part = (el: TnSupportCase, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const heldCase: SupportCase = {
  reference: 'C-77',
  status: 'resolved',
  openedAt: '2026-11-20T09:30:00Z',
  processBy: '2026-11-24T09:30:00Z',
  accountId: 'ACC-X',
  customers: [
    { id: 'E1', legalName: 'Alpha SA' },
    { id: 'E2', legalName: 'Beta GmbH' },
    { id: 'E3', legalName: 'Gamma BV' },
    { id: 'E4', legalName: 'Delta Srl' },
    { id: 'E5', legalName: 'Epsilon AB' },
  ],
  statusUrl: 'https://network.example/cases/C-77',
};

describe('<tn-support-case>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('loads a case by reference: status, reference, customer, account name, dates and what happens next', async () => {
    const adapter = createDemoAdapter({ latency: 30 });
    const [reference] = DEMO_SEED_CASE_REFERENCES;
    const el = await fixture<TnSupportCase>(html`<tn-support-case .adapter=${adapter} reference=${reference}></tn-support-case>`);
    expect(part(el, 'loading')?.textContent).to.contain('Loading the support case…');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => part(el, 'status'), 'the case never showed', { timeout: 5000 });
    await waitUntil(() => text(el).includes('Adams Office Supplies (IT) - Test'), 'no account name', { timeout: 5000 });
    const shown = text(el);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal(`Support case ${reference}`);
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('2');
    expect(part(el, 'status')!.textContent!.trim()).to.equal('Open');
    expect(part(el, 'reference')!.textContent).to.equal(reference);
    expect(shown).to.contain('Contoso');
    expect(shown).to.match(/Opened\s+\S/);
    expect(shown).to.match(/Processed by\s+\S/);
    expect(part(el, 'next')!.textContent).to.contain('will be processed by');
    expect(part(el, 'status-link')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a case the host holds without fetching it: names beyond three become "and N more", the status link opens safely', async () => {
    const adapter = createDemoAdapter();
    let calls = 0;
    const counting = { ...adapter, getSupportCase: (...args: Parameters<typeof adapter.getSupportCase>) => (calls++, adapter.getSupportCase(...args)) };
    const el = await fixture<TnSupportCase>(html`<tn-support-case .adapter=${counting} .supportCase=${heldCase} heading-level="3"></tn-support-case>`);
    expect(calls).to.equal(0);
    expect(text(el)).to.contain('Alpha SA, Beta GmbH, Gamma BV and 2 more');
    expect(text(el)).to.contain('ACC-X'); // an account the supplier does not list: its ID
    expect(part(el, 'status')!.textContent!.trim()).to.equal('Resolved');
    expect(part(el, 'next')!.textContent).to.contain('you are connected');
    const link = part(el, 'status-link') as HTMLAnchorElement;
    expect(link.href).to.equal(heldCase.statusUrl);
    expect(link.rel).to.contain('noopener');
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('3');
    el.headingLevel = 0;
    await el.updateComplete;
    expect(part(el, 'heading')).to.equal(null);
    expect(part(el, 'base')!.hasAttribute('aria-labelledby')).to.equal(false);
  });

  it('a failed load shows a localized error with Try again that works, and tells the host', async () => {
    const adapter = createDemoAdapter();
    adapter.injectFault({ method: 'getSupportCase', code: 'unavailable' });
    const errors: TnErrorEvent['detail'][] = [];
    const el = await fixture<TnSupportCase>(
      html`<tn-support-case .adapter=${adapter} reference=${DEMO_SEED_CASE_REFERENCES[1]} @tn-error=${(e: TnErrorEvent) => errors.push(e.detail)}></tn-support-case>`,
    );
    await waitUntil(() => part(el, 'retry'), 'no Try again', { timeout: 5000 });
    expect(part(el, 'error')!.textContent).to.contain("Couldn't load the support case.");
    expect(errors.map((e) => [e.operation, e.code])).to.deep.equal([['getSupportCase', 'unavailable']]);
    part(el, 'retry')!.click();
    await waitUntil(() => part(el, 'reference')?.textContent === DEMO_SEED_CASE_REFERENCES[1], 'Try again did not load it', { timeout: 5000 });
  });

  it('an unknown reference says so; a server string stays text', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnSupportCase>(html`<tn-support-case .adapter=${adapter} .reference=${"<img src=x onerror=alert(1)>"}></tn-support-case>`);
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 5000 });
    expect(part(el, 'error')!.textContent).to.contain('No support case has this reference.');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(part(el, 'heading')!.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('follows a new reference, and speaks French', async () => {
    const adapter = createDemoAdapter();
    await setLocale('fr');
    const el = await fixture<TnSupportCase>(html`<tn-support-case .adapter=${adapter} reference=${DEMO_SEED_CASE_REFERENCES[0]}></tn-support-case>`);
    await waitUntil(() => part(el, 'reference')?.textContent === DEMO_SEED_CASE_REFERENCES[0], 'first case', { timeout: 5000 });
    el.reference = DEMO_SEED_CASE_REFERENCES[1];
    await waitUntil(() => part(el, 'reference')?.textContent === DEMO_SEED_CASE_REFERENCES[1], 'second case', { timeout: 5000 });
    expect(part(el, 'heading')!.textContent).to.contain('Dossier');
    expect(part(el, 'status')!.textContent!.trim()).to.equal('Ouvert');
  });

  it('reads a case over HTTP through the REST adapter and the reference server', async () => {
    await resetServer();
    const adapter = restAdapter();
    const opened = await adapter.requestConnection({
      idempotencyKey: crypto.randomUUID(),
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.tungstenBank],
    });
    if (opened.kind !== 'support-case') throw new Error(`expected a support case, got ${opened.kind}`);
    const el = await fixture<TnSupportCase>(html`<tn-support-case .adapter=${adapter} reference=${opened.supportCase.reference}></tn-support-case>`);
    await waitUntil(() => part(el, 'reference'), 'no case over HTTP', { timeout: 5000 });
    expect(text(el)).to.contain('Tungsten Bank PLC');
  });
});
