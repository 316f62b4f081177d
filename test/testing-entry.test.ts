// The public testing entry (`tn-customer-connect/testing.js`), used the way an integrator's
// own tests would: hold a request open, see the element wait, fail it, see the retry; drive
// the attention panel's refresh with a hand-moved clock.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ControlledAdapter, ManualClock } from '../src/testing/index.js';
import '../src/components/attention-panel/tn-attention-panel.js';
import type { TnAttentionPanel } from '../src/components/attention-panel/attention-panel.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { AttentionSummary } from '../src/adapter/types.js';
import { setLocale } from '../src/localization/localization.js';

const summary = (count: number, at: number): AttentionSummary => ({
  generatedAt: new Date(at).toISOString(),
  failedInvoices: { count, items: [] },
  supportTickets: { count: 0, items: [] },
  savedInvoices: { count: 0, items: [] },
});

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('tn-customer-connect/testing', () => {
  before(() => setLocale('en'));

  it('ControlledAdapter holds each call until the test answers or fails it', async () => {
    const controlled = new ControlledAdapter();
    const clock = new ManualClock();
    const el = await fixture<TnAttentionPanel>(html`<tn-attention-panel .adapter=${controlled.adapter} .clock=${clock}></tn-attention-panel>`);
    await waitUntil(() => controlled.of('getAttentionSummary').length === 1, 'the panel asks for its summary');
    const [first] = controlled.of('getAttentionSummary');
    expect(first.signal, 'the call carries an abort signal').to.be.instanceOf(AbortSignal);
    first.reject(new TnAdapterError('unavailable', { retryable: false }));
    const retry = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');
    await waitUntil(() => retry() !== null, 'an error with a "Try again" button');
    expect(retry()!.textContent).to.match(/Try again/);
    retry()!.click();
    await waitUntil(() => controlled.of('getAttentionSummary').length === 2, 'the retry asks again');
    controlled.of('getAttentionSummary')[1].resolve(summary(3, clock.now()));
    await waitUntil(() => /Failed invoices/.test(text(el)) && !/Try again/.test(text(el)), 'the summary replaces the error');
  });

  it('ManualClock fires the panel\'s refresh only when the test moves time', async () => {
    const controlled = new ControlledAdapter();
    const clock = new ManualClock();
    await fixture<TnAttentionPanel>(
      html`<tn-attention-panel refresh-interval="60" .adapter=${controlled.adapter} .clock=${clock}></tn-attention-panel>`,
    );
    await waitUntil(() => controlled.of('getAttentionSummary').length === 1);
    controlled.of('getAttentionSummary')[0].resolve(summary(1, clock.now()));
    await waitUntil(() => clock.pending > 0, 'a refresh is scheduled');
    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(controlled.of('getAttentionSummary')).to.have.length(1);
    clock.advance(1_000);
    await waitUntil(() => controlled.of('getAttentionSummary').length === 2, 'the refresh fires at 60 s');
  });
});
