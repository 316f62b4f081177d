import { expect } from '@open-wc/testing';
import {
  amountExample,
  currencyFractionDigits,
  dateEntryFormat,
  dateExample,
  localIsoDate,
  parseAmount,
  parseInvoiceDate,
  parseLocalDate,
} from '../src/localization/parse.js';
import type { AmountError, DateError } from '../src/localization/parse.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** What the user typed → the decimal string, or the error. */
type Row = [typed: string, expected: string | { error: AmountError }];
const err = (error: AmountError) => ({ error });

const ENGLISH: Row[] = [
  ['4508', '4508'],
  ['4508.00', '4508.00'],
  ['4,508.00', '4508.00'],
  ['4,508', '4508'],
  ['  4508.5 ', '4508.5'],
  ['1,234,567.89', '1234567.89'],
  ['4 508.00', '4508.00'],
  [`4${NBSP}508.00`, '4508.00'],
  [`4${NNBSP}508.00`, '4508.00'],
  ['0.5', '0.5'],
  ['.5', '0.5'],
  ['004508', '4508'],
  ['£4,508.00', '4508.00'],
  ['GBP 4508', '4508'],
  ['4508 gbp', '4508'],
  ['４５０８', '4508'],
  ['', err('empty')],
  ['   ', err('empty')],
  ['4 508,00', err('malformed')],
  ['4.508,00', err('malformed')],
  ['4,50', err('malformed')],
  ['45,08', err('malformed')],
  ['4,5080', err('malformed')],
  ['4..5', err('malformed')],
  ['4.5.0', err('malformed')],
  ['abc', err('malformed')],
  ['45o8', err('malformed')],
  ['1e3', err('malformed')],
  ['£', err('malformed')],
  ['$4508', err('malformed')],
  ['(4508)', err('malformed')],
  ['0', err('not-positive')],
  ['0.00', err('not-positive')],
  ['-4508', err('not-positive')],
  ['−12.50', err('not-positive')],
  ['-£5', err('not-positive')],
  ['4508.123', err('too-many-decimals')],
  ['4508.000', err('too-many-decimals')],
];

const FRENCH: Row[] = [
  ['4508', '4508'],
  ['4508,00', '4508.00'],
  ['4 508,00', '4508.00'],
  [`4${NBSP}508,00`, '4508.00'],
  [`4${NNBSP}508,00`, '4508.00'],
  ['4.508,00', '4508.00'],
  ['1 234 567,8', '1234567.8'],
  [',5', '0.5'],
  ['4 508,00 £GB', '4508.00'],
  [`4${NNBSP}508,00${NBSP}£GB`, '4508.00'],
  ['4508 GBP', '4508'],
  ['', err('empty')],
  ['4,508.00', err('malformed')],
  ['4508.00', err('malformed')],
  ['4 50,00', err('malformed')],
  ['4 508.00', err('malformed')],
  ['4,5,0', err('malformed')],
  ['quatre', err('malformed')],
  ['0,00', err('not-positive')],
  ['-4 508,00', err('not-positive')],
  ['4508,001', err('too-many-decimals')],
  // A comma is the decimal separator in French: three decimals, not a thousand.
  ['4,508', err('too-many-decimals')],
];

/** Comma-decimal locales that group with a dot (German, Spanish, Italian, Dutch, Portuguese). */
const COMMA_DECIMAL_DOT_GROUP: Row[] = [
  ['4508', '4508'],
  ['4508,00', '4508.00'],
  ['4.508,00', '4508.00'],
  ['1.234.567,89', '1234567.89'],
  ['4 508,00', '4508.00'],
  [`4${NBSP}508,00`, '4508.00'],
  [',5', '0.5'],
  ['4508,00 £', '4508.00'],
  ['GBP 4508', '4508'],
  ['', err('empty')],
  ['4,508.00', err('malformed')],
  ['4.50,00', err('malformed')],
  ['vier', err('malformed')],
  ['0,00', err('not-positive')],
  ['-4.508,00', err('not-positive')],
  ['4508,001', err('too-many-decimals')],
];

/** Polish: comma decimals, (narrow) no-break space groups; a dot groups as well. */
const POLISH: Row[] = [
  ['4508', '4508'],
  ['4508,00', '4508.00'],
  ['4 508,00', '4508.00'],
  [`4${NBSP}508,00`, '4508.00'],
  [`4${NNBSP}508,00`, '4508.00'],
  ['4.508,00', '4508.00'],
  ['4 508,00 GBP', '4508.00'],
  ['4,508.00', err('malformed')],
  ['cztery', err('malformed')],
  ['0', err('not-positive')],
  ['4508,001', err('too-many-decimals')],
];

/** Arabic: Latin or Arabic-Indic digits, Latin or Arabic separators, direction marks ignored. */
const ARABIC: Row[] = [
  ['4508', '4508'],
  ['4,508.00', '4508.00'],
  ['٤٥٠٨', '4508'],
  ['٤٬٥٠٨٫٠٠', '4508.00'],
  ['٤٥٠٨٫٥', '4508.5'],
  ['۴۵۰۸', '4508'],
  ['\u200f٤٬٥٠٨٫٠٠\u200f', '4508.00'],
  ['\u061c٤٥٠٨', '4508'],
  ['GBP ٤٥٠٨', '4508'],
  ['', err('empty')],
  ['٤٫٥٫٠', err('malformed')],
  ['أربعة', err('malformed')],
  ['٠', err('not-positive')],
  ['٤٥٠٨٫١٢٣', err('too-many-decimals')],
];

function check(locale: string, rows: Row[]) {
  const problems: string[] = [];
  for (const [typed, expected] of rows) {
    const result = parseAmount(typed, locale, 'GBP');
    const got = result.ok ? result.amount : { error: result.error };
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      problems.push(`${JSON.stringify(typed)} → ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
  }
  expect(problems).to.deep.equal([]);
}

describe('parseAmount', () => {
  it('reads English amounts (table)', () => check('en', ENGLISH));
  it('reads French amounts (table)', () => check('fr', FRENCH));
  for (const locale of ['de', 'es', 'it', 'nl', 'pt', 'pt-BR']) {
    it(`reads ${locale} amounts (table)`, () => check(locale, COMMA_DECIMAL_DOT_GROUP));
  }
  it('reads Polish amounts (table)', () => check('pl', POLISH));
  it('reads Arabic amounts (table)', () => check('ar', ARABIC));

  it('offers an example in every shipped locale that it reads back', () => {
    for (const locale of ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'ar']) {
      const example = amountExample(locale, 'GBP');
      expect(parseAmount(example, locale, 'GBP'), `${locale}: ${example}`).to.deep.equal({ ok: true, amount: '4508.00' });
    }
  });

  it('never goes through a float', () => {
    const result = parseAmount('90,071,992,547,409,931.99', 'en', 'GBP');
    expect(result).to.deep.equal({ ok: true, amount: '90071992547409931.99' });
    expect(parseAmount('0.10', 'en', 'GBP')).to.deep.equal({ ok: true, amount: '0.10' });
  });

  it('says which form is expected, in the locale', () => {
    const english = parseAmount('4 508,00', 'en', 'GBP');
    const french = parseAmount('4,508.00', 'fr', 'GBP');
    expect(english).to.deep.equal({ ok: false, error: 'malformed', example: '4,508.00', maxFractionDigits: 2 });
    expect(french).to.deep.equal({ ok: false, error: 'malformed', example: `4${NNBSP}508,00`, maxFractionDigits: 2 });
  });

  it('follows the currency’s decimals', () => {
    expect(currencyFractionDigits('GBP')).to.equal(2);
    expect(currencyFractionDigits('JPY')).to.equal(0);
    expect(currencyFractionDigits('BHD')).to.equal(3);
    expect(amountExample('en', 'JPY')).to.equal('4,508');
    expect(parseAmount('4508', 'en', 'JPY')).to.deep.equal({ ok: true, amount: '4508' });
    expect(parseAmount('4508.5', 'en', 'JPY')).to.include({ ok: false, error: 'too-many-decimals', maxFractionDigits: 0 });
    expect(parseAmount('4508.125', 'en', 'BHD')).to.deep.equal({ ok: true, amount: '4508.125' });
  });

  it('uses the separators of other locales too', () => {
    expect(parseAmount('4.508,00', 'de', 'EUR')).to.deep.equal({ ok: true, amount: '4508.00' });
    expect(parseAmount('4,508.00', 'de', 'EUR')).to.include({ ok: false, error: 'malformed' });
    expect(parseAmount('4’508.00', 'de-CH', 'CHF')).to.deep.equal({ ok: true, amount: '4508.00' });
  });
});

describe('parseInvoiceDate', () => {
  const today = '2026-11-28';
  it('accepts real dates up to today', () => {
    expect(parseInvoiceDate('2015-08-10', today)).to.deep.equal({ ok: true, date: '2015-08-10' });
    expect(parseInvoiceDate('2026-11-28', today)).to.deep.equal({ ok: true, date: '2026-11-28' });
    expect(parseInvoiceDate('2024-02-29', today)).to.deep.equal({ ok: true, date: '2024-02-29' });
  });
  it('rejects empty, impossible, implausible and future dates', () => {
    expect(parseInvoiceDate('', today)).to.deep.equal({ ok: false, error: 'empty' });
    expect(parseInvoiceDate('2015-02-30', today)).to.deep.equal({ ok: false, error: 'invalid' });
    expect(parseInvoiceDate('0201-08-10', today)).to.deep.equal({ ok: false, error: 'invalid' });
    expect(parseInvoiceDate('10/08/2015', today)).to.deep.equal({ ok: false, error: 'invalid' });
    expect(parseInvoiceDate('2026-11-29', today)).to.deep.equal({ ok: false, error: 'future' });
  });
  it('knows today in the user’s time zone', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).to.equal('2026-01-05');
  });
});

describe('parseLocalDate', () => {
  const today = '2026-11-28';
  /** What the user typed → the ISO date, or the error. */
  type DateRow = [typed: string, expected: string | { error: DateError }];
  const bad = (error: DateError) => ({ error });
  const check = (locale: string, rows: DateRow[]) => {
    for (const [typed, expected] of rows) {
      const result = parseLocalDate(typed, locale, today);
      const label = `${locale} ${JSON.stringify(typed)}`;
      if (typeof expected === 'string') expect(result, label).to.deep.equal({ ok: true, date: expected });
      else expect(result, label).to.deep.equal({ ok: false, error: expected.error });
    }
  };

  it('knows each locale’s order and separator', () => {
    expect(dateEntryFormat('en')).to.deep.equal({ order: ['month', 'day', 'year'], separator: '/' });
    expect(dateEntryFormat('en-GB')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '/' });
    expect(dateEntryFormat('fr')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '/' });
    expect(dateEntryFormat('de')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '.' });
    expect(dateEntryFormat('nl')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '-' });
    expect(dateEntryFormat('ar').order).to.deep.equal(['day', 'month', 'year']);
    expect(dateEntryFormat('ar').separator).to.equal('/');
  });

  it('writes an example the locale’s way', () => {
    expect(dateExample('2025-12-31', 'en')).to.equal('12/31/2025');
    expect(dateExample('2025-12-31', 'fr')).to.equal('31/12/2025');
    expect(dateExample('2025-12-31', 'de')).to.equal('31.12.2025');
    // Whatever digits Intl writes Arabic in, the parser reads its own example back.
    expect(parseLocalDate(dateExample('2025-12-31', 'ar'), 'ar', today)).to.deep.equal({ ok: true, date: '2025-12-31' });
  });

  it('reads English (American) dates month first', () => {
    check('en', [
      ['9/14/2015', '2015-09-14'],
      ['09/14/2015', '2015-09-14'],
      ['09-14-2015', '2015-09-14'],
      ['9.14.15', '2015-09-14'],
      [' 09 / 14 / 2015 ', '2015-09-14'],
      ['09142015', '2015-09-14'],
      ['14/09/2015', bad('invalid')],
      ['2015-09-14', '2015-09-14'],
    ]);
  });

  it('reads French dates day first, with any common separator and 2- or 4-digit years', () => {
    check('fr', [
      ['14/09/2015', '2015-09-14'],
      ['14/9/2015', '2015-09-14'],
      ['14.09.2015', '2015-09-14'],
      ['14-09-2015', '2015-09-14'],
      ['14 09 2015', '2015-09-14'],
      ['14/09/15', '2015-09-14'],
      ['14092015', '2015-09-14'],
      ['140915', '2015-09-14'],
      ['１４／０９／２０１５', '2015-09-14'],
      ['29/02/2024', '2024-02-29'],
      ['31/12/99', '1999-12-31'],
      ['28/11/26', '2026-11-28'],
      ['2015-09-14', '2015-09-14'],
      ['2015/9/14', '2015-09-14'],
    ]);
  });

  it('reads German dates with dots (a trailing dot too)', () => {
    check('de', [
      ['14.09.2015', '2015-09-14'],
      ['14.9.2015', '2015-09-14'],
      ['14.09.2015.', '2015-09-14'],
      ['1.2.2015', '2015-02-01'],
    ]);
  });

  it('reads Arabic-Indic digits and Arabic marks', () => {
    check('ar', [
      ['١٤/٠٩/٢٠١٥', '2015-09-14'],
      ['\u200f١٤\u200f/٠٩\u200f/٢٠١٥', '2015-09-14'],
      ['۱۴/۰۹/۲۰۱۵', '2015-09-14'],
      ['14/09/2015', '2015-09-14'],
      ['١٤-٠٩-٢٠١٥', '2015-09-14'],
    ]);
  });

  it('rejects empty, impossible, implausible and malformed dates', () => {
    check('fr', [
      ['', bad('empty')],
      ['   ', bad('empty')],
      ['31/02/2015', bad('invalid')],
      ['29/02/2015', bad('invalid')],
      ['00/09/2015', bad('invalid')],
      ['14/13/2015', bad('invalid')],
      ['14/09/0201', bad('invalid')],
      ['14/09/1899', bad('invalid')],
      ['14/09/201', bad('invalid')],
      ['14/09/20155', bad('invalid')],
      ['114/09/2015', bad('invalid')],
      ['14/09', bad('invalid')],
      ['14/09/2015/1', bad('invalid')],
      ['1492015', bad('invalid')],
      ['14 sept. 2015', bad('invalid')],
      ['le 14/09/2015', bad('invalid')],
      ['2015-13-01', bad('invalid')],
    ]);
  });

  it('says when a date is later than today (a 2-digit year is the latest such year up to this one)', () => {
    check('fr', [
      ['29/11/2026', bad('future')],
      ['01/01/2027', bad('future')],
      ['28/11/2026', '2026-11-28'],
      ['29/11/26', bad('future')],
      ['01/01/27', '1927-01-01'],
    ]);
    check('en', [['11/29/2026', bad('future')]]);
  });
});
