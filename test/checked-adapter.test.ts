import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { checkedAdapter } from '../src/adapter/checked-adapter.js';
import { CustomerEntitySchema } from '../src/adapter/schemas.js';
import { UploadedAttachmentSchema } from '../src/adapter/later-schemas.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { CustomerConnectAdapter, SupportCase, VerificationSession } from '../src/adapter/types.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { errorMessage } from '../src/base/error-states.js';
import type { TnErrorEvent } from '../src/base/events.js';
import { FakeAdapter } from './helpers/fake-adapter.js';

/**
 * Every adapter, seen through one set of checks: answers validated on every path (with the
 * field at fault named), anything but a `TnAdapterError` reported as `unavailable`, and no
 * call waits longer than `adapter-timeout`.
 */

const SESSION: VerificationSession = {
  id: 'VER-1',
  customer: { id: 'AAA489745059', legalName: 'Tungsten Bank PLC' },
  accountId: 'ACC-IT',
  step: 'evidence',
  attemptsRemaining: 3,
  maxAttempts: 3,
  currency: 'GBP',
};

const CASE: SupportCase = {
  reference: '2881017',
  status: 'open',
  openedAt: '2026-11-28T10:00:00Z',
  processBy: '2026-11-30T10:00:00Z',
  accountId: 'ACC-IT',
  customers: [{ id: 'AAA489745059', legalName: 'Tungsten Bank PLC' }],
};

/** The demo adapter with some methods replaced. */
const demoWith = (overrides: Partial<Record<keyof CustomerConnectAdapter, unknown>>): CustomerConnectAdapter =>
  Object.assign(Object.create(createDemoAdapter({ latency: 0 })), overrides) as CustomerConnectAdapter;

const shows = (el: Element, text: string) =>
  [...el.shadowRoot!.querySelectorAll('[role="alert"], [part~="error"]')].some((n) => n.textContent!.includes(text));

/** A picker on `fake`, one customer chosen, the account answered, ready to send. */
async function readyPicker(fake: FakeAdapter): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<tn-group-picker
    .adapter=${fake.adapter}
    .customer=${{ id: 'AAA489745059', legalName: 'Tungsten Bank PLC', taxIds: [], country: 'GB' }}
  ></tn-group-picker>`);
  await waitUntil(() => fake.of('listAccounts').length > 0, 'accounts not asked');
  fake.of('listAccounts')[0].resolve([{ id: 'ACC-IT', name: 'Adams Office Supplies (IT)' }]);
  await waitUntil(() => el.shadowRoot!.querySelector<HTMLSelectElement>('select')?.value === 'ACC-IT', 'account not chosen');
  return el;
}

describe('checked adapter: answers on every path are validated', () => {
  it('a verification outcome with a numeric ID is a bad-response naming the field, and the form stays usable', async () => {
    const fake = new FakeAdapter();
    const el = await readyPicker(fake);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => fake.of('requestConnection').length === 1, 'no request');
      const reported = oneEvent(el, 'tn-error') as Promise<TnErrorEvent>;
      fake.of('requestConnection')[0].resolve({ kind: 'verification-required', verification: { id: 5 }, skipped: [] });
      const { detail } = await reported;
      expect(detail.code).to.equal('bad-response');
      expect(detail.operation).to.equal('requestConnection');
      expect(detail.error.message).to.contain('verification.id: expected a string');
      expect(warnings.join('\n')).to.contain('verification.id');
    } finally {
      console.warn = warn;
    }
    await waitUntil(() => shows(el, errorMessage('bad-response')), 'no error shown');
    // Try again sends again; a good answer then shows the outcome.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => fake.of('requestConnection').length === 2, 'no retry');
    fake.of('requestConnection')[1].resolve({ kind: 'support-case', supportCase: CASE, skipped: [] });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="outcome"]'), 'no outcome');
    expect(el.shadowRoot!.textContent).to.contain('2881017');
  });

  it('a verification answer about another verification is refused, not shown', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<HTMLElement>(html`<tn-verify-invoice .adapter=${fake.adapter} .session=${SESSION}></tn-verify-invoice>`);
    const root = el.shadowRoot!;
    const fill = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('invoice-number', 'INV-1');
    fill('invoice-date', '2026-11-01');
    fill('amount', '10.00');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
    await waitUntil(() => fake.of('submitVerificationEvidence').length === 1, 'not sent');
    const reported = oneEvent(el, 'tn-error') as Promise<TnErrorEvent>;
    fake.of('submitVerificationEvidence')[0].resolve({ accepted: true, session: { ...SESSION, id: 'VER-OTHER', step: 'verified' } });
    expect((await reported).detail.code).to.equal('bad-response');
    expect(root.textContent).not.to.contain('Verified');
  });

  it('the demo adapter passes every check on the whole flow (its answers are the contract)', async () => {
    const adapter = createDemoAdapter({ latency: 0 });
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as TnErrorEvent).detail.error.message);
    document.addEventListener('tn-error', onError);
    try {
      const el = await fixture<HTMLElement>(html`<div>
        <tn-attention-panel .adapter=${adapter}></tn-attention-panel>
        <tn-relationships .adapter=${adapter}></tn-relationships>
        <tn-group-picker .adapter=${adapter} group-id="GRP-TUNGSTEN"></tn-group-picker>
      </div>`);
      await waitUntil(
        () =>
          el.querySelector('tn-attention-panel')!.shadowRoot!.querySelector('table, [part~="empty"]') &&
          el.querySelector('tn-relationships')!.shadowRoot!.querySelector('table') &&
          el.querySelector('tn-group-picker')!.shadowRoot!.querySelector('[role="treeitem"]'),
        'not everything loaded',
        { timeout: 5000 },
      );
    } finally {
      document.removeEventListener('tn-error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});

describe('checked adapter: what an adapter throws', () => {
  it('a plain Error is "unavailable" (retryable), not "an answer we could not read"', async () => {
    const adapter = demoWith({ getAttentionSummary: async () => { throw new Error('socket hang up'); } });
    const el = await fixture<HTMLElement>(html`<tn-attention-panel .adapter=${adapter}></tn-attention-panel>`);
    const { detail } = (await oneEvent(el, 'tn-error')) as TnErrorEvent;
    expect(detail.code).to.equal('unavailable');
    expect(detail.error.retryable).to.equal(true);
    expect(detail.error.message).to.contain('socket hang up');
    await waitUntil(() => shows(el, errorMessage('unavailable')), 'no unavailable notice');
  });

  it('a synchronous throw and a rejected string are "unavailable" too', async () => {
    const sync = checkedAdapter(demoWith({ getCustomer: () => { throw new TypeError('x is undefined'); } }), { getCustomer: CustomerEntitySchema }, () => 30_000);
    const text = checkedAdapter(demoWith({ getCustomer: () => Promise.reject('nope') }), { getCustomer: CustomerEntitySchema }, () => 30_000);
    for (const adapter of [sync, text]) {
      const error = await adapter.getCustomer('AAA489745059').catch((e: unknown) => e);
      expect((error as TnAdapterError).code).to.equal('unavailable');
    }
  });

  it("a TnAdapterError goes through unchanged; a missing optional upload stays missing", async () => {
    const original = new TnAdapterError('forbidden', { message: 'no' });
    const adapter = checkedAdapter(demoWith({ getCustomer: () => Promise.reject(original), uploadAttachment: undefined }), { getCustomer: CustomerEntitySchema }, () => 30_000);
    expect(await adapter.getCustomer('x').catch((e: unknown) => e)).to.equal(original);
    expect(adapter.uploadAttachment).to.equal(undefined);
  });
});

describe('checked adapter: no call waits for ever', () => {
  it('gives up after adapter-timeout seconds: aborts the call, shows a retryable timeout; Try again asks again', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<HTMLElement>(html`<tn-relationships .adapter=${fake.adapter} adapter-timeout="1"></tn-relationships>`);
    await waitUntil(() => fake.of('listRelationships').length === 1, 'not asked');
    const started = performance.now();
    const { detail } = (await oneEvent(el, 'tn-error')) as TnErrorEvent;
    const waited = performance.now() - started;
    expect(detail.code).to.equal('timeout');
    expect(detail.error.retryable).to.equal(true);
    expect(waited).to.be.within(800, 4000);
    await fake.of('listRelationships')[0].aborted;
    await waitUntil(() => shows(el, errorMessage('timeout')), 'no timeout notice');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => fake.of('listRelationships').length === 2, 'no retry');
    fake.of('listRelationships')[1].resolve([]);
    await waitUntil(() => !shows(el, errorMessage('timeout')), 'still failing');
  });

  it('an upload that keeps reporting progress is not cut off; one that stalls is', async () => {
    let stalls = false;
    const upload = (_file: Blob, _name: string, options: { signal?: AbortSignal; onProgress?: (l: number, t: number) => void } = {}) =>
      new Promise<{ id: string }>((resolve, reject) => {
        let sent = 0;
        const tick = setInterval(() => {
          if (!stalls) options.onProgress?.((sent += 1), 8);
          if (sent === 8) {
            clearInterval(tick);
            resolve({ id: 'ATT-1' });
          }
        }, 200);
        options.signal?.addEventListener('abort', () => {
          clearInterval(tick);
          reject(new TnAdapterError('aborted'));
        });
      });
    const adapter = checkedAdapter(demoWith({ uploadAttachment: upload }), { uploadAttachment: UploadedAttachmentSchema }, () => 500);
    const progress: number[] = [];
    // 8 × 200 ms = 1.6 s in all, well past the 0.5 s timeout, but never 0.5 s without progress.
    expect(await adapter.uploadAttachment!(new Blob(['x']), 'a.pdf', { onProgress: (l) => progress.push(l) })).to.deep.equal({ id: 'ATT-1' });
    expect(progress).to.have.length(8);
    stalls = true;
    const error = await adapter.uploadAttachment!(new Blob(['x']), 'a.pdf').catch((e: unknown) => e);
    expect((error as TnAdapterError).code).to.equal('timeout');
  });

  it('adapter-timeout="0" waits for ever; out-of-range values are clamped with a warning', async () => {
    const fake = new FakeAdapter();
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<HTMLElement & { adapterTimeout: number; updateComplete: Promise<unknown> }>(
        html`<tn-relationships .adapter=${fake.adapter} adapter-timeout="0.01"></tn-relationships>`,
      );
      expect(el.adapterTimeout).to.equal(1);
      expect(warnings.join('\n')).to.contain('adapter-timeout');
      el.adapterTimeout = 0;
      await el.updateComplete;
      expect(el.adapterTimeout).to.equal(0);
    } finally {
      console.warn = warn;
    }
    const adapter = checkedAdapter(fake.adapter, { getCustomer: CustomerEntitySchema }, () => 0);
    const pending = adapter.getCustomer('x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    fake.of('getCustomer')[0].resolve({ id: 'x', legalName: 'X Ltd', taxIds: [], country: 'GB' });
    expect((await pending).legalName).to.equal('X Ltd');
  });
});

describe('checked adapter: the flow', () => {
  it("<tn-customer-connect adapter-timeout> applies to every step", async () => {
    const el = await fixture<HTMLElement>(
      html`<tn-customer-connect .adapter=${createDemoAdapter({ latency: 0 })} adapter-timeout="5"></tn-customer-connect>`,
    );
    const steps = ['tn-customer-search', 'tn-group-picker', 'tn-verify-invoice'].map(
      (tag) => el.shadowRoot!.querySelector(tag) as HTMLElement & { adapterTimeout: number },
    );
    expect(steps.map((step) => step.adapterTimeout)).to.deep.equal([5, 5, 5]);
  });
});
