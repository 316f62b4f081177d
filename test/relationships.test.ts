import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/relationships/tn-relationships.js';
import type { TnRelationships } from '../src/components/relationships/relationships.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type { Relationship } from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_IDS } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { press, type } from './helpers/keys.js';

const rel = (id: string, name: string, status: Relationship['status'], since: string, extra: Partial<Relationship> = {}): Relationship => ({
  id,
  accountId: 'ACC-1',
  accountName: extra.accountName ?? 'Adams Office Supplies',
  customer: { id: `AAA${id}`, legalName: name, country: 'GB' },
  status,
  since,
  ...extra,
});

const LIST: Relationship[] = [
  rel('1', 'Tungsten Network - Demo Account', 'connected', '2026-10-29T09:00:00Z', { isTestBuyer: true }),
  rel('2', 'Contoso Facilities', 'support-case-open', '2026-11-25T09:00:00Z', { supportCaseReference: '2879455' }),
  rel('3', 'Proseware Ingénierie', 'pending-customer-confirmation', '2026-11-23T09:00:00Z'),
  rel('4', 'Demonstration Example Buyer', 'verification-pending', '2026-11-28T08:00:00Z', { verificationId: 'VER-7' }),
  rel('5', 'Wingtip Toys', 'rejected', '2026-09-29T09:00:00Z', { accountName: 'Adams UK' }),
  rel('6', 'Fourth Coffee', 'expired', '2025-10-24T09:00:00Z', { accountName: 'Adams UK' }),
];

const $ = <T extends Element = HTMLElement>(el: TnRelationships, s: string) => el.shadowRoot!.querySelector<T>(s);
const rows = (el: TnRelationships) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const names = (el: TnRelationships) => rows(el).map((r) => r.querySelector('.name')!.textContent!.trim());
const rowOf = (el: TnRelationships, name: string) => rows(el).find((r) => r.textContent!.includes(name))!;

async function loaded(list: Relationship[] = LIST, attrs: { accountId?: string } = {}) {
  const fake = new FakeAdapter();
  const el = await fixture<TnRelationships>(
    html`<tn-relationships .adapter=${fake.adapter} account-id=${attrs.accountId ?? ''}></tn-relationships>`,
  );
  await waitUntil(() => fake.of('listRelationships').length === 1);
  fake.of('listRelationships')[0].resolve(list);
  await waitUntil(() => $(el, 'table') || $(el, '[part~="empty"]'), 'nothing rendered');
  return { el, fake };
}

describe('<tn-relationships>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('says it is loading, then lists every relationship, newest first, with its status and date', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnRelationships>(html`<tn-relationships .adapter=${fake.adapter}></tn-relationships>`);
    expect($(el, '[part~="status-message"]')!.textContent).to.contain('Loading your relationships');
    await waitUntil(() => fake.of('listRelationships').length === 1);
    expect(fake.of('listRelationships')[0].args[0]).to.deep.equal({});
    fake.of('listRelationships')[0].resolve(LIST);
    await waitUntil(() => rows(el).length === 6);
    expect(names(el)).to.deep.equal([
      'Demonstration Example Buyer',
      'Contoso Facilities',
      'Proseware Ingénierie',
      'Tungsten Network - Demo Account',
      'Wingtip Toys',
      'Fourth Coffee',
    ]);
    const statuses = rows(el).map((r) => r.querySelector('[part~="status"]')!.textContent!.trim());
    expect(statuses).to.deep.equal([
      'Verification pending',
      'Support case open',
      'Awaiting customer',
      'Connected',
      'Rejected',
      'Expired',
    ]);
    expect(rowOf(el, 'Contoso').textContent).to.contain('Case 2879455');
    expect(rowOf(el, 'Contoso').textContent).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-11-25T09:00:00Z')));
    expect($(el, '[part~="count"]')!.textContent).to.contain('Showing 6 of 6.');
    await expect(el).to.be.accessible();
  });

  it('marks the test buyer and explains it', async () => {
    const { el } = await loaded();
    const marks = [...el.shadowRoot!.querySelectorAll('[part~="test-buyer"]')];
    expect(marks).to.have.length(1);
    expect(marks[0].closest('tr')!.textContent).to.contain('Tungsten Network - Demo Account');
    expect(marks[0].textContent!.trim()).to.equal('Test buyer');
    expect(el.shadowRoot!.textContent).to.contain('The test buyer lets you practise sending invoices');
  });

  it('offers what each status allows, as events', async () => {
    const { el } = await loaded();
    const action = (name: string) => rowOf(el, name).querySelector<HTMLButtonElement>('[part~="action"]');
    expect(action('Proseware')).to.equal(null);
    expect(action('Tungsten')).to.equal(null);

    const viewCase = oneEvent(el, 'tn-view-case');
    action('Contoso')!.click();
    expect((await viewCase).detail).to.deep.equal({ reference: '2879455' });

    const resume = oneEvent(el, 'tn-resume-verification');
    action('Demonstration')!.click();
    const resumed = (await resume).detail;
    expect(resumed.verificationId).to.equal('VER-7');
    expect(resumed.relationship.customer.legalName).to.equal('Demonstration Example Buyer');

    for (const name of ['Wingtip Toys', 'Fourth Coffee']) {
      expect(action(name)!.textContent).to.contain('Request again').and.contain(name);
      const again = oneEvent(el, 'tn-request-again');
      action(name)!.click();
      expect((await again).detail.relationship.customer.legalName).to.equal(name);
    }
  });

  it('filters by status (with counts) and by text, accents and case ignored; says when nothing matches', async () => {
    const { el } = await loaded();
    const select = $<HTMLSelectElement>(el, '#status')!;
    const option = [...select.options].find((o) => o.value === 'connected')!;
    expect(option.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Connected (1)');
    select.value = 'rejected';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Wingtip Toys']);
    expect($(el, '[part~="count"]')!.textContent).to.contain('Showing 1 of 6.');

    select.value = '';
    select.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#filter')!.focus();
    await type('PROSEWARE ING');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Proseware Ingénierie']);
    const input = $<HTMLInputElement>(el, '#filter')!;
    input.value = 'ingenierie';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Proseware Ingénierie']);
    // By network ID and by account too.
    input.value = 'aaa5';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Wingtip Toys']);
    input.value = 'adams uk';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Wingtip Toys', 'Fourth Coffee']);

    input.value = 'nobody at all';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No relationship matches your filters.');
    $<HTMLButtonElement>(el, '[part~="clear-filters"]')!.click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(6);
    expect(input.value).to.equal('');
  });

  it('sorts by column, with aria-sort, by keyboard', async () => {
    const { el } = await loaded();
    const header = (label: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLTableCellElement>('thead th')].find((th) => th.textContent!.includes(label))!;
    expect(header('Since').getAttribute('aria-sort')).to.equal('descending');
    expect(header('Customer').getAttribute('aria-sort')).to.equal('none');
    header('Customer').querySelector('button')!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(header('Customer').getAttribute('aria-sort')).to.equal('ascending');
    expect(names(el)[0]).to.equal('Contoso Facilities');
    await press(' ');
    await el.updateComplete;
    expect(header('Customer').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Wingtip Toys');
    header('Status').querySelector('button')!.click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Tungsten Network - Demo Account');
  });

  it('shows an error with a retry that works, and keeps the last list when a refresh fails', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnRelationships>(html`<tn-relationships .adapter=${fake.adapter}></tn-relationships>`);
    await waitUntil(() => fake.of('listRelationships').length === 1);
    const reported = oneEvent(el, 'tn-error');
    fake.of('listRelationships')[0].reject(new TnAdapterError('unavailable'));
    expect((await reported).detail).to.include({ operation: 'listRelationships', code: 'unavailable' });
    await waitUntil(() => $(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')!.textContent).to.contain("Couldn't load your relationships.");
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => fake.of('listRelationships').length === 2);
    fake.of('listRelationships')[1].resolve(LIST);
    await waitUntil(() => rows(el).length === 6);

    el.refresh();
    await waitUntil(() => fake.of('listRelationships').length === 3);
    fake.of('listRelationships')[2].reject(new TnAdapterError('network'));
    await waitUntil(() => $(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')!.textContent).to.contain("Couldn't refresh; this is the last list we had.");
    expect(rows(el)).to.have.length(6);
  });

  it('says when there are no relationships at all', async () => {
    const { el } = await loaded([]);
    expect($(el, '[part~="empty"]')!.textContent).to.contain('You have no customer relationships yet.');
    expect($(el, 'table')).to.equal(null);
  });

  it('scopes to one account (no Account column), and keeps filters across a refresh', async () => {
    const { el, fake } = await loaded(LIST.slice(0, 4), { accountId: 'ACC-1' });
    expect(fake.of('listRelationships')[0].args[0]).to.deep.equal({ accountId: 'ACC-1' });
    expect([...el.shadowRoot!.querySelectorAll('thead th')].some((th) => th.textContent!.includes('Account'))).to.equal(false);
    const input = $<HTMLInputElement>(el, '#filter')!;
    input.value = 'contoso';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.refresh();
    await waitUntil(() => fake.of('listRelationships').length === 2);
    fake.of('listRelationships')[1].resolve(LIST.slice(0, 4));
    await el.updateComplete;
    expect(input.value).to.equal('contoso');
    expect(names(el)).to.deep.equal(['Contoso Facilities']);
  });

  it('refreshes when a connection changes elsewhere on the page; an older answer never overwrites a newer one', async () => {
    const { el, fake } = await loaded(LIST.slice(0, 1));
    document.dispatchEvent(new CustomEvent('tn-support-case-opened', { detail: {} }));
    await waitUntil(() => fake.of('listRelationships').length === 2, 'no refresh on tn-support-case-opened');
    document.dispatchEvent(new CustomEvent('tn-connected', { detail: {} }));
    await waitUntil(() => fake.of('listRelationships').length === 3, 'no refresh on tn-connected');
    // The first refresh was superseded: it was aborted, and its late answer is ignored.
    expect(fake.of('listRelationships')[1].signal!.aborted).to.equal(true);
    fake.of('listRelationships')[2].resolve(LIST.slice(0, 2));
    await waitUntil(() => rows(el).length === 2);
    fake.of('listRelationships')[1].resolve(LIST);
    await new Promise((r) => setTimeout(r, 20));
    expect(rows(el)).to.have.length(2);
  });

  it('stops listening and aborts its request when removed', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnRelationships>(html`<tn-relationships .adapter=${fake.adapter}></tn-relationships>`);
    await waitUntil(() => fake.of('listRelationships').length === 1);
    el.remove();
    await fake.of('listRelationships')[0].aborted;
    document.dispatchEvent(new CustomEvent('tn-connected', { detail: {} }));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.of('listRelationships')).to.have.length(1);
  });

  it('renders server strings as text', async () => {
    const { el } = await loaded([rel('9', '<img src=x onerror=alert(1)>Evil', 'rejected', '2026-01-01T00:00:00Z', { accountName: '<b>acc</b>' })]);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(names(el)).to.deep.equal(['<img src=x onerror=alert(1)>Evil']);
  });

  it('on the demo network: every status of the seed, and a new support case after a request', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnRelationships>(html`<tn-relationships .adapter=${adapter}></tn-relationships>`);
    await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 5000 });
    const statuses = new Set(rows(el).map((r) => r.querySelector('[part~="status"]')!.textContent!.trim()));
    for (const s of ['Connected', 'Awaiting customer', 'Support case open', 'Rejected', 'Expired']) {
      expect(statuses.has(s), s).to.equal(true);
    }
    const before = rows(el).length;
    const outcome = await adapter.requestConnection({
      accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt,
      entityIds: [DEMO_IDS.tungstenBank],
      idempotencyKey: 'rel-test',
    });
    if (outcome.kind !== 'support-case') throw new Error('expected a support case');
    document.dispatchEvent(new CustomEvent('tn-support-case-opened', { detail: { supportCase: outcome.supportCase, skipped: [] } }));
    await waitUntil(() => rows(el).length === before + 1, 'the new relationship did not appear', { timeout: 5000 });
    expect(rowOf(el, 'Tungsten Bank PLC').textContent).to.contain(`Case ${outcome.supportCase.reference}`);
  });

  it('speaks French', async () => {
    await setLocale('fr');
    const { el } = await loaded();
    expect(el.shadowRoot!.querySelector('label[for="filter"]')!.textContent).to.equal('Filtrer les relations');
    expect(rowOf(el, 'Wingtip').querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Refusée');
  });
});
