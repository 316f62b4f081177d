import { expect } from '@open-wc/testing';
import { targetLocales } from '../src/generated/locale-codes.js';

/** Each generated locale module (a static map, as the library's own loader has). */
const MODULES: Record<string, () => Promise<{ templates: Record<string, unknown> }>> = {
  ar: () => import('../src/generated/locales/ar.js'),
  de: () => import('../src/generated/locales/de.js'),
  es: () => import('../src/generated/locales/es.js'),
  fr: () => import('../src/generated/locales/fr.js'),
  it: () => import('../src/generated/locales/it.js'),
  nl: () => import('../src/generated/locales/nl.js'),
  pl: () => import('../src/generated/locales/pl.js'),
  pt: () => import('../src/generated/locales/pt.js'),
};

/** Words spelt the same in a locale as in English, which are translations all the same. */
const SAME_IN: Record<string, string[]> = {
  fr: ['Type', 'Date', 'Actions', 'Notes', 'Code'],
  de: ['Status'],
  it: ['Account'],
  nl: ['Type', 'Account', 'Status'],
  pl: ['Status'],
};

/** Every shipped locale translates every message, keeping every placeholder. */
describe('translations', () => {
  it('covers every target locale', () => {
    expect(Object.keys(MODULES).sort()).to.deep.equal([...targetLocales].sort());
  });

  for (const locale of targetLocales) {
    it(`${locale}: every message has a translation with the same placeholders`, async () => {
      const response = await fetch(`/locales/${locale}.xlf`);
      expect(response.ok).to.equal(true);
      const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const units = [...doc.getElementsByTagName('trans-unit')];
      expect(units.length).to.be.greaterThan(0);
      const problems: string[] = [];
      const placeholders = (node: Element | undefined) =>
        [...(node?.getElementsByTagName('x') ?? [])].map((x) => x.getAttribute('equiv-text')).sort();
      for (const unit of units) {
        const source = unit.getElementsByTagName('source')[0];
        const target = unit.getElementsByTagName('target')[0];
        const id = unit.getAttribute('id');
        if (!target || !target.textContent!.trim()) {
          problems.push(`${id} "${source.textContent}" has no translation`);
          continue;
        }
        if (JSON.stringify(placeholders(source)) !== JSON.stringify(placeholders(target))) {
          problems.push(`${id} "${source.textContent}" loses or adds a placeholder`);
        }
        const same = target.textContent === source.textContent && !SAME_IN[locale]?.includes(source.textContent!);
        if (same && /[a-z]{3}/.test(source.textContent!)) {
          problems.push(`${id} "${source.textContent}" is left in English`);
        }
      }
      expect(problems).to.deep.equal([]);
    });

    it(`${locale}: the generated module holds every translation`, async () => {
      const { templates } = await MODULES[locale]();
      const xliff = await (await fetch(`/locales/${locale}.xlf`)).text();
      const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(Object.keys(templates).sort()).to.deep.equal(ids);
    });
  }
});
