// The shipped themes (tn-customer-connect/themes.js and themes/*.css): one import makes the
// elements dark (or light) whatever the page says, with exactly the colours the elements use
// by themselves on a page of that colour scheme.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { applyTheme, darkTheme, lightTheme, themeCss, type TnTheme } from '../src/themes.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { setLocale } from '../src/localization/localization.js';

const PAINT = ['color', 'background-color', 'border-top-color', 'outline-color', 'box-shadow'] as const;

/** Every painted colour in an element's shadow tree (nested elements' trees included), in order. */
function paint(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      const style = getComputedStyle(child);
      out.push(`${child.localName}: ${PAINT.map((p) => style.getPropertyValue(p)).join(' | ')}`);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  out.push(PAINT.map((p) => getComputedStyle(root).getPropertyValue(p)).join(' | '));
  walk(root.shadowRoot!);
  return out;
}

/** A search with its results open (surfaces, text, accent, highlight) under `wrapperStyle`. */
async function searchIn(wrapperStyle: string, theme?: TnTheme): Promise<Element> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${wrapperStyle}>
    <tn-customer-search .adapter=${createDemoAdapter({ latency: 0 })} debounce="0" value="tungsten"></tn-customer-search>
    <tn-attention-panel .adapter=${createDemoAdapter({ latency: 0 })}></tn-attention-panel>
  </div>`);
  if (theme) applyTheme(wrapper, theme);
  const search = wrapper.querySelector('tn-customer-search')!;
  await waitUntil(() => search.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no results', { timeout: 5000 });
  const panel = wrapper.querySelector('tn-attention-panel')!;
  await waitUntil(() => panel.shadowRoot!.querySelector('[part~="summary"], [part~="empty"], a, button'), 'panel never loaded', {
    timeout: 5000,
  });
  return wrapper;
}

const both = (wrapper: Element) => [...wrapper.children].flatMap((el) => paint(el));

describe('shipped themes', () => {
  before(() => setLocale('en'));

  for (const [theme, opposite] of [
    [darkTheme, 'light'],
    [lightTheme, 'dark'],
  ] as const) {
    it(`${theme.colorScheme}: on a ${opposite} page, paints exactly what the elements paint by themselves on a ${theme.colorScheme} page`, async function () {
      this.timeout(30_000); // six elements on the demo network, on a shared CI machine
      const native = both(await searchIn(`color-scheme: ${theme.colorScheme}`));
      const themed = both(await searchIn(`color-scheme: ${opposite}`, theme));
      const unthemed = both(await searchIn(`color-scheme: ${opposite}`));
      expect(themed).to.have.length(native.length);
      themed.forEach((line, index) => expect(line, `node ${index}`).to.equal(native[index]));
      expect(unthemed, 'the opposite page looks different without the theme').not.to.deep.equal(native);
    });
  }

  it('dark.css: one stylesheet makes the elements dark on a light page, and leaves the page alone', async () => {
    const sheet = document.createElement('style');
    sheet.textContent = themeCss('dark');
    document.head.append(sheet);
    try {
      const wrapper = await searchIn('color-scheme: light; color: rgb(0, 0, 0)');
      const search = wrapper.querySelector('tn-customer-search')!;
      expect(getComputedStyle(search).color).to.equal('rgb(230, 237, 243)'); // #e6edf3
      expect(getComputedStyle(search).backgroundColor).to.equal('rgb(22, 27, 34)'); // #161b22
      expect(getComputedStyle(search).colorScheme).to.equal('dark');
      expect(getComputedStyle(wrapper).color, 'the page keeps its own text colour').to.equal('rgb(0, 0, 0)');
      expect(getComputedStyle(document.documentElement).colorScheme).not.to.equal('dark');
    } finally {
      sheet.remove();
    }
  });

  it("auto.css: follows the reader's system setting", async () => {
    const sheet = document.createElement('style');
    sheet.textContent = themeCss('auto');
    document.head.append(sheet);
    try {
      const wrapper = await searchIn('');
      const search = wrapper.querySelector('tn-customer-search')!;
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      expect(getComputedStyle(search).color).to.equal(dark ? 'rgb(230, 237, 243)' : 'rgb(29, 39, 51)');
      const media = [...sheet.sheet!.cssRules].find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule);
      expect(media?.conditionText ?? media?.media.mediaText).to.contain('prefers-color-scheme: dark');
      expect(media!.cssRules[0].cssText).to.contain('--tn-color-surface: #161b22');
    } finally {
      sheet.remove();
    }
  });
});
