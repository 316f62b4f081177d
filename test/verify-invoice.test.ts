import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/verify-invoice/tn-verify-invoice.js';
import type { TnVerifyInvoice } from '../src/components/verify-invoice/verify-invoice.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type {
  ChallengeAnswer,
  InvoiceEvidence,
  SupportCase,
  VerificationResult,
  VerificationSession,
} from '../src/adapter/types.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_FIRST_CASE_REFERENCE,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
} from '../src/adapter/demo/index.js';
import type { DemoAdapter } from '../src/adapter/demo/index.js';
import { getLocale, setLocale } from '../src/localization/localization.js';
import type { TnStepChangeEvent } from '../src/base/events.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { press, type } from './helpers/keys.js';
import { ManualClock } from './helpers/manual-clock.js';
import { demoVerification } from './helpers/demo-verification.js';

const NNBSP = '\u202f';

const SESSION: VerificationSession = {
  id: 'VER-0001',
  customer: { id: 'AAA300000001', legalName: 'Demonstration Example Buyer' },
  accountId: 'ACC-AOS-IT',
  step: 'evidence',
  attemptsRemaining: 3,
  maxAttempts: 3,
  currency: 'GBP',
};
const AT_CHALLENGE: VerificationSession = { ...SESSION, step: 'challenge', challenge: { invoiceNumber: 'TNA9187' } };
const CASE: SupportCase = {
  reference: '2881017',
  status: 'open',
  openedAt: '2018-04-16T15:45:00+01:00',
  processBy: '2018-04-18T15:45:00+01:00',
  accountId: 'ACC-AOS-IT',
  customers: [{ id: 'AAA300000001', legalName: 'Demonstration Example Buyer' }],
};
const EVIDENCE: InvoiceEvidence = {
  invoiceNumber: 'TNA9322',
  invoiceDate: '2015-08-10',
  amount: { amount: '4508', currency: 'GBP' },
};
const result = (session: VerificationSession, accepted: boolean, extra: Partial<VerificationResult> = {}) => ({
  accepted,
  session,
  ...extra,
});

// ----- helpers

const $ = <T extends Element = HTMLElement>(el: TnVerifyInvoice, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: TnVerifyInvoice) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const input = (el: TnVerifyInvoice, id: string) => $<HTMLInputElement>(el, `#${id}`);
const heading = (el: TnVerifyInvoice) => $(el, '#step-heading');
const currentStep = (el: TnVerifyInvoice) => [...el.shadowRoot!.querySelectorAll('[aria-current="step"]')];
const described = (el: TnVerifyInvoice, field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    // Only layout white space is collapsed: the no-break spaces of French amounts are kept.
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? `#${id} missing`)
    .join(' | ');

/**
 * Types as real input. WebKitWebDriver types a doubled character ("22") once, so a run of the
 * same character is sent as separate keystrokes.
 */
async function typeText(value: string): Promise<void> {
  let run = '';
  for (const char of value) {
    if (run.endsWith(char)) {
      await type(run);
      run = '';
    }
    run += char;
  }
  if (run) await type(run);
}

/** Focuses a field and types into it, as a user does. */
async function typeInto(el: TnVerifyInvoice, id: string, value: string): Promise<void> {
  input(el, id).focus();
  await typeText(value);
}

/** How a user of each locale tested writes a date ("2015-08-10"): English month first, French day first. */
const WRITTEN: Record<string, (year: string, month: string, day: string) => string> = {
  en: (year, month, day) => `${month}/${day}/${year}`,
  fr: (year, month, day) => `${day}/${month}/${year}`,
  de: (year, month, day) => `${day}.${month}.${year}`,
};

/** An ISO date as a user of the active locale types it: "08/10/2015" in English, "10/08/2015" in French. */
function written(iso: string): string {
  const [year, month, day] = iso.split('-');
  return WRITTEN[getLocale()](year, month, day);
}

/** Types an ISO date into the date field in the active locale's order. */
async function typeDate(el: TnVerifyInvoice, iso: string): Promise<void> {
  await typeInto(el, 'invoice-date', written(iso));
}

/** Sets a field's value and fires `input`, for tests where typing is not the point. */
function setValue(el: TnVerifyInvoice, id: string, value: string): void {
  const field = input(el, id);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fills step 1; `date` is ISO, written in the active locale's order. */
function fillEvidence(el: TnVerifyInvoice, evidence: { number: string; date: string; amount: string }): void {
  setValue(el, 'invoice-number', evidence.number);
  setValue(el, 'invoice-date', written(evidence.date));
  setValue(el, 'amount', evidence.amount);
}

const continueButton = (el: TnVerifyInvoice) => $<HTMLButtonElement>(el, '[part~="continue"]');
const fallbackButton = (el: TnVerifyInvoice) => $<HTMLButtonElement>(el, '[part~="fallback-button"]');

async function verifyFixture(
  adapter: FakeAdapter['adapter'] | DemoAdapter | undefined,
  session: VerificationSession | null = SESSION,
  clock?: ManualClock,
) {
  return clock
    ? fixture<TnVerifyInvoice>(
        html`<tn-verify-invoice .adapter=${adapter} .session=${session ?? undefined} .clock=${clock}></tn-verify-invoice>`,
      )
    : fixture<TnVerifyInvoice>(html`<tn-verify-invoice .adapter=${adapter} .session=${session ?? undefined}></tn-verify-invoice>`);
}

/** Waits until focus is on the step heading (after a step change). */
async function headingFocused(el: TnVerifyInvoice, label: string) {
  await waitUntil(() => el.shadowRoot!.activeElement === heading(el), `focus not on the ${label} heading`);
}

/** The demo history's invoice with this number. */
function historyInvoice(number: string) {
  const invoice = DEMO_INVOICE_HISTORY.find((candidate) => candidate.number === number);
  if (!invoice) throw new Error(`${number} is not in the demo history`);
  return invoice;
}

describe('<tn-verify-invoice>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('renders step 1: title, step indicator, labelled fields, fallback', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    expect($(el, '[part="title"]').textContent!.trim()).to.equal(
      // The name is isolated (U+2068 … U+2069) from the sentence around it.
      'Activate your buyer: \u2068Demonstration Example Buyer\u2069',
    );
    expect($(el, '[part="title"]').getAttribute('aria-level')).to.equal('2');
    expect(heading(el).textContent!.trim()).to.equal('Step 1. Please provide the details of a recent invoice.');
    expect(heading(el).getAttribute('aria-level')).to.equal('3');
    expect($(el, '#steps-title').textContent!.trim()).to.equal('Activation process');
    const current = currentStep(el);
    expect(current).to.have.length(1);
    expect(current[0].textContent).to.contain('Enter invoice details');
    expect(current[0].textContent).to.contain('Step 1:');
    expect(input(el, 'invoice-number').labels![0].textContent!.trim()).to.equal('Invoice number');
    expect(input(el, 'invoice-number').maxLength).to.equal(50);
    expect(input(el, 'invoice-date').type).to.equal('text');
    expect(input(el, 'invoice-date').labels![0].textContent!.trim()).to.equal('Invoice date');
    expect(input(el, 'invoice-date').placeholder).to.equal('mm/dd/yyyy');
    expect(described(el, input(el, 'invoice-date'))).to.match(/^Format: mm\/dd\/yyyy, for example 12\/31\/\d{4}$/);
    expect(input(el, 'amount').labels![0].textContent!.trim()).to.equal('Invoice amount');
    expect(input(el, 'amount').inputMode).to.equal('decimal');
    expect($(el, '[part="currency"]').textContent!.trim()).to.equal('GBP');
    expect(described(el, input(el, 'amount'))).to.equal('In GBP, for example 4,508.00');
    expect(described(el, continueButton(el))).to.equal('You have 3 attempts left.');
    expect(fallbackButton(el).textContent!.trim()).to.equal('Connect without verification');
    expect(fake.calls).to.have.length(0);
    await expect(el).to.be.accessible();
    // focus() goes where the element puts focus on a step change: the step's heading.
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
  });

  it('verifies Demonstration Example Buyer on the demo network: TNA9322, the challenge, connected', async () => {
    const { adapter, session } = await demoVerification();
    const el = await verifyFixture(adapter, session);
    const steps: string[] = [];
    el.addEventListener('tn-step-change', (event: TnStepChangeEvent) => steps.push(event.detail.step));

    await typeInto(el, 'invoice-number', 'TNA9322');
    await typeDate(el, '2015-08-10');
    await typeInto(el, 'amount', '4508');
    expect(input(el, 'invoice-number').value).to.equal('TNA9322');
    expect(input(el, 'invoice-date').value).to.equal('08/10/2015');
    await press('Enter');

    await headingFocused(el, 'challenge');
    const challengeNumber = $(el, '#challenge-number').textContent!.trim();
    expect(challengeNumber).to.match(/^TNA\d+$/).and.not.equal('TNA9322');
    expect(heading(el).textContent).to.contain(`Step 2. Please provide the date and amount of invoice ${challengeNumber}.`);
    expect(currentStep(el)[0].textContent).to.contain('Pass a challenge');
    expect(el.shadowRoot!.querySelector('[part~="step-done"]')!.textContent).to.contain('Completed');
    expect(input(el, 'invoice-date').value).to.equal('');
    await expect(el).to.be.accessible();

    const invoice = historyInvoice(challengeNumber);
    await typeDate(el, invoice.date);
    await typeInto(el, 'amount', invoice.amount.amount);
    const verified = oneEvent(el, 'tn-verified');
    const connected = oneEvent(el, 'tn-connected');
    continueButton(el).click();
    const { detail } = await verified;
    expect(detail.session.step).to.equal('verified');
    expect(detail.relationships).to.have.length(1);
    expect(detail.relationships[0]).to.deep.include({ status: 'connected', verificationId: session.id });
    expect(detail.relationships[0].customer.id).to.equal(DEMO_IDS.demonstrationExampleBuyer);
    expect((await connected).detail).to.deep.equal({ relationships: detail.relationships, skipped: [] });

    await headingFocused(el, 'confirmation');
    expect(heading(el).textContent!.trim()).to.equal('Step 3. You are connected.');
    expect(text(el)).to.contain('You are now connected with \u2068Demonstration Example Buyer\u2069');
    expect(text(el)).to.contain('Invoice status information can take one to two hours to appear in your account.');
    expect(currentStep(el)[0].textContent).to.contain('Connection confirmed');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="fallback"]')).to.equal(null);
    expect(steps).to.deep.equal(['challenge', 'verified']);
    const relationships = await adapter.listRelationships({ accountId: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt });
    expect(relationships.find((r) => r.customer.id === DEMO_IDS.demonstrationExampleBuyer)!.status).to.equal('connected');
    await expect(el).to.be.accessible();
  });

  it('reads amounts in the user’s locale and says which form is expected', async () => {
    const cases: [locale: string, typed: string, sent: string | RegExp][] = [
      ['en', '4,508.00', '4508.00'],
      ['en', '4508', '4508'],
      ['en', '4 508,00', /Enter the amount as a number, for example 4,508\.00\./],
      ['en', '4508.123', /Too many decimals: amounts in GBP are written like 4,508\.00\./],
      ['en', '0', /The amount must be greater than zero\./],
      ['en', '', /Enter the invoice amount\./],
      ['fr', '4 508,00', '4508.00'],
      ['fr', `4${NNBSP}508,00`, '4508.00'],
      ['fr', '4508', '4508'],
      ['fr', '4,508.00', new RegExp(`Saisissez le montant sous forme de nombre, par exemple 4${NNBSP}508,00\\.`)],
      ['fr', '-12', /Le montant doit être supérieur à zéro\./],
    ];
    for (const [locale, typed, expected] of cases) {
      await setLocale(locale);
      const fake = new FakeAdapter();
      const el = await verifyFixture(fake.adapter);
      fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: typed });
      continueButton(el).click();
      await el.updateComplete;
      const label = `${locale} ${JSON.stringify(typed)}`;
      if (typeof expected === 'string') {
        expect(fake.of('submitVerificationEvidence'), label).to.have.length(1);
        const sent = fake.of('submitVerificationEvidence')[0].args[1] as InvoiceEvidence;
        expect(sent.amount, label).to.deep.equal({ amount: expected, currency: 'GBP' });
      } else {
        expect(fake.calls, label).to.have.length(0);
        const amount = input(el, 'amount');
        expect(amount.getAttribute('aria-invalid'), label).to.equal('true');
        expect(described(el, amount), label).to.match(expected);
        await waitUntil(() => el.shadowRoot!.activeElement === amount, `${label}: focus not on the amount`);
      }
    }
  });

  it('checks every field before sending, focuses the first error, and clears an error as it is fixed', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    setValue(el, 'invoice-number', '   ');
    continueButton(el).click();
    await el.updateComplete;
    expect(fake.calls).to.have.length(0);
    expect(described(el, input(el, 'invoice-number'))).to.equal('Enter the invoice number.');
    expect(described(el, input(el, 'invoice-date'))).to.match(/^Format: .* \| Enter the invoice date\.$/);
    expect(described(el, input(el, 'amount'))).to.contain('Enter the invoice amount.');
    await waitUntil(() => el.shadowRoot!.activeElement === input(el, 'invoice-number'), 'focus not on the number');
    await expect(el).to.be.accessible();

    await typeText('TNA9');
    await el.updateComplete;
    expect(input(el, 'invoice-number').getAttribute('aria-invalid')).to.equal('false');
    expect(input(el, 'invoice-date').getAttribute('aria-invalid')).to.equal('true');
  });

  it('rejects a date in the future (today is the latest), keeping what was typed', async () => {
    const clock = new ManualClock(new Date(2026, 10, 28, 9, 0, 0));
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, SESSION, clock);
    expect(described(el, input(el, 'invoice-date'))).to.equal('Format: mm/dd/yyyy, for example 12/31/2025');
    fillEvidence(el, { number: 'TNA9322', date: '2026-11-29', amount: '4508' });
    continueButton(el).click();
    await el.updateComplete;
    expect(fake.calls).to.have.length(0);
    expect(described(el, input(el, 'invoice-date'))).to.equal(
      'Format: mm/dd/yyyy, for example 12/31/2025 | The invoice date can’t be in the future.',
    );
    expect(input(el, 'invoice-date').value).to.equal('11/29/2026');
    await waitUntil(() => el.shadowRoot!.activeElement === input(el, 'invoice-date'));

    setValue(el, 'invoice-date', '11/28/2026');
    continueButton(el).click();
    expect(fake.of('submitVerificationEvidence')).to.have.length(1);
    expect((fake.calls[0].args[1] as InvoiceEvidence).invoiceDate).to.equal('2026-11-28');
  });

  it('reads the date in the page’s order: 14/09/2015 on a French page is 14 September', async () => {
    await setLocale('fr');
    const clock = new ManualClock(new Date(2026, 10, 28, 9, 0, 0));
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, SESSION, clock);
    const date = input(el, 'invoice-date');
    expect(date.placeholder).to.equal('jj/mm/aaaa');
    expect($(el, '#invoice-date-hint').textContent!.trim()).to.equal('Format\u00a0: jj/mm/aaaa, par exemple 31/12/2025');
    expect(described(el, date)).to.equal('Format\u00a0: jj/mm/aaaa, par exemple 31/12/2025');
    await typeInto(el, 'invoice-number', 'TNA9415');
    await typeInto(el, 'invoice-date', '14/09/2015');
    await typeInto(el, 'amount', '12 040,00');
    await press('Enter');
    expect(fake.of('submitVerificationEvidence')).to.have.length(1);
    expect(fake.calls[0].args[1]).to.deep.equal({
      invoiceNumber: 'TNA9415',
      invoiceDate: '2015-09-14',
      amount: { amount: '12040.00', currency: 'GBP' },
    });
    await expect(el).to.be.accessible();
  });

  it('says how to write a date it cannot read, in the page’s language, keeping what was typed', async () => {
    await setLocale('fr');
    const clock = new ManualClock(new Date(2026, 10, 28, 9, 0, 0));
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, SESSION, clock);
    await typeInto(el, 'invoice-number', 'TNA9415');
    await typeInto(el, 'amount', '12 040,00');
    for (const typed of ['31/02/2015', '09/14/2015', '14/sept/2015']) {
      setValue(el, 'invoice-date', '');
      await typeInto(el, 'invoice-date', typed);
      continueButton(el).click();
      await el.updateComplete;
      expect(fake.calls, typed).to.have.length(0);
      const date = input(el, 'invoice-date');
      expect(date.value, typed).to.equal(typed);
      expect(date.getAttribute('aria-invalid'), typed).to.equal('true');
      expect($(el, '#invoice-date-error').textContent!.trim(), typed).to.equal(
        'Saisissez une date réelle au format jj/mm/aaaa, par exemple 31/12/2025.',
      );
      expect(described(el, date), typed).to.contain('Saisissez une date réelle');
      await waitUntil(() => el.shadowRoot!.activeElement === date, `${typed}: focus not on the date`);
    }
    await expect(el).to.be.accessible();

    setValue(el, 'invoice-date', '29/11/2026');
    continueButton(el).click();
    await el.updateComplete;
    expect($(el, '#invoice-date-error').textContent!.trim()).to.equal(
      'La date de la facture ne peut pas être dans le futur.',
    );
    expect(input(el, 'invoice-date').value).to.equal('29/11/2026');
  });

  it('writes the date pattern in each language’s letters and order', async () => {
    const clock = new ManualClock(new Date(2026, 10, 28, 9, 0, 0));
    const cases: [locale: string, placeholder: string, example: string][] = [
      ['en', 'mm/dd/yyyy', '12/31/2025'],
      ['fr', 'jj/mm/aaaa', '31/12/2025'],
      ['de', 'TT.MM.JJJJ', '31.12.2025'],
    ];
    for (const [locale, placeholder, example] of cases) {
      await setLocale(locale);
      const el = await verifyFixture(new FakeAdapter().adapter, SESSION, clock);
      expect(input(el, 'invoice-date').placeholder, locale).to.equal(placeholder);
      expect($(el, '#invoice-date-hint').textContent, locale).to.contain(`${placeholder}`).and.contain(example);
    }
    await setLocale('de');
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, SESSION, clock);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4.508,00' });
    expect(input(el, 'invoice-date').value).to.equal('10.08.2015');
    continueButton(el).click();
    expect((fake.calls[0].args[1] as InvoiceEvidence).invoiceDate).to.equal('2015-08-10');
  });

  it('on an en-GB page, takes the day first as British English does', async () => {
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'en-GB';
    try {
      await setLocale('en-GB');
      const clock = new ManualClock(new Date(2026, 10, 28, 9, 0, 0));
      const fake = new FakeAdapter();
      const el = await verifyFixture(fake.adapter, SESSION, clock);
      expect(input(el, 'invoice-date').placeholder).to.equal('dd/mm/yyyy');
      expect($(el, '#invoice-date-hint').textContent!.trim()).to.equal('Format: dd/mm/yyyy, for example 31/12/2025');
      setValue(el, 'invoice-number', 'TNA9322');
      setValue(el, 'invoice-date', '10/08/2015');
      setValue(el, 'amount', '4508');
      continueButton(el).click();
      expect((fake.calls[0].args[1] as InvoiceEvidence).invoiceDate).to.equal('2015-08-10');
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('sends one request however often Continue is pressed, trimmed, and shows that it is busy', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: '  TNA9322 ', date: '2015-08-10', amount: '4508' });
    continueButton(el).click();
    continueButton(el).click();
    input(el, 'amount').focus();
    await press('Enter');
    await el.updateComplete;
    expect(fake.calls).to.have.length(1);
    const [id, evidence] = fake.calls[0].args as [string, InvoiceEvidence];
    expect(id).to.equal('VER-0001');
    expect(evidence).to.deep.equal(EVIDENCE);
    expect(continueButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(continueButton(el).textContent!.trim()).to.equal('Checking…');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[role="status"]').textContent!.trim()).to.equal('Checking the invoice details…');
    fallbackButton(el).click();
    expect(fake.calls).to.have.length(1);
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'tn-step-change');
    fake.calls[0].resolve(result(AT_CHALLENGE, true));
    expect((await changed).detail).to.deep.equal({ step: 'challenge', verificationId: 'VER-0001' });
    await headingFocused(el, 'challenge');
    expect($(el, '#challenge-number').textContent).to.equal('TNA9187');
    expect(described(el, input(el, 'invoice-date'))).to.contain('Invoice number | TNA9187');
  });

  it('says when an answer is wrong, with the attempts left, keeping the fields; locks after the last', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA0001', date: '2015-08-10', amount: '4508' });

    const rejected = oneEvent(el, 'tn-verification-rejected');
    continueButton(el).click();
    fake.calls[0].resolve(result({ ...SESSION, attemptsRemaining: 2 }, false));
    const { detail } = await rejected;
    expect(detail.step).to.equal('evidence');
    expect(detail.attemptsRemaining).to.equal(2);
    await el.updateComplete;
    const alert = $(el, '[part~="rejection"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain("These details don't match an invoice we hold for \u2068Demonstration Example Buyer\u2069.");
    expect(alert.textContent).to.contain('You have 2 attempts left.');
    for (const id of ['invoice-number', 'invoice-date', 'amount']) {
      expect(described(el, input(el, id))).to.contain('You have 2 attempts left.');
    }
    expect(input(el, 'invoice-number').value).to.equal('TNA0001');
    expect(input(el, 'invoice-date').value).to.equal('08/10/2015');
    expect(input(el, 'amount').value).to.equal('4508');
    expect(described(el, continueButton(el))).to.equal('You have 2 attempts left.');
    await expect(el).to.be.accessible();

    continueButton(el).click();
    fake.calls[1].resolve(result({ ...SESSION, attemptsRemaining: 1 }, false));
    await waitUntil(() => $(el, '[part~="rejection"]').textContent!.includes('You have 1 attempt left.'));
    expect($(el, '[part~="rejection"]').textContent).to.contain('After one more wrong answer, the verification locks.');

    const locked = oneEvent(el, 'tn-step-change');
    continueButton(el).click();
    fake.calls[2].resolve(result({ ...SESSION, attemptsRemaining: 0, step: 'locked' }, false));
    expect((await locked).detail.step).to.equal('locked');
    await headingFocused(el, 'locked');
    expect(heading(el).textContent!.trim()).to.equal('Verification locked');
    expect(text(el)).to.contain('no attempts remain, so this verification is locked');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(currentStep(el)[0].className).to.contain('locked');
    expect(fallbackButton(el).classList.contains('primary')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('locks on the demo network after three wrong answers, and still offers the support case', async () => {
    const { adapter, session } = await demoVerification();
    const el = await verifyFixture(adapter, session);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-11', amount: '4508' });
    for (const left of [2, 1]) {
      continueButton(el).click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="rejection"]')?.textContent?.includes(`${left} attempt`));
    }
    continueButton(el).click();
    await headingFocused(el, 'locked');
    const opened = oneEvent(el, 'tn-support-case-opened');
    fallbackButton(el).click();
    expect((await opened).detail.supportCase.reference).to.equal(String(DEMO_FIRST_CASE_REFERENCE));
    await headingFocused(el, 'support case');
  });

  it('falls back from step 1: one request per click, the case reference and deadline, View the case', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9', date: '2015-08-10', amount: '12' });
    fallbackButton(el).click();
    fallbackButton(el).click();
    await el.updateComplete;
    expect(fake.calls).to.have.length(1);
    const call = fake.of('connectWithoutVerification')[0];
    expect(call.args[0]).to.equal('VER-0001');
    expect((call.args[1] as { idempotencyKey: string }).idempotencyKey).to.be.a('string').with.length.above(8);
    expect(fallbackButton(el).textContent!.trim()).to.equal('Opening a support case…');
    expect($(el, '[role="status"]').textContent!.trim()).to.equal('Opening a support case…');
    continueButton(el).click();
    expect(fake.calls).to.have.length(1);

    const opened = oneEvent(el, 'tn-support-case-opened');
    const changed = oneEvent(el, 'tn-step-change');
    call.resolve(CASE);
    const event = await opened;
    expect(event.detail).to.deep.equal({ supportCase: CASE, skipped: [], verificationId: 'VER-0001' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect((await changed).detail.step).to.equal('support-case');
    await headingFocused(el, 'support case');
    expect(heading(el).textContent!.trim()).to.equal('Request received');
    expect(text(el)).to.contain('Your request has been received and will be processed by Wednesday, April 18, 2018');
    expect($(el, '[part="reference"]').textContent).to.equal('2881017');
    expect(text(el)).to.contain('Your reference number is 2881017.');
    expect(el.shadowRoot!.querySelector('[part~="steps"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const view = oneEvent(el, 'tn-view-case');
    $<HTMLButtonElement>(el, '[part~="view-case"]').click();
    expect((await view).detail).to.deep.equal({ reference: '2881017' });
  });

  it('at desktop width the support-case outcome spans the element (not the right half of it)', async () => {
    const fake = new FakeAdapter();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"></div>`);
    const el = document.createElement('tn-verify-invoice') as TnVerifyInvoice;
    el.adapter = fake.adapter;
    el.session = SESSION;
    wrapper.append(el);
    await el.updateComplete;
    // Wide enough for the two-column step layout (the form beside the steps).
    expect($(el, '.layout').getBoundingClientRect().width).to.be.above(44 * 16);
    fallbackButton(el).click();
    await waitUntil(() => fake.of('connectWithoutVerification').length === 1);
    fake.of('connectWithoutVerification')[0].resolve(CASE);
    await headingFocused(el, 'support case');
    const base = $(el, '[part="base"]').getBoundingClientRect();
    const outcome = $(el, '[part~="support-case"]').getBoundingClientRect();
    expect(outcome.left - base.left, 'outcome starts at the left edge').to.be.below(2);
    expect(outcome.width / base.width, 'outcome spans the element').to.be.above(0.95);
  });

  it('shows one heading per level: after "Connect without verification", only the outcome’s', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnVerifyInvoice>(
      html`<tn-verify-invoice .adapter=${fake.adapter} .session=${SESSION} heading-level="4"></tn-verify-invoice>`,
    );
    const headings = () =>
      [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map(
        (h) => `${h.getAttribute('aria-level') ?? h.tagName.slice(1)} ${h.textContent!.replace(/\s+/g, ' ').trim()}`,
      );
    // The title, then the step indicator's heading and the step's, side by side one level below.
    expect(headings()).to.deep.equal([
      '4 Activate your buyer: \u2068Demonstration Example Buyer\u2069',
      '5 Activation process',
      '5 Step 1. Please provide the details of a recent invoice.',
    ]);
    fallbackButton(el).click();
    fake.of('connectWithoutVerification')[0].resolve(CASE);
    await headingFocused(el, 'support case');
    // "Request received" takes the title's level, alone: no "Activate your buyer" above it.
    expect(headings()).to.deep.equal(['4 Request received']);
    expect(heading(el).id).to.equal('step-heading');
    expect(el.shadowRoot!.querySelector('[part="title"]')).to.equal(null);
    expect(text(el)).to.contain('Your reference number is 2881017.');

    // Resumed from a case reference: one heading while the case loads, and once it has.
    const resumed = new FakeAdapter();
    const again = await verifyFixture(resumed.adapter, { ...SESSION, supportCaseReference: '2881017' });
    const resumedHeadings = () => [...again.shadowRoot!.querySelectorAll('[role="heading"]')].map((h) => h.textContent!.trim());
    expect(resumedHeadings()).to.deep.equal(['Request received']);
    expect(again.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    await waitUntil(() => resumed.of('getSupportCase').length === 1);
    resumed.calls[0].resolve(CASE);
    await waitUntil(() => again.shadowRoot!.querySelector('[part="reference"]'));
    expect(resumedHeadings()).to.deep.equal(['Request received']);
    await expect(el).to.be.accessible();
  });

  it('falls back from the challenge on the demo network', async () => {
    const { adapter, session } = await demoVerification();
    const el = await verifyFixture(adapter, session);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4 508.00' });
    continueButton(el).click();
    await headingFocused(el, 'challenge');
    const opened = oneEvent(el, 'tn-support-case-opened');
    fallbackButton(el).click();
    const { detail } = await opened;
    expect(detail.supportCase.reference).to.equal(String(DEMO_FIRST_CASE_REFERENCE));
    expect(detail.supportCase.customers.map((c: { id: string }) => c.id)).to.deep.equal([DEMO_IDS.demonstrationExampleBuyer]);
    await headingFocused(el, 'support case');
    expect($(el, '[part="reference"]').textContent).to.equal(String(DEMO_FIRST_CASE_REFERENCE));
    expect((await adapter.getVerification(session.id)).supportCaseReference).to.equal(String(DEMO_FIRST_CASE_REFERENCE));
  });

  it('keeps every field when a request fails, and retries the same answer', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, AT_CHALLENGE);
    setValue(el, 'invoice-date', '06/15/2015');
    setValue(el, 'amount', '1,275.50');
    const reported = oneEvent(el, 'tn-error');
    continueButton(el).click();
    fake.calls[0].reject(new TnAdapterError('unavailable'));
    const { detail } = await reported;
    expect(detail.operation).to.equal('answerChallenge');
    expect(detail.code).to.equal('unavailable');
    await el.updateComplete;
    const alert = $(el, 'form [role="alert"]');
    expect(alert.textContent).to.contain("Couldn't check these details.");
    expect(alert.textContent).to.contain('The network is unavailable right now.');
    expect(input(el, 'invoice-date').value).to.equal('06/15/2015');
    expect(input(el, 'amount').value).to.equal('1,275.50');
    expect(continueButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, 'form [part~="retry"]').click();
    expect(fake.calls).to.have.length(2);
    expect(fake.calls[1].args[1] as ChallengeAnswer).to.deep.equal({
      invoiceDate: '2015-06-15',
      amount: { amount: '1275.50', currency: 'GBP' },
    });
    const verified = oneEvent(el, 'tn-verified');
    fake.calls[1].resolve(result({ ...SESSION, step: 'verified' }, true, { relationships: [] }));
    await verified;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('retries a failed fallback with the same idempotency key', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9', date: '2015-08-10', amount: '12' });
    const reported = oneEvent(el, 'tn-error');
    fallbackButton(el).click();
    fake.calls[0].reject(new TnAdapterError('timeout'));
    expect((await reported).detail.operation).to.equal('connectWithoutVerification');
    await el.updateComplete;
    expect($(el, '[part~="fallback"] [role="alert"]').textContent).to.contain("Couldn't open a support case.");
    expect(input(el, 'invoice-number').value).to.equal('TNA9');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="fallback"] [part~="retry"]').click();
    expect(fake.calls).to.have.length(2);
    const key = (n: number) => (fake.calls[n].args[1] as { idempotencyKey: string }).idempotencyKey;
    expect(key(1)).to.equal(key(0));
    fake.calls[1].resolve(CASE);
    await headingFocused(el, 'support case');
  });

  it('puts the server’s field errors on the fields', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4508' });
    continueButton(el).click();
    fake.calls[0].reject(
      new TnAdapterError('invalid', {
        fieldErrors: [
          { field: 'amount', code: 'currency-mismatch' },
          { field: 'invoiceNumber', code: 'unknown-format', message: 'Numbers look like <b>TNA0000</b>' },
        ],
      }),
    );
    await waitUntil(() => input(el, 'amount').getAttribute('aria-invalid') === 'true');
    expect(described(el, input(el, 'amount'))).to.contain('Give the amount in GBP.');
    expect(described(el, input(el, 'invoice-number'))).to.equal('Numbers look like <b>TNA0000</b>');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    expect($(el, 'form [role="alert"]').textContent).to.contain('Some details need correcting.');
    await waitUntil(() => el.shadowRoot!.activeElement === input(el, 'invoice-number'));
    await expect(el).to.be.accessible();
  });

  it('reloads the verification when it changed elsewhere (conflict)', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4508' });
    continueButton(el).click();
    fake.calls[0].reject(new TnAdapterError('conflict'));
    await waitUntil(() => el.shadowRoot!.querySelector('form [role="alert"]'));
    expect($(el, 'form [role="alert"]').textContent).to.contain('This verification changed in the meantime');
    $<HTMLButtonElement>(el, 'form [part~="retry"]').click();
    const reload = fake.of('getVerification')[0];
    expect(reload.args[0]).to.equal('VER-0001');
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent!.trim()).to.equal('Loading the verification…');
    reload.resolve(AT_CHALLENGE);
    await headingFocused(el, 'challenge');
    expect($(el, '#challenge-number').textContent).to.equal('TNA9187');
  });

  it('fetches the session by verification-id, with loading and error states', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnVerifyInvoice>(
      html`<tn-verify-invoice .adapter=${fake.adapter} verification-id="VER-0001"></tn-verify-invoice>`,
    );
    await waitUntil(() => fake.of('getVerification').length === 1);
    await el.updateComplete;
    expect(text(el)).to.contain('Loading the verification…');
    expect($(el, '[role="status"]').textContent!.trim()).to.equal('Loading the verification…');
    expect($(el, '[part="title"]').textContent!.trim()).to.equal('Activate your buyer');
    await expect(el).to.be.accessible();

    const reported = oneEvent(el, 'tn-error');
    fake.calls[0].reject(new TnAdapterError('network'));
    expect((await reported).detail.operation).to.equal('getVerification');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain("Couldn't load this verification.");
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => fake.of('getVerification').length === 2);
    fake.of('getVerification')[1].resolve(AT_CHALLENGE);
    await waitUntil(() => el.shadowRoot!.querySelector('#challenge-number'));
    expect(currentStep(el)[0].textContent).to.contain('Pass a challenge');
    // Loading is not a step change the user made: focus stays where it was.
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('treats a malformed answer as an error, not a crash', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4508' });
    const reported = oneEvent(el, 'tn-error');
    continueButton(el).click();
    fake.calls[0].resolve({ accepted: 'yes' });
    expect((await reported).detail.code).to.equal('bad-response');
    expect(input(el, 'invoice-number').value).to.equal('TNA9322');
  });

  it('starts afresh for another session, abandoning the previous one’s request', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    fillEvidence(el, { number: 'TNA9322', date: '2015-08-10', amount: '4508' });
    continueButton(el).click();
    const stale = fake.calls[0];
    el.session = { ...SESSION, id: 'VER-0002', customer: { id: 'X', legalName: 'Wingtip Toys Ltd' } };
    await stale.aborted;
    await el.updateComplete;
    expect(input(el, 'invoice-number').value).to.equal('');
    expect($(el, '[part="title"]').textContent).to.contain('Wingtip Toys Ltd');
    stale.resolve(result(AT_CHALLENGE, true));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#challenge-number')).to.equal(null);
  });

  it('resumes a verification already replaced by a support case', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter, { ...SESSION, supportCaseReference: '2881017' });
    await waitUntil(() => fake.of('getSupportCase').length === 1);
    expect(fake.calls[0].args[0]).to.equal('2881017');
    fake.calls[0].resolve(CASE);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'));
    expect(text(el)).to.contain('Request received');
  });

  it('renders hostile server strings as text', async () => {
    const fake = new FakeAdapter();
    const payload = '<img src=x onerror="window.__pwned=1">';
    const el = await verifyFixture(fake.adapter, {
      ...AT_CHALLENGE,
      customer: { id: 'X', legalName: `ACME ${payload}` },
      challenge: { invoiceNumber: `<b>${payload}</b>` },
    });
    expect($(el, '[part="title"]').textContent).to.contain(payload);
    expect($(el, '#challenge-number').textContent).to.equal(`<b>${payload}</b>`);
    fallbackButton(el).click();
    fake.calls[0].resolve({ ...CASE, reference: `<i>${payload}</i>` });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="reference"]'));
    expect($(el, '[part="reference"]').textContent).to.equal(`<i>${payload}</i>`);
    expect(el.shadowRoot!.querySelector('img, b, i')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('renders in French, with the portal’s words and French amounts', async () => {
    await setLocale('fr');
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    expect($(el, '[part="title"]').textContent!.trim()).to.equal(
      'Activer votre acheteur\u00a0: \u2068Demonstration Example Buyer\u2069',
    );
    expect($(el, '#steps-title').textContent!.trim()).to.equal("Processus d'activation");
    expect(heading(el).textContent!.trim()).to.equal("Étape 1. Veuillez fournir les données d'une facture récente.");
    expect(input(el, 'invoice-number').labels![0].textContent!.trim()).to.equal('Numéro de la facture');
    expect(input(el, 'invoice-date').labels![0].textContent!.trim()).to.equal('Date de la facture');
    expect(input(el, 'amount').labels![0].textContent!.trim()).to.equal('Montant de la facture');
    expect(described(el, input(el, 'amount'))).to.equal(`En GBP, par exemple 4${NNBSP}508,00`);
    expect(continueButton(el).textContent!.trim()).to.equal('Continuer');
    expect(fallbackButton(el).textContent!.trim()).to.equal('Se mettre en relation sans vérification');
    await expect(el).to.be.accessible();

    await typeInto(el, 'invoice-number', 'TNA9322');
    await typeInto(el, 'amount', '4 508,00');
    await typeInto(el, 'invoice-date', '10/08/2015');
    await press('Enter');
    expect(fake.of('submitVerificationEvidence')[0].args[1]).to.deep.equal({
      ...EVIDENCE,
      amount: { amount: '4508.00', currency: 'GBP' },
    });
    fake.calls[0].resolve(result({ ...SESSION, attemptsRemaining: 2 }, false));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="rejection"]'));
    expect($(el, '[part~="rejection"]').textContent).to.contain('Il vous reste 2 tentatives.');
    await expect(el).to.be.accessible();
  });

  it('re-renders when the locale changes at runtime, keeping what was typed', async () => {
    const fake = new FakeAdapter();
    const el = await verifyFixture(fake.adapter);
    setValue(el, 'amount', '4508');
    await setLocale('fr-CH');
    await el.updateComplete;
    expect(continueButton(el).textContent!.trim()).to.equal('Continuer');
    expect(input(el, 'amount').value).to.equal('4508');
  });

  it('shows a visible error when no adapter is configured, or no session is given', async () => {
    const bare = await fixture<TnVerifyInvoice>(html`<tn-verify-invoice .session=${SESSION}></tn-verify-invoice>`);
    expect($(bare, '[role="alert"]').textContent).to.contain('not configured');
    await expect(bare).to.be.accessible();
    const fake = new FakeAdapter();
    const empty = await verifyFixture(fake.adapter, null);
    expect(text(empty)).to.contain('There is no verification to show');
    await expect(empty).to.be.accessible();
  });
});
