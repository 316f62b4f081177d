import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import { DEMO_ACCOUNT_IDS, DEMO_IDS } from '../src/adapter/demo/index.js';
import { injectFault, resetServer, restAdapter, serverLog } from './helpers/reference-server.js';

/**
 * End to end over real HTTP: the request form on the REST adapter against the reference
 * server. A connection request whose answer is lost, then retried by the user, creates
 * exactly one support case; a storm of clicks sends one request.
 */

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function requestForm() {
  // No automatic retries: the user's "Try again" is what retries.
  const adapter = restAdapter({ retry: { retries: 0 } });
  const el = await fixture<TnGroupPicker>(
    html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank} account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt}></tn-group-picker>`,
  );
  await waitUntil(() => $(el, '[part~="customer-card"]') && $<HTMLSelectElement>(el, '#account')?.value, 'the form never loaded', {
    timeout: 10000,
  });
  const notes = $<HTMLTextAreaElement>(el, '#notes')!;
  notes.value = 'Our PO 7781';
  notes.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return { el, adapter };
}

describe('idempotency, end to end (reference server)', () => {
  beforeEach(async () => {
    await resetServer();
  });

  it('a lost answer, then "Try again": one support case, the same key replayed', async () => {
    const { el, adapter } = await requestForm();
    await injectFault({ operation: 'requestConnection', kind: 'drop-after' });
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();

    // The connection dropped after the server ran the request: the user sees a network error.
    await waitUntil(() => $(el, '[part~="retry"]'), 'no error with "Try again"', { timeout: 10000 });
    expect($(el, '[role="alert"]')!.textContent).to.contain("We couldn't reach the network");
    expect($<HTMLTextAreaElement>(el, '#notes')!.value).to.equal('Our PO 7781');

    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $(el, '[part="reference"]'), 'the retry showed no support case', { timeout: 10000 });

    const requests = await serverLog('requestConnection');
    expect(requests.map((r) => [r.status, r.replayed])).to.deep.equal([
      ['dropped', false],
      [200, true],
    ]);
    expect(requests[0].idempotencyKey).to.be.a('string').and.equal(requests[1].idempotencyKey);
    const summary = await adapter.getAttentionSummary();
    expect(summary.supportTickets.count, 'one case, not two').to.equal(3);
    const bank = (await adapter.listRelationships({ accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt })).filter(
      (r) => r.customer.id === DEMO_IDS.tungstenBank,
    );
    expect(bank.map((r) => r.status)).to.deep.equal(['support-case-open']);
  });

  it('fifty rapid clicks on Connect send one request', async () => {
    const { el } = await requestForm();
    await injectFault({ operation: 'requestConnection', kind: 'delay', delayMs: 300 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]')!;
    for (let i = 0; i < 50; i++) submit.click();
    await waitUntil(() => $(el, '[part="reference"]'), 'no outcome', { timeout: 10000 });
    const requests = await serverLog('requestConnection');
    expect(requests).to.have.length(1);
  });
});
