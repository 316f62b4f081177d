import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../src/base/tn-element.js';
import { fold, highlightRuns } from '../src/adapter/text-matching.js';
import { resolveLocale } from '../src/localization/localization.js';
import { countryName } from '../src/localization/format.js';
import { VERSION } from '../src/base/version.js';

describe('defineElement', () => {
  it('registers once and ignores the same class again', () => {
    class First extends LitElement {}
    defineElement('tn-test-define-once', First);
    expect(() => defineElement('tn-test-define-once', First)).not.to.throw();
    expect(customElements.get('tn-test-define-once')).to.equal(First);
  });

  it('warns, naming both versions, instead of throwing when another copy holds the tag', () => {
    class Old extends LitElement {
      static version = '0.0.9';
    }
    class New extends LitElement {
      static version = '0.1.0';
    }
    defineElement('tn-test-define-twice', Old);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(() => defineElement('tn-test-define-twice', New)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('tn-test-define-twice')).to.equal(Old);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.9').and.to.contain('0.1.0');
  });

  it('knows the package version', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });
});

describe('fold and highlightRuns', () => {
  it('folds case, accents and white space', () => {
    expect(fold('  Société   GÉNÉRALE ')).to.equal('societe generale');
    expect(fold('Straße – Œuvre')).to.equal('strasse - oeuvre');
  });

  it('marks every accent-insensitive match on the original text', () => {
    expect(highlightRuns('Société Générale', 'ge')).to.deep.equal([
      { text: 'Société ', match: false },
      { text: 'Gé', match: true },
      { text: 'nérale', match: false },
    ]);
    expect(highlightRuns('Tungsten Network', 'N').filter((r) => r.match).map((r) => r.text)).to.deep.equal([
      'n',
      'n',
      'N',
    ]);
  });

  it('marks letters that fold to several (ß → ss) as a whole', () => {
    expect(highlightRuns('Großhandel', 'strasse')).to.deep.equal([{ text: 'Großhandel', match: false }]);
    expect(highlightRuns('Hauptstraße 5', 'strasse')).to.deep.equal([
      { text: 'Haupt', match: false },
      { text: 'straße', match: true },
      { text: ' 5', match: false },
    ]);
  });

  it('returns the text unmarked for an empty query, and keeps astral characters whole', () => {
    expect(highlightRuns('ACME', '  ')).to.deep.equal([{ text: 'ACME', match: false }]);
    expect(highlightRuns('😀 Café', 'cafe')).to.deep.equal([
      { text: '😀 ', match: false },
      { text: 'Café', match: true },
    ]);
  });
});

describe('locales and formats', () => {
  it('resolves regional and unknown tags', () => {
    expect(resolveLocale('fr-CH')).to.equal('fr');
    expect(resolveLocale('FR')).to.equal('fr');
    expect(resolveLocale('en-GB')).to.equal('en-GB');
    expect(resolveLocale('en-US')).to.equal('en');
    expect(resolveLocale('xx')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });

  it('names countries in the locale, and shows a bad code as it came', () => {
    expect(countryName('MY', 'en')).to.equal('Malaysia');
    expect(countryName('my', 'fr')).to.equal('Malaisie');
    expect(countryName('not a code', 'en')).to.equal('not a code');
  });
});

describe('formats', () => {
  it('formats money from decimal strings, per locale, without float drift', async () => {
    const { formatMoney } = await import('../src/localization/format.js');
    expect(formatMoney({ amount: '4508.00', currency: 'GBP' }, 'en')).to.equal('£4,508.00');
    expect(formatMoney({ amount: '4508.00', currency: 'GBP' }, 'fr').replace(/\s/g, ' ')).to.equal('4 508,00 £GB');
    expect(formatMoney({ amount: '0.00', currency: 'GBP' }, 'fr').replace(/\s/g, ' ')).to.equal('0,00 £GB');
    expect(formatMoney({ amount: '12,5', currency: 'EUR' }, 'en')).to.equal('12,5 EUR');
  });

  it('formats deadlines, dates and relative times per locale', async () => {
    const { formatDateTime, formatDate, formatRelative } = await import('../src/localization/format.js');
    const local = new Date(2018, 3, 18, 15, 45).toISOString();
    expect(formatDateTime(local, 'en')).to.contain('Wednesday').and.to.contain('April').and.to.contain('3:45');
    expect(formatDateTime(local, 'fr')).to.contain('mercredi 18 avril 2018').and.to.contain('15:45');
    expect(formatDate('2015-08-10', 'en')).to.equal('Aug 10, 2015');
    expect(formatDate('2015-08-10', 'fr')).to.equal('10 août 2015');
    const now = new Date(2026, 10, 28, 12, 0);
    expect(formatRelative(new Date(2026, 10, 28, 12, 0).toISOString(), now, 'en')).to.equal('just now');
    expect(formatRelative(new Date(2026, 10, 28, 11, 57).toISOString(), now, 'fr')).to.equal('il y a 3 minutes');
    expect(formatRelative(new Date(2026, 10, 28, 9, 0).toISOString(), now, 'en')).to.equal('3 hours ago');
    expect(formatDateTime('nonsense', 'en')).to.equal('nonsense');
  });
});
